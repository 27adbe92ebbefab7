"""The fast tier (scripts/test --fast) leaves out every test that needs a browser or a
site build, whether or not its author remembered the marker; and the helpers the tests
and the benchmark share depend on neither of them."""

from __future__ import annotations

import ast
import textwrap

from conftest import ROOT

SAMPLE_TESTS = textwrap.dedent("""
    import subprocess

    import pytest


    def test_reads_content():
        assert True


    def test_opens_a_page(page):
        raise AssertionError("a browser test ran in the fast tier")


    def test_reads_the_built_site(built_site):
        raise AssertionError("a build test ran in the fast tier")


    @pytest.mark.build
    def test_builds_and_says_so():
        raise AssertionError("a marked build test ran in the fast tier")


    def test_builds_without_saying_so(tmp_path):
        subprocess.run(["scripts/build", str(tmp_path)], check=False)


    def test_serves_without_saying_so():
        subprocess.run(["/anywhere/scripts/serve", "-a", "127.0.0.1:1"], check=False)


    def test_runs_mkdocs_without_saying_so():
        subprocess.run(["python3", "-m", "mkdocs", "build"], check=False)


    def test_launches_chromium_without_saying_so():
        from harness.browser import browser
        with browser():
            pass


    def test_may_mention_mkdocs_in_a_program():
        subprocess.run(["python3", "-c", "print('mkdocs')"], check=True)
""")


def run_tiers(pytester, *args):
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    pytester.makeini(
        textwrap.dedent("""
        [pytest]
        addopts = --strict-markers
        markers =
            browser: drives Chromium
            build: builds the site
    """)
    )
    pytester.makepyfile(test_sample=SAMPLE_TESTS)
    return pytester.runpytest_inprocess("-p", "no:cacheprovider", "-rf", *args)


def test_the_fast_tier_leaves_out_marked_tests_and_fails_unmarked_builds_and_browsers(pytester):
    result = run_tiers(pytester, "--fast")
    result.assert_outcomes(passed=2, failed=4, deselected=3)
    lines = result.stdout.lines
    for name, marker in (
        ("builds_without_saying_so", "build"),
        ("serves_without_saying_so", "build"),
        ("runs_mkdocs_without_saying_so", "build"),
        ("launches_chromium_without_saying_so", "browser"),
    ):
        heading = next(n for n, line in enumerate(lines) if line.strip("_ ") == f"test_{name}")
        assert f"mark the test or its module @pytest.mark.{marker}" in lines[heading + 1], lines[heading + 1]


def test_the_browser_and_build_fixtures_mark_the_tests_that_use_them(pytester):
    result = run_tiers(pytester, "--collect-only", "-q", "-m", "browser or build")
    result.assert_outcomes(deselected=6)
    collected = result.stdout.str()
    assert {"test_opens_a_page", "test_reads_the_built_site", "test_builds_and_says_so"} == {
        name
        for name in ("test_opens_a_page", "test_reads_the_built_site", "test_builds_and_says_so", "test_reads_content")
        if f"::{name}" in collected
    }


def imports_of(folder):
    """Top-level names of every module each file under `folder` imports."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[path.relative_to(ROOT).as_posix()] = names
    return found


def test_shared_helpers_depend_on_neither_the_tests_nor_the_benchmark():
    for path, names in imports_of(ROOT / "scripts" / "harness").items():
        assert not names & {"tests", "conftest", "support", "benchmark", "handbook"}, (path, names)
    for path, names in imports_of(ROOT / "scripts" / "benchmark").items():
        assert not names & {"tests", "conftest", "support"}, (path, names)


def test_ci_and_the_pull_request_workflow_lint_with_ruff():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    workflow = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    requirements = (ROOT / "requirements-test.txt").read_text(encoding="utf-8")
    for text in (ci, workflow):
        assert 'ruff" check' in text and 'ruff" format --check' in text
    assert "\nruff==" in requirements
