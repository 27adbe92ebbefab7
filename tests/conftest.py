"""Shared fixtures, and the two test tiers.

`scripts/test` runs every test. `scripts/test --fast` runs only those that need
neither a browser nor a build of the site (the `browser` and `build` markers,
declared in pyproject.toml). The markers are not left to memory: a test that asks
for a browser fixture (`chromium`, `page`, `base`) is marked `browser`, one that
asks for the built site is marked `build`, and in the fast tier a test that starts
scripts/build, scripts/serve, scripts/bench, MkDocs or Chromium any other way fails
and says which marker it needs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

import harness.browser
from harness.browser import DESKTOP, browser, free_port
from harness.server import serve_compressed as serve

# pytester: tests/test_test_tiers.py runs pytest on small test files to check the tiers.
pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
TEST_EDIT_URI = "https://git.example.test/service/handbook/edit/main/"

# Fixtures that imply a marker: a test using one is marked, wherever it lives.
BROWSER_FIXTURES = {"chromium", "page", "base"}
BUILD_FIXTURES = {"built_site"}
SLOW_MARKERS = ("browser", "build")
FAST_BUDGET_SECONDS = 60
# Programs a fast test must not start, and the marker each one needs.
_SLOW_SCRIPTS = {
    "scripts/build": "build",
    "scripts/serve": "build",
    "scripts/bench": "browser",
    "scripts/screenshots": "browser",
}
_SLOW_MODULES = {
    "mkdocs": "build",
    "properdocs": "build",
    "build_languages": "build",
    "tests.support.payload_build": "build",
    "benchmark": "browser",
    "harness.screenshots": "browser",
}


def _slow_program(words: list[str]) -> str | None:
    """The marker a command needs, if it builds the site or starts a browser."""
    for i, word in enumerate(words):
        previous = words[i - 1] if i else ""
        for script, marker in _SLOW_SCRIPTS.items():
            if word == script or word.endswith("/" + script):
                return marker
        name = word.rsplit("/", 1)[-1]
        if i == 0 and name in ("mkdocs", "properdocs"):
            return "build"
        if i == 0 and name.startswith("chromium"):
            return "browser"
        if previous == "-m" and word in _SLOW_MODULES:
            return _SLOW_MODULES[word]
    return None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fast",
        action="store_true",
        help="only the tests that need no browser and no site build (markers: browser, build)",
    )


def _fast(config: pytest.Config) -> bool:
    return bool(config.getoption("--fast"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)
        if names & BUILD_FIXTURES and not item.get_closest_marker("build"):
            item.add_marker(pytest.mark.build)
    if not _fast(config):
        return
    keep, slow = [], []
    for item in items:
        (slow if any(item.get_closest_marker(m) for m in SLOW_MARKERS) else keep).append(item)
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = keep


def _refuse_in_fast_tier(what: str, marker: str):
    pytest.fail(
        f"{what} in the fast tier (scripts/test --fast): mark the test or its module "
        f"@pytest.mark.{marker}, or use the fixture that provides it",
        pytrace=False,
    )


class _FastTierPopen(subprocess.Popen):
    """subprocess.Popen that refuses, in the fast tier, to start a build, a server or the browser."""

    def __init__(self, args, *rest, **kwargs):
        if isinstance(args, (str, bytes, os.PathLike)):
            words = os.fsdecode(args).split() if kwargs.get("shell") else [os.fsdecode(args)]
        else:
            words = [os.fsdecode(word) for word in args]
        marker = _slow_program(words)
        if marker:
            _refuse_in_fast_tier(f"`{' '.join(words)}` was started", marker)
        super().__init__(args, *rest, **kwargs)


def _no_chromium() -> str:
    _refuse_in_fast_tier("Chromium was launched", "browser")


def pytest_configure(config: pytest.Config) -> None:
    """In the fast tier, a test (or a fixture of any scope) that starts a build, a server
    or the browser without its marker fails at once, rather than slowing the tier down
    unnoticed. The fast tier's process runs no build of its own, so the guard stays on."""
    if _fast(config):
        config._handbook_unguarded = (subprocess.Popen, harness.browser.chromium_path)
        subprocess.Popen = _FastTierPopen
        harness.browser.chromium_path = _no_chromium


def pytest_unconfigure(config: pytest.Config) -> None:
    unguarded = getattr(config, "_handbook_unguarded", None)
    if unguarded:
        subprocess.Popen, harness.browser.chromium_path = unguarded


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config._handbook_started = time.monotonic()


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    if not _fast(config):
        return
    seconds = time.monotonic() - config._handbook_started
    verdict = "within" if seconds < FAST_BUDGET_SECONDS else "OVER"
    terminalreporter.write_line(
        f"fast tier: {seconds:.1f} s, {verdict} its {FAST_BUDGET_SECONDS} s budget "
        "(browser and build tests left out: scripts/test runs them)"
    )


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the small valid fixture content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture(scope="session")
def real_load():
    """The real content, loaded once for every test that only reads it (strictly:
    warnings count). Never change it: a test that edits content uses `real_content`."""
    from handbook import load_handbook

    return load_handbook(ROOT / "checklists", strict=True)


@pytest.fixture(scope="session")
def real_handbook(real_load):
    """The real handbook's model, as `real_load` loaded it."""
    return real_load[0]


@pytest.fixture
def real_content(tmp_path: Path) -> Path:
    """A writable copy of the real content (the schemas stay where they are)."""
    target = tmp_path / "real-content"
    shutil.copytree(ROOT / "checklists", target, ignore=shutil.ignore_patterns("schema"))
    return target


@pytest.fixture(scope="session")
def site_url() -> str:
    """Where the browser tests serve the site; the build is told, as a
    deployment would be, so that instant navigation and its sitemap work."""
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """The real handbook, built once by the README's command, scripts/build."""
    if _fast(request.config):
        _refuse_in_fast_tier("The built site was asked for", "build")
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, HANDBOOK_EDIT_URI=TEST_EDIT_URI, HANDBOOK_SITE_URL=site_url)
    env.pop("HANDBOOK_CONTENT", None)
    result = subprocess.run(
        [str(ROOT / "scripts" / "build"), str(out)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, f"scripts/build failed:\n{result.stdout}\n{result.stderr}"
    (out / ".build-log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def base(built_site, site_url):
    """The built site, served where it was built to be served."""
    port = int(site_url.rsplit(":", 1)[1].strip("/"))
    with serve(built_site, port) as url:
        assert url == site_url
        yield url


@pytest.fixture(scope="session")
def chromium(request: pytest.FixtureRequest):
    if _fast(request.config):
        _refuse_in_fast_tier("The browser was asked for", "browser")
    with browser() as instance:
        yield instance


@pytest.fixture
def page(chromium):
    """A desktop-sized tab in a fresh context: no saved state from other tests."""
    context = chromium.new_context(viewport=DESKTOP)
    tab = context.new_page()
    yield tab
    context.close()
