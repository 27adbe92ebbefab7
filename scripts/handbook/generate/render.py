"""Turn model texts into safe HTML fragments for one language.

Content is plain text: everything is escaped, and the only markup it may carry
is a citation marker `[ref:ID]`, which becomes a numbered link to the page's
list of sources, flagged with the source's verification state.
"""

from __future__ import annotations

import html
import re

from ..checks import REF_MARKER
from ..model import Block, Handbook, Text
from .ui import t

# A short lead-in before a colon ("主动倾听：…", "Active listening: …") is a
# list item's label; bolding it makes long lists scannable.
_LABEL = {"zh": re.compile(r"^([^：:，。；]{1,14})[：:](?!//)"),
          "en": re.compile(r"^([^:.;,]{1,48}):\s")}


class Citations:
    """Numbers the sources cited on one page in order of first citation."""

    def __init__(self, handbook: Handbook, lang: str):
        self.handbook = handbook
        self.lang = lang
        self.order: list[str] = []

    def marker(self, ref_id: str) -> str:
        if ref_id not in self.order:
            self.order.append(ref_id)
        number = self.order.index(ref_id) + 1
        status = self.handbook.references[ref_id].status
        title = t(f"cite_title_{status}", self.lang)
        return (f'<sup class="hb-cite hb-cite--{status}"><a href="#ref-{ref_id}" '
                f'title="{title}" aria-label="{number}: {title}">[{number}]</a></sup>')


def inline(text: Text, lang: str, citations: Citations | None = None) -> str:
    escaped = html.escape(text[lang], quote=False)
    if citations is None:
        return REF_MARKER.sub("", escaped).strip()
    return REF_MARKER.sub(lambda m: citations.marker(m.group(1)), escaped)


def labelled(text: Text, lang: str, citations: Citations | None) -> str:
    content = inline(text, lang, citations)
    match = _LABEL[lang].match(text[lang])
    if not match:
        return content
    label = html.escape(match.group(1), quote=False)
    rest = content[len(label) + 1:].lstrip()
    separator = "：" if lang == "zh" else ": "
    return f"<strong>{label}</strong>{separator}{rest}"


# Characters Markdown would read as syntax in a heading line, as HTML entities.
_MARKDOWN_SYNTAX = {c: f"&#{ord(c)};" for c in "\\`*_{}[]#<>&"}


def _markdown_literal(text: str) -> str:
    return text.translate(str.maketrans(_MARKDOWN_SYNTAX))


def blocks(body: list[Block], lang: str, citations: Citations) -> str:
    parts = []
    headings = 0
    for block in body:
        if block.kind == "heading":
            # A Markdown heading, so it gets an anchor and a place in the page's table of contents.
            headings += 1
            parts.append(f"\n## {_markdown_literal(block.texts[0][lang])} {{#part-{headings}}}\n")
        elif block.kind == "paragraph":
            parts.append(f"<p>{inline(block.texts[0], lang, citations)}</p>")
        else:
            tag = "ol" if block.kind == "numbered" else "ul"
            items = "".join(f"<li>{labelled(text, lang, citations)}</li>" for text in block.texts)
            parts.append(f'<{tag} class="hb-list">{items}</{tag}>')
    return "\n".join(parts)


def reference_list(citations: Citations, lang: str) -> str:
    items = []
    for ref_id in citations.order:
        reference = citations.handbook.references[ref_id]
        badge = status_badge(reference.status, lang)
        note = f'<span class="hb-ref-note">{inline(reference.note, lang)}</span>' if reference.note else ""
        items.append(f'<li id="ref-{ref_id}">{inline(reference.citation, lang)} {badge}{note}</li>')
    return f'<ol class="hb-refs">{"".join(items)}</ol>'


def status_badge(status: str, lang: str) -> str:
    return f'<span class="hb-badge hb-badge--{status}">{t(f"status_{status}", lang)}</span>'


def table(headers: list[str], rows: list[list[str]], kind: str, row_ids: list[str] | None = None) -> str:
    """An HTML table that scrolls on its own on narrow screens and, on phones,
    stacks each row into a card whose cells carry their column's name."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = []
    for index, cells in enumerate(rows):
        row_id = f' id="{row_ids[index]}"' if row_ids else ""
        tds = "".join(f'<td data-label="{html.escape(h)}">{c}</td>' for h, c in zip(headers, cells))
        body.append(f"<tr{row_id}>{tds}</tr>")
    return (f'<div class="hb-table-wrap hb-table--{kind}"><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')
