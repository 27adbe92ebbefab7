"""Issue 19: wherever the site shows a requirement, a suggestion is marked as one and never
reads as a rule, and a rule resting only on a disputed or superseded source says so.

Walks every generated page of both languages (section and topic pages, checklists, rubrics,
quizzes and their answer keys, onboarding, registers): each element that shows a requirement
(its anchor, checklist box or rubric entry) must carry its badge; a quiz question testing only suggestions says so
in its explanation, on screen, in the answer key and in the GIFT export.
"""

from __future__ import annotations

import html
import re

import pytest

from handbook import load_handbook
from handbook.generate import build_files, build_pages
from handbook.generate.rule_notes import NOTES, note_keys
from handbook.modality import RULE_WORDS_EN, RULE_WORDS_ZH
from handbook.model import Requirement, unsound_sources

BADGE = {"recommendation": "hb-force-badge-recommendation", "description": "hb-force-badge-description"}
SHOWN = re.compile(r'<li id="(?P<a>[^"]+)"|<li data-hb-rule="(?P<b>[^"]+)"|<label for="c-(?P<c>[^"]+)"')


@pytest.fixture(scope="module")
def handbook():
    return load_handbook()[0]


@pytest.fixture(scope="module")
def pages(handbook):
    return {lang: build_pages(handbook, lang) for lang in ("zh", "en")}


def _force_of(rule) -> str:
    return (rule if isinstance(rule, Requirement) else rule.requirement).force


def _element(markdown: str, start: int) -> str:
    """The opening of the element that shows a rule: up to its own step list, the next item, or its line's end."""
    ends = [markdown.find(mark, start + 1) for mark in ("<ol", "<ul", "<li", "</li>", "\n")]
    return markdown[start : min(e for e in ends if e > 0)]


def _words(fragment: str) -> str:
    """What a reader sees of a fragment: the text without tags and attributes."""
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_shown_rule_carries_its_force_and_its_sources_state(handbook, pages, lang):
    rules = handbook.rules()
    seen: dict[str, set[str]] = {}
    unsound: set[str] = set()
    for page in pages[lang]:
        for found in SHOWN.finditer(page.markdown):
            rule_id = found.group("a") or found.group("b") or found.group("c")
            rule = rules.get(rule_id)
            if rule is None:
                continue  # a section or question anchor
            element = _element(page.markdown, found.start())
            if unsound_sources(rule.cites, handbook.references):
                assert "hb-rule-source" in element, f"{page.path}: {rule_id} rests only on unsound sources, unsaid"
                unsound.add(page.path.split("/")[0])
            if not isinstance(rule, Requirement) and found.group("c") is None:
                continue  # a step inside its procedure's list: the procedure carries the badge
            force = _force_of(rule)
            if force == "obligation":
                assert "hb-force-badge" not in element, (page.path, rule_id)
                continue
            assert BADGE[force] in element, f"{page.path}: {rule_id} ({force}) is shown without its badge:\n{element}"
            # Issue 22: a "changed" mark's previous text is the rule as it stood, labelled so; not this rule.
            element = re.sub(r'<details class="hb-change-mark".*?</details>', "", element, flags=re.S)
            shown = _words(re.sub(r'<span class="hb-force[^"]*"[^>]*>[^<]*</span>', "", element))
            for pattern in (RULE_WORDS_ZH, RULE_WORDS_EN):
                assert not pattern.search(shown), f"{page.path}: {rule_id} ({force}) reads as a rule: {shown}"
            seen.setdefault(rule_id, set()).add(page.path.split("/")[0])
    shown_kinds = {kind for kinds in seen.values() for kind in kinds}
    assert {"manuals", "checklists", "rubrics", "topics"} <= shown_kinds, shown_kinds
    assert {"manuals", "checklists", "topics"} <= unsound, unsound
    # every suggestion and description is shown, marked, at least on its section page
    marked = {r.id for r in handbook.requirements() if r.force != "obligation"}
    assert marked == {rule_id for rule_id, kinds in seen.items() if "manuals" in kinds and rule_id in marked}


def test_quiz_explanations_say_what_the_rules_they_test_are(handbook, pages):
    rules = handbook.rules()
    suggestion_only = unsound = 0
    for question in handbook.questions():
        cited = [rules[r] for r in question.requirement_ids if r in rules]
        keys = note_keys(handbook, question)
        forces = {_force_of(rule) for rule in cited}
        if cited and forces == {"recommendation"}:
            suggestion_only += 1
            assert "recommendation" in keys, question.id
        if cited and any(unsound_sources(rule.cites, handbook.references) for rule in cited):
            unsound += 1
            assert {"disputed", "superseded", "unsound"} & set(keys), question.id
        for lang in ("zh", "en"):
            key_page = next(p for p in pages[lang] if p.path == f"quizzes/{question.section_id.split('.')[0]}-key.md")
            row = re.search(rf'<tr data-hb-question="{re.escape(question.id)}">.*?</tr>', key_page.markdown).group()
            quiz_page = next(p for p in pages[lang] if p.path == f"quizzes/{question.section_id.split('.')[0]}.md")
            for key in keys:
                note = str(html.escape(NOTES[key][lang], quote=False))
                assert note in row, (question.id, lang, key)
                assert html.escape(NOTES[key][lang]).replace("&#x27;", "'") in html.unescape(
                    quiz_page.markdown
                ) or NOTES[key][lang] in html.unescape(html.unescape(quiz_page.markdown)), (question.id, lang, key)
    assert suggestion_only >= 5 and unsound >= 5  # the notes are exercised on the real content


def test_the_gift_export_carries_the_notes(handbook):
    for lang in ("zh", "en"):
        gift = next(iter(build_files(handbook, lang).values()))
        assert NOTES["recommendation"][lang].replace(":", "\\:") in gift
        assert any(NOTES[key][lang].replace(":", "\\:") in gift for key in ("disputed", "superseded", "unsound"))


def test_an_explanation_stating_a_suggestion_as_a_rule_is_reported(real_content):
    from test_cli import hb

    quiz = real_content / "quizzes/002-1.yml"
    text = quiz.read_text(encoding="utf-8")
    old = "zh: 问1建议：客户服务标准应该清晰明确"
    assert old in text
    quiz.write_text(text.replace(old, "zh: 问1：客户服务标准应该清晰明确", 1), encoding="utf-8")
    line = next(
        n
        for n, row in enumerate(quiz.read_text(encoding="utf-8").splitlines(), 1)
        if "zh: 问1：客户服务标准应该清晰明确" in row
    )
    result = hb("check", content=real_content)
    assert (
        f"quizzes/002-1.yml:{line}: error: question '002-1.1-q1' tests only suggestions, but its zh explanation "
        "states the key as a rule ('应该')"
    ) in result.stdout + result.stderr
