"""Turn model texts into safe HTML fragments for one language.

Content is plain text: everything is escaped (templates/render.jinja), and the
only markup it may carry is a citation marker `[ref:ID]`, which becomes a
numbered link to the page's list of sources, flagged with the source's
verification state.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..checks import REF_MARKER
from ..model import Block, Handbook, Text, unsound_sources
from .templating import fragment, md_text, t

# A short lead-in before a colon ("主动倾听：…", "Active listening: …") is a
# list item's label; bolding it makes long lists scannable.
_LABEL = {"zh": re.compile(r"^([^：:，。；]{1,14})[：:](?!//)"), "en": re.compile(r"^([^:.;,]{1,48}):\s")}


class Citations:
    """Numbers the sources cited on one page in order of first citation."""

    def __init__(self, handbook: Handbook, lang: str):
        self.handbook = handbook
        self.lang = lang
        self.order: list[str] = []

    def marker(self, ref_id: str) -> Markup:
        if ref_id not in self.order:
            self.order.append(ref_id)
        number = self.order.index(ref_id) + 1
        status = self.handbook.references[ref_id].status
        return fragment(
            "render",
            "citation",
            ref_id=ref_id,
            number=number,
            status=status,
            title=t(f"cite_title_{status}", self.lang),
        )


def _inline_string(text: str, citations: Citations | None) -> Markup:
    escaped = escape(text)
    if citations is None:
        return Markup(REF_MARKER.sub("", escaped).strip())
    return Markup(REF_MARKER.sub(lambda m: citations.marker(m.group(1)), escaped))


def inline(text: Text, lang: str, citations: Citations | None = None) -> Markup:
    """A text as HTML: escaped, with its citation markers numbered (or dropped, without `citations`)."""
    return _inline_string(text[lang], citations)


def plain(text: Text, lang: str) -> str:
    """A text as plain text, its citation markers dropped: for widgets' data and exports."""
    return REF_MARKER.sub("", text[lang]).strip()


def labelled(text: Text, lang: str, citations: Citations | None) -> Markup:
    match = _LABEL[lang].match(text[lang])
    if not match:
        return inline(text, lang, citations)
    rest = _inline_string(text[lang][match.end() :].lstrip(), citations)
    separator = "：" if lang == "zh" else ": "
    return fragment("render", "labelled", label=match.group(1), separator=separator, rest=rest)


def blocks(body: list[Block], lang: str, citations: Citations, section=None) -> str:
    from .revised import revision_note, with_notes  # issue 24: revised and superseded prose

    parts = []
    headings = 0
    for block in body:
        if block.kind == "heading":
            # A Markdown heading, so it gets an anchor and a place in the page's table of contents.
            headings += 1
            parts.append(f"\n## {md_text(block.texts[0][lang])} {{#part-{headings}}}\n")
        elif block.kind == "paragraph":
            # a disclosure may not sit inside <p>: it follows the paragraph
            parts.append(
                fragment(
                    "render",
                    "paragraph",
                    content=with_notes(
                        inline(block.texts[0], lang, citations), block.texts[0], lang, section, disclosure=False
                    ),
                )
                + revision_note(block.texts[0], lang)
            )
        else:
            tag = "ol" if block.kind == "numbered" else "ul"
            parts.append(
                fragment(
                    "render",
                    "list",
                    tag=tag,
                    items=[with_notes(labelled(text, lang, citations), text, lang, section) for text in block.texts],
                )
            )
    return "\n".join(parts)


def reference_list(citations: Citations, lang: str) -> Markup:
    items = []
    for ref_id in citations.order:
        reference = citations.handbook.references[ref_id]
        items.append(
            {
                "id": ref_id,
                "citation": inline(reference.citation, lang),
                "url": reference.url,
                "badge": status_badge(reference.status, lang),
                "note": inline(reference.note, lang) if reference.note else "",
                "state": state_lines(reference, lang),
            }
        )
    return fragment("render", "reference_list", items=items)


def state_lines(reference, lang: str) -> list[str]:
    """19a: what replaced a superseded source and when, and when the editors checked a source."""
    lines = []
    if reference.status == "superseded" and reference.superseded_by and reference.superseded_on:
        lines.append(
            t("superseded_line", lang, successor=plain(reference.superseded_by, lang), date=reference.superseded_on)
        )
    if reference.verification and reference.status != "unchecked":
        lines.append(t("checked_line", lang, date=reference.verification["date"]))
    return lines


def unsound_intro(handbook: Handbook, ref_ids: list[str], lang: str) -> list[str]:
    """19a: the explanation of the disputed and superseded badges, on a page that cites such a source."""
    if any(handbook.references[ref_id].unsound for ref_id in ref_ids):
        return [fragment("render", "meta", content=t("references_unsound", lang)), ""]
    return []


def rule_source_key(cites: list[str], handbook: Handbook) -> str | None:
    """19a: the UI string that warns about a rule resting only on disputed or superseded sources."""
    sources = unsound_sources(cites, handbook.references)
    if not sources:
        return None
    states = {reference.status for reference in sources}
    return f"rule_source_{states.pop()}" if len(states) == 1 else "rule_source_unsound"


def rule_source_note(cites: list[str], handbook: Handbook, lang: str, citations: Citations | None) -> Markup:
    """19a: the note by a rule whose only sources are disputed or superseded, with markers to them."""
    key = rule_source_key(cites, handbook)
    if key is None:
        return Markup("")
    markers = [citations.marker(ref_id) for ref_id in cites] if citations else []
    return fragment("render", "rule_source_note", text=t(key, lang), markers=markers, state=key[len("rule_source_") :])


def status_badge(status: str, lang: str) -> Markup:
    return fragment("render", "status_badge", status=status, label=t(f"status_{status}", lang))


def table(headers: list, rows: list[list], kind: str, row_ids: list[str] | None = None) -> Markup:
    """An HTML table that scrolls on its own on narrow screens and, on phones,
    stacks each row into a card whose cells carry their column's name.
    Headers and cells are texts (escaped) or fragments rendered by templates."""
    return fragment("render", "table", headers=headers, rows=rows, kind=kind, row_ids=row_ids)


def part(key: str, lang: str, *blocks: str) -> list[str]:
    """A part of a page under its own heading (the UI string `key`, anchored #key), with the
    intro every page repeats above it (UI string `key`_intro, left out of search), then `blocks`."""
    intro = fragment("render", "meta", content=t(key + "_intro", lang), searched=False)
    lines = [f"## {t(key, lang)} {{#{key}}}", "", intro, ""]
    for block in blocks:
        if block:
            lines += [block, ""]
    return lines


def references_section(handbook: Handbook, citations: Citations, lang: str) -> list[str]:
    """The "References" heading and list under a page that cites any (section and topic pages)."""
    if not citations.order:
        return []
    return part("references", lang, *unsound_intro(handbook, citations.order, lang), reference_list(citations, lang))
