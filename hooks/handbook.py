"""MkDocs hooks: a thin adapter from the handbook model to one language's site.

Each language is its own MkDocs build (mkdocs.yml for zh-Hans at the root,
mkdocs.en.yml for English under /en/). These hooks load and check the YAML
(once per process: scripts/build builds both languages in one), hand MkDocs the
generated pages and navigation, point each page's edit link at the file an
editor changes, publish the site's own scripts and styles minified, shape each
page's navigation, and index each language's pages for search (Pagefind).
"""

from __future__ import annotations

import copy
import logging
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from handbook import ContentError  # noqa: E402
from handbook.loader import load_handbook_remembered  # noqa: E402
from handbook.generate import build_files, build_nav, build_pages  # noqa: E402
from handbook.generate.assets import AssetError, published_assets  # noqa: E402
from handbook.generate.checklists import label_checkboxes  # noqa: E402
from handbook.generate.csp import inline_script_hashes, script_templates  # noqa: E402
from handbook.generate.sidebar import bounded_items, lifted_items  # noqa: E402
from handbook.handwritten import ASSETS, compare_languages  # noqa: E402
from handbook import search_words  # noqa: E402
from handbook.pagefind_index import PagefindError, index_language  # noqa: E402

log = logging.getLogger("mkdocs.hooks.handbook")
ARTICLE = '<article class="md-content__inner md-typeset">'
UNSEARCHED = ("quizzes/", "onboarding/final", "editors/references", "editors/repairs", "checklists/index",
              "rubrics/index")
_state: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config):
    lang = config.extra["handbook_lang"]
    try:
        handbook, problems = load_handbook_remembered()
    except ContentError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"The handbook content has {len(error.problems)} problem(s); "
                    "fix them (file:line above) and build again.")
    for problem in problems.warnings:
        log.warning(str(problem))
    if lang == "en" and config.site_url and not config.site_url.rstrip("/").endswith("/en"):
        config.site_url = config.site_url.rstrip("/") + "/en/"
    _state.update(handbook=handbook, lang=lang, pages=build_pages(handbook, lang, config.site_url or ""),
                  downloads=build_files(handbook, lang, config.site_url or ""))
    if lang == "zh":
        # Both languages' hand-written pages are compared once, in the zh build.
        for problem in compare_languages(ROOT / "docs"):
            log.warning(str(problem))
    config.nav = build_nav(handbook, lang)
    if str(handbook.content) not in map(str, config.watch):
        config.watch.append(str(handbook.content))    # content kept outside checklists/
    return config


def on_files(files: Files, config) -> Files:
    docs_folder = Path(config.docs_dir).resolve().relative_to(ROOT).as_posix()
    for file in files:
        file.edit_uri = f"{docs_folder}/{file.src_uri}"
    for page in _state["pages"]:
        generated = File.generated(config, page.path, content=page.markdown)
        source = page.source.resolve()
        # Content kept outside the repository (tests, benchmarks) has no edit link.
        generated.edit_uri = source.relative_to(ROOT).as_posix() if source.is_relative_to(ROOT) else None
        if not page.in_nav:
            generated.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(generated)
    for path, text in _state["downloads"].items():
        files.append(File.generated(config, path, content=text))
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file() and asset.suffix not in (".js", ".css"):
            files.append(File(asset.relative_to(ASSETS.parent).as_posix(), src_dir=str(ASSETS.parent),
                              dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls))
    try:
        published = published_assets(ASSETS)
    except AssetError as error:
        raise Abort(str(error)) from error
    for path, text in published.items():
        files.append(File.generated(config, path, content=text))
    # The question words and synonyms the search dialog fetches when it is opened.
    files.append(File.generated(config, search_words.PUBLISHED,
                                content=search_words.published(_state["handbook"].search_words, _state["lang"])))
    return files


def on_env(env, config, files):
    """The Content-Security-Policy (docs/overrides/main.html) lists the hashes of the theme's inline scripts."""
    context = {"config": config, "features": config.theme.get("features", []), "i18n_page_title": ""}
    names = script_templates([Path(folder) for folder in config.theme.dirs])
    site_path = urlsplit(config.site_url or "/").path or "/"
    env.globals["hb_script_hashes"] = inline_script_hashes(env, names, context, site_path)
    return env


def on_page_content(html: str, page, config, files) -> str:
    return label_checkboxes(html)


def on_post_page(output: str, page, config) -> str:
    # Search indexes the article only (not the navigation, header or footer), and
    # only pages that answer: not the quizzes (a search for a rule finds the
    # rule, never an exam question or its answer key), not the lists of
    # citations and repairs, not the lists of checklists and rubrics (each
    # checklist and rubric is indexed itself).
    if page.file.src_uri.startswith(UNSEARCHED) or (page.meta.get("search") or {}).get("exclude"):
        return output
    return output.replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", 1)


def on_page_context(context, page, config, nav):
    # The theme prunes what is off the page's path (navigation.prune); the
    # manuals are lifted to the top level (unless it is a tab bar, where four
    # manual titles do not fit) and long lists bounded here.
    path = [page, *page.ancestors]
    items = nav.items if "navigation.tabs" in config.theme["features"] else lifted_items(nav.items, _is_manuals, path)
    shown = copy.copy(nav)
    shown.items = bounded_items(items, path)
    context["nav"] = shown
    return context


def _is_manuals(section) -> bool:
    index = section.children[0]
    return getattr(index, "is_index", False) and index.file.src_uri == "manuals/index.md"


def on_post_build(config) -> None:
    # Before the English site is built beside it: the Chinese index is of Chinese pages only.
    try:
        index_language(Path(config.site_dir), _state["lang"])
    except PagefindError as error:
        raise Abort(str(error)) from error
    if _state.get("command") == "serve" and _state["lang"] == "zh":
        _build_english_beside(config)


def _build_english_beside(config) -> None:
    """While serving, rebuild the English site into /en/ so both are served."""
    target = Path(config.site_dir) / "en"
    strict = ["--strict"] if config.strict else ["--no-strict"]
    generator = os.environ.get("HANDBOOK_MKDOCS", "mkdocs")
    command = [sys.executable, "-m", generator, "build", *strict, "-f", str(ROOT / "mkdocs.en.yml"),
               "-d", str(target)]
    env = dict(os.environ, HANDBOOK_SITE_URL=config.site_url or "")
    result = subprocess.run(command, cwd=ROOT, env=env, text=True, capture_output=True)
    for line in (result.stdout + result.stderr).splitlines():
        if line.strip() and not line.startswith("INFO"):
            log.warning(f"[en] {line}")
    if result.returncode:
        log.error("The English build failed; the English pages are out of date.")
