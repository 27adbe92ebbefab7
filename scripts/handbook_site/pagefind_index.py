"""Build one language's search index with Pagefind, over that language's built
pages.

Pagefind (pinned in scripts/pagefind/package-lock.json, installed by
scripts/_venv.sh) is run as its extended binary, which segments Chinese with
ICU4X: the same word boundaries as the browser's Intl.Segmenter, which splits
the query (docs/assets/js/search-query.js). Each language gets its own bundle
(`pagefind/` in its site folder: zh at /pagefind/, en at /en/pagefind/), so a
Chinese page can never be an English result, nor the reverse.

Only the article is indexed (the hooks mark it data-pagefind-body); headings
with ids become the sub-results a search links to.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from handbook.repository import ROOT

PACKAGE = ROOT / "scripts" / "pagefind"
BUNDLE = "pagefind"
# What the article holds that is not its text: permalink signs, the edit button,
# the line linking a chapter's quiz (it repeats the chapter's title), the
# editors' notes on repairs to the source's text (they quote its damaged
# characters), and what the page generator marks as not for search (the other
# language's half of a bilingual label, review notices, print-only lines).
EXCLUDED = (
    ".headerlink",
    ".md-content__button",
    ".md-source-file",
    ".hb-used-in",
    ".hb-repairs",
    "[data-search-exclude]",
)
# The bundle's own UIs, which the site does not use (it has Material's dialog).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
)
# Every page of the site except the English site kept in en/ beside the Chinese.
PAGES_OUTSIDE_EN = "{*.html,[!e]*/**/*.html,e[!n]*/**/*.html,en?*/**/*.html}"


class PagefindError(Exception):
    """Pagefind is missing or failed; the message says what to do."""


def binary() -> Path:
    """The extended Pagefind binary for this machine, from the npm package."""
    override = os.environ.get("PAGEFIND_EXTENDED_BINARY_PATH")
    if override:
        return Path(override)
    system = {"win32": "windows"}.get(sys.platform, sys.platform)
    machine = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64"}.get(
        platform.machine().lower(), platform.machine().lower()
    )
    name = "pagefind_extended.exe" if system == "windows" else "pagefind_extended"
    path = PACKAGE / "node_modules" / "@pagefind" / f"{system}-{machine}" / "bin" / name
    if not path.is_file():
        raise PagefindError(
            f"Pagefind is not installed ({path.relative_to(ROOT)} is missing): run scripts/build or "
            "scripts/serve, which install it, or `npm ci --prefix scripts/pagefind`."
        )
    return path


def index_language(site_dir: Path, lang: str, background: bool = False) -> Path:
    """Index the pages of one language's site; returns the bundle folder. In the
    background (the preview), at low CPU priority: it yields to the next render."""
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    command = [str(binary()), "--site", str(site_dir), "--output-subdir", BUNDLE, "--force-language", lang, "--quiet"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    if lang != "en":
        command += ["--glob", PAGES_OUTSIDE_EN]
    result = subprocess.run(
        command,
        text=True,
        capture_output=True,
        preexec_fn=(lambda: os.nice(15)) if background and hasattr(os, "nice") else None,
    )
    if result.returncode or not (bundle / "pagefind.js").is_file():
        raise PagefindError(f"Pagefind failed to index {site_dir} ({lang}):\n{result.stdout}{result.stderr}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return bundle
