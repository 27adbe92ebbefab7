"""Every lookup and back-reference of the model, derived once when the handbook is loaded.

Generators and checks read these; none of them rebuilds a lookup of its own, and
no check fills anything in (a reference's `cited_by` is derived here, not by the
check that reports citations of unknown references).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .asked import AskedQuestion
from .model import (
    Chapter,
    Checklist,
    Grade,
    Handbook,
    Indicator,
    Manual,
    Question,
    Quiz,
    Requirement,
    Rubric,
    Section,
    Step,
)

REF_MARKER = re.compile(r"\[ref:([a-z0-9]+(?:[-.][a-z0-9]+)*)\]")


@dataclass(frozen=True)
class Citation:
    """One place that cites a reference: a [ref:…] marker in a text, or a `cites:` entry."""

    ref_id: str
    by: str  # the chapter or section id that cites it
    file: Path
    line: int
    how: str  # "a citation marker names" | "cites: names": how a message says it


@dataclass(frozen=True)
class Index:
    # Everything in the handbook's order (ids may repeat in content with errors: the checks report them) …
    all_chapters: tuple[Chapter, ...]
    all_sections: tuple[Section, ...]
    all_requirements: tuple[Requirement, ...]
    all_questions: tuple[Question, ...]
    # … and by id (the first of each id).
    manuals: Mapping[str, Manual]
    chapters: Mapping[str, Chapter]
    sections: Mapping[str, Section]
    requirements: Mapping[str, Requirement]
    rules: Mapping[str, Requirement | Step]  # requirements and steps: what a checklist item names
    indicators: Mapping[str, Indicator]
    grades: Mapping[str, Grade]
    assessables: Mapping[str, object]  # sections, rules, indicators, grades: what a criterion assesses
    standards: Mapping[str, Requirement | Step | Indicator]  # what a criterion may take its standard from
    quotable: Mapping[str, str]  # id → the Chinese a rubric descriptor may quote
    questions: Mapping[str, Question]
    quizzes: Mapping[str, Quiz]  # by chapter id
    questions_by_section: Mapping[str, tuple[Question, ...]]
    questions_by_rule: Mapping[str, tuple[Question, ...]]  # used in quizzes
    checklists_by_section: Mapping[str, tuple[Checklist, ...]]
    checklists_by_rule: Mapping[str, tuple[Checklist, ...]]  # used in checklists
    checklist_sections: Mapping[str, tuple[Section, ...]]  # checklist id → the sections it draws on, in order
    rubric_sections: Mapping[str, tuple[Section, ...]]  # rubric id → the sections it rests on and assesses
    rubrics_by_section: Mapping[str, tuple[Rubric, ...]]  # used in rubrics
    citations: tuple[Citation, ...]  # every citation, in the handbook's order
    cited_by: Mapping[str, tuple[str, ...]]  # reference id → the chapters and sections citing it
    # lang → every text of the handbook in that language, joined: what the search words are
    # checked against (checks.py: the handbook's word must be in it)
    language_text: Mapping[str, str]
    # section id → the questions staff ask that name it (checklists/asked), both languages, in file order
    asked_by_section: Mapping[str, tuple[AskedQuestion, ...]]
    # lang → language_text and the questions the pages list: what the search index holds, which
    # the published search words are counted in (the forms some page holds, the vocabulary)
    searched_text: Mapping[str, str]


def _frozen(found: dict) -> Mapping:
    return MappingProxyType({key: tuple(value) if isinstance(value, list) else value for key, value in found.items()})


def _append(found: dict, key: str, value) -> None:
    listed = found.setdefault(key, [])
    if value not in listed:
        listed.append(value)


def _first_of_each(items) -> dict:
    found: dict = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def derive_index(handbook: Handbook) -> Index:
    all_chapters = tuple(c for m in handbook.manuals for c in m.chapters)
    all_sections = tuple(s for c in all_chapters for s in c.sections)
    all_requirements = tuple(r for s in all_sections for r in s.requirements)
    all_questions = tuple(q for quiz in handbook.quizzes for q in quiz.questions)
    manuals = _first_of_each(handbook.manuals)
    chapters = _first_of_each(all_chapters)
    sections = _first_of_each(all_sections)
    requirements = _first_of_each(all_requirements)
    rules: dict = {}
    for requirement in all_requirements:
        rules[requirement.id] = requirement
        rules.update((step.id, step) for step in requirement.steps)
    indicators = {i.id: i for s in all_sections for i in s.indicators}
    grades = {g.id: g for s in all_sections for g in s.grades}
    assessables = {**sections, **rules, **indicators, **grades}
    quotable = {rule_id: rule.text.zh for rule_id, rule in rules.items() if rule.text}
    quotable.update((i.id, i.description.zh) for i in indicators.values())
    quotable.update((g.id, g.descriptor.zh) for g in grades.values())

    questions = _first_of_each(all_questions)
    by_section: dict = {}
    by_rule: dict = {}
    for question in all_questions:
        by_section.setdefault(question.section_id, []).append(question)
        for rule_id in [*question.requirement_ids, *([question.procedure_id] if question.procedure_id else [])]:
            _append(by_rule, rule_id, question)

    checklists_by_section: dict = {}
    checklists_by_rule: dict = {}
    for checklist in handbook.checklists:
        for item in checklist.items:
            rule = rules.get(item.rule_id)
            if rule is not None:
                _append(checklists_by_section, rule.section.id, checklist)
                _append(checklists_by_rule, item.rule_id, checklist)

    checklist_sections = {}
    for checklist in handbook.checklists:
        drawn = {rules[item.rule_id].section.id for item in checklist.items if item.rule_id in rules}
        checklist_sections[checklist.id] = tuple(s for s in all_sections if s.id in drawn)

    rubric_sections = {}
    rubrics_by_section: dict = {}
    for rubric in handbook.rubrics:
        wanted = set(rubric.basis)
        for criterion in rubric.criteria:
            for target_id in criterion.assesses:
                target = assessables.get(target_id)
                if target is not None:
                    wanted.add((target if isinstance(target, Section) else target.section).id)
        rubric_sections[rubric.id] = tuple(s for s in all_sections if s.id in wanted)
        for section in rubric_sections[rubric.id]:
            rubrics_by_section.setdefault(section.id, []).append(rubric)

    citations = _citations(handbook, all_chapters, all_sections)
    language_text = _language_text(handbook)
    cited_by: dict = {ref_id: [] for ref_id in handbook.references}
    for citation in citations:
        if citation.ref_id in cited_by and citation.by not in cited_by[citation.ref_id]:
            cited_by[citation.ref_id].append(citation.by)

    return Index(
        all_chapters=all_chapters,
        all_sections=all_sections,
        all_requirements=all_requirements,
        all_questions=all_questions,
        manuals=_frozen(manuals),
        chapters=_frozen(chapters),
        sections=_frozen(sections),
        requirements=_frozen(requirements),
        rules=_frozen(rules),
        indicators=_frozen(indicators),
        grades=_frozen(grades),
        assessables=_frozen(assessables),
        standards=_frozen({**rules, **indicators}),
        quotable=_frozen(quotable),
        questions=_frozen(questions),
        quizzes=_frozen({quiz.id: quiz for quiz in handbook.quizzes}),
        questions_by_section=_frozen(by_section),
        questions_by_rule=_frozen(by_rule),
        checklists_by_section=_frozen(checklists_by_section),
        checklists_by_rule=_frozen(checklists_by_rule),
        checklist_sections=_frozen(checklist_sections),
        rubric_sections=_frozen(rubric_sections),
        rubrics_by_section=_frozen(rubrics_by_section),
        citations=tuple(citations),
        cited_by=_frozen(cited_by),
        language_text=_frozen(language_text),
        asked_by_section=_frozen(_asked_by_section(handbook)),
        searched_text=_frozen(
            {
                lang: "\n".join([text, *(q.text for q in handbook.asked if q.lang == lang)])
                for lang, text in language_text.items()
            }
        ),
    )


def _asked_by_section(handbook: Handbook) -> dict:
    found: dict = {}
    for question in handbook.asked:
        for section_id in question.answers:
            _append(found, section_id, question)
    return found


def _language_text(handbook: Handbook) -> dict[str, str]:
    texts = handbook.texts() if handbook.registry is not None else []
    return {lang: "\n".join(getattr(text, lang) for text in texts) for lang in ("zh", "en")}


def _citations(handbook: Handbook, chapters, sections) -> list[Citation]:
    """Chapters' markers first, then each section's markers and `cites:`, in reading order."""
    found = []
    marker = "a citation marker names"
    for chapter in chapters:
        for text in chapter.texts():
            found += [
                Citation(ref_id, chapter.id, text.origin.file, text.zh_line or text.origin.line, marker)
                for ref_id in REF_MARKER.findall(text.zh)
            ]
    for section in sections:
        for text in section.texts():
            found += [
                Citation(ref_id, section.id, text.origin.file, text.zh_line or text.origin.line, marker)
                for ref_id in REF_MARKER.findall(text.zh)
            ]
        for rule in (r for requirement in section.requirements for r in (requirement, *requirement.steps)):
            found += [
                Citation(
                    ref_id,
                    section.id,
                    rule.origin.file,
                    rule.cite_lines.get(ref_id) or rule.origin.line,
                    "cites: names",
                )
                for ref_id in rule.cites
            ]
        for indicator in section.indicators:
            found += [
                Citation(ref_id, section.id, indicator.origin.file, indicator.origin.line, "cites: names")
                for ref_id in indicator.cites
            ]
    return found
