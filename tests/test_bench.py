"""scripts/bench runs from the README's command and writes its report.

Only that it works is tested here, on a small setting: its timings depend on the
machine, so no test may depend on them. What does not depend on timing (the
size of our own JavaScript, accessibility) is held to its budget.
"""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    report = work / "report.md"
    # The first two queries of each language and kind: the smoke test checks that the search part works.
    queries = yaml.safe_load((ROOT / "tests" / "search" / "queries.yml").read_text(encoding="utf-8"))
    few = {lang: {kind: items[:2] for kind, items in kinds.items()} for lang, kinds in queries.items()}
    (work / "queries.yml").write_text(yaml.safe_dump(few, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [
            str(ROOT / "scripts" / "bench"),
            "--runs",
            "1",
            "--scales",
            "2",
            "--pages",
            "home",
            "--lighthouse-runs",
            "1",
            "--out",
            str(report),
            "--work",
            str(work / "work"),
            "--queries",
            str(work / "queries.yml"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode in (0, 1), f"scripts/bench failed:\n{result.stdout}\n{result.stderr}"
    return result, report.read_text(encoding="utf-8")


def table_rows(report: str, heading: str) -> list[list[str]]:
    section = report.split(heading, 1)[1].split("\n## ", 1)[0]
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ][1:]


def test_the_exit_status_says_whether_every_budget_held(bench):
    result, report = bench
    verdicts = [row[-1] for row in table_rows(report, "## Budgets")]
    # 6 of builds, JavaScript, Lighthouse and axe; 4 of navigation; 5 of search quality;
    # 3 search-weight budgets per language at 1×, 2 per language at 2×; 2 of the preview.
    assert len(verdicts) == 6 + 4 + 5 + 6 + 4 + 2 and set(verdicts) <= {"held", "**MISSED**"}
    missed = verdicts.count("**MISSED**")
    assert result.returncode == (1 if missed else 0)
    assert (f"**{missed} budget(s) missed.**" if missed else "Every budget held.") in report


def test_the_report_names_the_machine(bench):
    _, report = bench
    assert re.search(r"on \d+ CPUs \(", report) and "Lighthouse 12." in report and "axe-core 4." in report


def test_builds_are_timed_against_plain_mkdocs_material(bench):
    _, report = bench
    rows = {row[0]: row for row in table_rows(report, "## 1. Build time")}
    ours = rows["`scripts/build` (plugin: load, check, generate; Pagefind index)"]
    # The budget's baseline is a plain site with its own search, like the handbook's; without search beside it.
    plain, bare = rows["plain mkdocs-material with its search (baseline)"], rows["plain mkdocs-material, no search"]
    assert all(re.fullmatch(r"\d+\.\d\d s", row[1]) for row in (ours, plain, bare))
    overhead = re.search(r"Generation overhead: ([\d.]+) s / ([\d.]+) s − 1 = \*\*[+-][\d.]+%\*\*", report)
    assert overhead and overhead.groups() == (ours[1][:-2], plain[1][:-2])
    assert re.search(r"Against plain mkdocs-material without any search: [\d.]+ s / " + bare[1][:-2], report)


def test_twice_the_content_builds_twice_the_pages(bench):
    _, report = bench
    one, two = table_rows(report, "## 3. Scale")
    assert one[0] == "1×" and two[0] == "2×"
    # Only the hand-written pages and the indexes are not doubled.
    assert 1.8 < int(two[1]) / int(one[1]) <= 2


def test_the_home_page_weight_and_search_indexes_are_reported_for_both_languages(bench):
    _, report = bench
    [home] = table_rows(report, "## 4. Page weight")[:1]
    assert home[0] == "home" and all(re.fullmatch(r"\d+\.\d KB", cell) for cell in home[2:4])
    assert "| `assets/js/handbook.js` |" in report and "| `assets/css/handbook.css` |" in report
    assert re.search(r"^\| zh \| [\d.]+ KB \| [\d.]+ KB \|$", report, flags=re.MULTILINE)
    assert re.search(r"^\| en \| [\d.]+ KB \| [\d.]+ KB \|$", report, flags=re.MULTILINE)


def test_lighthouse_and_axe_ran_on_the_home_page_in_both_languages(bench):
    _, report = bench
    lighthouse = table_rows(report, "## 5. Lighthouse")
    assert [(row[0], row[1]) for row in lighthouse] == [("home", "zh"), ("home", "en")]
    assert all(re.fullmatch(r"\d{1,3}", score) for row in lighthouse for score in row[2:6])
    axe = table_rows(report, "## 6. Accessibility")
    assert [(row[0], row[1]) for row in axe] == [("home", "zh"), ("home", "en")]


def test_budgets_that_do_not_depend_on_timing_hold(bench):
    _, report = bench
    verdicts = {row[0]: row[-1] for row in table_rows(report, "## Budgets")}
    for budget in (
        "Own JavaScript, compressed, total",
        "Lighthouse accessibility, lowest page",
        "axe-core serious or critical violations, all pages",
        "Search queries with no result",
        "Search files downloaded before searching, zh, 1× content",
        "Search files downloaded before searching, en, 1× content",
        "Search files downloaded before searching, zh, 2× content",
        "Search files downloaded before searching, en, 2× content",
        "First search download, zh, 1× content",
        "First search download, en, 1× content",
    ):
        assert verdicts[budget] == "held", budget


def test_the_navigation_weight_of_the_site_and_its_alternatives_is_reported(bench):
    _, report = bench
    rows = {row[0]: row for row in table_rows(report, "## 7. Navigation weight")[:3]}
    assert list(rows) == ["bounded", "prune", "prune, manuals lifted"]
    for row in rows.values():
        assert all(re.fullmatch(r"\d+\.\d KB", cell) for cell in row[1:3] + row[4:6])
        assert all(re.fullmatch(r"\d+", cell) for cell in (row[3], row[6]))
        assert re.fullmatch(r"\d+\.\d MB", row[-3]) and re.fullmatch(r"\d+\.\d s", row[-1])
    scaled = {row[0]: row for row in table_rows(report, "## 7. Navigation weight")[3:] if row[0] != "content"}
    assert list(scaled) == ["1×", "2×"]
    verdicts = {row[0]: row for row in table_rows(report, "## Budgets")}
    for budget in (
        "Section page HTML, uncompressed",
        "Section page DOM nodes",
        "Whole site, both languages",
        "Section page HTML at 2× content",
    ):
        assert budget in verdicts, budget


def test_the_navigation_budgets_hold(bench):
    """Sizes, not timings: they do not depend on the machine."""
    _, report = bench
    verdicts = {row[0]: row[-1] for row in table_rows(report, "## Budgets")}
    for budget in (
        "Section page HTML, uncompressed",
        "Section page DOM nodes",
        "Whole site, both languages",
        "Section page HTML at 2× content",
    ):
        assert verdicts[budget] == "held", budget


def test_search_quality_is_reported_for_both_engines_languages_and_kinds(bench):
    _, report = bench
    rows = table_rows(report, "## 8. Search quality")
    cells = {(row[0], row[1], row[2]) for row in rows}
    assert cells == {
        (engine, lang, kind)
        for engine in ("Pagefind + question handling", "Material (lunr)")
        for lang in ("zh", "en")
        for kind in ("keyword", "question")
    }
    for row in rows:
        assert row[3] == "2" and re.fullmatch(r"\d+% \(\d\)", row[4]) and re.fullmatch(r"\d\.\d\d", row[5])
    assert "Not answered in the top 3 by Pagefind + question handling" in report
    assert "Not answered in the top 3 by Material (lunr)" in report


def test_a_first_visit_and_a_first_search_are_weighed_at_each_content_size(bench):
    _, report = bench
    rows = table_rows(report, "## 9. Search weight")
    assert [(row[0], row[1]) for row in rows] == [("1×", "en"), ("1×", "zh"), ("2×", "en"), ("2×", "zh")]
    for row in rows:
        assert re.fullmatch(r"[\d.]+ KB", row[2]) and row[3] == "0" and re.fullmatch(r"[\d.]+ KB", row[4])
        assert int(row[6]) > 0  # the question found results


def test_the_preview_is_timed_from_edit_to_visible_for_the_preview_and_the_whole_rebuild(bench):
    _, report = bench
    rows = table_rows(report, "## Preview: edit → visible")
    assert [row[0].split(":")[0] for row in rows] == [
        "`scripts/serve`",
        "the same server, both sites rebuilt whole on every change (as `mkdocs serve` does)",
    ]
    for row in rows:
        assert all(re.fullmatch(r"\d+\.\d\d", cell) for cell in (row[2], row[4])), row
    assert re.search(
        r"\| Preview: edit → visible, language rendered first \(zh\), median \| [\d.]+ s \| ≤ 2 s \|", report
    )


def test_the_plain_baseline_has_its_own_search_in_the_page_language(tmp_path):
    """The overhead budget's baseline is plain mkdocs-material with Material's built-in search
    (the handbook indexes its pages too); the variant without search is reported beside it."""
    from benchmark.plain import write_plain_project

    configs = write_plain_project(ROOT / "checklists", tmp_path / "plain")
    for lang in ("zh", "en"):
        search = yaml.safe_load(configs["search"][lang].read_text(encoding="utf-8"))
        bare = yaml.safe_load(configs["bare"][lang].read_text(encoding="utf-8"))
        assert search["plugins"] == [{"search": {"lang": [lang]}}]
        assert bare["plugins"] == []
        # The same pages and navigation in both.
        assert {k: v for k, v in search.items() if k != "plugins"} == {k: v for k, v in bare.items() if k != "plugins"}


def test_the_report_sets_the_held_out_misses_apart_from_those_of_the_sets_tuned_on():
    """Whoever tunes reads the misses of the sets tuned on; a held-out set's misses come last,
    under a warning that reading them spends the set."""
    from benchmark.report import _search_quality
    from benchmark.results import Results
    from benchmark.search import ENGINES, Asked, Quality, Query

    tuned = Asked(Query("工牌", "zh", "keyword", ["000-6.1"]), ["glossary/"], None)
    dev = Asked(Query("posture", "en", "keyword", ["001-2.2"], "dev"), ["checklists/courtesy/"], 5)
    held = Asked(Query("客户老是等太久", "zh", "question", ["003-5.1"], "eighth held-out"), [], None)
    quality = Quality({engine: [tuned, dev, held] for engine in ENGINES})
    report = "\n".join(_search_quality(Results(machine={}, search=quality)))
    before, _, after = report.partition("### Misses of the held-out sets")
    assert "“工牌”" in before and "“posture”" in before and "客户老是等太久" not in before
    assert "spends the set" in after and "“客户老是等太久”" in after and "工牌" not in after
    # The description of the sets says which were tuned on and which is held out.
    assert "were tuned on “dev” (" in before and "Held out: “eighth held-out”," in before


def test_the_build_tables_of_the_report_and_of_the_history_give_each_build_in_one_shape():
    """Section 1 and the change history's whole-build table list the same runs the same way
    (benchmark.builds.runs_rows); a kind of build that did not run has no row."""
    from benchmark.builds import Run
    from benchmark.history import HistoryMeasure
    from benchmark.history import report as history_report
    from benchmark.report import _builds
    from benchmark.results import Results

    site = [Run(8.5, 900, 9.4), Run(8.7, 910, 9.6), Run(8.6, 905, 9.5)]
    plain = [Run(8.4, 700, 8.5)]
    steps = dict(cold=[1.2], warm=[0.3], parse_cold=[0.5], diff_cold=[0.2], git_warm=[0.1], views=[0.2])
    measure = HistoryMeasure(**steps, without=[Run(8.1, 880, 9.0)])
    results = Results(machine={}, builds=site, plain=plain, history=measure)
    row = "| 8.60 s | 8.50, 8.70, 8.60 | 910 MiB | 9.50 s | 9.40, 9.60, 9.50 |"
    ours, history = "\n".join(_builds(results)), "\n".join(history_report(results))
    assert f"| `scripts/build` (plugin: load, check, generate; Pagefind index) {row}" in ours
    assert f"| `scripts/build` {row}" in history
    assert "| `scripts/build`, HANDBOOK_HISTORY=off | 8.10 s | 8.10 | 880 MiB | 9.00 s | 9.00 |" in history
    assert "no search" not in ours and "no search" not in history  # it did not run
