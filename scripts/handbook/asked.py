"""The questions staff ask (checklists/asked/*.yml): each in one language, with the
sections whose text answers it. A section's page lists the questions that name it
("Questions this section answers"), and search finds the section by them: staff who
type a question in their own words find the section even where the manual says it in
other words (README, Search). Read with the rest of the content; checked by
check_asked (every answer a section with text, the right script, no repeats).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import content_text
from .model import CHINESE_CHARACTER, LANGS, Origin
from .problems import Problems
from .reading import read_checked
from .yamlsource import load_yaml


@dataclass(frozen=True)
class AskedQuestion:
    text: str
    lang: str
    answers: tuple[str, ...]  # section ids, as written
    origin: Origin


def read_asked(folder: Path, problems: Problems) -> tuple[AskedQuestion, ...]:
    """Every question of every file in `folder`, file by file in the order of their names.
    A file with errors in its shape is left out (its problems are reported)."""
    found = []
    for path in sorted(folder.glob("*.yml")):
        doc = load_yaml(path, problems)
        if doc is None or read_checked(doc, "asked", problems):
            continue
        content_text.check_document(doc, problems)  # plain text, as every content file
        for lang in LANGS:
            for i, entry in enumerate(doc.data.get(lang) or []):
                origin = Origin(path, doc.line((lang, i)))
                found.append(AskedQuestion(entry["q"].strip(), lang, tuple(entry["answers"]), origin))
    return tuple(found)


def question_key(text: str) -> str:
    """A question as compared for repeats: case, spacing and end punctuation aside."""
    return re.sub(r"[\s?？。.!！,，、]+", "", text.lower())


def check_asked(asked: tuple[AskedQuestion, ...], sections: dict, problems: Problems) -> None:
    """Problems a schema cannot see: an answer that is no section or a section without
    text, a question in the other language's script, a section named twice by one
    question, a question asked twice (case, spacing and end punctuation aside)."""
    seen: dict[tuple[str, str], AskedQuestion] = {}
    for question in asked:
        file, line = question.origin.file, question.origin.line
        chinese = bool(CHINESE_CHARACTER.search(question.text))
        if question.lang == "zh" and not chinese:
            problems.add(file, line, f"'{question.text}' is under zh but holds no Chinese", "move it under en:")
        if question.lang == "en" and chinese:
            problems.add(file, line, f"'{question.text}' is under en but holds Chinese", "move it under zh:")
        for section_id in question.answers:
            section = sections.get(section_id)
            if section is None:
                problems.add(
                    file,
                    line,
                    f"'{question.text}' names section '{section_id}', which does not exist",
                    "name a section id of checklists/manuals, such as 000-6.1",
                )
            elif not section.published:
                problems.add(
                    file,
                    line,
                    f"'{question.text}' names section '{section_id}', which has no text to answer it",
                    "name the section whose text answers the question",
                )
        if len(set(question.answers)) < len(question.answers):
            problems.add(file, line, f"'{question.text}' names a section twice", "list each section once")
        key = (question.lang, question_key(question.text))
        if key in seen:
            first = seen[key].origin
            problems.add(
                file,
                line,
                f"'{question.text}' is asked twice",
                f"already at {problems.relative(first.file)}:{first.line}; keep one, naming every section that answers it",
            )
        else:
            seen[key] = question
