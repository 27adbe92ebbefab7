"""Build one language's search index with Pagefind, over that language's built
pages.

Pagefind (pinned in scripts/pagefind/package-lock.json, installed by
scripts/_venv.sh) is run as its extended binary, which segments Chinese with
ICU4X: the same word boundaries as the browser's Intl.Segmenter, which splits
the query (docs/assets/js/search-query.js). Each language gets its own bundle
(`pagefind/` in its site folder: zh at /pagefind/, en at /en/pagefind/), so a
Chinese page can never be an English result, nor the reverse.

scripts/build (handbook_site.build) builds both languages in one process: a
language's index is started after its pages are written and runs while the next
language's pages are built; the build waits for every index before it ends, and
fails with Pagefind's message if one failed (`deferring`). The Chinese index
reads only the pages outside en/ (`pages_outside`), so the English build writing
into en/ meanwhile never reaches it. A plain `mkdocs build` waits for its index
before it ends.

Only the article is indexed (the hooks mark it data-pagefind-body); headings
with ids become the sub-results a search links to.
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
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
# Pages that repeat what a section or topic states (checklists, rubrics, the glossary,
# chapter pages, the onboarding path, the editors' guide) weigh this much in the
# index, their titles as much as any page's: a question finds the section that
# states a rule before a page that lists it, and a page's own name still finds
# the page (README, Search: measured against 1 and 0.5 on the tuned and
# development sets).
REPEATING_WEIGHT = "0.25"
TITLE_WEIGHT = "7"  # Pagefind's own weight for an <h1>
# What the page generator marks as a search aid (data-search-aid: the questions staff ask that a
# section answers, checklists/asked) weighs half the page's own text: not the manual's words
# (README, Search: measured against 0.25, 1 and 2). The mark is looked for only inside a tag:
# content is escaped, so no text on the page can hold a "<" that would make it one.
AID_WEIGHT = "0.5"
_AID_MARK = re.compile(r'(<[a-z][^<>]*?) data-search-aid(?:="[^"<>]*")?(?=[\s/>])')


def marked_for_index(html: str, article: str, states: bool) -> str:
    """The page with its article marked as what Pagefind indexes (data-pagefind-body),
    weighted down unless the page `states` rules (a section or topic page), and what the
    generator marks as a search aid weighted at AID_WEIGHT."""
    html = _AID_MARK.sub(rf'\1 data-pagefind-weight="{AID_WEIGHT}"', html)
    if states:
        return html.replace(article, article[:-1] + " data-pagefind-body>", 1)
    start = html.find(article)
    if start < 0:
        return html
    marked = article[:-1] + f' data-pagefind-body data-pagefind-weight="{REPEATING_WEIGHT}">'
    head, body = html[:start], html[start + len(article) :]
    # An explicit weight inside a weighted block is its own (Pagefind): the title keeps a title's.
    body = body.replace("<h1", f'<h1 data-pagefind-weight="{TITLE_WEIGHT}"', 1)
    return head + marked + body


# The bundle's own UIs, which the site does not use (it has Material's dialog).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
)
# Folders whose pages are never indexed: the plugin marks none of them data-pagefind-body
# (plugin.UNSEARCHED), so Pagefind need not read them (79 of each language's 264 pages).
UNREAD = ("quizzes",)


def pages_outside(folders: set[str]) -> str:
    """A Pagefind glob of every HTML page except those in the top-level `folders` (and their
    subfolders): for the Chinese site, en/ holds the English site, which has its own index."""

    def under(prefix: str, names: set[str]) -> list[str]:
        following = sorted({name[len(prefix)] for name in names if len(name) > len(prefix)})
        # Folders that start with `prefix` and go on with a character no excluded name has next.
        found = [prefix + (f"[!{''.join(following)}]" if following else "?") + "*/**/*.html"]
        if prefix and prefix not in names:
            found.append(prefix + "/**/*.html")  # the folder named `prefix` itself
        for character in following:
            found += under(prefix + character, {name for name in names if name.startswith(prefix + character)})
        return found

    return "{" + ",".join(["*.html", *under("", set(folders))]) + "}"


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
    return start(site_dir, lang, background).wait()


def start(site_dir: Path, lang: str, background: bool = False) -> Indexing:
    """Start indexing one language's site; `wait()` on the result finishes it."""
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    command = [str(binary()), "--site", str(site_dir), "--output-subdir", BUNDLE, "--force-language", lang, "--quiet"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    command += ["--glob", pages_outside(set(UNREAD) | ({"en"} if lang != "en" else set()))]
    # Its output goes to a file, not a pipe: a run nobody reads yet must never block on a full pipe.
    output = tempfile.TemporaryFile()
    try:
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=(lambda: os.nice(15)) if background and hasattr(os, "nice") else None,
        )
    except OSError as error:
        output.close()
        raise PagefindError(f"Pagefind could not be started for {site_dir} ({lang}): {error}") from error
    return Indexing(site_dir, lang, process, output)


class Indexing:
    """One language's Pagefind run, under way."""

    def __init__(self, site_dir: Path, lang: str, process: subprocess.Popen, output) -> None:
        self.site_dir, self.lang, self.process, self.output = site_dir, lang, process, output

    def wait(self) -> Path:
        """Wait for the run to end; returns the bundle folder, or raises PagefindError with Pagefind's output."""
        returncode = self.process.wait()
        self.output.seek(0)
        text = self.output.read().decode("utf-8", "replace")
        self.output.close()
        bundle = self.site_dir / BUNDLE
        if returncode or not (bundle / "pagefind.js").is_file():
            raise PagefindError(f"Pagefind failed to index {self.site_dir} ({self.lang}):\n{text}")
        for name in UNUSED:
            (bundle / name).unlink(missing_ok=True)
        return bundle

    def stop(self) -> None:
        """End the run unfinished (the build failed elsewhere)."""
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait()
        self.output.close()


class Deferred:
    """Indexes started while a build of several languages goes on (handbook_site.build):
    a language's index is built while the next language's pages are, and all of them
    are waited for at the end. Outside `deferring()` the plugin waits for each index
    before its build ends (a plain `mkdocs build`)."""

    def __init__(self) -> None:
        self.started: list[Indexing] = []

    def wait(self) -> None:
        """Wait for every index; the first failure raises PagefindError (the others are still waited for)."""
        failures = []
        for indexing in self.started:
            try:
                indexing.wait()
            except PagefindError as error:
                failures.append(error)
        self.started = []
        if failures:
            raise PagefindError("\n".join(str(error) for error in failures))

    def stop(self) -> None:
        for indexing in self.started:
            indexing.stop()
        self.started = []


_deferred: Deferred | None = None


@contextlib.contextmanager
def deferring():
    """Within: the plugin starts each language's index and leaves it running; the caller
    waits for them all with the Deferred it is given (anything unfinished on leaving is stopped)."""
    global _deferred
    previous, _deferred = _deferred, Deferred()
    try:
        yield _deferred
    finally:
        _deferred.stop()
        _deferred = previous


def defer(indexing: Indexing) -> bool:
    """Leave `indexing` running to be waited for at the end of the build, if a caller deferred indexes."""
    if _deferred is None:
        return False
    _deferred.started.append(indexing)
    return True
