"""The benchmark's results as a Markdown report."""

from __future__ import annotations

from .axe import IMPACTS
from .budgets import Verdict, kib, mib
from .builds import RUNS_HEADER, runs_rows, seconds
from .lighthouse import CATEGORIES
from .results import Results

LANGS = ("zh", "en")


def markdown(results: Results, verdicts: list[Verdict], title: str) -> str:
    machine = results.machine
    lines = [
        f"# {title}",
        "",
        f"Measured {machine['date']} at commit {machine['commit']} on {machine['cpus']} CPUs "
        f"({machine['cpu']}), {machine['memory']} memory; {machine['software']}.",
        "",
        f"Content: {machine['content']}.",
        "",
        "## Budgets",
        "",
        "| budget | measured | limit | |",
        "|---|---|---|---|",
    ]
    for verdict in verdicts:
        lines.append(
            f"| {verdict.budget} | {verdict.measured} | {verdict.limit} | {'held' if verdict.held else '**MISSED**'} |"
        )
    missed = [v for v in verdicts if not v.held]
    lines += ["", f"**{len(missed)} budget(s) missed.**" if missed else "Every budget held.", ""]
    if results.builds:
        lines += _builds(results) + _scale(results) + _weight(results) + _lighthouse(results) + _axe(results)
    from .history import report as history_report

    lines += (
        _preview(results)
        + _navigation(results)
        + _search_quality(results)
        + _search_weight(results)
        + history_report(results)
    )
    return "\n".join(lines).rstrip() + "\n"


def _preview(results: Results) -> list[str]:
    if not results.preview:
        return []
    lines = [
        "## Preview: edit → visible",
        "",
        "From saving a one-rule edit of a section's YAML (its Chinese and English) to the new text on the "
        "section page open in the browser (zh and en tabs, reloaded automatically), the same edits for each "
        "server (`scripts/benchmark/preview.py`).",
        "",
        "| server | start (s) | zh: median (s) | zh: each | en: median (s) | en: each |",
        "|---|---|---|---|---|---|",
    ]
    for measure in results.preview:
        if measure.failed:
            lines.append(f"| {measure.description} | — | {measure.failed} | | | |")
            continue
        lines.append(
            f"| {measure.description} | {measure.startup:.1f} | {measure.first_median:.2f} | "
            f"{seconds(measure.first)} | {measure.second_median:.2f} | {seconds(measure.second)} |"
        )
    return lines + [""]


def _builds(results: Results) -> list[str]:
    if not results.builds:
        return []
    lines = [
        "## 1. Build time and 2. generation overhead",
        "",
        f"The whole site, both languages ({results.pages_built} HTML pages), built by `scripts/build` "
        f"{len(results.builds)} times, and the same pages built as many times by plain mkdocs-material "
        "from the generated Markdown written to disk (no handbook plugin), all alternating in the same "
        "run after one untimed build of each. The baseline of the overhead budget is **plain "
        "mkdocs-material with its own search** (Material's built-in `search` plugin, `lang: [zh]` and "
        "`lang: [en]`, Chinese segmented by jieba): the site indexes its pages for search too (Pagefind), "
        "so the same work is compared. Plain mkdocs-material without any search is shown for information.",
        "",
        *RUNS_HEADER,
    ]
    lines += runs_rows(
        [
            ("`scripts/build` (plugin: load, check, generate; Pagefind index)", results.builds),
            ("plain mkdocs-material with its search (baseline)", results.plain),
            ("plain mkdocs-material, no search", results.plain_bare),
        ]
    )
    lines += [
        "",
        "CPU time is that of the build and every process it waited for (user + system): on a "
        "machine shared with other work it varies far less than the wall-clock time, which the "
        "budget is about. The site's two Pagefind processes run beside the next language's build, "
        "so they add to its CPU time more than to its wall-clock time.",
        "",
        f"Generation overhead: {results.build_median:.2f} s / {results.plain_median:.2f} s − 1 = "
        f"**{results.overhead:+.1%}** (budget ≤ 15%, against plain mkdocs-material with its search).",
    ]
    if results.plain_bare:
        lines.append(
            f"Against plain mkdocs-material without any search: {results.build_median:.2f} s / "
            f"{results.plain_bare_median:.2f} s − 1 = {results.overhead_bare:+.1%} (not the budget's baseline)."
        )
    cpu_plain = _median(r.cpu_seconds for r in results.plain)
    if cpu_plain:
        cpu = _median(r.cpu_seconds for r in results.builds) / cpu_plain - 1
        lines.append(f"In CPU time, against plain mkdocs-material with its search: {cpu:+.1%}.")
    return lines + [""]


def _median(values) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _scale(results: Results) -> list[str]:
    if not results.scales:
        return []
    lines = [
        "## 3. Scale",
        "",
        "Synthetic content: copies of the manuals with fresh ids, in both languages, with their "
        "quizzes, checklists and rubrics (`scripts/benchmark/synthetic.py`). One build each; "
        "1× is the median above.",
        "",
        "| content | HTML pages | build time | × 1× time | peak memory | × 1× memory |",
        "|---|---|---|---|---|---|",
        f"| 1× | {results.pages_built} | {results.build_median:.1f} s | 1.0× | {results.build_peak_mib:.0f} MiB | 1.0× |",
    ]
    for scale in results.scales:
        lines.append(
            f"| {scale.times}× | {scale.pages} | {scale.run.seconds:.1f} s | {scale.time_ratio:.1f}× | "
            f"{scale.run.peak_mib:.0f} MiB | {scale.memory_ratio:.1f}× |"
        )
    return lines + [""]


def _weight(results: Results) -> list[str]:
    if not results.pages:
        return []
    lines = [
        "## 4. Page weight",
        "",
        "Bytes transferred on a first visit (empty cache, phone-sized window), served with gzip as a "
        "production server would: the page, styles, scripts, the search index, icons.",
        "",
        "| page | path | zh | en | requests (zh) |",
        "|---|---|---|---|---|",
    ]
    for kind, path in results.pages.items():
        zh, en = results.visits.get(("zh", kind)), results.visits.get(("en", kind))
        lines.append(
            f"| {kind} | `/{path}` | {kib(zh.bytes) if zh else '–'} | {kib(en.bytes) if en else '–'} | "
            f"{zh.requests if zh else '–'} |"
        )
    lines += [
        "",
        "The project's own files (Material's are not counted):",
        "",
        "| file | bytes | compressed |",
        "|---|---|---|",
    ]
    for name, (size, compressed) in {**results.own_js, **results.own_css}.items():
        lines.append(f"| `{name}` | {kib(size)} | {kib(compressed)} |")
    lines += [
        "",
        "The search index (Pagefind's bundle; a search downloads only the chunks its words need, section 8):",
        "",
        "| search index | bytes | compressed |",
        "|---|---|---|",
    ]
    for lang, (size, compressed) in results.search_index.items():
        lines.append(f"| {lang} | {kib(size)} | {kib(compressed)} |")
    return lines + [""]


def _lighthouse(results: Results) -> list[str]:
    if not results.lighthouse:
        return []
    lines = [
        "## 5. Lighthouse",
        "",
        f"Mobile emulation and simulated throttling (Lighthouse's defaults); the median of "
        f"{results.lighthouse_runs} run(s) per page.",
        "",
        "| page | lang | " + " | ".join(CATEGORIES) + " | FCP | LCP | TBT | CLS | audits losing points |",
        "|---|---|" + "---|" * (len(CATEGORIES) + 5),
    ]
    for (lang, kind), scores in results.lighthouse.items():
        metrics = scores.metrics
        lost = "; ".join(f"{c}: {', '.join(ids)}" for c, ids in scores.failed.items()) or "none"
        lines.append(
            f"| {kind} | {lang} | "
            + " | ".join(str(scores.scores[c]) for c in CATEGORIES)
            + " | "
            + " | ".join(
                metrics.get(m, "")
                for m in (
                    "first-contentful-paint",
                    "largest-contentful-paint",
                    "total-blocking-time",
                    "cumulative-layout-shift",
                )
            )
            + f" | {lost} |"
        )
    return lines + [""]


def _axe(results: Results) -> list[str]:
    if not results.axe:
        return []
    lines = [
        "## 6. Accessibility (axe-core)",
        "",
        "Violated rules per page, by impact, at phone and desktop width (a rule counted once per page).",
        "",
        "| page | lang | " + " | ".join(IMPACTS) + " | rules (elements) |",
        "|---|---|" + "---|" * (len(IMPACTS) + 1),
    ]
    for (lang, kind), result in results.axe.items():
        rules = "; ".join(f"{impact}: {', '.join(ids)}" for impact, ids in result.rules.items()) or "none"
        lines.append(f"| {kind} | {lang} | " + " | ".join(str(result.counts[i]) for i in IMPACTS) + f" | {rules} |")
    return lines + [""]


def _navigation(results: Results) -> list[str]:
    if not results.navigation:
        return []
    kinds = list(results.navigation[-1].sizes)
    lines = [
        "## 7. Navigation weight",
        "",
        "What a page carries of the navigation: the site as configured and the alternatives it was chosen "
        "from, each built once from the same content in this run (`scripts/benchmark/navigation.py`). "
        "HTML is the page's file, uncompressed and gzip-compressed; DOM nodes are its elements once "
        "loaded at phone width; each figure is the larger of zh and en.",
        "",
    ]
    for measure in results.navigation:
        lines.append(f"- **{measure.name}**: {measure.description}.")
    lines += [
        "",
        "| navigation | "
        + " | ".join(f"{kind}: HTML | compressed | DOM nodes" for kind in kinds)
        + " | whole site | HTML pages | build time |",
        "|---|" + "---|---|---|" * len(kinds) + "---|---|---|",
    ]
    for measure in results.navigation:
        lines.append(
            f"| {measure.name} | "
            + _sizes(measure, kinds)
            + f" | {mib(measure.site_bytes)} | {measure.pages} | {measure.build.seconds:.1f} s |"
        )
    if results.scale_navigation:
        scale_kinds = list(next(iter(results.scale_navigation.values())).sizes)
        site = results.navigation[-1]
        lines += [
            "",
            "The site as configured at N× content (synthetic, as in section 3): the benchmark's "
            "section page, and the last manual's last section, at the end of the longest lists.",
            "",
            "| content | "
            + " | ".join(f"{kind}: HTML | compressed | DOM nodes" for kind in scale_kinds)
            + " | whole site | HTML pages | build time |",
            "|---|" + "---|---|---|" * len(scale_kinds) + "---|---|---|",
            "| 1× | "
            + _sizes(site, scale_kinds)
            + f" | {mib(site.site_bytes)} | {site.pages} | {site.build.seconds:.1f} s |",
        ]
        for times, measure in results.scale_navigation.items():
            lines.append(
                f"| {times}× | "
                + _sizes(measure, scale_kinds)
                + f" | {mib(measure.site_bytes)} | {measure.pages} | {measure.build.seconds:.1f} s |"
            )
    return lines + [""]


def _sizes(measure, kinds: list[str]) -> str:
    return " | ".join(f"{kib(s.html)} | {kib(s.compressed)} | {s.dom}" for s in (measure.sizes[kind] for kind in kinds))


def _search_quality(results: Results) -> list[str]:
    from .search import ENGINES, KINDS, LANGS, TUNED_ON, mrr, top3_share, zero_results

    quality = results.search
    if not quality:
        return []
    total = len([a for a in quality.asked[ENGINES[0]] if not a.query.set])
    others = len(quality.asked[ENGINES[0]]) - total
    named = [name for name in quality.sets() if name]
    tuned = ", ".join(f"“{name}”" for name in named if name in TUNED_ON)
    held = ", ".join(f"“{name}”" for name in named if name not in TUNED_ON)
    lines = [
        "## 8. Search quality",
        "",
        (
            f"{total} queries (tests/search/queries.yml), written from the manuals, checklists and quizzes' "
            "situations, half Chinese and half English, half keywords and half whole questions; and "
            if total
            else ""
        )
        + (
            f"{others} queries in sets of their own (tests/search/questions-*.yml), each written the "
            "same way (from the manuals and staff situations) by someone who had seen no search output for it. "
            + (
                f"The word lists and the ranking were tuned on {tuned} (a held-out set among them is "
                "spent: its misses were read and words found on them added, so it overstates). "
                if tuned
                else ""
            )
            + (
                f"Held out: {held}, written by someone who had seen neither the word lists nor the "
                "search, committed before its first run and never tuned on: the honest figure for "
                "queries nobody has tuned on. A held-out query that a set tuned on also holds (two "
                "writers both wrote 岗前培训), or that a section's page lists among the questions it "
                "answers (checklists/asked), is left out of the held-out set"
                if held
                else ""
            )
            if others
            else ""
        )
        + "; each with the "
        "sections that answer it (a topic page gathering one of them also answers). Asked of the site's "
        "search through its front end in headless Chromium (`HbSearch.query`, what the dialog shows: "
        "question words dropped, synonyms, pages ranked by their best passage, Pagefind over the pages "
        "with the questions each section lists), and of Material's "
        "built-in search by typing into Material's dialog on the same site built with its search plugin.",
        "",
        "| engine | lang | kind | queries | answered in top 3 | mean reciprocal rank | no result |",
        "|---|---|---|---|---|---|---|",
    ]
    for engine in ENGINES:
        for set_, lang, kind in ((s, la, k) for s in quality.sets() for la in LANGS for k in KINDS):
            asked = quality.cell(engine, lang, kind, set_)
            if not asked:
                continue
            label = f"{kind} ({set_})" if set_ else kind
            lines.append(
                f"| {engine} | {lang} | {label} | {len(asked)} | {top3_share(asked):.0%} "
                f"({sum(a.top3 for a in asked)}) | {mrr(asked):.2f} | {len(zero_results(asked))} |"
            )
    held_out = []
    for engine in ENGINES:
        missed = [a for a in quality.asked.get(engine, []) if not a.top3]
        tuned = [a for a in missed if a.query.set in TUNED_ON]
        held_out += [(engine, [a for a in missed if a.query.set not in TUNED_ON])]
        lines += ["", f"Not answered in the top 3 by {engine}, in the sets tuned on ({len(tuned)}):", ""]
        lines += [_miss(asked) for asked in tuned] or ["- none"]
    if any(missed for _, missed in held_out):
        lines += [
            "",
            "### Misses of the held-out sets",
            "",
            "Reading these spends the set: a word list or ranking changed after reading them is tuned on "
            "it. Read them after the round's last change, and write a new held-out set for the next.",
        ]
        for engine, missed in held_out:
            lines += ["", f"Not answered in the top 3 by {engine} ({len(missed)}):", ""]
            lines += [_miss(asked) for asked in missed] or ["- none"]
    return lines + [""]


def _miss(asked) -> str:
    first = ", ".join(f"`{p or '/'}`" for p in asked.ranked[:3]) or "no result"
    where = f"answer at rank {asked.rank}" if asked.rank else "no answer in the first 10"
    return (
        f"- {asked.query.lang} {asked.query.label} “{asked.query.text}” "
        f"(wants {', '.join(asked.query.answers)}; {where}; first: {first})"
    )


def _search_weight(results: Results) -> list[str]:
    if not results.search_visits:
        return []
    lines = [
        "## 9. Search weight",
        "",
        f"A first visit to a section page (`/{results.search_page}`, empty cache, phone-sized window), then "
        "search opened with the keyboard and a question typed: what each step downloads, compressed.",
        "",
        "| content | lang | first visit | search files before searching | first search | its requests | results |",
        "|---|---|---|---|---|---|---|",
    ]
    for (times, lang), visit in sorted(results.search_visits.items()):
        lines.append(
            f"| {times}× | {lang} | {kib(visit.visit.bytes)} | {len(visit.index_before)} | "
            f"{kib(visit.search.bytes)} | {visit.search.requests} | {visit.results} |"
        )
    return lines + [""]
