"""Serve a built site on loopback and drive Debian's Chromium with Playwright.

The site is served as the benchmark serves it, and as a production server
would: text compressed with gzip (benchmark/server.py)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
from pathlib import Path

from benchmark.server import serve_compressed as serve  # noqa: F401 - the tests' server

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium keeps trying to reach Google's services, which a
# closed network refuses; they also keep the profile free of first-run UI.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


def chromium_path() -> str:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        raise RuntimeError(
            f"Chromium not found at {CHROMIUM}. Install it (Debian: apt-get install chromium "
            "fonts-noto-cjk) or set HANDBOOK_CHROMIUM to its path.")
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


# As a browser that refuses site data does: any use of localStorage throws.
_BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""


@contextlib.contextmanager
def storage_blocked(instance):
    """A tab of `instance` in which localStorage cannot be used."""
    context = instance.new_context()
    context.add_init_script(_BLOCK_STORAGE)
    try:
        yield context.new_page()
    finally:
        context.close()


def follow_instantly(page, start: str, link: str, target: str, ready: str) -> None:
    """From `start`, follow the link named `link` to `target` (a URL path) as Material's
    instant navigation does it, without a page load, and wait for the selector `ready`."""
    page.goto(start)
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.notReloaded = true }")
    page.get_by_role("link", name=link).first.click()
    page.wait_for_url(f"**/{target}**")
    page.locator(ready).wait_for()
    assert page.evaluate("() => window.notReloaded === true"), "instant navigation did not happen"
