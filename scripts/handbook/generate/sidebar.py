"""Each page's navigation, kept to a bounded size however much content there is.

Every page carries the site's navigation (the sidebar, and the drawer on a
phone, where staff drill down from manual to chapter to section). Where a level
has more than LIMIT entries (hundreds of manuals or checklists), a page shows
only that level's index page, which lists them all, and the entry the page is
in. The handbook's own lists are far shorter, so its pages show everything;
without the bound, every page would carry lists that grow with the content,
and the site's size and build time would grow with its square.

Works on any navigation tree whose items have `children` and `parent` (MkDocs's
Section and Page); nothing is imported from the site generator.
"""

from __future__ import annotations

import copy

LIMIT = 30


def bounded_items(items: list, path: list, limit: int = LIMIT) -> list:
    """`items` as the current page shows them. `path` is the page and the sections
    it is in (each with its `parent`). The tree itself is not changed: where a
    level is cut, the page gets a copy of that part of it."""
    return [_bounded(item, path, limit) for item in items]


def _bounded(item, path: list, limit: int):
    children = getattr(item, "children", None)
    if not children:
        return item
    if len(children) > limit:
        # Found from the page up, not by looking through the long list: on every
        # page that would cost as much as the list is long.
        index = next((child for child in children if getattr(child, "is_index", False)), None)
        kept = ([index] if index else []) + [node for node in path if node.parent is item and node is not index]
    else:
        kept = children
    shown = [_bounded(child, path, limit) for child in kept]
    if len(shown) == len(children) and all(a is b for a, b in zip(shown, children)):
        return item
    view = copy.copy(item)
    view.children = shown
    return view
