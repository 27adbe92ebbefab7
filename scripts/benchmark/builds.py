"""Timed builds: wall-clock seconds and peak memory of a whole build command."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from handbook.repository import ROOT


class BuildFailed(RuntimeError):
    pass


@dataclass
class Run:
    seconds: float
    peak_mib: float  # the largest resident set of the command or any process it waited for
    # CPU time (user + system) of the command and every process it waited for. On a shared
    # machine it varies far less than the wall-clock time; work done in parallel adds up.
    cpu_seconds: float = 0.0


RUNS_HEADER = [
    "| build | median | runs (s) | peak memory | CPU time, median | CPU time, runs (s) |",
    "|---|---|---|---|---|---|",
]


def seconds(values) -> str:
    """Timings as a table cell lists them: 8.52, 8.61, 8.49."""
    return ", ".join(f"{v:.2f}" for v in values)


def runs_rows(labelled: list[tuple[str, list[Run]]]) -> list[str]:
    """A table row per labelled set of builds that ran (under RUNS_HEADER): the report's build
    times and the change history's whole builds are the same table."""
    return [
        f"| {label} | {statistics.median(r.seconds for r in runs):.2f} s | {seconds(r.seconds for r in runs)} | "
        f"{max(r.peak_mib for r in runs):.0f} MiB | {statistics.median(r.cpu_seconds for r in runs):.2f} s | "
        f"{seconds(r.cpu_seconds for r in runs)} |"
        for label, runs in labelled
        if runs
    ]


def timed(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run `command` to the end; raise BuildFailed with its output if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    # wait4 reports this child's own rusage: its peak and its children's, not the bench's.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    if process.returncode:
        raise BuildFailed(
            f"{' '.join(command)} exited {process.returncode}:\n" + output.decode("utf-8", "replace")[-4000:]
        )
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def build_site(
    out: Path, content: Path | None = None, site_url: str | None = None, env: dict[str, str] | None = None
) -> Run:
    """The README's build, scripts/build, of `content` (default: the real handbook),
    for publishing at `site_url`."""
    env = dict(env or os.environ)
    env.pop("HANDBOOK_CONTENT", None)
    if content:
        env["HANDBOOK_CONTENT"] = str(content)
    if site_url:
        env["HANDBOOK_SITE_URL"] = site_url
    return timed([str(ROOT / "scripts" / "build"), str(out)], env)


def build_plain(configs: dict[str, Path], out: Path) -> Run:
    """The plain projects, built the way scripts/build builds the handbook: both
    languages in one process, strict."""
    args = []
    for lang, config in configs.items():
        args += [str(config), str(out if lang == "zh" else out / lang)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "scripts"), os.environ.get("PYTHONPATH", "")]))
    return timed([sys.executable, "-m", "handbook_site.build", "--strict", *args], env)


def median(runs: list[Run]) -> float:
    return statistics.median(run.seconds for run in runs)
