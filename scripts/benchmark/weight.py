"""What a first visit to a page downloads, and the size of the site's own files."""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass, field
from pathlib import Path

from harness.server import GZIP_LEVEL

# Where the project's own scripts and styles are published (Material's are under
# assets/javascripts and assets/stylesheets).
OWN_JS, OWN_CSS = "assets/js", "assets/css"


@dataclass
class Visit:
    bytes: int = 0  # transferred: compressed bodies and headers
    requests: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


def first_visit(browser, url: str, viewport: dict, settle: float = 1.0) -> Visit:
    """Open `url` in a fresh profile (nothing cached) and count everything it
    downloads until the network has been quiet for `settle` seconds."""
    context = browser.new_context(viewport=viewport)
    visit, last = Visit(), [time.monotonic()]

    def finished(request):
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        visit.bytes += size
        visit.requests += 1
        kind = request.resource_type
        visit.by_type[kind] = visit.by_type.get(kind, 0) + size
        last[0] = time.monotonic()

    context.on("requestfinished", finished)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        while time.monotonic() - last[0] < settle:
            page.wait_for_timeout(200)
    finally:
        context.close()
    return visit


def compressed_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0))


def own_files(site: Path, folder: str) -> dict[str, tuple[int, int]]:
    """Each of the project's own files under `folder` of the built site: (bytes, compressed bytes)."""
    return {
        path.relative_to(site).as_posix(): (path.stat().st_size, compressed_size(path))
        for path in sorted((site / folder).rglob("*"))
        if path.is_file()
    }


# What a search downloads, and what a page downloads before any search.
SEARCH_FILES = ("/pagefind/", "/search/search_index.json", "/assets/search-words.json")
FIRST_QUERIES = {"zh": "上班能戴首饰吗", "en": "can I wear jewellery at work"}


@dataclass
class SearchVisit:
    visit: Visit  # the first visit, before searching
    index_before: list[str]  # search files the visit downloaded (none, by budget)
    search: Visit  # what opening search and the first query downloaded
    results: int = 0


def first_search(browser, url: str, query: str, viewport: dict, settle: float = 1.0) -> SearchVisit:
    """Open `url` in a fresh profile, let it settle, then open search with the
    keyboard, type `query` and count what that downloads until the results are
    shown and the network has been quiet for `settle` seconds."""
    context = browser.new_context(viewport=viewport)
    phase = {"now": Visit(), "last": time.monotonic()}
    before, searched, early = phase["now"], Visit(), []

    def finished(request):
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        visit = phase["now"]
        visit.bytes += size
        visit.requests += 1
        visit.by_type[request.resource_type] = visit.by_type.get(request.resource_type, 0) + size
        if visit is before and any(part in request.url for part in SEARCH_FILES):
            early.append(request.url)
        phase["last"] = time.monotonic()

    def quiet():
        while time.monotonic() - phase["last"] < settle:
            page.wait_for_timeout(200)

    context.on("requestfinished", finished)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        quiet()
        phase["now"] = searched
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
        quiet()
        results = page.locator(".md-search-result__item").count()
    finally:
        context.close()
    return SearchVisit(before, early, searched, results)
