"""The organisation's settings for showing changes: checklists/changes.yml.

    recent_days: 30          # a rule changed in the last N days carries a "changed" mark
    history_from: "2026-12-01"   # optional: changes before this date are the handbook's making, not shown

Checked when read: a bad value stops the build with file:line, as any content does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import schema
from ..problems import ContentError, Problems
from ..yamlsource import load_yaml

FILE = "changes.yml"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Settings:
    recent_days: int = 30
    history_from: str = ""
    file: Path | None = None


def read_settings(content: Path, problems: Problems | None = None) -> Settings:
    """The settings, or the defaults where the file is absent. With `problems`, every problem is
    recorded there (for `hb check`); without, the first problems raise ContentError."""
    path = content / FILE
    if not path.exists():
        return Settings()
    own = Problems(content.parent) if problems is None else problems
    before = len(own.errors)
    doc = load_yaml(path, own)
    settings = Settings(file=path)
    if doc is not None and not schema.check(doc, "changes", own)[0]:  # (kinds of problem, misspelt keys)
        settings = _settings(doc, path, own)
    if problems is None and len(own.errors) > before:
        raise ContentError(own.errors[before:])
    return settings


def _settings(doc, path: Path, problems: Problems) -> Settings:
    data = doc.data if isinstance(doc.data, dict) else {}
    if not isinstance(doc.data, dict):
        problems.add(path, 1, "changes.yml is not a mapping", "write recent_days: 30 (and optionally history_from)")
    for key in data:
        if key not in ("recent_days", "history_from"):
            problems.add(
                path,
                doc.line((key,)),
                f"unknown setting '{key}'",
                "the settings are recent_days and history_from; remove it or fix its spelling",
            )
    days = data.get("recent_days", 30)
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 365:
        problems.add(
            path,
            doc.line(("recent_days",)),
            f"recent_days is {days!r}",
            "write a whole number of days from 1 to 365, e.g. recent_days: 30",
        )
        days = 30
    start = data.get("history_from", "")
    if start != "" and (not isinstance(start, str) or not _DATE.match(start)):
        problems.add(
            path,
            doc.line(("history_from",)),
            f"history_from is {start!r}",
            'write a date in quotes, "YYYY-MM-DD", or leave the setting out',
        )
        start = ""
    return Settings(recent_days=days, history_from=start, file=path)
