"""The difference between two texts, character by character (Chinese has no spaces to split
words at), or word by word for English."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

_WORD = re.compile(r"\w+|\s+|[^\w\s]")


@lru_cache(maxsize=4096)
def segments(before: str, after: str) -> list[tuple[str, str]]:
    """[(op, text)]: op is 'same', 'del' (only in `before`) or 'ins' (only in `after`), in reading order."""
    return _segments(tuple(before), tuple(after))


@lru_cache(maxsize=4096)
def word_segments(before: str, after: str) -> list[tuple[str, str]]:
    """As `segments`, by whole words: for English, where a changed letter reads worse than a changed word."""
    return _segments(tuple(_WORD.findall(before)), tuple(_WORD.findall(after)))


def _segments(a: tuple, b: tuple) -> list[tuple[str, str]]:
    # The common start and end are taken off first: an edit is usually a few words in one
    # place, and the matcher's time grows with the product of the lengths it is given.
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    out: list[tuple[str, str]] = [("same", "".join(a[:start]))] if start else []
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(middle_a[a1:a2])))
            continue
        if op in ("delete", "replace"):
            out.append(("del", "".join(middle_a[a1:a2])))
        if op in ("insert", "replace"):
            out.append(("ins", "".join(middle_b[b1:b2])))
    if end:
        out.append(("same", "".join(a[len(a) - end :])))
    return tidy(out)


def tidy(parts: list[tuple[str, str]], short: int = 1) -> list[tuple[str, str]]:
    """Fold an unchanged run between two changes into them when it is only spaces or at most
    `short` characters (a comma between two changed phrases): one change reads better than a
    mosaic of them. Adjacent runs of one kind are joined."""
    out: list[tuple[str, str]] = []
    for i, (op, text) in enumerate(parts):
        between = 0 < i < len(parts) - 1 and parts[i - 1][0] != "same" and parts[i + 1][0] != "same"
        if op == "same" and between and (not text.strip() or len(text) <= short):
            out += [("del", text), ("ins", text)]
        else:
            out.append((op, text))
    merged: list[tuple[str, str]] = []
    dels, inss, same = "", "", ""
    for op, text in out + [("end", "")]:
        if op == "del":
            dels += text
        elif op == "ins":
            inss += text
        if op in ("del", "ins") and same:
            merged.append(("same", same))
            same = ""
        if op in ("same", "end"):
            merged += ([("del", dels)] if dels else []) + ([("ins", inss)] if inss else [])
            dels = inss = ""
            same += text
    if same:
        merged.append(("same", same))
    return merged


def old_side(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The old text, its removed characters marked."""
    return [(op, text) for op, text in parts if op != "ins"]


def new_side(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The new text, its inserted characters marked."""
    return [(op, text) for op, text in parts if op != "del"]
