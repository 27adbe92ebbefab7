"""`hb new`: a section, a checklist or a question in both languages, with fresh ids,
written into the right file and ready to fill in.

The texts are placeholders that `hb check` reports (file and line) until an
editor replaces them, so a scaffold can never be published half-written.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .model import Handbook
from .stamp import stamp_file
from .translation import PLACEHOLDER


def _stamped(path: Path) -> None:
    """Scaffolds are stamped at once, so that the content stays readable while they are filled in."""
    stamp_file(path)


def _text(indent: str, key: str) -> str:
    return f"{indent}{key}:\n{indent}  zh: {PLACEHOLDER['zh']}\n{indent}  en: {PLACEHOLDER['en']}\n"


def _insert_into_list(path: Path, key: str, block: str) -> int:
    """Append `block` to the top-level list `key` of a YAML file; return the line it starts on."""
    source = path.read_text(encoding="utf-8")
    root = yaml.compose(source, Loader=yaml.SafeLoader)
    node = next(value for name, value in root.value if name.value == key)
    lines = source.splitlines(keepends=True)
    at = node.end_mark.line if node.end_mark.column == 0 else node.end_mark.line + 1
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines[at:at] = [block]
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def new_section(handbook: Handbook, chapter_id: str) -> tuple[Path, int, str]:
    chapter = handbook.index.chapters.get(chapter_id)
    if chapter is None:
        raise LookupError(f"no chapter '{chapter_id}'; chapter ids look like 000-2 (see a section page's id)")
    last = max((int(s.number.rsplit(".", 1)[1]) for s in chapter.sections if s.number.count(".") == 1), default=0)
    number = f"{chapter.number}.{last + 1}"
    section_id = f"{chapter.manual.id}-{number}"
    block = (
        f'  - id: "{section_id}"\n    number: "{number}"\n    status: published\n'
        + _text("    ", "title")
        + f"    body:\n      - paragraph:\n          zh: {PLACEHOLDER['zh']}\n          en: {PLACEHOLDER['en']}\n"
        + f'    requirements:\n      - id: "{section_id}-r1"\n'
        # 19c: the force the source gives the rule, and the body sentence it restates
        + f"        force: obligation\n        source: {PLACEHOLDER['zh']}\n"
        + _text("        ", "text")
    )
    line = _insert_into_list(chapter.origin.file, "sections", block)
    _stamped(chapter.origin.file)
    return chapter.origin.file, line, section_id


def new_checklist(handbook: Handbook, checklist_id: str) -> tuple[Path, int, str]:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", checklist_id):
        raise ValueError(f"'{checklist_id}' is not an id: use lower-case words joined by '-', e.g. counter-closing")
    if any(c.id == checklist_id for c in handbook.checklists):
        raise ValueError(f"a checklist '{checklist_id}' already exists")
    folder = handbook.content / "checklists"
    number = 1 + max((int(p.name[:2]) for p in folder.glob("[0-9][0-9]-*.yml")), default=0)
    path = folder / f"{number:02d}-{checklist_id}.yml"
    path.write_text(
        "# yaml-language-server: $schema=../schema/checklist.schema.json\n"
        f"id: {checklist_id}\n"
        "when: during-service   # before-shift | during-service | after-service | supervision\n"
        + _text("", "title")
        + _text("", "purpose")
        + "groups:\n"
        + _text("  - ", "title").replace("\n  - ", "\n    ")
        + "    items:   # one requirement id per item, from the section pages, e.g. 000-2.4-r1\n"
        + '      - requirement: "000-0.0-r0"\n',
        encoding="utf-8",
    )
    _stamped(path)
    return path, 1, checklist_id


def new_question(handbook: Handbook, section_id: str, kind: str = "single") -> tuple[Path, int, str]:
    section = handbook.index.sections.get(section_id)
    if section is None:
        raise LookupError(f"no section '{section_id}'; section ids look like 000-2.4")
    chapter = section.chapter
    used = [
        int(q.id.rsplit("-q", 1)[1])
        for q in handbook.questions_by_section().get(section_id, ())
        if q.id.rsplit("-q", 1)[1].isdigit()
    ]
    question_id = f"{section_id}-q{max(used, default=0) + 1}"
    block = f'  - id: "{question_id}"\n    type: {kind}\n    section: "{section_id}"\n' + _text("    ", "question")
    if kind in ("single", "multiple"):
        block += "    options:\n"
        for n in range(3):
            block += (
                f"      - text:\n          zh: {PLACEHOLDER['zh']}{n + 1}\n          en: {PLACEHOLDER['en']} {n + 1}\n"
            )
            block += "        correct: true\n" if n == 0 else ""
    elif kind == "true-false":
        block += "    answer: true\n"
    else:
        procedure = next((r.id for r in section.requirements if len(r.steps) >= 3 and r.ordered), f"{section_id}-p1")
        block += f'    procedure: "{procedure}"\n'
    block += _text("    ", "explanation")
    path = handbook.content / "quizzes" / f"{chapter.id}.yml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "# yaml-language-server: $schema=../schema/quiz.schema.json\n"
            f'chapter: "{chapter.id}"\nquestions:\n' + block,
            encoding="utf-8",
        )
        line = 4
    else:
        line = _insert_into_list(path, "questions", block)
    _stamped(path)
    return path, line, question_id
