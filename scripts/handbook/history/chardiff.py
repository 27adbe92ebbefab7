"""The difference between two texts, character by character (Chinese has no spaces to split words at)."""

from __future__ import annotations

import difflib
import re


def segments(before: str, after: str) -> list[tuple[str, str]]:
    """[(op, text)]: op is 'same', 'del' (only in `before`) or 'ins' (only in `after`), in reading order."""
    out: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", before[a1:a2]))
            continue
        if op in ("delete", "replace"):
            out.append(("del", before[a1:a2]))
        if op in ("insert", "replace"):
            out.append(("ins", after[b1:b2]))
    return tidy(out)


def tidy(parts: list[tuple[str, str]], short: int = 1) -> list[tuple[str, str]]:
    """Fold an unchanged run between two changes into them when it is only spaces or at most
    `short` characters (a comma between two changed phrases): one change reads better than a
    mosaic of them."""
    out: list[tuple[str, str]] = []
    for i, (op, text) in enumerate(parts):
        between = 0 < i < len(parts) - 1 and parts[i - 1][0] != "same" and parts[i + 1][0] != "same"
        if op == "same" and between and (not text.strip() or len(text) <= short):
            out += [("del", text), ("ins", text)]
        else:
            out.append((op, text))
    merged: list[tuple[str, str]] = []
    dels, inss = "", ""
    for op, text in out + [("same", "")]:
        if op == "del":
            dels += text
        elif op == "ins":
            inss += text
        else:
            merged += ([("del", dels)] if dels else []) + ([("ins", inss)] if inss else [])
            dels = inss = ""
            if text:
                merged.append((op, text))
    return merged


def old_side(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The old text, its removed characters marked."""
    return [(op, text) for op, text in parts if op != "ins"]


def new_side(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The new text, its inserted characters marked."""
    return [(op, text) for op, text in parts if op != "del"]


_WORD = re.compile(r"\w+|\s+|[^\w\s]")


def word_segments(before: str, after: str) -> list[tuple[str, str]]:
    """As `segments`, by whole words: for English, where a changed letter reads worse than a changed word."""
    a, b = _WORD.findall(before), _WORD.findall(after)
    out: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(a[a1:a2])))
            continue
        if op in ("delete", "replace"):
            out.append(("del", "".join(a[a1:a2])))
        if op in ("insert", "replace"):
            out.append(("ins", "".join(b[b1:b2])))
    return tidy(out)
