"""Issue 24: write `rests_on:` — which version of each rule an item rests on.

`stamp_dependents` adds the fingerprint of every rule an item rests on that it
does not record yet, and removes rules it no longer rests on. A recorded
fingerprint is only replaced when the editor accepts it (the line of the
entry, of `rests_on:`, or of the item), after reviewing the item against the
rule: otherwise stamping would hide exactly the stale items it exists to show.
The file is edited line by line, so comments and layout stay as they were.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .dependents import fingerprint, read_dependents, targets
from .model import Handbook
from .stamp import Stamp, _scalar


def stamp_dependents(
    handbook: Handbook, path: Path, accept_lines: set[int] | None = None, accept_all: bool = False
) -> list[Stamp]:
    path = path.resolve()
    mine = [d for d in read_dependents(handbook) if d.file.resolve() == path]
    if not mine:
        return []
    everything = targets(handbook)
    accept_lines = accept_lines or set()
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    nodes = _item_nodes(yaml.compose(source, Loader=yaml.SafeLoader))
    edits: list[tuple[int, int, str | None]] = []  # (0-based row, order, new line or None to delete)
    done: list[Stamp] = []
    for dependent in mine:
        node = nodes.get(dependent.line)
        if node is None:
            continue
        wanted = {rule_id: fingerprint(everything[rule_id]) for rule_id in dependent.rules if rule_id in everything}
        accept_item = accept_all or dependent.line in accept_lines or dependent.rests_on_line in accept_lines
        entries = _entries(node)
        for rule_id, (key_node, value_node) in entries.items():
            line = key_node.start_mark.line + 1
            if rule_id not in wanted:
                edits.append((key_node.start_mark.line, 0, None))
                done.append(Stamp(path, line, f"removed {rule_id}"))
            elif str(value_node.value) != wanted[rule_id] and (accept_item or line in accept_lines):
                row = value_node.start_mark.line
                old = lines[row]
                edits.append(
                    (
                        row,
                        0,
                        old[: value_node.start_mark.column]
                        + _scalar(wanted[rule_id])
                        + old[value_node.end_mark.column :],
                    )
                )
                done.append(Stamp(path, line, f"accepted {rule_id}"))
        missing = [rule_id for rule_id in wanted if rule_id not in entries]
        if not missing:
            continue
        if entries:  # add under the last entry, indented like it
            last_key = list(entries.values())[-1][0]
            row, indent, new = last_key.start_mark.line + 1, " " * last_key.start_mark.column, []
        else:  # a new `rests_on:` at the end of the item
            first_key = node.value[0][0]
            row = _end_row(node)
            indent = " " * first_key.start_mark.column
            new = [f"{indent}rests_on:\n"]
            indent += "  "
        new += [f'{indent}"{rule_id}": {_scalar(wanted[rule_id])}\n' for rule_id in missing]
        for order, text in enumerate(new, start=1):
            edits.append((row, order, text))
        done += [
            Stamp(path, row + 1 + (1 if not entries else 0) + i, f"added {rule_id}")
            for i, rule_id in enumerate(missing)
        ]
    if not edits:
        return done
    # bottom up; at one row, the replacement or deletion first, then insertions last to first
    for row, order, text in sorted(edits, key=lambda e: (e[0], e[1] or len(edits) + 1), reverse=True):
        if text is None:
            del lines[row]
        elif order == 0:
            lines[row] = text
        else:
            if row > 0 and row <= len(lines) and not lines[row - 1].endswith("\n"):
                lines[row - 1] += "\n"
            lines.insert(row, text)
    path.write_text("".join(lines), encoding="utf-8")
    return done


def _item_nodes(node) -> dict[int, yaml.MappingNode]:
    """Every mapping in the file by its 1-based first line (an item's `- id:` line)."""
    found: dict[int, yaml.MappingNode] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            found.setdefault(current.start_mark.line + 1, current)
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return found


def _entries(node: yaml.MappingNode) -> dict[str, tuple]:
    for key, value in node.value:
        if key.value == "rests_on" and isinstance(value, yaml.MappingNode):
            if value.flow_style:
                raise ValueError(
                    f"{value.start_mark.line + 1}: write rests_on in block style (one rule per line) "
                    "so that it can be stamped"
                )
            return {str(k.value): (k, v) for k, v in value.value}
    return {}


def _end_row(node) -> int:
    """The 0-based row just after the item's last line (its last scalar)."""
    row, stack = 0, [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            end = current.end_mark
            row = max(row, end.line if end.column == 0 else end.line + 1)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in current.value for part in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return row
