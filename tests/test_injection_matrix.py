"""The injection matrix: every string field of every kind of content file, with each payload.

Fields are found by walking the fixture content's YAML (tests/fixtures/content:
manuals, chapters with their sections, requirements, procedures, repairs,
references, glossary, topics, checklists, rubrics, quizzes, onboarding, the
questions staff ask, owners and dates), so a new field is covered without
changing this file. Each field is first probed with a harmless marker: a field
that refuses it is structured (an id, a date, a reference), and each payload
there must stop the load with that file and line. In every other (free-text)
field a payload must either be refused with file:line by the checks, or be
published inert.

"Inert" is proved on the pages of both languages, built with the payload in
every free-text field at once (each field marked, so a stray value can be traced)
and, to test the rendering layer alone, with the plain-text checks switched off:
every page must have exactly the elements, attributes and link targets of the
same site built with the markers alone, the payload's characters must be shown
as text, and the widgets' JSON must hold the text exactly as written. A
representative subset is then opened in Chromium: no dialog, no script-set
global, no request that leaves the site.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from handbook import ContentError, load_handbook
from handbook.dependent_stamp import stamp_dependents
from handbook.loader import read_handbook
from handbook.problems import Problems
from handbook.translation import zh_hash
from handbook.yamlsource import load_yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "content"

# What a content file might carry to run code, load something or change the page.
PAYLOADS = {
    "script-tag": "<script>window.hbx=1;alert(1)</script>",
    "event-attribute": '<img src=x onerror="window.hbx=2;alert(2)">',
    "tag-with-handler": "<b onmouseover=alert(3) style=color:red>bold</b>",
    "closing-tags": "</p></li></ul></div></td></table><svg onload=window.hbx=4>",
    "unclosed-tag": "x <img src=x onerror=window.hbx=5 x=",
    "markdown-link": "Handling [a complaint](javascript:window.hbx=6)",
    "markdown-image": "![x](https://evil.example/x.png)",
    "data-link": "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)",
    "autolink": "<https://evil.example/auto> <javascript:alert(8)>",
    "entities": "&lt;script&gt;alert(9)&lt;/script&gt; &amp;amp; &#60;b&#62; &quot;q&quot; &#x27;",
    "quotes-backticks": '" onmouseover="window.hbx=10" x=\' `code` ${window.hbx} {{ 7*7 }} {% if 1 %}49{% endif %}',
    "markdown-syntax": '*em* __strong__ # not a heading {: onclick="window.hbx=11" } {#id .class} | a | b | :smile:',
    "bare-urls": "javascript:alert(12) //evil.example/x.png https://evil.example/y.png",
    "iframe-style": "<iframe src=https://evil.example></iframe><style>body{display:none}</style>",
}
# Every payload in one text (the unclosed tag last, so that it is still open at the end): one site
# that the browser test opens, rather than one per payload.
PAYLOADS["all-at-once"] = (
    " ".join(text for name, text in PAYLOADS.items() if name != "unclosed-tag") + " " + PAYLOADS["unclosed-tag"]
)
# A payload's characters a reader must see on the page, as text (it was published, not dropped).
VISIBLE = {name: re.sub(r"\s+", " ", text) for name, text in PAYLOADS.items()}
MARK = "hbx{n}q"
SKIP_KEYS = {"en_from_zh", "rests_on"}  # written by `scripts/hb stamp` from the Chinese, not by editors


def content_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yml"))


def string_fields(data, where: tuple = ()):
    if isinstance(data, str):
        yield where
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in SKIP_KEYS:
                yield from string_fields(value, where + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from string_fields(value, where + (index,))


def get(data, where):
    for key in where:
        data = data[key]
    return data


def put(data, where, value):
    get(data, where[:-1])[where[-1]] = value


def restamp(node) -> None:
    """Keep each English text's stamp in step with its (changed) Chinese."""
    if isinstance(node, dict):
        if "en_from_zh" in node and isinstance(node.get("zh"), str):
            node["en_from_zh"] = zh_hash(node["zh"])
        for value in node.values():
            restamp(value)
    elif isinstance(node, list):
        for value in node:
            restamp(value)


def restamp_rests_on(target: Path) -> None:
    """Issue 24: keep what each question, criterion and topic rests on in step with its (changed) rules."""
    handbook = read_handbook(target, Problems(target))
    if handbook.unread & {"manuals", "quizzes"}:
        return
    for path in sorted(target.rglob("*.yml")):
        stamp_dependents(handbook, path, accept_all=True)


class Content:
    """The fixture content as data: every file's YAML, and every string field in it."""

    def __init__(self):
        self.docs = {
            path.relative_to(FIXTURE): yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in content_files(FIXTURE)
        }
        self.fields = [(name, where) for name, data in self.docs.items() for where in string_fields(data)]

    def write(self, target: Path, values: dict[tuple, str]) -> Path:
        """A copy of the content with `values` ({(file, where): text}) put in, stamps renewed."""
        docs = json.loads(json.dumps({str(k): v for k, v in self.docs.items()}))
        for (name, where), value in values.items():
            put(docs[str(name)], where, value)
        if target.exists():
            shutil.rmtree(target)
        for name, data in docs.items():
            restamp(data)
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
        restamp_rests_on(target)
        return target

    def marked(self, field, text: str = "") -> str:
        n = self.fields.index(field)
        value = get(self.docs[field[0]], field[1])
        return f"{value} {MARK.format(n=n)}" + (f" {text}" if text else "")


def line_of(target: Path, field) -> int:
    doc = load_yaml(target / field[0], Problems(target))
    return doc.line(field[1])


def problems_in(target: Path) -> list:
    try:
        load_handbook(target, root=target)
    except ContentError as error:
        return error.problems
    return []


def places_of(target: Path) -> set[tuple[Path, int]]:
    """Where the load's problems are: (file, line)."""
    return {((target / p.file).resolve(), p.line) for p in problems_in(target)}


def place(target: Path, field) -> tuple[Path, int]:
    return (target / field[0]).resolve(), line_of(target, field)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    """The fields, split by a probe with a harmless marker into structured and free text."""
    content = Content()
    work = tmp_path_factory.mktemp("matrix")
    remaining, structured = list(content.fields), []
    while remaining:
        # All at once: the fields that refuse the marker are named at their lines. A file left
        # unread for one error hides its other fields, so the rest are marked again, until clean.
        target = content.write(work / "probe", {field: content.marked(field) for field in remaining})
        places = places_of(target)
        if not places:
            break
        refused = [field for field in remaining if place(target, field) in places]
        if not refused:
            refused = [
                field for field in remaining if places_of(content.write(work / "probe", {field: content.marked(field)}))
            ]
            structured += refused
            remaining = [field for field in remaining if field not in refused]
            break
        structured += refused
        remaining = [field for field in remaining if field not in refused]
    return content, work, remaining, structured


def test_the_matrix_covers_every_kind_of_content_file(matrix):
    content, _, free, structured = matrix
    kinds = {str(name).split("/")[0] if "/" in str(name) else str(name) for name, _ in free}
    assert {
        "manuals",
        "checklists",
        "rubrics",
        "quizzes",
        "glossary.yml",
        "references.yml",
        "topics.yml",
        "onboarding.yml",
        "asked",
    } <= kinds
    keys = {key for _, where in free + structured for key in where if isinstance(key, str)}
    # Manuals (title, owner, dates), sections, requirements, procedures' steps, repairs, quiz options, rubric texts.
    assert {
        "owner",
        "title",
        "zh",
        "en",
        "source",
        "restored",
        "why",
        "last",
        "next",
        "id",
        "steps",
        "options",
        "levels",
        "purpose",
        "sections",
        "requirements",
        "repairs",
        "references",
        "terms",
        "q",
        "answers",
    } <= keys, keys
    assert len(free) > 100 and len(structured) > 30, (len(free), len(structured))


def test_structured_fields_refuse_the_payloads_with_file_and_line(matrix):
    """Ids, dates, references: anything not in their form stops the load at that field's line.
    One load per field, with every payload in it at once (the form, not the payload, is what counts)."""
    content, work, _, structured = matrix
    everything = " ".join(PAYLOADS.values())
    missing = []
    for field in structured:
        target = content.write(work / "structured", {field: content.marked(field, everything)})
        places = places_of(target)
        if place(target, field) not in places:
            missing.append(f"{field[0]}:{place(target, field)[1]} {field[1]}: {sorted(places)[:3]}")
    assert not missing, "these fields' payloads were not refused at their line:\n" + "\n".join(missing)


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_free_text_fields_refuse_markup_at_its_file_and_line_or_accept_it(matrix, payload):
    content, work, free, _ = matrix
    target = content.write(
        work / f"free-{payload}", {field: content.marked(field, PAYLOADS[payload]) for field in free}
    )
    problems = problems_in(target)
    places = {((target / p.file).resolve(), p.line) for p in problems}
    refused = [field for field in free if place(target, field) in places]
    # The checks treat every free-text field alike: a payload is refused everywhere or nowhere.
    assert len(refused) in (0, len(free)), (
        f"{payload}: refused in {len(refused)} of {len(free)} fields; not in: "
        + ", ".join(f"{name}:{where}" for name, where in free if (name, where) not in refused)[:2000]
    )
    expected_refused = payload not in {"entities", "quotes-backticks", "markdown-syntax"}  # these are text
    assert bool(refused) == expected_refused, (payload, [str(p) for p in problems][:5])


# --- built pages ---------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background"}


class Skeleton(HTMLParser):
    """A page as its elements, attribute names and link targets, and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple] = []
        self.text: list[str] = []
        self.quiz_data: list[str] = []
        self._in_quiz_data = False
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        # An in-page anchor made from a heading's words (#…) differs with the words; it stays in the page.
        urls = tuple(
            (name, "#" if (value or "").startswith("#") else value) for name, value in attrs if name in URL_ATTRIBUTES
        )
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs)), urls))
        self.attributes += [(name, value or "") for name, value in attrs]
        self._in_quiz_data = ("class", "hb-quiz-data") in attrs
        if self._in_quiz_data:
            self.quiz_data.append("")

    def handle_data(self, data):
        self.text.append(data)
        if self._in_quiz_data:
            self.quiz_data[-1] += data

    def handle_endtag(self, tag):
        self._in_quiz_data = False


def parse(page: Path) -> Skeleton:
    parser = Skeleton()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def build(sites: dict[str, Path], unchecked: bool) -> None:
    env = dict(os.environ, HANDBOOK_EDIT_URI="", NO_MKDOCS_2_WARNING="1")
    args = [sys.executable, "-m", "tests.support.payload_build"] + (["--unchecked"] if unchecked else [])
    for content, out in sites.items():
        args += [content, str(out)]
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.fixture(scope="module")
def built(matrix, tmp_path_factory):
    """The marked site and one site per payload (payload in every free-text field), checks off."""
    content, work, free, _ = matrix
    out = tmp_path_factory.mktemp("built")
    sites = {str(content.write(work / "site-baseline", {f: content.marked(f) for f in free})): out / "baseline"}
    for name, payload in PAYLOADS.items():
        target = content.write(work / f"site-{name}", {f: content.marked(f, payload) for f in free})
        sites[str(target)] = out / name
    build(sites, unchecked=True)
    return out


def pages_of(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}


@pytest.mark.build
@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_every_page_of_both_languages_shows_the_payload_as_text_and_nothing_else(built, payload):
    baseline, site = pages_of(built / "baseline"), pages_of(built / payload)
    assert site.keys() == baseline.keys()
    assert any(p.startswith("en/") for p in site) and any(not p.startswith("en/") for p in site)
    shown = {"zh": 0, "en": 0}
    for path in sorted(site):
        before, after = parse(baseline[path]), parse(site[path])
        assert len(after.elements) == len(before.elements), f"{payload}: {path} gained or lost elements"
        for old, new in zip(before.elements, after.elements):
            assert old[:2] == new[:2], f"{payload}: {path}: {old[:2]} became {new[:2]}"
            assert old[2] == new[2], f"{payload}: {path}: a link target changed: {old[2]} -> {new[2]}"
        for name, value in after.attributes:
            assert not name.startswith("on"), f"{payload}: {path}: event attribute {name}"
            assert (
                not re.match(r"(?i)\s*(javascript|data|vbscript):|//|https?://evil", value)
                or name not in URL_ATTRIBUTES
            )
        text = re.sub(r"\s+", " ", "".join(after.text))
        if VISIBLE[payload] in text:
            shown["en" if path.startswith("en/") else "zh"] += 1
        for data in after.quiz_data:
            for question in json.loads(data):
                for value in [question["q"], question["e"]]:
                    if "hbx" in value:
                        assert value.endswith(" " + PAYLOADS[payload]), value  # text as written: not escaped twice
    assert shown["zh"] and shown["en"], f"{payload}: the payload's text is shown on no page of a language: {shown}"


@pytest.mark.build
def test_the_widgets_data_holds_the_text_exactly_as_written(built):
    """Rubric config (read by rubric.js, exported to CSV/JSON) and quiz data: plain text, never entities."""
    page = built / "entities" / "en" / "rubrics" / "complaint-assessment" / "index.html"
    config = json.loads(next(value for name, value in parse(page).attributes if name == "data-hb-config"))
    because = [cap["because"] for criterion in config["criteria"] for cap in criterion["critical"]]
    assert because and all(value.endswith(PAYLOADS["entities"]) for value in because), because
    assert config["title"].endswith(PAYLOADS["entities"])


# --- in the browser --------------------------------------------------------------------------

BROWSER_PAGES = [
    "manuals/900/",
    "manuals/900/1/",
    "manuals/900/1/1.1/",
    "checklists/complaint/",
    "rubrics/complaint-assessment/",
    "quizzes/900-1/",
    "quizzes/900-1-paper/",
    "quizzes/900-1-key/",
    "onboarding/",
    "topics/",
    "glossary/",
    "editors/references/",
    "editors/repairs/",
]


@pytest.mark.build
@pytest.mark.parametrize("payload", ["all-at-once", "unclosed-tag"])
def test_in_chromium_nothing_runs_and_nothing_is_requested_from_outside(built, chromium, payload):
    from harness.browser import free_port
    from harness.server import serve_compressed as serve
    from tests.test_browser import search

    with serve(built / payload, free_port()) as base:
        context = chromium.new_context()
        outside, dialogs, errors = [], [], []
        context.route(
            "**/*",
            lambda route: (
                (outside.append(route.request.url), route.abort())
                if not route.request.url.startswith(base)
                else route.continue_()
            ),
        )
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.on("pageerror", lambda error: errors.append(str(error)))
        for lang in ("", "en/"):
            for path in BROWSER_PAGES:
                tab.goto(base + lang + path)  # waits for "load": the deferred scripts have run
                if "quizzes/900-1/" == path:
                    # The quiz draws its questions from the data: answer one so its feedback is shown too.
                    tab.locator(".hb-q input").first.check()
                tab.mouse.move(200, 300)
                assert tab.evaluate("typeof window.hbx") == "undefined", f"{payload}: script ran on {lang}{path}"
            # Search shows the index's titles and text as HTML: the payload must come out as text there too.
            assert search(tab, "示例" if lang == "" else "Example"), "search found nothing"
            assert tab.evaluate("typeof window.hbx") == "undefined", f"{payload}: script ran in search results"
        context.close()
    assert dialogs == [] and outside == [], (dialogs, outside)
    assert errors == [], errors
