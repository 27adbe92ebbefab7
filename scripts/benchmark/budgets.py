"""The budgets the benchmark holds the project to (issue 9). A missed budget is
fixed in the project, not here."""

from __future__ import annotations

from dataclasses import dataclass

MAX_OVERHEAD = 0.15          # generation overhead, as a share of the plain mkdocs-material build
SCALE_SLACK = 1.2            # N× content builds in at most 1.2 × N × the 1× time
MAX_OWN_JS = 20 * 1024       # the project's own JavaScript, compressed, in total
MIN_ACCESSIBILITY = 100      # Lighthouse, every measured page
MIN_PERFORMANCE = 95         # Lighthouse, every measured page
FORBIDDEN_IMPACTS = ("critical", "serious")   # axe-core: none of these on any measured page


@dataclass
class Verdict:
    budget: str
    measured: str
    limit: str
    held: bool


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def judge(results) -> list[Verdict]:
    """One verdict per budget, from a finished benchmark's results."""
    verdicts = []
    overhead = results.overhead
    verdicts.append(Verdict("Generation overhead (build vs plain mkdocs-material)", f"{overhead:+.1%}",
                            f"≤ {MAX_OVERHEAD:.0%}", overhead <= MAX_OVERHEAD))
    for scale in results.scales:
        verdicts.append(Verdict(f"{scale.times}× content build time", f"{scale.time_ratio:.1f}× the 1× time",
                                f"≤ {SCALE_SLACK * scale.times:g}×", scale.time_ratio <= SCALE_SLACK * scale.times))
    own_js = sum(compressed for _, compressed in results.own_js.values())
    verdicts.append(Verdict("Own JavaScript, compressed, total", kib(own_js), f"≤ {kib(MAX_OWN_JS)}",
                            own_js <= MAX_OWN_JS))
    if results.lighthouse:
        worst_a11y = min(s.scores["accessibility"] for s in results.lighthouse.values())
        worst_perf = min(s.scores["performance"] for s in results.lighthouse.values())
        verdicts.append(Verdict("Lighthouse accessibility, lowest page", str(worst_a11y),
                                f"= {MIN_ACCESSIBILITY}", worst_a11y >= MIN_ACCESSIBILITY))
        verdicts.append(Verdict("Lighthouse performance, lowest page", str(worst_perf),
                                f"≥ {MIN_PERFORMANCE}", worst_perf >= MIN_PERFORMANCE))
    if results.axe:
        serious = sum(r.counts[impact] for r in results.axe.values() for impact in FORBIDDEN_IMPACTS)
        verdicts.append(Verdict("axe-core serious or critical violations, all pages", str(serious), "= 0",
                                serious == 0))
    return verdicts
