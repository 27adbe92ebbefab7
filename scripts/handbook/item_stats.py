"""Item statistics for trainers: how often each question is answered right.

New hires download their exam results (a quiz's "download the result" button)
or their onboarding record, and hand the files to the trainer; nothing goes to
a server. `scripts/hb item-stats FOLDER` reads every file in the folder and
gives each question its facility (the share of attempts that got it right) and
flags the questions everybody gets right (they test nothing) or everybody gets
wrong (a wrong key, or a rule nobody was taught) once enough people took them.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

QUIZ_RESULT = "handbook-quiz-result"
ONBOARDING_RECORD = "handbook-onboarding-record"
VERSION = 1  # the newest format version this reads
MIN_ATTEMPTS = 5  # a question is flagged only after this many attempts
MAX_FILE_BYTES = 5_000_000  # no exported result comes near this; a bigger file is not one


@dataclass
class Attempt:
    """One submitted exam: which questions it asked, and which were answered right."""

    source: str
    quiz: str
    key: tuple  # the same exam exported twice (a result and a record) counts once
    items: list[dict]


@dataclass
class ItemStats:
    id: str
    attempts: int = 0
    right: int = 0
    quizzes: set[str] = field(default_factory=set)
    versions: set[str] = field(default_factory=set)  # the question's fingerprints seen
    chosen: dict[str, int] = field(default_factory=dict)

    @property
    def facility(self) -> float:
        return self.right / self.attempts if self.attempts else 0.0

    def flag(self, min_attempts: int) -> str:
        if self.attempts < min_attempts:
            return ""
        if self.right == self.attempts:
            return "everyone right"
        if self.right == 0:
            return "everyone wrong"
        return ""


@dataclass
class Report:
    items: list[ItemStats]
    attempts: int
    files: int
    skipped: list[tuple[str, str]]  # (file name, why)
    duplicates: int = 0


def _valid_item(item) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("id"), str)
        and item["id"]
        and isinstance(item.get("right"), bool)
        and isinstance(item.get("chosen", []), list)
        and all(isinstance(c, str) for c in item.get("chosen", []))
    )


def _check_version(data: dict, kind: str) -> str | None:
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return f"a {kind} without a valid format version"
    if version > VERSION:
        return f"a {kind} of format version {version}, newer than this command reads ({VERSION}); update the handbook"
    return None


def _exam(source: str, quiz, exam, fallback_key) -> Attempt | str:
    if not isinstance(quiz, str) or not quiz:
        return "an exam without its quiz's id"
    items = exam.get("items") if isinstance(exam, dict) else None
    if not isinstance(items, list) or not items:
        return "an exam without its questions"
    if not all(_valid_item(item) for item in items):
        return "a damaged question entry"
    seed, submitted = exam.get("seed"), exam.get("submitted")
    key = (quiz, seed, submitted) if seed is not None and submitted else fallback_key
    return Attempt(source, quiz, key, items)


def read_file(path: Path) -> list[Attempt] | str:
    """The attempts in one exported file, or why it is not read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return "too large to be an exported result"
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return "not a text file"
    except json.JSONDecodeError as error:
        return f"not valid JSON (line {error.lineno}): damaged, or not an exported result"
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if not isinstance(data, dict) or data.get("format") not in (QUIZ_RESULT, ONBOARDING_RECORD):
        return "not a quiz result or an onboarding record of this handbook"
    if data["format"] == QUIZ_RESULT:
        problem = _check_version(data, "quiz result")
        if problem:
            return problem
        found = _exam(path.name, data.get("quiz"), data, (path.name,))
        return found if isinstance(found, str) else [found]
    problem = _check_version(data, "onboarding record")
    if problem:
        return problem
    quizzes = data.get("quizzes")
    if not isinstance(quizzes, list):
        return "an onboarding record without its quizzes"
    attempts = []
    for n, entry in enumerate(quizzes):
        if not isinstance(entry, dict):
            return "a damaged quiz entry"
        if entry.get("exam") is None:
            continue  # a quiz not yet taken as an exam
        found = _exam(path.name, entry.get("quiz"), entry["exam"], (path.name, n))
        if isinstance(found, str):
            return found
        attempts.append(found)
    return attempts


def collect(folder: Path, min_attempts: int = MIN_ATTEMPTS) -> Report:
    """Every exported file in `folder` (and below), read into each question's statistics."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    stats: dict[str, ItemStats] = {}
    skipped, seen, attempts, duplicates = [], set(), 0, 0
    for path in files:
        name = path.relative_to(folder).as_posix()
        found = read_file(path)
        if isinstance(found, str):
            skipped.append((name, found))
            continue
        for attempt in found:
            if attempt.key in seen:
                duplicates += 1
                continue
            seen.add(attempt.key)
            attempts += 1
            for item in attempt.items:
                entry = stats.setdefault(item["id"], ItemStats(item["id"]))
                entry.attempts += 1
                entry.right += item["right"]
                entry.quizzes.add(attempt.quiz)
                if isinstance(item.get("h"), str):
                    entry.versions.add(item["h"])
                if not item["right"]:
                    answer = "+".join(item.get("chosen", [])) or "—"
                    entry.chosen[answer] = entry.chosen.get(answer, 0) + 1
    items = sorted(stats.values(), key=lambda s: _natural(s.id))
    return Report(items, attempts, len(files), skipped, duplicates)


def _natural(text: str) -> list:
    """000-1.10-q2 after 000-1.9-q2."""
    import re

    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _common_wrong(entry: ItemStats) -> str:
    if not entry.chosen:
        return ""
    answer, n = max(entry.chosen.items(), key=lambda pair: (pair[1], pair[0]))
    return f"{answer} ({n})"


NOT_IN_HANDBOOK = "(no longer in the handbook)"
TEXT_WIDTH = 24  # characters of a question's Chinese shown in the table (the CSV has it whole)


def _short(text: str) -> str:
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"


def table(report: Report, min_attempts: int = MIN_ATTEMPTS, texts: dict[str, str] | None = None) -> str:
    """The readable table; `texts` (question id → its Chinese, from the handbook) adds what each question asks."""
    lines = [
        f"{report.attempts} exam attempt(s) from {report.files - len(report.skipped)} file(s)"
        + (f"; {report.duplicates} exported twice, counted once" if report.duplicates else "")
        + ".",
        "",
    ]
    if report.items:
        header = ("question", "attempts", "right", "facility", "flag", "commonest wrong answer") + (
            ("asks",) if texts is not None else ()
        )
        rows = [
            (
                s.id + (" *" if len(s.versions) > 1 else ""),
                str(s.attempts),
                str(s.right),
                _pct(s.facility),
                s.flag(min_attempts),
                _common_wrong(s),
            )
            + ((_short(texts[s.id]) if s.id in texts else NOT_IN_HANDBOOK,) if texts is not None else ())
            for s in report.items
        ]
        widths = [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(len(header))]
        right_aligned = {1, 2, 3}

        def line(row):
            return "  ".join(
                cell.rjust(widths[i]) if i in right_aligned else cell.ljust(widths[i]) for i, cell in enumerate(row)
            ).rstrip()

        lines += [line(header), line(tuple("-" * w for w in widths))] + [line(row) for row in rows]
        flagged = [s for s in report.items if s.flag(min_attempts)]
        lines += [
            "",
            f"Facility is the share of attempts answered right. Flagged after {min_attempts} attempts: "
            f"{len(flagged)} question(s) everybody answered right (they test nothing) or wrong "
            "(check the key, the wording and the training).",
        ]
        if any(len(s.versions) > 1 for s in report.items):
            lines.append("* the question changed between these attempts: its figures mix its versions.")
    for name, why in report.skipped:
        lines.append(f"skipped {name}: {why}")
    return "\n".join(lines) + "\n"


def write_csv(
    report: Report, path: Path, min_attempts: int = MIN_ATTEMPTS, texts: dict[str, str] | None = None
) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # the BOM lets Excel read the Chinese
        writer = csv.writer(handle)
        writer.writerow(
            [
                "question",
                "quizzes",
                "attempts",
                "right",
                "facility",
                "flag",
                "commonest_wrong_answer",
                "versions",
                "asks",
            ]
        )
        for s in report.items:
            asks = (texts or {}).get(s.id, NOT_IN_HANDBOOK if texts is not None else "")
            writer.writerow(
                [
                    s.id,
                    " ".join(sorted(s.quizzes)),
                    s.attempts,
                    s.right,
                    f"{s.facility:.3f}",
                    s.flag(min_attempts),
                    _common_wrong(s),
                    len(s.versions),
                    asks if asks[:1] not in ("=", "+", "-", "@") else "'" + asks,
                ]
            )
