"""The force a source sentence gives what it says: obligation, recommendation or description.

A requirement records its force (`force:`) and the source sentence it restates
(`source:`, a short exact quote from its section's body). This module finds the
quoted sentence in the body, with the lead-in paragraph of the list it sits in,
and reads their modal words, so the check can tell when a requirement's force
disagrees with what the source says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Section

FORCES = ("obligation", "recommendation", "description")

# Words of obligation: 应/应该/应当, 须/必须, 不得, 禁止, 要 (not in 重要, 主要, 需要 …)
OBLIGATION = re.compile(
    r"必须|务必|不得|禁止|严禁|不能|不可以|不允许|应当|应该|"
    r"(?<![响反适对供相效理感答])应(?![用急对变付聘届])|"
    r"(?<=应对)应(?![用急对变])|"  # 突发事件应对应结合…: "response" then the modal 应
    r"(?<![必无])须(?!知)|(?<![所必])需(?![求])|"
    r"(?<![重主只纲概摘简扼首需不必量的])要(?![素点领闻害])"
)
# Words of suggestion: 建议, 宜, 可以, 可 (not in 可能, 可靠, 可度量 …)
RECOMMENDATION = re.compile(
    r"(?<![进见、出和户与及条点的])建议(?![，、。和等与])|的建议：|(?<!便)宜(?![人])|最好|可以考虑|可考虑|"
    r"可以(?!帮|提高|提升|增强|确保|让|使|减少|降低|促进|改善|增加|带来|用来|用于|分为|说是|看出|保证|有效|更好)|"
    r"(?<![不许认即])可(?![以能靠行见是度追改信控持视观用爱怕惜口乐及谓喜塑衡量测执操访达获复贵维扩])"
)
# Words of description: what something includes, the usual ways, what it can do.
DESCRIPTION = re.compile(
    r"包括|包含|常见的|常见方法|常用的|主要有|分为|例如|比如|可以用来|可用于|可以用于|"
    r"可以帮助|可以提高|可以提升|可以增强|可以确保|可以让|可以使|可以减少|可以降低|可以促进|可以改善|"
    r"可以增加|可以带来|可以保证|有助于|是指|指的是"
)
# A lead-in that offers what follows as suggestions.
SUGGESTING_LEAD_IN = re.compile(
    r"建议|可以采取|可采取|可以从以下|可从以下|可以通过以下|可以考虑|可采用|可以采用|可以使用以下|可以利用以下"
)
# A lead-in that presents what follows as the usual ways or examples (not a plain "包括：").
DESCRIBING_LEAD_IN = re.compile(r"常见|常用|例如|比如|可以用来|可用于|可以用于")
REF_MARKER = re.compile(r"\[ref:[^\]]*\]")
SENTENCE_END = re.compile(r"(?<=[。！？；])")


@dataclass
class Reading:
    """What the source says around a quote: the sentence, its list's lead-in, and their modal words."""

    sentence: str
    lead_in: str
    force: str | None  # the force the words give, or None when they give none
    words: list[str]  # the modal words found, in the order they decided

    def describe(self) -> str:
        found = "、".join(dict.fromkeys(self.words)) or "no modal word"
        where = f"「{self.sentence.strip()}」"
        if self.lead_in:
            where += f" after the lead-in 「{self.lead_in.strip()}」"
        return f"{found} in {where}"


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def _lead_in(section: Section, block_index: int) -> str:
    """The paragraph a list follows (its last sentence): what it says the list is."""
    for block in reversed(section.body[:block_index]):
        if block.kind == "paragraph":
            # a citation marker after the full stop ("…。[ref:x]") belongs to the sentence before it
            parts = sentences(REF_MARKER.sub("", block.texts[-1].zh))
            return parts[-1] if parts else ""
    return ""


def find(section: Section, quote: str) -> Reading | None:
    """The sentence of the section's body that holds `quote`, read for its force; None if absent."""
    for index, block in enumerate(section.body):
        for text in block.texts:
            # issue 24: `source:` quotes the words as imported, which a revision keeps as its original
            zh = text.revision.original if text.revision else text.zh
            at = zh.find(quote)
            if at < 0:
                continue
            sentence = _enclosing(zh, at, len(quote))
            lead_in = _lead_in(section, index) if block.kind in ("bullets", "numbered") else ""
            if block.kind == "paragraph":
                before = zh[:at]
                # a paragraph that introduces its own points ("有以下几点建议：1…") is its own lead-in
                lead_in = sentences(before)[-1] if before and "：" in before else ""
            own, whole = read(quote, lead_in), read(sentence, lead_in)
            # the quote's own obligation or suggestion decides; then the sentence's obligation
            # (a "包括…" clause of a sentence that says 应 is still part of a rule); then the quote's
            # description; then whatever the whole sentence says
            if own.force in ("obligation", "recommendation"):
                return own
            if whole.force == "obligation":
                return whole
            if own.force is None:
                # a flat clause: a "包括…" elsewhere in its sentence describes something else
                return whole if whole.force == "recommendation" else own
            return own
    return None


def _enclosing(text: str, at: int, length: int) -> str:
    start = 0
    for sentence in sentences(text):
        end = start + len(sentence)
        if start <= at < end or (at < end and at + length > start):
            # a quote may run over several sentences: take them all
            stop = end
            while stop < at + length:
                rest = text[stop:]
                nxt = sentences(rest)[0] if sentences(rest) else rest
                stop += len(nxt)
            return text[start:stop]
        start = end
    return text


def _label(part: str) -> str:
    """A list item's own label ("持续改进：…") names a topic, not a force: drop it."""
    head, colon, rest = part.partition("：")
    return rest if colon and len(head) <= 12 else part


def read(sentence: str, lead_in: str = "") -> Reading:
    """The force the words give: a suggesting lead-in makes its list suggestions; otherwise the
    sentence's own obligation, suggestion or description words decide, then the lead-in's."""
    if lead_in and SUGGESTING_LEAD_IN.search(lead_in) and not OBLIGATION.search(SUGGESTING_LEAD_IN.sub("", lead_in)):
        return Reading(sentence, lead_in, "recommendation", [m.group() for m in SUGGESTING_LEAD_IN.finditer(lead_in)])
    own = _label(sentence)
    for force, pattern in (
        ("obligation", OBLIGATION),
        ("description", DESCRIPTION),
        ("recommendation", RECOMMENDATION),
    ):
        if force == "description":
            # "可以帮助…" describes an effect; a suggestion is "可以" + an action
            words = [m.group() for m in pattern.finditer(own)]
            if words and not OBLIGATION.search(own):
                if not RECOMMENDATION.search(DESCRIPTION.sub("", own)):
                    return Reading(sentence, lead_in, force, words)
            continue
        words = [m.group() for m in pattern.finditer(own)]
        if words:
            return Reading(sentence, lead_in, force, words)
    if lead_in:
        for force, pattern in (("obligation", OBLIGATION), ("description", DESCRIBING_LEAD_IN)):
            words = [m.group() for m in pattern.finditer(lead_in)]
            if words:
                return Reading(sentence, lead_in, force, words)
    return Reading(sentence, lead_in, None, [])


# A recommendation or description must not read as a rule in either language.
RULE_WORDS_ZH = re.compile(r"必须|务必|应当|应该|(?<![响反适对供相效理感答])应(?![用急对变付聘届])|(?<![必无])须(?!知)")
RULE_WORDS_EN = re.compile(
    r"\b(?:should|must|shall|ought to|needs? to|is required to|are required to|has to|have to)\b", re.I
)
