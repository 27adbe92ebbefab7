"""Record which version of the Chinese each English text translates.

`stamp` writes `en_from_zh` where it is missing (a new translation). An existing
stamp is only replaced when the editor accepts it, after updating the English:
otherwise stamping would hide exactly the stale texts it exists to reveal.
The file is edited line by line, so comments and layout stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .translation import PLACEHOLDER_STAMPS, zh_hash


@dataclass
class Stamp:
    file: Path
    line: int  # 1-based line of the text's `en` key
    action: str  # added | accepted


# Glossary terms pair zh and en too, but they are fixed renderings, not
# translations of running text, so they carry no stamp.
UNSTAMPED = {"glossary.yml"}


def stamp_file(path: Path, accept_lines: set[int] | None = None, accept_all: bool = False) -> list[Stamp]:
    """Stamp the texts of one YAML file; return what changed."""
    if path.name in UNSTAMPED:
        return []
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, str, str | None]] = []  # (0-based line, kind, new line)
    done: list[Stamp] = []
    for mapping in _text_mappings(yaml.compose(source, Loader=yaml.SafeLoader)):
        keys = {k.value: (k, v) for k, v in mapping.value}
        zh_node, en_key, en_node = keys["zh"][1], keys["en"][0], keys["en"][1]
        digest = zh_hash(zh_node.value)
        en_line = en_key.start_mark.line + 1
        if "en_from_zh" not in keys:
            indent = " " * en_key.start_mark.column
            at = en_node.end_mark.line if en_node.end_mark.column == 0 else en_node.end_mark.line + 1
            edits.append((at, "insert", f"{indent}en_from_zh: {_scalar(digest)}\n"))
            done.append(Stamp(path, en_line, "added"))
            continue
        key, value = keys["en_from_zh"]
        wanted = (
            accept_all
            or str(value.value) in PLACEHOLDER_STAMPS
            or (accept_lines is not None and (en_line in accept_lines or key.start_mark.line + 1 in accept_lines))
        )
        if wanted and str(value.value) != digest:
            row = value.start_mark.line
            old = lines[row]
            new = old[: value.start_mark.column] + _scalar(digest) + old[value.end_mark.column :]
            edits.append((row, "replace", new))
            done.append(Stamp(path, en_line, "accepted"))
    for row, kind, new in sorted(edits, key=lambda e: e[0], reverse=True):
        if kind == "insert":
            if row > 0 and row <= len(lines) and not lines[row - 1].endswith("\n"):
                lines[row - 1] += "\n"
            lines.insert(row, new)
        else:
            lines[row] = new
    if edits:
        path.write_text("".join(lines), encoding="utf-8")
    return done


def _text_mappings(node):
    if isinstance(node, yaml.MappingNode):
        keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        if {"zh", "en"} <= keys and all(
            isinstance(v, yaml.ScalarNode) for k, v in node.value if k.value in ("zh", "en")
        ):
            if node.flow_style:
                raise ValueError(
                    f"line {node.start_mark.line + 1}: write zh/en texts in block style "
                    "(one key per line) so that they can be stamped"
                )
            yield node
        for _, value in node.value:
            yield from _text_mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _text_mappings(item)


def _scalar(digest: str) -> str:
    """The hash as YAML that reads back as the same string: 06616202 or 41e64038 unquoted would be numbers."""
    return digest if isinstance(yaml.safe_load(digest), str) else f'"{digest}"'
