"""The hand-written pages under docs/: each must exist in both languages."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .repository import ROOT

DOCS = ROOT / "docs"
ASSETS = DOCS / "assets"


def pages(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def compare_languages(docs: Path = DOCS) -> list[Problem]:
    """A problem for every hand-written page that has no counterpart."""
    zh, en = pages(docs / "zh"), pages(docs / "en")
    problems = []
    for missing_in, have, lacking in (("en", zh, en), ("zh", en, zh)):
        other = "zh" if missing_in == "en" else "en"
        for path in sorted(have - lacking):
            problems.append(
                Problem(
                    f"docs/{other}/{path}",
                    1,
                    f"this page has no {missing_in} version",
                    f"add docs/{missing_in}/{path}",
                    "warning",
                )
            )
    return problems
