"""Issue 24: what a page shows of a revised text and of prose a revised rule has overtaken.

A revised text reads as revised, with its imported original (and why, and on
whose authority) in a disclosure; superseded prose stays on the page, marked,
with a link to the rule that now states it.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model import CHINESE_CHARACTER, Text
from ..revisions import superseding_rule
from .templating import fragment, t


def _lang_of(value: str, page_lang: str) -> str:
    """The lang attribute a note needs on this page: the editors write it in either language."""
    written = "zh" if CHINESE_CHARACTER.search(value) else "en"
    return "" if written == page_lang else ("zh-Hans" if written == "zh" else "en")


def revision_note(text: Text, lang: str, history_href: str | None = None) -> Markup:
    """The disclosure under a revised text. The pull request and the date of the revision are in the
    git history: `history_href`, where the change history (issue 22, handbook.history) has an entry
    for the rule, links the disclosure to it. This is the seam between the two: the history
    module can read the record (`Text.revision`: original, why, authority) for its own entries."""
    revision = text.revision
    if revision is None:
        return Markup("")
    original = revision.original_en if lang == "en" and revision.original_en else revision.original
    return fragment(
        "render",
        "revised",
        badge=t("revised", lang),
        summary=t("original_wording", lang),
        original=original,
        original_lang=_lang_of(original, lang),
        why_label=t("revised_why", lang),
        why=revision.why,
        why_lang=_lang_of(revision.why, lang),
        authority_label=t("revised_authority", lang),
        authority=revision.authority,
        authority_lang=_lang_of(revision.authority, lang),
        history_href=history_href,
        history_label=t("revised_history", lang),
    )


def superseded_note(text: Text, section, lang: str) -> Markup:
    """By prose marked `superseded_by`: the note and the link to the rule (on the same page)."""
    rule = superseding_rule(text, section) if section is not None else None
    if rule is None:
        return Markup("")
    words = rule.text[lang] if rule.text else rule.id
    return fragment(
        "render", "superseded", text=t("superseded_by", lang), href=f"#{rule.id}", rule=words, rule_id=rule.id
    )


def with_notes(content: Markup, text: Text, lang: str, section=None, disclosure: bool = True) -> Markup:
    """A text's HTML followed by what a reader should know of its revision (the disclosure
    only where it may go: in a list item, not in a paragraph)."""
    if text.superseded_by:
        content = Markup('<span class="hb-superseded-text">{}</span> {}').format(
            content, superseded_note(text, section, lang)
        )
    return content + revision_note(text, lang) if text.revision and disclosure else content
