"""Launch Debian's Chromium with Playwright, at the screen sizes the project
looks at its pages with. The tests and the benchmark both drive the browser
through here."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
from pathlib import Path

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium keeps trying to reach Google's services, which a
# closed network refuses; they also keep the profile free of first-run UI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        raise RuntimeError(
            f"Chromium not found at {CHROMIUM}. Install it (Debian: apt-get install chromium "
            "fonts-noto-cjk) or set HANDBOOK_CHROMIUM to its path."
        )
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
