"""Lighthouse scores for one page: the npm `lighthouse` package driving Debian's
Chromium, with its default mobile emulation and simulated slow-4G throttling."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .node_tools import LIGHTHOUSE, ROOT

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


@dataclass
class Scores:
    scores: dict[str, int]  # category → 0–100
    metrics: dict[str, str]  # metric → as Lighthouse displays it
    failed: dict[str, list[str]] = field(default_factory=dict)  # category → audits that lost points


def run_lighthouse(url: str, chromium: str, chromium_args: list[str]) -> Scores:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        flags = " ".join(["--headless=new", *chromium_args, f"--user-data-dir={scratch}/profile"])
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ]
        result = subprocess.run(
            command, cwd=ROOT, env=dict(os.environ, CHROME_PATH=chromium), capture_output=True, text=True, timeout=300
        )
        if result.returncode or not report.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {url}: {data['runtimeError'].get('message')}")
    audits = data["audits"]
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failed = {}
    for name in CATEGORIES:
        lost = [
            ref["id"]
            for ref in data["categories"][name]["auditRefs"]
            if ref.get("weight") and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1
        ]
        if lost:
            failed[name] = lost
    metrics = {name: audits[name].get("displayValue", "") for name in METRICS if name in audits}
    return Scores(scores, metrics, failed)
