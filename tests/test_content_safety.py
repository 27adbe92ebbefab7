"""Content is data, never markup: what `scripts/hb check` refuses, with file and line,
and how the three routes a reviewer found (issue 20) are closed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook import load_handbook
from handbook.content_text import text_problems, url_problem
from handbook.generate import build_pages
from handbook.generate.templating import md_text
from tests.support.cli import hb
from tests.test_model import edit, line_of, only, problems_of

ROOT = Path(__file__).resolve().parents[1]
MANUAL = "manuals/900/manual.yml"
CHAPTER = "manuals/900/01.yml"
REFERENCES = "references.yml"


@pytest.mark.parametrize(
    "text",
    [
        "Handling [a complaint](javascript:alert(1))",
        "A picture ![x](https://evil.example/x.png)",
        "Complaints <img src=x onerror=alert(2) x=",
        "Complaints </p",
        "<b>bold</b>",
        "Open javascript:alert(1)",
        "Embed data:text/html;base64,PHNjcmlwdD4=",
        "See [the law][1]",
    ],
)
def test_plain_text_with_markup_or_links_is_refused(text):
    assert text_problems(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Answer within 3 rings; a < b and 5 > 3",
        "Reference source: https://www.sohu.com/a/153630611_114877",
        "Customer data: names and phone numbers",
        "Q&A, “quotes” and 'apostrophes' (in brackets) [ref:law-example]",
        "参考来源：https://www.thebalancesmb.com/x",
    ],
)
def test_ordinary_text_is_accepted(text):
    assert text_problems(text) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/law",
        "mailto:editors@example.org",
        "../editors/references/",
        "manuals/000/",
        "glossary/#term",
    ],
)
def test_allowed_links(url):
    assert url_problem(url) is None


@pytest.mark.parametrize(
    "url, word",
    [
        ("javascript:alert(1)", "javascript:"),
        ("JaVaScRiPt:alert(1)", "javascript:"),
        ("java\tscript:alert(1)", "control"),
        (" javascript:alert(1)", "spaces"),
        ("data:text/html,<script>alert(1)</script>", "data:"),
        ("//evil.example/x.png", "protocol-relative"),
        ("http://example.org/", "http:"),
        ("/etc/passwd", "root"),
        ("https:///nohost", "no host"),
        ("vbscript:msgbox", "vbscript:"),
        ("\\\\evil.example\\x", "protocol-relative"),
    ],
)
def test_refused_links(url, word):
    problem = url_problem(url)
    assert problem and word in problem[0], (url, problem)


def test_a_refused_reference_link_is_named_with_file_and_line(content):
    path = edit(content, REFERENCES, "    status: unchecked", "    url: javascript:alert(1)\n    status: unchecked")
    only(problems_of(content), path, line_of(path, "url: javascript"), "javascript:", "not allowed")


def test_an_allowed_reference_link_is_published_and_reported(content):
    edit(
        content, REFERENCES, "    status: unchecked", "    url: https://law.example.org/example\n    status: unchecked"
    )
    handbook, _ = load_handbook(content)
    pages = {page.path: page.markdown for page in build_pages(handbook, "en")}
    assert (
        '<a class="hb-ref-url" href="https://law.example.org/example" rel="noopener noreferrer">'
        in pages["editors/references.md"]
    )
    report = hb("report", "--json", content=content)
    links = json.loads(report.stdout)["external_links"]
    assert [link["url"] for link in links if link["linked"]] == ["https://law.example.org/example"]
    assert links[0]["where"].endswith("references.yml:3")


def test_route_1_owner_with_markup_is_refused_and_escaped_if_published(content):
    path = edit(content, MANUAL, 'owner: "@handbook-org/manual-900-editors"', 'owner: "<img src=x onerror=alert(1)>"')
    only(problems_of(content), path, line_of(path, "owner:"), "raw HTML", "'owner'")


def test_route_2_markdown_link_in_a_section_title_is_refused(content):
    path = edit(content, CHAPTER, "en: Handling a complaint", 'en: "Handling [a complaint](javascript:alert(1))"')
    only(problems_of(content), path, line_of(path, "Handling [a complaint]"), "Markdown link")


def test_route_3_unclosed_tag_is_refused(content):
    path = edit(content, CHAPTER, "en: Report the outcome.", 'en: "Report the outcome <img src=x onerror=alert(2) x="')
    only(problems_of(content), path, line_of(path, "onerror"), "raw HTML")


def test_markdown_text_is_written_as_text():
    assert str(md_text("Handling [a](javascript:x) ![i](https://e/x.png) <b> & `c` *e* _u_ | {#id} :smile:")) == (
        "Handling &#91;a&#93;(javascript:x) !&#91;i&#93;(https://e/x.png) &#60;b&#62; &#38; &#96;c&#96; "
        "&#42;e&#42; &#95;u&#95; &#124; &#123;&#35;id&#125; &#58;smile:"
    )


def test_an_eleventh_quiz_option_is_refused_with_file_and_line(content):
    path = content / "quizzes/900-1.yml"
    text = path.read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(text)
    question = next(q for q in data["questions"] if q.get("options"))
    question["options"] += [dict(question["options"][-1]) for _ in range(11 - len(question["options"]))]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = problems_of(content)
    assert any(p.file.endswith("900-1.yml") and "at most 10" in p.message for p in problems), problems
