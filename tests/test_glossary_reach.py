"""The glossary check sees every text the site shows, not only those some list names.

Issue 19 part 6: onboarding stage titles, topic titles, checklist and rubric texts
must be held to checklists/glossary.yml like the manuals' own texts, and a field
added to the model later must not escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.model import Origin, Text
from handbook.text_walk import every_text
from handbook.translation import zh_hash
from tests.test_model import edit, line_of, only, problems_of


def test_a_glossary_violation_in_onboarding_a_checklist_and_a_rubric_is_reported_at_its_line(content):
    # The onboarding stage title now uses 投诉 (restamped, so only the glossary complains).
    onboarding = edit(
        content,
        "onboarding.yml",
        "zh: 示例阶段\n      en: Example stage\n      en_from_zh: 52fcf561",
        f"zh: 投诉处理阶段\n      en: Handling grievances\n      en_from_zh: {zh_hash('投诉处理阶段')}",
    )
    checklist = edit(
        content, "checklists/01-complaint.yml", "en: Complaint handling checklist", "en: Grievance handling checklist"
    )
    rubric = edit(
        content, "rubrics/01-complaint-assessment.yml", "en: No complaints at all", "en: No grievances at all"
    )
    topics = edit(content, "topics.yml", "en: Complaints", "en: Grievances")
    problems = problems_of(content)
    for path, needle in (
        (onboarding, "Handling grievances"),
        (checklist, "Grievance handling checklist"),
        (rubric, "No grievances at all"),
        (topics, "en: Grievances"),
    ):
        problem = only(problems, path, line_of(path, needle), "glossary", "投诉", "complaint")
        assert "glossary.yml:" in problem.hint


def test_a_rejected_rendering_is_reported_with_the_preferred_one(content):
    edit(
        content,
        "glossary.yml",
        "  - zh: 投诉\n    en: complaint\n",
        "  - zh: 投诉\n    en: complaint\n    avoid:\n      - grievance\n",
    )
    # The rejected word beside the right one is still reported: the reader sees it.
    checklist = edit(
        content,
        "checklists/01-complaint.yml",
        "en: Complaint handling checklist",
        "en: Complaint (grievance) handling checklist",
    )
    problem = only(
        problems_of(content), checklist, line_of(checklist, "grievance"), "glossary", "投诉", "grievance", "rejects"
    )
    assert "write 'complaint'" in problem.hint


def test_the_walk_finds_a_text_in_any_field_however_deeply_nested():
    @dataclass
    class Leaf:
        label: Text

    @dataclass
    class NewContentKind:  # a kind no texts() list knows about
        title: Text
        parts: dict[str, list[Leaf]] = field(default_factory=dict)
        maybe: Text | None = None

    def text(zh: str) -> Text:
        return Text(zh=zh, en="x", en_from_zh=zh_hash(zh), origin=Origin(None, 1))

    title, deep = text("标题"), text("深处")
    kind = NewContentKind(title=title, parts={"a": [Leaf(deep), Leaf(title)]})
    assert every_text(kind) == [title, deep]  # each once, in the model's order


def test_the_walk_covers_everything_the_handbook_lists_and_more(real_handbook):
    walked = {id(text) for text in every_text(real_handbook)}
    assert {id(text) for text in real_handbook.texts()} <= walked
    onboarding_titles = [stage.title for stage in real_handbook.onboarding.stages]
    assert onboarding_titles and all(id(t) in walked for t in onboarding_titles)
    assert all(id(topic.title) in walked for topic in real_handbook.topics)


def test_the_glossary_page_shows_the_rejected_renderings_under_the_one_used(content):
    from tests.test_generate import pages_by_path

    edit(
        content,
        "glossary.yml",
        "  - zh: 投诉\n    en: complaint\n",
        "  - zh: 投诉\n    en: complaint\n    avoid:\n      - grievance\n",
    )
    english = pages_by_path(content, "en")["glossary.md"].markdown
    chinese = pages_by_path(content, "zh")["glossary.md"].markdown
    assert '<span class="hb-term-avoid">not: <del lang="en">grievance</del></span>' in english
    assert '<span class="hb-term-avoid">不用：<del lang="en">grievance</del></span>' in chinese
    # A term with nothing rejected shows its rendering alone.
    assert english.count("hb-term-avoid") == 1
