"""Each page's navigation: the part a reader can see, of a size that does not grow
with the content.

The theme renders only the visible part of the navigation (mkdocs-material's
`navigation.prune`): the top level, and the levels on the way to the current
page; every other section is one link to its index page, which lists it. Two
things are left to this module:

- `lifted_items`: a short top-level section (the manuals, while there are at
  most LIFT of them) is shown by its entries, so that the phone drawer's top
  level lists the manuals themselves, and any section of any manual is three
  taps away: manual, chapter, section. Every lifted entry is on every page
  (0.7 KB each), so a longer list stays one section, bounded like any other.
- `bounded_items`: on the way to the current page, a level with more than
  LIMIT entries (hundreds of manuals or checklists) shows only its index page,
  which lists them all, and the entry the page is in. Pruning alone would put
  every one of them on each of their pages, and the site's size and build time
  would grow with the square of the content.

Works on any navigation tree whose items have `children` and `parent` (MkDocs's
Section and Page); nothing is imported from the site generator. The tree itself
is never changed: where a level differs, the page gets a copy of that part.
"""

from __future__ import annotations

import copy

LIMIT = 30
LIFT = 6  # 4 manuals today; at 6 lifted, a section page stays under its 45 KB budget


def bounded_items(items: list, path: list, limit: int = LIMIT) -> list:
    """`items` as the current page shows them. `path` is the page and the sections
    it is in (each with its `parent`)."""
    return [_bounded(item, path, limit) for item in items]


def lifted_items(items: list, lift, path: list = (), limit: int = LIFT) -> list:
    """`items` with each section for which `lift(section)` is true replaced by its
    entries (its index page first), if it has at most `limit` besides the index.
    A longer one is shown as its index page and the entry the page is in (`path`:
    the page and the sections it is in): every entry shown on the way to a page is
    on every page below it, so a list too long to lift is too long to show whole."""
    shown = []
    for item in items:
        children = getattr(item, "children", None)
        if not (children and lift(item)):
            shown.append(item)
        elif sum(not getattr(c, "is_index", False) for c in children) <= limit:
            shown += children
        else:
            index = next((child for child in children if getattr(child, "is_index", False)), None)
            view = copy.copy(item)
            view.children = ([index] if index else []) + [
                node for node in path if node.parent is item and node is not index
            ]
            shown.append(view)
    return shown


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
