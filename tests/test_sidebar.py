"""Each page's sidebar is bounded: a long list shows its index and the entry the page is in."""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.generate.sidebar import LIMIT, bounded_items


@dataclass
class Entry:
    title: str
    active: bool = False
    is_index: bool = False
    children: list = field(default_factory=list)


def section(title, count, active_at=None):
    children = [Entry(f"{title} index", is_index=True)]
    children += [Entry(f"{title} {n}", active=(n == active_at)) for n in range(count)]
    return Entry(title, active=active_at is not None, children=children)


def titles(entry):
    return [child.title for child in entry.children]


def test_a_short_list_is_shown_whole():
    manuals = section("manuals", 4, active_at=2)
    [shown] = bounded_items([manuals])
    assert titles(shown) == titles(manuals)


def test_a_long_list_shows_its_index_and_the_current_entry_only():
    manuals = section("manuals", LIMIT + 10, active_at=33)
    [shown] = bounded_items([manuals])
    assert titles(shown) == ["manuals index", "manuals 33"]
    assert len(manuals.children) == LIMIT + 11          # the site's navigation itself is untouched


def test_the_bound_applies_at_every_level_on_the_way_to_the_page():
    chapter = section("chapter", LIMIT + 5, active_at=0)
    manual = Entry("manual", active=True, children=[Entry("manual index", is_index=True), chapter])
    manuals = Entry("manuals", active=True, children=[manual] + [Entry(f"other {n}") for n in range(LIMIT)])
    [shown] = bounded_items([manuals])
    assert titles(shown) == ["manual"]
    assert titles(shown.children[0].children[1]) == ["chapter index", "chapter 0"]


def test_long_lists_off_the_current_path_show_only_their_index():
    checklists = section("checklists", LIMIT + 10)
    [shown] = bounded_items([checklists])
    assert titles(shown) == ["checklists index"]


def test_a_tree_with_no_long_list_is_passed_through_unchanged():
    tree = [section("manuals", 4, active_at=1), section("checklists", 12)]
    assert all(a is b for a, b in zip(bounded_items(tree), tree))
