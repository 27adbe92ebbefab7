"""The model is read once and derived once (issue 21): frozen, with every lookup and
back-reference computed by the loader, and every text the site shows registered
as it is read, so that every check sees every text and no check fills anything in.

Expected values are read off the fixture YAML (tests/fixtures/content) by hand.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import ROOT
from handbook.checks import check_handbook
from handbook.content_text import strings
from handbook.guessability import check_guessability
from handbook.loader import load_handbook, read_handbook
from handbook.problems import Problems
from handbook.text_walk import every_text
from handbook.yamlsource import load_yaml


def edit(content: Path, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def ids(items) -> list[str]:
    return [item.id for item in items]


# Derived indexes and back-references ------------------------------------------


def test_lookups_by_id_and_back_references_are_the_content_s(content):
    handbook, _ = load_handbook(content)
    index = handbook.index
    manual = index.manuals["900"]
    assert index.chapters["900-1"].manual is manual
    assert (
        index.sections["900-1.1"].title.zh == "投诉处理"
        and index.sections["900-1.1"].chapter is index.chapters["900-1"]
    )
    assert ids(index.all_sections) == ["900-1.1", "900-1.2"]
    assert ids(index.all_requirements) == ["900-1.1-r1", "900-1.1-p1", "900-1.1-r2", "900-1.1-p2"]
    # Rules: requirements and the steps of procedures, each step knowing its procedure and section.
    assert list(index.rules) == [
        "900-1.1-r1",
        "900-1.1-p1",
        "900-1.1-p1-s1",
        "900-1.1-p1-s2",
        "900-1.1-r2",
        "900-1.1-p2",
        "900-1.1-p2-s1",
        "900-1.1-p2-s2",
        "900-1.1-p2-s3",
    ]
    step = index.rules["900-1.1-p2-s3"]
    assert step.requirement is index.requirements["900-1.1-p2"] and step.section is index.sections["900-1.1"]
    assert list(index.indicators) == ["900-1.1-i1", "900-1.1-i2"] and list(index.grades) == ["900-1.1-g1", "900-1.1-g2"]
    assert index.indicators["900-1.1-i1"].section.id == "900-1.1"
    # What a rubric criterion may assess: sections, rules, indicators and grades alike.
    assert {"900-1.1", "900-1.1-p1-s2", "900-1.1-i2", "900-1.1-g1"} <= set(index.assessables)
    assert index.quotable["900-1.1-i1"] == "从客户提出投诉到获得回应的时间。"


def test_used_in_checklists_quizzes_and_rubrics_are_derived_once(content):
    handbook, _ = load_handbook(content)
    index = handbook.index
    [checklist] = handbook.checklists
    # checklists/01-complaint.yml lists 900-1.1-r1 and two steps of 900-1.1-p1.
    assert {rule: ids(used) for rule, used in index.checklists_by_rule.items()} == {
        "900-1.1-r1": ["complaint-check"],
        "900-1.1-p1-s1": ["complaint-check"],
        "900-1.1-p1-s2": ["complaint-check"],
    }
    assert dict(index.checklists_by_section) == {"900-1.1": (checklist,)}
    assert ids(index.checklist_sections["complaint-check"]) == ["900-1.1"]
    # quizzes/900-1.yml: q1 asks r1, q2 the procedure p1, q3 r2, q4 orders the steps of p2.
    assert {rule: ids(asked) for rule, asked in index.questions_by_rule.items()} == {
        "900-1.1-r1": ["900-1.1-q1"],
        "900-1.1-p1": ["900-1.1-q2"],
        "900-1.1-r2": ["900-1.1-q3"],
        "900-1.1-p2": ["900-1.1-q4"],
    }
    assert ids(index.questions_by_section["900-1.1"]) == ["900-1.1-q1", "900-1.1-q2", "900-1.1-q3", "900-1.1-q4"]
    assert index.quizzes["900-1"] is handbook.quizzes[0]
    question = index.questions["900-1.1-q4"]
    assert handbook.question_section(question).id == "900-1.1"
    assert ids(handbook.question_steps(question)) == ["900-1.1-p2-s1", "900-1.1-p2-s2", "900-1.1-p2-s3"]
    # rubrics/01-complaint-assessment.yml rests on 900-1.1 and assesses 900-1.1 and its indicator i2.
    [rubric] = handbook.rubrics
    assert ids(index.rubric_sections["complaint-assessment"]) == ["900-1.1"]
    assert dict(index.rubrics_by_section) == {"900-1.1": (rubric,)}


def test_cited_by_is_derived_by_the_loader_chapters_first(content):
    # The section cites law-example in its body, a requirement's and an indicator's cites:;
    # give the chapter's title a marker too, and cite a reference that does not exist.
    edit(content, "manuals/900/01.yml", "  zh: 示例章\n", "  zh: 示例章[ref:law-example]\n")
    edit(
        content,
        "manuals/900/01.yml",
        "        cites:\n          - law-example\n",
        "        cites:\n          - law-example\n          - no-such-law\n",
    )
    problems = Problems(content)
    handbook = read_handbook(content, problems)  # read and derived, not yet checked
    assert handbook.references["law-example"].cited_by == ("900-1", "900-1.1")
    assert handbook.index.cited_by == {"law-example": ("900-1", "900-1.1")}
    assert [(c.ref_id, c.by, c.how) for c in handbook.index.citations] == [
        ("law-example", "900-1", "a citation marker names"),
        ("law-example", "900-1.1", "a citation marker names"),
        ("law-example", "900-1.1", "cites: names"),
        ("no-such-law", "900-1.1", "cites: names"),
        ("law-example", "900-1.1", "cites: names"),
    ]
    check_handbook(handbook, problems)
    assert any("'no-such-law', which is not in references.yml" in p.message for p in problems.errors)
    assert handbook.references["law-example"].cited_by == ("900-1", "900-1.1")  # the check added nothing


def test_the_commands_get_the_same_derived_model_as_the_build(content):
    """hb report/stale/new read with read_handbook: it derives everything load_handbook's model has."""
    read = read_handbook(content, Problems(ROOT))
    built, _ = load_handbook(content)
    assert read == built and read.index == built.index
    assert read.references["law-example"].cited_by == ("900-1.1",)


# Checks only report --------------------------------------------------------------


def test_the_model_is_frozen(content):
    handbook, _ = load_handbook(content)
    section = handbook.sections()[0]
    for obj, field, value in (
        (handbook, "checklists", []),
        (section, "status", "source-missing"),
        (section.title, "en", "changed"),
        (handbook.references["law-example"], "cited_by", ()),
        (handbook.index, "rules", {}),
        (section.requirements[0], "section", None),
    ):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, value)
    with pytest.raises(TypeError):
        handbook.index.sections["new"] = section  # the indexes are read-only mappings too
    with pytest.raises(RuntimeError, match="frozen"):
        handbook.registry.add(section.title, "manual:title")


def test_running_every_check_leaves_the_model_equal(content):
    # Content with problems of every kind the checks report, so each check has work to do.
    edit(content, "manuals/900/01.yml", "en: Handling a complaint", "en: Handling a grievance")  # glossary + stale
    edit(content, "checklists/01-complaint.yml", '"900-1.1-p1-s1"', '"900-1.1-p1"')  # a whole procedure
    checked, untouched = (read_handbook(content, Problems(content)) for _ in range(2))
    problems = Problems(content)
    check_handbook(checked, problems)
    check_guessability(checked.quizzes, problems)
    assert problems.errors  # the checks did report …
    assert checked == untouched  # … and changed nothing
    assert checked.index == untouched.index
    assert [r.cited_by for r in checked.references.values()] == [r.cited_by for r in untouched.references.values()]
    assert checked.texts() == untouched.texts()


# The text registry -------------------------------------------------------------------

# Strings of the content files that are not text a reader is shown, by their key:
# ids and references to ids, the fixed values the schema allows, numbers and dates,
# file names, owners and editors' notes that the site does not show.
# fmt: off
NOT_SHOWN = {
    "id", "requirement", "chapters", "cites", "assesses", "basis", "indicator", "standard", "grade", "cap", "at",
    "chapter", "section", "procedure", "requirements", "sections", "quote",  # ids and references to ids
    "when", "status", "force", "type", "kind", "style", "review",             # the schema's fixed values
    "number", "last", "next", "date", "superseded_on",                        # numbers and dates
    "history_from",  # changes.yml: the date the change history starts (a setting)
    "source",        # a manual's source file name; a requirement's quote that its force is checked against
    "owner", "by", "how", "force_why", "en_forms", "not_in",                  # for editors and checks
    "url",           # a link, checked by content_text.url_problem
    "replaced_by",   # a retired id's successor (retired records are never shown: handbook/retired.py)
    "answers",       # asked/: the sections a question names (ids)
}
# fmt: on


def _content_strings(content: Path):
    """(file, line, key, inside a bilingual text) for every string of every content file but search.yml."""
    for path in sorted(content.rglob("*.yml")):
        if path.name == "search.yml" or "schema" in path.parts:
            continue
        doc = load_yaml(path, Problems(content))
        for where, _ in strings(doc.data):
            parent = doc.data
            for key in where[:-1]:
                parent = parent[key]
            is_text = isinstance(parent, dict) and "en_from_zh" in parent
            key = next(k for k in reversed(where) if not isinstance(k, int))
            yield path, doc.line(where), key, is_text, where


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_every_string_a_page_shows_is_in_the_registry(which, content):
    folder = content if which == "fixture" else ROOT / "checklists"
    handbook = read_handbook(folder, Problems(folder))
    registered = {(Path(file).resolve(), line) for _, _, file, line, _ in handbook.registry.strings()}
    missing = []
    for path, line, key, is_text, where in _content_strings(folder):
        repair = "repairs" in where and key != "review"  # a repair's raw, restored and why are shown
        if "retired" in where or "rests_on" in where:  # a withdrawn id's record, a dependent's
            continue  # fingerprints: for editors and checks only
        if key in ("zh", "en") and is_text or repair or key not in NOT_SHOWN | {"en_from_zh", "stale_ok"}:
            if (path.resolve(), line) not in registered:
                missing.append(f"{path.relative_to(folder)}:{line} {'.'.join(map(str, where))}")
    assert not missing, f"{len(missing)} shown strings the loader did not register: {missing[:10]}"


def test_the_registry_holds_exactly_the_model_s_texts_each_once():
    real_handbook = read_handbook(ROOT / "checklists", Problems(ROOT))
    registered = real_handbook.registry.texts()
    walked = every_text(real_handbook)  # an independent walk of the whole model
    assert len({id(text) for text in registered}) == len(registered)
    assert {id(text) for text in registered} == {id(text) for text in walked}
    assert len(real_handbook.texts()) == len(registered)


def test_each_text_is_registered_with_its_kind_owner_and_lines(content):
    handbook, _ = load_handbook(content)
    entries: dict = {}
    for entry in handbook.registry.entries:
        entries.setdefault((entry.kind, entry.owner), entry)
    step = entries[("chapter:sections.requirements.steps.text", "900-1.1")]
    assert (step.file.name, step.text.zh_line, step.text.origin.line) == ("01.yml", 50, 51)
    assert ("checklist:groups.title", "complaint-check") in entries
    assert ("quiz:questions.options.feedback", "900-1.1-q1") in entries
    assert ("onboarding:stages.title", "onboarding") in entries
    assert ("references:references.citation", "law-example") in entries
    assert ("topics:topics.title", "complaints") in entries
    # A section's own texts, in reading order: its title first, its grades last.
    section = handbook.sections()[0]
    assert section.texts()[0] is section.title and section.texts()[-1] is section.grades[-1].descriptor
    assert handbook.chapters()[0].texts() == [handbook.chapters()[0].title]  # not its sections'
    plain = {(p.kind, p.lang) for p in handbook.registry.plain}
    assert ("glossary:terms.zh", "zh") in plain and ("glossary:terms.en", "en") in plain
