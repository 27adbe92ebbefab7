"""Each page's navigation: the manuals lifted to the top level, and a long list
bounded to its index and the entry the page is in."""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook_site.sidebar import LIFT, LIMIT, bounded_items, lifted_items


@dataclass(eq=False)
class Entry:
    title: str
    is_index: bool = False
    children: list = field(default_factory=list)
    parent: Entry | None = None


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
    assert len(manuals.children) == LIMIT + 11  # the site's navigation itself is untouched


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


def is_manuals(entry):
    return entry.title == "manuals"


def test_a_short_list_of_manuals_is_lifted_to_the_top_level_index_first():
    home, manuals, glossary = Entry("home"), section("manuals", 4), Entry("glossary")
    shown = lifted_items([home, manuals, glossary], is_manuals)
    assert [entry.title for entry in shown] == [
        "home",
        "manuals index",
        "manuals 0",
        "manuals 1",
        "manuals 2",
        "manuals 3",
        "glossary",
    ]
    assert titles(manuals) == ["manuals index"] + [f"manuals {n}" for n in range(4)]  # the tree is untouched


def test_up_to_lift_manuals_are_lifted_and_one_more_stays_a_section():
    assert len(lifted_items([section("manuals", LIFT)], is_manuals)) == LIFT + 1
    assert [entry.title for entry in lifted_items([section("manuals", LIFT + 1)], is_manuals)] == ["manuals"]


def test_a_long_list_of_manuals_stays_one_section_and_is_bounded():
    manuals = section("manuals", LIMIT + 1)
    page = manuals.children[5]
    shown = lifted_items([Entry("home"), manuals, section("checklists", 3)], is_manuals, [page, manuals])
    assert [entry.title for entry in shown] == ["home", "manuals", "checklists"]
    [_, bounded, _] = bounded_items(shown, [page, manuals])
    assert titles(bounded) == ["manuals index", "manuals 4"]


def test_manuals_too_many_to_lift_show_their_index_and_the_one_the_page_is_in():
    # Each entry on the way to a page is on every page below it: eight manuals (2x content)
    # made every section page 47.5 KB, over its 45 KB budget.
    manuals = section("manuals", LIFT + 2)
    page = manuals.children[3]
    [shown] = lifted_items([manuals], is_manuals, [page, manuals])
    assert shown.title == "manuals" and titles(shown) == ["manuals index", "manuals 2"]
    assert len(manuals.children) == LIFT + 3  # the tree itself is unchanged
