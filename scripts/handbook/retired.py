"""Retired rule ids: a rule id once published stays known after the rule is withdrawn.

Browsers keep checklist ticks by id, and printed sheets, quizzes and old links
cite ids. So a withdrawn rule is not deleted without trace: its section lists
it under `retired:` with the rule that now stands for it and why:

    retired:
      - id: "001-6.3-r3"
        replaced_by: "001-6.3-r2"
        why: "…"

A retired id is never shown, never reused by a live rule, and any citation of
it anywhere in the content is an error (file:line) that names its replacement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Handbook, Origin
from .problems import Problems


@dataclass(frozen=True)
class Retired:
    id: str
    replaced_by: str
    why: str
    origin: Origin
    section_id: str
    replaced_by_line: int


def read_retired(doc, where: tuple, data: dict) -> list[Retired]:
    """The `retired:` records of a section (the loader calls this)."""
    return [
        Retired(
            id=record["id"],
            replaced_by=record["replaced_by"],
            why=record["why"],
            origin=Origin(doc.path, doc.line(where + ("retired", i, "id"))),
            section_id=data["id"],
            replaced_by_line=doc.line(where + ("retired", i, "replaced_by")),
        )
        for i, record in enumerate(data.get("retired", []))
    ]


def retired_ids(handbook: Handbook) -> dict[str, Retired]:
    """Every retired id of the handbook, by id."""
    return {record.id: record for section in handbook.sections() for record in getattr(section, "retired", [])}


def check_retired(handbook: Handbook, problems: Problems) -> None:
    retired = retired_ids(handbook)
    if not retired:
        return
    rules = handbook.rules()
    live = set(rules) | set(handbook.assessables())
    seen: set[str] = set()
    for record in (r for section in handbook.sections() for r in getattr(section, "retired", [])):
        file, line = record.origin.file, record.origin.line
        if record.id in seen:
            problems.add(file, line, f"id '{record.id}' is retired twice", "keep one `retired:` record for it")
        seen.add(record.id)
        if record.id in live:
            problems.add(
                file,
                line,
                f"retired id '{record.id}' is also the id of a live rule",
                "a published id is never reused: give the live rule a new id, or remove the `retired:` record",
            )
        if not record.id.startswith(record.section_id + "-"):
            problems.add(
                file,
                line,
                f"retired id '{record.id}' is not an id of section {record.section_id}",
                "record a retired id under the section it belonged to",
            )
        if record.replaced_by not in rules:
            more = (
                f" (it is retired too: name '{retired[record.replaced_by].replaced_by}')"
                if record.replaced_by in retired
                else ""
            )
            problems.add(
                file,
                record.replaced_by_line,
                f"retired id '{record.id}' is replaced by '{record.replaced_by}', which is not a live requirement or step{more}",
                "name the requirement or step that now stands for it",
            )
    _check_citations(handbook, retired, problems)


def _check_citations(handbook: Handbook, retired: dict[str, Retired], problems: Problems) -> None:
    """Any mention of a retired id in any content file, outside its own record, is a citation of it."""
    own = {(record.origin.file.resolve(), record.origin.line) for record in retired.values()}
    pattern = re.compile(
        r"(?<![\w.-])(" + "|".join(map(re.escape, sorted(retired, key=len, reverse=True))) + r")(?![\w.-])"
    )
    cited: set[tuple[str, int, str]] = set()
    for path in sorted(handbook.content.rglob("*.yml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the loader
        if not pattern.search(text):
            continue  # most files name no retired id: not read line by line
        lines = text.splitlines()
        resolved = path.resolve()
        for number, line in enumerate(lines, start=1):
            if line.lstrip().startswith("#") or (resolved, number) in own:
                continue
            for found in pattern.finditer(line):
                record = retired[found.group(1)]
                cited.add((problems.relative(path), number, record.id))
                problems.add(
                    path,
                    number,
                    f"'{record.id}' is retired (replaced by '{record.replaced_by}': {record.why})",
                    f"cite '{record.replaced_by}' instead, or remove the citation",
                )
    _drop_unknown_id_reports(problems, cited)


def _drop_unknown_id_reports(problems: Problems, cited: set[tuple[str, int, str]]) -> None:
    """The checks of checklists, quizzes and rubrics report a retired id as one that
    "does not exist"; where it is reported as retired (with its replacement) on the
    same line, that older report says less and is dropped."""

    def said_better(problem) -> bool:
        return "does not exist" in problem.message and any(
            (file, line) == (problem.file, problem.line) and f"'{id_}'" in problem.message for file, line, id_ in cited
        )

    problems.items[:] = [problem for problem in problems.items if not said_better(problem)]
