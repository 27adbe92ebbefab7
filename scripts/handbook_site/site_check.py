"""Checks of the built site, both languages at once: every internal link and
anchor reaches something, and every image has alternative text.

MkDocs checks the Markdown links of each language's build; this reads the
HTML as published, so the raw-HTML links the generator writes, the links
between the two languages and the theme's own are checked too.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK = re.compile(r'<(?:a|link|script|img|source)\b[^>]*?\s(?:href|src)="([^"]*)"', re.IGNORECASE)
_ID = re.compile(r'\sid="([^"]+)"')
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r'\salt="([^"]*)"')


def check_site(site: Path) -> list[str]:
    """Every problem as 'page: message', pages relative to the site folder."""
    site = site.resolve()
    ids: dict[Path, set[str]] = {}
    problems = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site).as_posix()
        for img in _IMG.findall(html):
            alt = _ALT.search(img)
            if alt is None or (not alt.group(1).strip() and 'role="presentation"' not in img):
                problems.append(f"{name}: image without alt text: {img[:120]}")
        for href in _LINK.findall(html):
            problem = _check_link(site, page, href, html, ids)
            if problem:
                problems.append(f"{name}: {problem}")
    return problems


def _check_link(site: Path, page: Path, href: str, html: str, ids: dict[Path, set[str]]) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    target = page
    if parts.path:
        # Root-relative links (the 404 pages use them) start from the site's root.
        base = site if parts.path.startswith("/") else page.parent
        target = (base / unquote(parts.path).lstrip("/")).resolve()
        if not target.is_relative_to(site):
            return f"link leaves the site: {href}"
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            return f"broken link: {href}"
    anchor = unquote(parts.fragment)
    if anchor and target.suffix == ".html":
        if target not in ids:
            ids[target] = set(_ID.findall(html if target == page else target.read_text(encoding="utf-8")))
        if anchor not in ids[target]:
            return f"broken anchor: {href}"
    return None
