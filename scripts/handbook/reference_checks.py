"""References: a verification record where one is needed; a disputed or superseded source says what is right instead."""

from __future__ import annotations

from .model import Handbook, Manual, Reference
from .problems import Problems


def check_references(handbook: Handbook, problems: Problems) -> None:
    for reference in handbook.references.values():
        file, lines = reference.origin.file, reference.lines
        if reference.status == "unchecked" and reference.verification:
            problems.add(
                file,
                lines["verification"],
                f"reference '{reference.id}' is unchecked but has a verification record",
                "set status: verified, disputed or superseded, or remove the record",
            )
        if reference.status != "unchecked" and not reference.verification:
            problems.add(
                file,
                lines["status"],
                f"reference '{reference.id}' is {reference.status} without a verification record",
                "add verification: {by, date, how} saying what you checked it against",
            )
        _check_unsound(reference, problems)


def _check_unsound(reference: Reference, problems: Problems) -> None:
    """19a: a disputed or superseded source says what is right instead; only a superseded one has a successor."""
    file, status_line = reference.origin.file, reference.lines["status"]
    if reference.unsound and reference.note is None:
        correct = "the correct title or number" if reference.status == "disputed" else "what replaced it and when"
        problems.add(
            file,
            status_line,
            f"reference '{reference.id}' is {reference.status} without a note",
            f"add note: {{zh, en}} naming {correct}, and how that was established",
        )
    for key in ("superseded_by", "superseded_on"):
        given = getattr(reference, key) is not None
        if reference.status == "superseded" and not given:
            what = (
                "the title of the law or standard that replaced it, as {zh, en}"
                if key == "superseded_by"
                else 'the date it was withdrawn, repealed or replaced, as "YYYY-MM-DD"'
            )
            problems.add(
                file, status_line, f"reference '{reference.id}' is superseded without {key}", f"add {key}: {what}"
            )
        elif reference.status != "superseded" and given:
            problems.add(
                file,
                reference.lines[key],
                f"reference '{reference.id}' has {key} but is {reference.status}",
                f"set status: superseded (with a note and a verification record), or remove {key}",
            )


def check_manual_folder(manual: Manual, problems: Problems) -> None:
    folder = manual.origin.file.parent.name
    if manual.id != folder:
        problems.add(
            manual.origin.file,
            manual.lines["id"],
            f"manual id '{manual.id}' does not match its folder '{folder}'",
            f'set id: "{folder}" or rename the folder',
        )
