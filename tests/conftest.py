from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.browser import DESKTOP, browser, free_port, serve

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
TEST_EDIT_URI = "https://git.example.test/service/handbook/edit/main/"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the small valid fixture content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


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
def built_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """The real handbook, built once by the README's command, scripts/build."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, HANDBOOK_EDIT_URI=TEST_EDIT_URI, HANDBOOK_SITE_URL=site_url)
    env.pop("HANDBOOK_CONTENT", None)
    result = subprocess.run([str(ROOT / "scripts" / "build"), str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
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
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture
def page(chromium):
    """A desktop-sized tab in a fresh context: no saved state from other tests."""
    context = chromium.new_context(viewport=DESKTOP)
    tab = context.new_page()
    yield tab
    context.close()
