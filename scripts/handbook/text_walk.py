"""Every Text in the loaded content, found by walking the model itself.

Checks read the loader's text registry (registry.py). This walk is the
independent witness the tests use to prove the registry complete: every Text
reachable in the model was registered as it was read.
"""

from __future__ import annotations

import dataclasses

from .model import Text

# Plain values never hold a Text; skipping them keeps the walk quick.
_LEAVES = (str, bytes, int, float, bool, type(None))


def every_text(root: object) -> list[Text]:
    """Each Text reachable from `root` once, in the model's own order (depth first).
    Objects reached twice (a requirement's back-reference to its section) are walked once."""
    found: list[Text] = []
    seen: set[int] = set()
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, _LEAVES) or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Text):
            found.append(node)
            continue
        if dataclasses.is_dataclass(node) and not isinstance(node, type):
            children = [getattr(node, f.name) for f in dataclasses.fields(node)]
        elif isinstance(node, dict):
            children = list(node.values())
        elif isinstance(node, (list, tuple, set, frozenset)):
            children = list(node)
        else:
            continue  # a Path, an Origin's file and the like
        stack.extend(reversed(children))
    return found
