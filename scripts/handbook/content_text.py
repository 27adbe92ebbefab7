"""What a content file's strings may contain: plain text, and links only where the model allows.

Every string of every content file is plain text that the site shows as it is
written (the generator escapes it on output). These checks tell an editor, with
file and line, when a string looks like markup or a link, so that a page never
shows `<b>` or `[text](url)` where they meant formatting, and a pull request
that tries to smuggle markup in is refused before anyone reviews the page.

Links: the only field that is a link is a reference's `url` (the source a
citation names). It may be a relative target inside the site, an `https:`
address or a `mailto:` address. `javascript:`, `data:`, `http:`,
protocol-relative (`//host`) and any other scheme are errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Fields whose value is a link; everything else is plain text.
LINK_FIELDS = {"url"}

# What an HTML parser reads as markup: `<` followed by a letter, `/`, `!` or `?`
# (a whole tag or not: an unclosed `<img src=x onerror=…` is markup too).
RAW_HTML = re.compile(r"<[A-Za-z/!?]")
# Markdown links and images, inline or by reference: [text](url), ![alt](url), [text][ref].
MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\s*[(\[]")
# Schemes that run or embed code where a link goes, written anywhere in a text.
SCRIPT_URL = re.compile(r"(?i)\b(?:javascript|vbscript|livescript)\s*:|\bdata\s*:\s*[a-z-]+/[a-z0-9.+-]+[;,]")
# Browsers drop tabs and line breaks inside a URL, and C0 controls around it.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
ALLOWED_SCHEMES = {"https", "mailto"}


def strings(node, where: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string value in a loaded YAML document, with its path."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, where + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, where + (index,))


def field_name(where: tuple) -> str:
    """How a message names the field: 'the en text', 'owner', 'title.zh'."""
    keys = [str(k) for k in where if not isinstance(k, int)]
    if keys and keys[-1] in ("zh", "en"):
        return f"the {keys[-1]} text"
    return f"'{keys[-1]}'" if keys else "the text"


def text_problems(value: str) -> list[tuple[str, str]]:
    """(message, how to fix it) for a plain-text string."""
    found = []
    if RAW_HTML.search(value):
        found.append(
            ("raw HTML", "write plain text; the site adds all formatting (to write a '<', put a space after it)")
        )
    if MARKDOWN_LINK.search(value):
        found.append(
            (
                "a Markdown link or image",
                "write plain text: a text carries no links; a source's address "
                "goes in its reference's `url:` in references.yml",
            )
        )
    if SCRIPT_URL.search(value):
        found.append(("a javascript: or data: URL", "remove it: no text may carry a script or embedded data"))
    return found


def url_problem(value: str) -> tuple[str, str] | None:
    """(message, how to fix it) when `value` is not a link the model allows, else None."""
    if value != value.strip() or re.search(r"[\x00-\x20\x7f]", value) or _URL_IGNORED.search(value):
        return (f"the link {value!r} contains spaces or control characters", "write the address without them")
    if value.startswith("//") or value.startswith("\\"):
        return (f"the link {value!r} is protocol-relative", "write it with https:// (or as a path inside the site)")
    scheme = _SCHEME.match(value)
    if scheme is None:
        if value.startswith("/"):
            return (
                f"the link {value!r} starts at the server's root",
                "write a path relative to the site (the site may be published under a sub-folder)",
            )
        return None
    name = scheme.group(1).lower()
    if name not in ALLOWED_SCHEMES:
        hint = (
            "write it with https://" if name == "http" else "only https:, mailto: and paths inside the site are allowed"
        )
        return f"the link {value!r} uses {name}:, which is not allowed", hint
    if name == "https" and not re.match(r"^https://[^/?#\s]+", value, re.I):
        return f"the link {value!r} names no host", "write the whole address: https://host/path"
    return None


def check_document(doc, problems) -> None:
    """Every string of one content file: plain text, or a link where the model has one."""
    for where, value in strings(doc.data):
        key = next((k for k in reversed(where) if not isinstance(k, int)), None)
        line = doc.line(where)
        if key in LINK_FIELDS:
            problem = url_problem(value)
            if problem:
                problems.add(doc.path, line, *problem)
            continue
        for message, hint in text_problems(value):
            problems.add(doc.path, line, f"{message} in {field_name(where)}", hint)


def urls_in(value: str) -> list[str]:
    """Web addresses a plain text mentions (shown as text, never linked)."""
    return re.findall(r"(?i)\b(?:https?|ftp)://[^\s<>\"'，。；）)\[\]]+", value)
