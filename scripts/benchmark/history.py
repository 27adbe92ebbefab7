"""The build-time cost of the change history (issue 22): `scripts/bench --only history`.

Measured on the real repository's history, in one run:
- working out the history in-process with an empty cache (every file version parsed) and
  with the cache the previous build left (only git read), `--runs` times each;
- generating what shows it (the what-changed pages, the notices, the feeds, the marks on
  every section page), as the time `build_pages` takes with the history minus without;
- whole builds, `scripts/build` as it is and with the history switched off
  (HANDBOOK_HISTORY=off), beside the plain mkdocs-material build, so that the history's
  share of the generation overhead (budget: 15% of the plain build) is seen.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from handbook.generate import changes as change_views
from handbook.generate.site import build_files, build_pages
from handbook.history import build as history_build

from .builds import RUNS_HEADER, Run, runs_rows


@dataclass
class HistoryMeasure:
    commits: int = 0
    versions: int = 0
    changes: int = 0
    blobs: int = 0
    cold: list[float] = field(default_factory=list)  # seconds, empty cache
    warm: list[float] = field(default_factory=list)  # seconds, cache from the last build
    parse_cold: list[float] = field(default_factory=list)
    diff_cold: list[float] = field(default_factory=list)  # the differences the pages show, worked out
    git_warm: list[float] = field(default_factory=list)
    views: list[float] = field(default_factory=list)  # seconds: pages with history − without, both languages
    without: list[Run] = field(default_factory=list)  # scripts/build with HANDBOOK_HISTORY=off


def measure(content: Path, handbook, runs: int, say) -> HistoryMeasure:
    found = HistoryMeasure()
    for run in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            os.environ["HANDBOOK_HISTORY_CACHE"] = cache
            try:
                say(f"history {run + 1}/{runs}: empty cache, then the cache it left")
                cold = history_build.build_history(content, cache=True)
                warm = history_build.build_history(content, cache=True)
            finally:
                del os.environ["HANDBOOK_HISTORY_CACHE"]
        found.cold.append(cold.cost["seconds"])
        found.parse_cold.append(cold.cost["parse_seconds"])
        found.diff_cold.append(cold.cost.get("diff_seconds", 0.0))
        found.warm.append(warm.cost["seconds"])
        found.git_warm.append(warm.cost["git_log_seconds"] + warm.cost["git_blob_seconds"])
        found.views.append(_views_seconds(handbook))
    found.commits, found.versions, found.blobs = cold.cost["commits"], len(cold.versions), cold.cost["blobs_parsed"]
    found.changes = sum(len(v.changes) for v in cold.versions)
    return found


def _views_seconds(handbook) -> float:
    """Both languages' pages and files, with the history (worked out already) and without it."""

    def pages() -> float:
        start = time.perf_counter()
        for lang in ("zh", "en"):
            build_pages(handbook, lang, "http://127.0.0.1:8000/")
            build_files(handbook, lang, "http://127.0.0.1:8000/")
        return time.perf_counter() - start

    change_views.history(handbook)  # worked out once, as a build does
    with_history = pages()
    real = change_views.history
    change_views.history = lambda _handbook: history_build.History(available=False, settings=real(handbook).settings)
    try:
        without = pages()
    finally:
        change_views.history = real
    return with_history - without


def report(results) -> list[str]:
    measure = results.history
    if measure is None:
        return []
    med = statistics.median
    plain = results.plain_median if results.plain else 0.0
    lines = [
        "## The change history's build-time cost (issue 22)",
        "",
        f"The repository's history: {measure.commits} content commits on main's first-parent line since "
        f"the baseline, {measure.versions} versions with rule changes ({measure.changes} changes), "
        f"{measure.blobs} file versions parsed once each. Medians of {len(measure.cold)} runs.",
        "",
        "| step | median | runs (s) |",
        "|---|---|---|",
        f"| history, empty cache (every file version parsed) | {med(measure.cold):.3f} s | "
        f"{', '.join(f'{v:.3f}' for v in measure.cold)} |",
        f"| … of which parsing YAML | {med(measure.parse_cold):.3f} s | "
        f"{', '.join(f'{v:.3f}' for v in measure.parse_cold)} |",
        f"| … of which the differences the pages show (character by character, word by word) | "
        f"{med(measure.diff_cold):.3f} s | {', '.join(f'{v:.3f}' for v in measure.diff_cold)} |",
        f"| history, cache from the last build (git; parses and differences stored) | {med(measure.warm):.3f} s | "
        f"{', '.join(f'{v:.3f}' for v in measure.warm)} |",
        f"| … of which git | {med(measure.git_warm):.3f} s | {', '.join(f'{v:.3f}' for v in measure.git_warm)} |",
        f"| pages, feeds and marks, both languages (with − without history) | {med(measure.views):.3f} s | "
        f"{', '.join(f'{v:.3f}' for v in measure.views)} |",
        "",
    ]
    if results.builds and measure.without:
        without = statistics.median(r.seconds for r in measure.without)
        # CPU time: user + system of the build and every process it waited for (less noisy on a shared machine).
        lines += RUNS_HEADER + runs_rows(
            [
                ("`scripts/build`", results.builds),
                ("`scripts/build`, HANDBOOK_HISTORY=off", measure.without),
                ("plain mkdocs-material with its search, the change pages included (the baseline)", results.plain),
                ("plain mkdocs-material, no search", results.plain_bare),
            ]
        )
        lines += [
            "",
            f"Generation overhead against plain mkdocs-material with its search: {results.overhead:+.1%} with the "
            f"history, {without / plain - 1:+.1%} without (budget ≤ 15%)."
            + (
                f" Against plain mkdocs-material without any search: {results.overhead_bare:+.1%} with the history, "
                f"{without / results.plain_bare_median - 1:+.1%} without."
                if results.plain_bare
                else ""
            )
            + " The history and its views, "
            f"{med(measure.warm) + med(measure.views):.2f} s warm, are "
            f"{(med(measure.warm) + med(measure.views)) / plain:.1%} of the baseline.",
            "",
        ]
    return lines
