"""Stale translations, each with what changed in its Chinese.

A text's `en_from_zh` is the fingerprint of the Chinese its English was made
from. That Chinese is found again in the file's git history (the newest
version whose fingerprint matches), so the translator sees the change itself,
not just the new text.
"""

from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Handbook, Text
from .translation import zh_hash


@dataclass
class StaleText:
    text: Text
    before: str | None  # the Chinese the English translates, if the history has it


def stale_texts(handbook: Handbook) -> list[StaleText]:
    found = []
    history: dict[Path, dict[str, str]] = {}
    for text in handbook.texts():
        if text.stale:
            file = text.origin.file
            if file not in history:
                history[file] = _chinese_in_history(file)
            found.append(StaleText(text, history[file].get(text.en_from_zh)))
    return found


def _chinese_in_history(path: Path, limit: int = 50) -> dict[str, str]:
    """Fingerprint → Chinese, for every zh text in the file's committed versions (newest first wins)."""
    try:
        folder = path.parent
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()
        relative = path.resolve().relative_to(Path(top).resolve()).as_posix()
        revisions = subprocess.run(
            ["git", "log", f"-{limit}", "--format=%H", "--", relative],
            cwd=top,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    except (subprocess.CalledProcessError, ValueError, FileNotFoundError):
        return {}
    found: dict[str, str] = {}
    for revision in revisions:
        shown = subprocess.run(["git", "show", f"{revision}:{relative}"], cwd=top, capture_output=True, text=True)
        try:
            data = yaml.safe_load(shown.stdout) if shown.returncode == 0 else None
        except yaml.YAMLError:
            continue
        for chinese in _zh_values(data):
            found.setdefault(zh_hash(chinese), chinese)
    return found


def _zh_values(node):
    if isinstance(node, dict):
        if isinstance(node.get("zh"), str) and "en" in node:
            yield node["zh"]
        for value in node.values():
            yield from _zh_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from _zh_values(item)


def inline_diff(before: str, after: str) -> str:
    """The change within a line of Chinese: [-removed-]{+added+}, as `git diff --word-diff` writes it."""
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(before[a1:a2])
        if op in ("delete", "replace"):
            out.append(f"[-{before[a1:a2]}-]")
        if op in ("insert", "replace"):
            out.append(f"{{+{after[b1:b2]}+}}")
    return "".join(out)
