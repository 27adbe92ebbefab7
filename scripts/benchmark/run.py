"""scripts/bench: measure, write the report, and exit 1 if a budget is missed.

Usage: scripts/bench [--runs 5] [--scales 10,100] [--pages home,section,...]
                     [--lighthouse-runs 3] [--content DIR] [--out FILE] [--work DIR]
                     [--queries FILE ...] [--only nav|search|preview|history] [--preview-baseline REV]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from handbook import load_handbook
from handbook.loader import CONTENT
from harness.server import serve_compressed

from . import budgets, navigation, preview, report
from .axe import run_axe
from .builds import ROOT, BuildFailed, build_plain, build_site
from .lighthouse import Scores, run_lighthouse
from .node_tools import NodeToolsMissing, ensure_node_tools
from .pages import KINDS, measured_pages
from .plain import write_plain_project
from .results import Results, Scale
from .search import (
    ASKED,
    ENGINES,
    QUERY_SETS,
    Quality,
    answering_pages,
    ask_material,
    ask_site,
    build_material_variant,
    load_queries,
)
from .synthetic import scale_content
from .weight import FIRST_QUERIES, OWN_CSS, OWN_JS, compressed_size, first_search, first_visit, own_files


def main(argv: list[str]) -> int:
    options = _options(argv)
    try:
        return _run(options)
    except (BuildFailed, NodeToolsMissing, RuntimeError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2


def _options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind for the medians (default 5)")
    parser.add_argument("--scales", default="10,100", help="synthetic content sizes, comma-separated ('' for none)")
    parser.add_argument("--pages", default=",".join(KINDS), help=f"pages to load, of {','.join(KINDS)}")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (the median)")
    parser.add_argument("--content", type=Path, default=CONTENT, help="content folder (default: checklists/)")
    parser.add_argument("--out", type=Path, default=ROOT / ".bench" / "report.md", help="the report")
    parser.add_argument("--work", type=Path, default=ROOT / ".bench" / "work", help="scratch folder (replaced)")
    parser.add_argument(
        "--queries",
        type=Path,
        nargs="+",
        default=list(ASKED),
        help="the search query sets, each reported apart (default: those under tests/search/ "
        "the word lists were tuned on, "
        + ", ".join(s.file for s in QUERY_SETS if s.tuned_on and s.asked)
        + "; and those held out, "
        + ", ".join(s.file for s in QUERY_SETS if not s.tuned_on and s.asked)
        + ")",
    )
    parser.add_argument(
        "--preview-baseline",
        metavar="REV",
        help="with --only preview, also measure the "
        "scripts/serve of this git revision (e.g. the commit before issue 21)",
    )
    parser.add_argument(
        "--only",
        choices=["nav", "search", "preview", "history"],
        help="measure only this part. "
        "preview: save → visible in the browser with scripts/serve, --runs edits; nav: the navigation's "
        "weight (page size, DOM nodes, site size, build time) of the site and its alternatives, and at "
        "--scales; search: search quality against Material's search, and what a first visit and a "
        "first search download (also at --scales); history: the change history's cost, in-process and in "
        "whole builds with and without it (--runs builds each)",
    )
    options = parser.parse_args(argv)
    options.scales = [int(s) for s in options.scales.split(",") if s.strip()]
    options.pages = [p for p in options.pages.split(",") if p]
    unknown = set(options.pages) - set(KINDS)
    if unknown or options.runs < 1 or options.lighthouse_runs < 1 or any(s < 2 for s in options.scales):
        parser.error(f"pages must be among {', '.join(KINDS)}; runs at least 1; scales at least 2")
    options.content = options.content.resolve()
    return options


def _say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _run(options) -> int:
    from harness.browser import CHROMIUM_ARGS, DESKTOP, PHONE, browser, chromium_path, free_port

    chromium = chromium_path()
    search_only = options.only == "search"
    if options.only is None:  # Lighthouse and axe-core: only the whole benchmark uses them
        ensure_node_tools()
    work = options.work
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    handbook, _ = load_handbook(options.content)
    results = Results(machine=_machine(options, handbook, chromium))
    if options.only == "history":
        _measure_history(options, handbook, results)
        return _finish(options, results)
    if options.only == "nav":
        _measure_navigation(options, handbook, results, browser, PHONE)
        return _finish(options, results)
    if options.only == "preview":
        _measure_preview(options, results, browser)
        return _finish(options, results)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    site = work / "site"
    custom = None if options.content == CONTENT else options.content
    all_pages = measured_pages(handbook)
    results.search_page = all_pages["section"]

    if search_only:
        _say("building the site (not timed)")
        build_site(site, custom, site_url)
    else:
        _say("writing the generated Markdown for the plain mkdocs-material build")
        configs = write_plain_project(options.content, work / "plain")
        # Not timed: a first build may still install the site's requirements or
        # compile bytecode; both kinds of build are then measured warm.
        _say("warm-up builds (not timed)")
        build_site(site, custom, site_url)
        build_plain(configs["search"], work / "plain-site")
        build_plain(configs["bare"], work / "plain-site")
        for run in range(1, options.runs + 1):
            _say(f"build {run}/{options.runs}: scripts/build, then plain mkdocs-material with and without its search")
            results.builds.append(build_site(site, custom, site_url))
            results.plain.append(build_plain(configs["search"], work / "plain-site"))
            results.plain_bare.append(build_plain(configs["bare"], work / "plain-site"))
        results.pages_built = _count_pages(site)
        shutil.rmtree(work / "plain-site")

    for times in options.scales:
        _say(f"scale {times}×: writing synthetic content, then building it")
        content = scale_content(options.content, work / f"content-{times}x", times)
        run = build_site(work / "scale-site", content)
        if not search_only:
            results.scales.append(
                Scale(
                    times,
                    _count_pages(work / "scale-site"),
                    run,
                    run.seconds / results.build_median,
                    run.peak_mib / results.build_peak_mib,
                )
            )
            with browser() as instance:
                results.scale_navigation[times] = _measure_scaled(
                    instance, work / "scale-site", content, run, times, PHONE
                )
        _say(f"scale {times}×: a first search")
        with serve_compressed(work / "scale-site") as base, browser() as instance:
            _first_searches(instance, base, times, results, PHONE)
        shutil.rmtree(work / "scale-site")
        shutil.rmtree(content)

    if not search_only:
        with browser() as instance:
            _measure_alternatives(options, handbook, results, instance, PHONE)
        results.pages = {kind: path for kind, path in all_pages.items() if kind in options.pages}
        results.own_js, results.own_css = own_files(site, OWN_JS), own_files(site, OWN_CSS)
        for lang, root in (("zh", site), ("en", site / "en")):
            files = [path for path in (root / "pagefind").rglob("*") if path.is_file()]
            results.search_index[lang] = (
                sum(path.stat().st_size for path in files),
                sum(compressed_size(path) for path in files),
            )
    results.lighthouse_runs = options.lighthouse_runs
    with serve_compressed(site, port) as base, browser() as instance:
        if not search_only:
            for lang in ("zh", "en"):
                for kind, path in results.pages.items():
                    url = base + ("en/" if lang == "en" else "") + path
                    _say(f"{lang} {kind}: first visit, axe-core, Lighthouse ×{options.lighthouse_runs}")
                    results.visits[(lang, kind)] = first_visit(instance, url, PHONE)
                    results.axe[(lang, kind)] = run_axe(instance, url, [PHONE, DESKTOP])
                    runs = [run_lighthouse(url, chromium, CHROMIUM_ARGS) for _ in range(options.lighthouse_runs)]
                    results.lighthouse[(lang, kind)] = _median_run(runs)
        _say("a first visit to a section page, then a first search")
        _first_searches(instance, base, 1, results, PHONE)
        queries, answers = load_queries(*options.queries, content=options.content), answering_pages(options.content)
        results.search = Quality()
        _say(f"search quality: {len(queries)} queries, the site's search")
        results.search.asked[ENGINES[0]] = ask_site(instance, base, queries, answers)
        _say("search quality: building the site with Material's built-in search")
        material_site, _ = build_material_variant(work, custom, site_url)
        with serve_compressed(material_site) as material_base:
            _say(f"search quality: {len(queries)} queries, Material's built-in search")
            results.search.asked[ENGINES[1]] = ask_material(instance, material_base, queries, answers)
    if options.only is None:
        _measure_preview(options, results, browser)

    return _finish(options, results)


def _finish(options, results: Results) -> int:
    verdicts = budgets.judge(results)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    titles = {
        "nav": "Handbook benchmark: navigation only",
        "search": "Handbook benchmark: search only",
        "preview": "Handbook benchmark: preview only",
        "history": "Handbook benchmark: change history only",
    }
    options.out.write_text(
        report.markdown(results, verdicts, titles.get(options.only, "Handbook benchmark")), encoding="utf-8"
    )
    missed = [v for v in verdicts if not v.held]
    _say(
        f"report written to {options.out}; "
        + (f"{len(missed)} budget(s) missed: {'; '.join(v.budget for v in missed)}" if missed else "every budget held")
    )
    return 1 if missed else 0


def _measure_preview(options, results: Results, browser) -> None:
    """--only preview: the preview and its alternatives, on the same edits."""
    from harness.browser import free_port

    with browser() as instance:
        for mode in preview.MODES:
            _say(f"preview ({mode}): starting scripts/serve, then {options.runs} edit(s)")
            results.preview.append(
                preview.measure_preview(instance, options.content, options.work, options.runs, free_port(), mode)
            )
        if options.preview_baseline:
            _say(f"preview ({options.preview_baseline}): its scripts/serve, then {options.runs} edit(s)")
            tree = preview.baseline_tree(options.work, options.preview_baseline)
            results.preview.append(
                preview.measure_preview(
                    instance,
                    options.content,
                    options.work,
                    options.runs,
                    free_port(),
                    "baseline",
                    command=[str(tree / "scripts" / "serve")],
                    by_http=True,
                    description=f"`scripts/serve` of {options.preview_baseline} (`mkdocs serve`, English by a "
                    "subprocess); timed to the page served, since its open pages do not reload: the "
                    "Content-Security-Policy blocks the inline livereload script",
                )
            )


def _measure_history(options, handbook, results: Results) -> None:
    """--only history: the history in-process, then whole builds with it, without it, and plain."""
    from . import history

    results.history = history.measure(options.content, handbook, options.runs, _say)
    site, custom = options.work / "site", None if options.content == CONTENT else options.content
    configs = write_plain_project(options.content, options.work / "plain")
    _say("warm-up builds (not timed)")
    build_site(site, custom)
    build_plain(configs["search"], options.work / "plain-site")
    build_plain(configs["bare"], options.work / "plain-site")
    off = dict(os.environ, HANDBOOK_HISTORY="off")
    for run in range(1, options.runs + 1):
        _say(
            f"build {run}/{options.runs}: scripts/build, the same without history, "
            "then plain mkdocs-material with and without its search"
        )
        results.builds.append(build_site(site, custom))
        results.history.without.append(build_site(site, custom, env=off))
        results.plain.append(build_plain(configs["search"], options.work / "plain-site"))
        results.plain_bare.append(build_plain(configs["bare"], options.work / "plain-site"))
    results.pages_built = _count_pages(site)


def _measure_navigation(options, handbook, results: Results, browser, viewport) -> None:
    """--only nav: the site and its alternatives once each, then the site at each scale."""
    _say("warm-up build (not timed)")
    build_site(options.work / "nav-site", None if options.content == CONTENT else options.content)
    with browser() as instance:
        _measure_alternatives(options, handbook, results, instance, viewport)
        for times in options.scales:
            _say(f"scale {times}×: writing synthetic content, then building it")
            content = scale_content(options.content, options.work / f"content-{times}x", times)
            site = options.work / "scale-site"
            run = build_site(site, content)
            results.scale_navigation[times] = _measure_scaled(instance, site, content, run, times, viewport)
            shutil.rmtree(site)
            shutil.rmtree(content)


def _measure_alternatives(options, handbook, results: Results, instance, viewport) -> None:
    """The site's navigation and its alternatives, each built once from the same content."""
    pages = {**navigation.section_pages(handbook), **navigation.other_pages(handbook)}
    content = None if options.content == CONTENT else options.content
    for name, (description, _) in navigation.ALTERNATIVES.items():
        _say(f"navigation: building the alternative '{name}'")
        site = options.work / f"nav-{name}"
        run = navigation.build_alternative(name, options.work, site, content)
        results.navigation.append(navigation.measure(instance, site, name, description, run, pages, viewport))
        navigation.remove(site)
    _say("navigation: building the site as configured")
    site = options.work / "nav-site"
    run = build_site(site, content)
    results.navigation.append(
        navigation.measure(instance, site, navigation.CHOSEN, navigation.CHOSEN_DESCRIPTION, run, pages, viewport)
    )
    navigation.remove(site)


def _measure_scaled(instance, site: Path, content: Path, run, times: int, viewport):
    scaled, _ = load_handbook(content, strict=False)
    _say(f"scale {times}×: measuring the section pages")
    return navigation.measure(instance, site, f"{times}×", "", run, navigation.section_pages(scaled), viewport)


def _first_searches(instance, base: str, times: int, results: Results, viewport: dict) -> None:
    for lang in ("zh", "en"):
        url = base + ("en/" if lang == "en" else "") + results.search_page
        results.search_visits[(times, lang)] = first_search(instance, url, FIRST_QUERIES[lang], viewport)


def _median_run(runs: list[Scores]) -> Scores:
    """The run whose performance score is the median (as Lighthouse's own
    computeMedianRun picks one whole run rather than mixing runs)."""
    ordered = sorted(runs, key=lambda s: s.scores["performance"])
    return ordered[(len(ordered) - 1) // 2]


def _count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def _machine(options, handbook, chromium: str) -> dict[str, str]:
    def output(command: list[str]) -> str:
        try:
            return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return "unknown"

    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor() or "unknown",
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    memory = "unknown"
    if Path("/proc/meminfo").exists():
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    node_version = output(["node", "--version"])
    lighthouse = output([str(ROOT / "node_modules" / ".bin" / "lighthouse"), "--version"])
    axe = _package_version(ROOT / "node_modules" / "axe-core" / "package.json")
    sections = sum(len(c.sections) for m in handbook.manuals for c in m.chapters)
    questions = sum(len(q.questions) for q in handbook.quizzes)
    content = options.content
    shown = content.relative_to(ROOT) if content.is_relative_to(ROOT) else content
    return {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "commit": output(["git", "rev-parse", "--short", "HEAD"])
        + (" (with uncommitted changes)" if output(["git", "status", "--porcelain"]) else ""),
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "software": f"Python {platform.python_version()}, {output([chromium, '--version'])}, "
        f"Node.js {node_version}, Lighthouse {lighthouse}, axe-core {axe}, "
        f"Pagefind {_package_version(ROOT / 'scripts' / 'pagefind' / 'node_modules' / 'pagefind' / 'package.json')}",
        "content": f"`{shown}/`: {len(handbook.manuals)} manuals, {sections} sections, "
        f"{sum(len(s.requirements) for m in handbook.manuals for c in m.chapters for s in c.sections)} "
        f"requirements, {len(handbook.checklists)} checklists, {len(handbook.rubrics)} rubrics, "
        f"{questions} quiz questions",
    }


def _package_version(package_json: Path) -> str:
    import json

    try:
        return json.loads(package_json.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "unknown"
