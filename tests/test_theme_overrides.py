"""Our copies of Material's templates differ from the theme's own only where we
mean them to, so a theme upgrade that changes the original is noticed."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material

from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "docs" / "overrides"


def _body(template: str) -> list[str]:
    """The template without its leading {#- ... -#} comment."""
    lines = template.splitlines()
    end = next(n for n, line in enumerate(lines) if line.strip().endswith("-#}"))
    return lines[end + 1 :]


def test_search_dialog_differs_from_the_theme_only_by_its_name_and_the_sites_search():
    ours = _body((OVERRIDES / "partials" / "search.html").read_text(encoding="utf-8"))
    theirs = _body((THEME / "partials" / "search.html").read_text(encoding="utf-8"))
    changed = [(a.strip(), b.strip()) for a, b in zip(ours, theirs) if a != b]
    assert len(ours) == len(theirs)
    assert changed == [
        (
            '<div class="md-search" data-hb-search role="dialog" aria-label="{{ lang.t(\'search\') }}">',
            '<div class="md-search" data-md-component="search" role="dialog">',
        ),
        ('<form class="md-search__form" name="hb-search">', '<form class="md-search__form" name="search">'),
        (
            theirs[ours.index(next(line for line in ours if "data-hb-search-query" in line))]
            .strip()
            .replace('data-md-component="search-query"', "data-hb-search-query"),
            theirs[ours.index(next(line for line in ours if "data-hb-search-query" in line))].strip(),
        ),
        (
            '<div class="md-search-result" data-hb-search-result>',
            '<div class="md-search-result" data-md-component="search-result">',
        ),
        ('<div class="md-search-result__meta" role="status">', '<div class="md-search-result__meta">'),
    ]


def test_header_differs_from_the_theme_only_by_showing_search_without_materials_plugin_and_its_language_key():
    ours = [line.strip() for line in _body((OVERRIDES / "partials" / "header.html").read_text(encoding="utf-8"))]
    theirs = [line.strip() for line in _body((THEME / "partials" / "header.html").read_text(encoding="utf-8"))]
    diff = [line for line in difflib.ndiff(theirs, ours) if line[:1] in "+-"]
    assert diff == [
        "- {% if config.extra.alternate %}",
        "+ {% if config.extra.languages %}",
        '- {% if "material/search" in config.plugins %}',
        '- {% set search = config.plugins["material/search"] | attr("config") %}',
        "- {% if search.enabled %}",
        "- {% endif %}",
        "- {% endif %}",
    ]


def test_pages_name_no_alternate_language_in_their_head(built_site):
    """Material fetches the sitemap of every <link rel="alternate"> in the head on
    a first visit; the language switch needs none (mkdocs.yml, extra.languages)."""
    for page in (built_site / "manuals" / "000" / "1" / "1.1" / "index.html", built_site / "en" / "index.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert "hreflang" not in head


def test_the_search_dialog_is_named_in_each_language(built_site):
    for page, name in ((built_site / "index.html", "查找"), (built_site / "en" / "index.html", "Search")):
        assert f'role="dialog" aria-label="{name}"' in page.read_text(encoding="utf-8")


def test_the_deferred_scripts_are_the_themes_own():
    """main.html loads the theme's bundle itself (to defer it): the same file as the theme's page."""
    ours = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    theirs = (THEME / "base.html").read_text(encoding="utf-8")
    bundle = re.search(r"'(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)'", theirs).group(1)
    assert f"'{bundle}' | url }}}}\" defer></script>" in ours


def test_pages_are_painted_before_their_scripts_run(built_site):
    html = (built_site / "en" / "quizzes" / "000-1" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script src=\"[^\"]+\"[^>]*>", html)
    assert scripts and all(" defer" in tag for tag in scripts)
    assert 'classList.add("hb-js")' in html.split("</head>")[0]
