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
MIN_SEARCH_TOP3 = 0.95       # the site's search: queries answered in the top 3, each language and kind (issue 17)
MAX_SECTION_VISIT = 110 * 1024   # a first visit to a section page, compressed, no search index
MAX_FIRST_SEARCH = 300 * 1024    # what opening search and the first query download, at any content size


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
    if results.builds and results.plain:          # not measured by `--only search`
        overhead = results.overhead
        verdicts.append(Verdict("Generation overhead (build vs plain mkdocs-material)", f"{overhead:+.1%}",
                                f"≤ {MAX_OVERHEAD:.0%}", overhead <= MAX_OVERHEAD))
    for scale in results.scales:
        verdicts.append(Verdict(f"{scale.times}× content build time", f"{scale.time_ratio:.1f}× the 1× time",
                                f"≤ {SCALE_SLACK * scale.times:g}×", scale.time_ratio <= SCALE_SLACK * scale.times))
    if results.own_js:
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
    verdicts += _search(results)
    return verdicts


def _search(results) -> list[Verdict]:
    from .search import ENGINES, KINDS, LANGS, top3_share, zero_results

    verdicts = []
    if results.search:
        engine = ENGINES[0]
        for lang in LANGS:
            for kind in KINDS:
                asked = results.search.cell(engine, lang, kind)
                share = top3_share(asked)
                verdicts.append(Verdict(f"Search answered in the top 3, {lang} {kind}s",
                                        f"{share:.0%} ({sum(a.top3 for a in asked)}/{len(asked)})",
                                        f"≥ {MIN_SEARCH_TOP3:.0%}", share >= MIN_SEARCH_TOP3))
        empty = zero_results(results.search.asked[engine])
        verdicts.append(Verdict("Search queries with no result", str(len(empty)), "= 0", not empty))
    for (times, lang), visit in sorted(results.search_visits.items()):
        if times == 1:
            verdicts.append(Verdict(f"First visit to a section page, {lang}, compressed", kib(visit.visit.bytes),
                                    f"≤ {kib(MAX_SECTION_VISIT)}", visit.visit.bytes <= MAX_SECTION_VISIT))
            verdicts.append(Verdict(f"Search files downloaded before searching, {lang}",
                                    str(len(visit.index_before)), "= 0", not visit.index_before))
        verdicts.append(Verdict(f"First search download, {lang}, {times}× content", kib(visit.search.bytes),
                                f"≤ {kib(MAX_FIRST_SEARCH)}", visit.search.bytes <= MAX_FIRST_SEARCH))
    return verdicts
