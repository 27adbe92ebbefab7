"""Each page's navigation is bounded: a long list shows its index and the entry the page is in."""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.generate.sidebar import LIMIT, bounded_items


@dataclass(eq=False)
class Entry:
    title: str
    is_index: bool = False
    children: list = field(default_factory=list)
    parent: "Entry | None" = None


def section(title, count, parent=None):
    entry = Entry(title, parent=parent)
    entry.children = [Entry(f"{title} index", is_index=True, parent=entry)]
    entry.children += [Entry(f"{title} {n}", parent=entry) for n in range(count)]
    return entry


def titles(entry):
    return [child.title for child in entry.children]


def test_a_short_list_is_shown_whole():
    manuals = section("manuals", 4)
    [shown] = bounded_items([manuals], [manuals.children[3], manuals])
    assert titles(shown) == titles(manuals)


def test_a_long_list_shows_its_index_and_the_current_entry_only():
    manuals = section("manuals", LIMIT + 10)
    page = manuals.children[34]
    [shown] = bounded_items([manuals], [page, manuals])
    assert titles(shown) == ["manuals index", "manuals 33"]
    assert len(manuals.children) == LIMIT + 11          # the site's navigation itself is untouched


def test_the_bound_applies_at_every_level_on_the_way_to_the_page():
    manuals = Entry("manuals")
    manual = Entry("manual", parent=manuals)
    chapter = section("chapter", LIMIT + 5, parent=manual)
    manual.children = [Entry("manual index", is_index=True, parent=manual), chapter]
    manuals.children = [manual] + [Entry(f"other {n}", parent=manuals) for n in range(LIMIT)]
    page = chapter.children[1]
    [shown] = bounded_items([manuals], [page, chapter, manual, manuals])
    assert titles(shown) == ["manual"]
    assert titles(shown.children[0].children[1]) == ["chapter index", "chapter 0"]


def test_long_lists_off_the_current_path_show_only_their_index():
    checklists = section("checklists", LIMIT + 10)
    [shown] = bounded_items([checklists], [])
    assert titles(shown) == ["checklists index"]


def test_a_tree_with_no_long_list_is_passed_through_unchanged():
    tree = [section("manuals", 4), section("checklists", 12)]
    assert all(a is b for a, b in zip(bounded_items(tree, [tree[0].children[2], tree[0]]), tree))
