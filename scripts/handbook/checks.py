"""Cross-checks the schema cannot express: ids, references, repairs, terms."""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

import opencc

from .asked import check_asked
from .dependents import check_dependents
from .derive import REF_MARKER
from .force_checks import check_forces
from .history.settings import read_settings as read_change_settings
from .model import CHINESE_CHARACTER, Handbook, Manual, Origin, Section
from .problems import Problems
from .quiz_checks import check_quizzes
from .reference_checks import check_manual_folder, check_references
from .retired import check_retired
from .revisions import check_revisions
from .rubric_checks import check_rubrics
from .search_words import check_search_words
from .sequence_checks import check_sequences
from .translation import PLACEHOLDER


def check_handbook(handbook: Handbook, problems: Problems) -> None:
    """Report every problem of the loaded model. Checks read the model; they never change it."""
    for manual in handbook.manuals:
        check_manual_folder(manual, problems)
    check_references(handbook, problems)
    _check_ids(handbook, problems)
    _check_structure(handbook, problems)
    if "references" not in handbook.unread:
        _check_citations(handbook, problems, complete=not handbook.unread)
    _check_texts(handbook, problems)
    _check_repairs(handbook, problems)
    _check_glossary(handbook, problems)
    _check_topics(handbook, problems)
    _check_checklists(handbook, problems)
    check_rubrics(handbook, problems)
    check_quizzes(handbook, problems)
    if not handbook.unread:
        check_search_words(
            handbook.search_words, {lang: handbook.language_text(lang) for lang in ("zh", "en")}, problems
        )
    if "manuals" not in handbook.unread:
        check_sequences(handbook, problems)  # issue 19d
        check_asked(handbook.asked, handbook.index.sections, problems)
    check_forces(handbook, problems)  # 19c
    check_revisions(handbook, problems)  # issue 24
    check_dependents(handbook, problems)  # issue 24
    check_retired(handbook, problems)  # withdrawn ids stay known, never cited
    read_change_settings(handbook.content, problems)  # issue 22: checklists/changes.yml


def _check_ids(handbook: Handbook, problems: Problems) -> None:
    seen: dict[str, Origin] = {}

    def claim(id_: str, origin: Origin) -> None:
        if id_ in seen:
            first = seen[id_]
            where = problems.relative(first.file)
            problems.add(
                origin.file,
                origin.line,
                f"duplicate id '{id_}'",
                f"already used at {where}:{first.line}; ids must be unique across the handbook",
            )
        else:
            seen[id_] = origin

    for manual in handbook.manuals:
        for chapter in manual.chapters:
            claim(chapter.id, chapter.origin)
            for section in chapter.sections:
                claim(section.id, section.origin)
                for requirement in section.requirements:
                    claim(requirement.id, requirement.origin)
                    for step in requirement.steps:
                        claim(step.id, step.origin)
                for item in section.indicators + section.grades:
                    claim(item.id, item.origin)
    for reference in handbook.references.values():
        claim(reference.id, reference.origin)
    for topic in handbook.topics:
        claim(topic.id, topic.origin)
    for checklist in handbook.checklists:
        claim(checklist.id, checklist.origin)
    for rubric in handbook.rubrics:
        claim(rubric.id, rubric.origin)
    for question in handbook.questions():
        claim(question.id, question.origin)


def _check_structure(handbook: Handbook, problems: Problems) -> None:
    for manual in handbook.manuals:
        _check_review_dates(manual, problems)
        numbers: dict[str, Origin] = {}
        for chapter in manual.chapters:
            if chapter.number in numbers:
                problems.add(
                    chapter.origin.file,
                    chapter.origin.line,
                    f"chapter number {chapter.number} appears twice in manual {manual.id}",
                    "each chapter file needs its own number",
                )
            numbers[chapter.number] = chapter.origin
            for section in chapter.sections:
                _check_section(manual.id, chapter.number, section, numbers, problems)


def _check_review_dates(manual: Manual, problems: Problems) -> None:
    file = manual.origin.file
    dates = {}
    for key, value in (("review.last", manual.reviewed), ("review.next", manual.review_by)):
        try:
            dates[key] = date.fromisoformat(value)
        except ValueError:
            problems.add(
                file, manual.lines[key], f"{key}: '{value}' is not a date", 'write it as YYYY-MM-DD, e.g. "2027-05-24"'
            )
    if len(dates) == 2 and dates["review.next"] <= dates["review.last"]:
        problems.add(
            file,
            manual.lines["review.next"],
            f"the next review ({manual.review_by}) is not after the last ({manual.reviewed})",
            "set next to the date the following review is due",
        )


def _check_section(
    manual_id: str, chapter_number: str, section: Section, numbers: dict[str, Origin], problems: Problems
) -> None:
    file, line = section.origin.file, section.origin.line
    if not section.number.startswith(chapter_number + "."):
        problems.add(
            file,
            line,
            f"section {section.number} is not numbered under chapter {chapter_number}",
            f"number it {chapter_number}.N or move it to its chapter's file",
        )
    if section.number in numbers:
        problems.add(
            file,
            line,
            f"section number {section.number} appears twice in manual {manual_id}",
            "give each section its own number",
        )
    numbers[section.number] = section.origin
    if not section.published and (section.body or section.requirements or section.indicators or section.grades):
        problems.add(
            file,
            line,
            f"section {section.number} is source-missing but has text",
            "set status: published, or remove body, requirements, indicators and grades",
        )
    for kind, items in (("indicator", section.indicators), ("grade", section.grades)):
        names: dict[str, Origin] = {}
        for item in items:
            if item.name.zh in names:
                problems.add(
                    item.origin.file,
                    item.origin.line,
                    f"{kind} '{item.name.zh}' appears twice in section {section.number}",
                    f"each {kind} of a section needs its own name",
                )
            names[item.name.zh] = item.origin


def _check_citations(handbook: Handbook, problems: Problems, complete: bool) -> None:
    """Citations of unknown references (the model's citations and `cited_by` are derived by the loader)."""
    for citation in handbook.index.citations:
        if citation.ref_id not in handbook.references:
            problems.add(
                citation.file,
                citation.line,
                f"{citation.how} '{citation.ref_id}', which is not in references.yml",
                "add the reference to checklists/references.yml, or correct the id",
            )
    for reference in handbook.references.values():
        if complete and not reference.cited_by:
            problems.warn(
                reference.origin.file,
                reference.origin.line,
                f"reference '{reference.id}' is cited nowhere",
                "cite it with [ref:id] in a text, or remove it",
            )


def _check_texts(handbook: Handbook, problems: Problems) -> None:
    for text in handbook.texts():
        file, line = text.origin.file, text.origin.line
        if sorted(REF_MARKER.findall(text.zh)) != sorted(REF_MARKER.findall(text.en)):
            problems.add(
                file,
                line,
                "the [ref:…] markers differ between zh and en",
                "put the same citation markers in both languages",
            )
        if not CHINESE_CHARACTER.search(text.zh):
            problems.add(
                file,
                text.zh_line,
                "the zh text has no Chinese characters",
                "write the Chinese in zh and the English in en",
            )
        for lang, where in (("zh", text.zh_line), ("en", line)):
            if text[lang].startswith(PLACEHOLDER[lang]):
                problems.add(
                    file,
                    where,
                    f"placeholder text in {lang}: '{text[lang]}'",
                    "write the text that `scripts/hb new` left for you to fill in",
                )
        traditional = traditional_characters(text.zh)
        if traditional:
            problems.add(
                file,
                text.zh_line,
                f"Traditional Chinese in a Simplified (zh-Hans) text: {traditional}",
                "write the Simplified characters shown in brackets",
            )
        if text.stale and not text.stale_ok:
            problems.warn(
                file,
                line,
                "stale translation: the Chinese changed after this English was written",
                "update the English, then run `scripts/hb stamp --accept FILE:LINE` "
                "(or, to publish it as it is with a notice, add `stale_ok: true`)",
            )
        elif text.stale_ok and not text.stale:
            problems.warn(file, line, "stale_ok on an English text that is up to date", "remove `stale_ok: true`")


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def traditional_characters(chinese: str) -> str:
    """The Traditional characters in `chinese`, each with its Simplified form: '應 (应), 當 (当)'."""
    simplified = _to_simplified().convert(chinese)
    if simplified == chinese or len(simplified) != len(chinese):
        return ""
    pairs = dict.fromkeys(f"{a} ({b})" for a, b in zip(chinese, simplified) if a != b)
    return ", ".join(pairs)


def _check_repairs(handbook: Handbook, problems: Problems) -> None:
    for manual in handbook.manuals:
        for chapter in manual.chapters:
            scopes = [(chapter.repairs, chapter.texts())]
            scopes += [(section.repairs, section.texts()) for section in chapter.sections]
            for repairs, texts in scopes:
                # a revised text's repairs are in its imported original (issue 24)
                chinese = "\n".join(t.zh + (f"\n{t.revision.original}" if t.revision else "") for t in texts)
                for repair in repairs:
                    if repair.restored not in chinese:
                        problems.add(
                            repair.origin.file,
                            repair.origin.line,
                            f"repaired text '{repair.restored}' does not occur in this section's Chinese",
                            "copy the restored words exactly as the text now reads them",
                        )


def _check_topics(handbook: Handbook, problems: Problems) -> None:
    if "manuals" in handbook.unread:
        return
    sections = handbook.index.sections
    for topic in handbook.topics:
        for section_id, line in zip(topic.sections, topic.section_lines):
            if section_id not in sections:
                problems.add(
                    topic.origin.file,
                    line,
                    f"topic '{topic.id}' lists section '{section_id}', which does not exist",
                    'use a section id as in the manuals, e.g. "000-2.4"',
                )


MIN_CHECKLIST_ITEMS = 3


def _check_checklists(handbook: Handbook, problems: Problems) -> None:
    rules = handbook.rules()
    for checklist in handbook.checklists:
        items = checklist.items
        if len(items) < MIN_CHECKLIST_ITEMS:
            problems.add(
                checklist.origin.file,
                checklist.origin.line,
                f"checklist '{checklist.id}' has {len(items)} item(s); a checklist needs at least {MIN_CHECKLIST_ITEMS}",
                "add items, or fold these into another checklist",
            )
        if all(item.optional for item in items):
            problems.add(
                checklist.origin.file,
                checklist.origin.line,
                f"every item of checklist '{checklist.id}' is optional, so it is complete when nothing is ticked",
                "remove optional: true from the items that must be done",
            )
        seen: dict[str, int] = {}
        for item in items:
            file, line = item.origin.file, item.origin.line
            if item.rule_id in seen:
                problems.add(
                    file,
                    line,
                    f"requirement '{item.rule_id}' is listed twice in checklist '{checklist.id}'",
                    f"it is already on line {seen[item.rule_id]}; remove one",
                )
                continue
            seen[item.rule_id] = line
            if "manuals" in handbook.unread:
                continue
            rule = rules.get(item.rule_id)
            if rule is None:
                problems.add(
                    file,
                    line,
                    f"checklist item names requirement '{item.rule_id}', which does not exist",
                    'use a requirement id from a section page, e.g. "000-2.4-r3", or a step id',
                )
            elif getattr(rule, "steps", None):
                problems.add(
                    file,
                    line,
                    f"'{item.rule_id}' is a procedure with {len(rule.steps)} steps",
                    f"list its steps as items instead: {', '.join(step.id for step in rule.steps)}",
                )


def _check_glossary(handbook: Handbook, problems: Problems) -> None:
    terms = sorted(handbook.glossary, key=lambda t: -len(t.zh))
    # Every text the site shows, as the loader registered it while reading, so no
    # content kind or field added later escapes the glossary (issues 19 and 21).
    texts = handbook.registry.texts()
    # One scan per text finds the terms that may occur (overlapping, so 投诉 is
    # found inside 投诉处理); only those are checked word by word.
    anywhere = re.compile("(?=(" + "|".join(re.escape(term.zh) for term in terms) + "))") if terms else None
    for text in texts:
        present = set(anywhere.findall(text.zh)) if anywhere else set()
        for term in terms:
            if term.zh not in present or not term.occurs_in(text.zh):
                continue
            rejected = [form for form in term.avoid if _contains_word(text.en, form)]
            if rejected:
                problems.add(
                    text.origin.file,
                    text.origin.line,
                    f"glossary: the English renders {term.zh} as '{rejected[0]}', which the glossary rejects",
                    f"write '{term.en}' instead (checklists/glossary.yml:{term.origin.line})",
                )
            elif not any(_contains_word(text.en, form) for form in term.renderings):
                problems.add(
                    text.origin.file,
                    text.origin.line,
                    f"glossary: the Chinese uses {term.zh} but the English lacks '{term.en}'",
                    f"translate {term.zh} as '{term.en}' (checklists/glossary.yml:{term.origin.line})",
                )


def _contains_word(text: str, phrase: str) -> bool:
    return _word_pattern(phrase).search(text) is not None


@cache
def _word_pattern(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", re.IGNORECASE)
