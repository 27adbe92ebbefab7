"""The difference between two texts, character by character (Chinese has no spaces to split
words at), or word by word for English."""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
import re
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"\w+|\s+|[^\w\s]")


@lru_cache(maxsize=4096)
def segments(before: str, after: str) -> list[tuple[str, str]]:
    """[(op, text)]: op is 'same', 'del' (only in `before`) or 'ins' (only in `after`), in reading order."""
    known = _known.get((False, before, after))
    return known if known is not None else _by_characters(before, after)


@lru_cache(maxsize=4096)
def word_segments(before: str, after: str) -> list[tuple[str, str]]:
    """As `segments`, by whole words: for English, where a changed letter reads worse than a changed word."""
    known = _known.get((True, before, after))
    return known if known is not None else _by_words(before, after)


def _by_characters(before: str, after: str) -> list[tuple[str, str]]:
    return _segments(tuple(before), tuple(after))


def _by_words(before: str, after: str) -> list[tuple[str, str]]:
    return _segments(tuple(_WORD.findall(before)), tuple(_WORD.findall(after)))


# Differences worked out by an earlier build: (by words, before, after) → segments.
_known: dict[tuple[bool, str, str], list[tuple[str, str]]] = {}
# Stored differences are for this very code: an edit of this file leaves them unread.
DIFFS_FORMAT = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def remember(pairs: set[tuple[bool, str, str]], file: Path | None) -> None:
    """Work out the differences of `pairs` (by words, before, after) now, taking those an
    earlier build stored in `file` (the history's cache folder): the marks and the
    what-changed pages show the same few hundred differences build after build, and the
    matcher took a quarter of a second for them. `file` keeps exactly these pairs."""
    stored = _load(file)
    fresh = {}
    for key in pairs:
        found = stored.get(key)
        if found is None:
            by_words, before, after = key
            found = (_by_words if by_words else _by_characters)(before, after)
        fresh[key] = found
    _known.clear()
    _known.update(fresh)
    segments.cache_clear()
    word_segments.cache_clear()
    if file is not None and fresh != stored:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
            with temporary.open("wb") as stream:
                pickle.dump(fresh, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, file)
        except OSError:
            pass  # an unwritable cache is only a slower build


def _load(file: Path | None) -> dict:
    if file is None or not file.exists():
        return {}
    try:
        with file.open("rb") as stream:
            data = pickle.load(stream)
        return data if isinstance(data, dict) else {}
    except Exception:  # a damaged cache is only a slower build
        return {}


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
