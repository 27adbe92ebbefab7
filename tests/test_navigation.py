"""Finding one's way in the built site, now that each page carries only the
navigation a reader can see: the phone drawer, the desktop sidebar, the
breadcrumbs and the keyboard, in both languages."""

from __future__ import annotations

import pytest

from handbook import load_handbook
from handbook.generate.numbering import chapter_heading, section_heading
from handbook.generate.paths import chapter_path, checklist_path, manual_path, page_url, section_path
from harness.browser import DESKTOP, PHONE

pytestmark = pytest.mark.browser

LANGS = {"zh": "", "en": "en/"}
MENU = "label.md-header__button[for=__drawer]"
DRAWER = "nav.md-nav--primary"


@pytest.fixture(scope="module")
def handbook():
    return load_handbook()[0]


def url(base: str, lang: str, path: str) -> str:
    return base + LANGS[lang] + page_url(path)


def manual_entry(manual, lang: str) -> str:
    return f"{manual.id} {manual.title[lang]}"


class Drawer:
    """A reader's fingers on the phone drawer: every tap is counted."""

    def __init__(self, tab):
        self.tab, self.taps = tab, 0

    def open(self):
        self.tab.locator(MENU).click()
        self.tab.locator(DRAWER).get_by_role("link").first.wait_for()

    def tap(self, name: str):
        """Tap the entry called `name` that the drawer shows now, and wait for what
        it leads to: a level sliding in, or a page (after which the drawer is open
        again where the reader goes on choosing)."""
        before = self.tab.url
        entry = self.tab.locator(DRAWER).get_by_role("link", name=name, exact=True).filter(visible=True).first
        entry.evaluate("link => { window.tapped = link }")
        entry.click()  # Playwright clicks only what is visible and not covered
        self.taps += 1
        self.tab.wait_for_function("before => location.href !== before", arg=before)
        self.tab.wait_for_load_state()

    def wait_reopened(self):
        """Until the drawer is open again, with the keyboard focus on the level shown."""
        self.tab.wait_for_function("""() => document.getElementById('__drawer').checked
            && document.activeElement !== window.tapped && document.activeElement.isConnected
            && document.activeElement.closest('.md-nav--primary')""")


def reach(tab, manual, chapter, section, lang: str) -> int:
    drawer = Drawer(tab)
    drawer.open()
    for name in (manual_entry(manual, lang), chapter_heading(chapter, lang)):
        drawer.tap(name)
        drawer.wait_reopened()  # at the level just chosen
    drawer.tap(section_heading(section, lang))
    tab.wait_for_function("() => !document.getElementById('__drawer').checked")
    return drawer.taps


def journeys(handbook):
    """From the home page, a section page, a checklist and the glossary, to a
    section of each of the four manuals (the last section of its last chapter,
    which is the furthest down the drawer)."""
    manuals = handbook.manuals
    far = [(m, m.chapters[-1], m.chapters[-1].sections[-1]) for m in manuals]
    other_section = page_url(section_path(manuals[0].chapters[1].sections[0]))
    return [
        ("", far[0]),
        (other_section, far[-1]),
        (page_url(checklist_path(handbook.checklists[0])), far[2 % len(far)]),
        ("glossary/", far[1 % len(far)]),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_drawer_reaches_a_section_of_any_manual_from_any_page_in_three_taps(chromium, base, handbook, lang):
    context = chromium.new_context(viewport=PHONE)
    tab = context.new_page()
    for start, (manual, chapter, section) in journeys(handbook):
        tab.goto(base + LANGS[lang] + start)
        tab.wait_for_load_state("networkidle")
        taps = reach(tab, manual, chapter, section, lang)
        assert tab.url == url(base, lang, section_path(section)), f"from /{start}"
        assert tab.locator("h1").first.inner_text().startswith(section_heading(section, lang).split(" ")[0])
        assert taps == 3, f"from /{start}: {taps} taps after opening the drawer"
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_drawer_opens_on_the_list_of_manuals(chromium, base, handbook, lang):
    context = chromium.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(url(base, lang, section_path(handbook.manuals[1].chapters[0].sections[0])))
    Drawer(tab).open()
    drawer = tab.locator(DRAWER)
    for manual in handbook.manuals:
        assert drawer.get_by_role("link", name=manual_entry(manual, lang), exact=True).is_visible()
    # The levels on the page's path still slide in from the top level, without a page load.
    tab.evaluate("() => { window.notReloaded = true }")
    current = drawer.locator(
        ".md-nav__container", has=tab.get_by_role("link", name=manual_entry(handbook.manuals[1], lang), exact=True)
    )
    current.locator("label").click()
    drawer.get_by_role("link", name=chapter_heading(handbook.manuals[1].chapters[-1], lang), exact=True).wait_for(
        state="visible"
    )
    assert tab.evaluate("() => window.notReloaded === true")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_after_a_drill_down_the_keyboard_focus_is_in_the_reopened_drawer(chromium, base, handbook, lang):
    context = chromium.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(base + LANGS[lang])
    tab.wait_for_load_state("networkidle")
    manual = handbook.manuals[0]
    drawer = Drawer(tab)
    drawer.open()
    drawer.tap(manual_entry(manual, lang))
    drawer.wait_reopened()
    # The focus is on the title of the level shown, the manual; Tab goes on to its first chapter.
    assert tab.evaluate("() => document.activeElement.textContent.trim()") == manual_entry(manual, lang)
    tab.keyboard.press("Tab")
    assert tab.evaluate("() => document.activeElement.textContent.trim()") == chapter_heading(manual.chapters[0], lang)
    tab.keyboard.press("Enter")
    tab.wait_for_url(url(base, lang, chapter_path(manual.chapters[0])))
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_desktop_sidebar_shows_the_manuals_the_chapters_and_the_current_chapters_sections(
    chromium, base, handbook, lang
):
    context = chromium.new_context(viewport=DESKTOP)
    tab = context.new_page()
    manual = handbook.manuals[0]
    chapter = manual.chapters[1]
    tab.goto(url(base, lang, section_path(chapter.sections[0])))
    sidebar = tab.locator(DRAWER)

    def shown(name):
        return sidebar.get_by_role("link", name=name, exact=True).filter(visible=True).count() > 0

    assert tab.locator(MENU).is_hidden()
    assert all(shown(manual_entry(m, lang)) for m in handbook.manuals)
    assert all(shown(chapter_heading(c, lang)) for c in manual.chapters)
    assert all(shown(section_heading(s, lang)) for s in chapter.sections)
    # Another chapter's sections are one click away, on that chapter's page.
    other = manual.chapters[2]
    assert not any(shown(section_heading(s, lang)) for s in other.sections)
    sidebar.get_by_role("link", name=chapter_heading(other, lang), exact=True).click()
    tab.wait_for_url(url(base, lang, chapter_path(other)))
    tab.locator(DRAWER).get_by_role("link", name=section_heading(other.sections[0], lang), exact=True).wait_for()
    assert all(shown(section_heading(s, lang)) for s in other.sections)
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_sidebar_works_with_the_keyboard(chromium, base, handbook, lang):
    """Tab walks the sidebar's links in order; Enter follows one; a level that
    can be opened or closed is a focusable control that says whether it is open."""
    context = chromium.new_context(viewport=DESKTOP)
    tab = context.new_page()
    manual = handbook.manuals[0]
    tab.goto(url(base, lang, section_path(manual.chapters[1].sections[0])))
    target = chapter_heading(manual.chapters[2], lang)
    tab.locator(DRAWER).get_by_role("link").first.focus()
    seen = []
    for _ in range(80):
        name = tab.evaluate("() => document.activeElement.textContent.trim()")
        seen.append(name)
        if name == target:
            break
        tab.keyboard.press("Tab")
    assert seen[-1] == target, seen
    assert manual_entry(manual, lang) in seen and chapter_heading(manual.chapters[1], lang) in seen
    tab.keyboard.press("Enter")
    tab.wait_for_url(url(base, lang, chapter_path(manual.chapters[2])))
    # Instant navigation changes the address before it swaps the page in: wait for the new page.
    tab.locator("article h1", has_text=target).wait_for()
    tab.wait_for_load_state("networkidle")
    # The current manual's level can be closed and opened again from the keyboard.
    toggle = (
        tab.locator(DRAWER)
        .locator(".md-nav__container", has=tab.get_by_role("link", name=manual_entry(manual, lang), exact=True))
        .locator("label")
    )
    level = tab.locator(f"{DRAWER} nav[aria-labelledby='{toggle.get_attribute('id')}']")
    assert level.get_attribute("aria-expanded") == "true"
    toggle.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_function("l => l.getAttribute('aria-expanded') === 'false'", arg=level.element_handle())
    chapter = tab.locator(DRAWER).get_by_role("link", name=chapter_heading(manual.chapters[0], lang), exact=True)
    chapter.wait_for(state="hidden")
    tab.keyboard.press("Enter")
    tab.wait_for_function("l => l.getAttribute('aria-expanded') === 'true'", arg=level.element_handle())
    chapter.wait_for(state="visible")
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("lang", LANGS)
def test_breadcrumbs_lead_up_from_a_section_to_its_chapter_and_manual(chromium, base, handbook, lang, viewport):
    context = chromium.new_context(viewport=viewport)
    tab = context.new_page()
    manual = handbook.manuals[0]
    chapter = manual.chapters[1]
    section_url = url(base, lang, section_path(chapter.sections[2]))
    trail = tab.locator("nav.md-path")
    for name, path in (
        (chapter_heading(chapter, lang), chapter_path(chapter)),
        (manual_entry(manual, lang), manual_path(manual)),
    ):
        tab.goto(section_url)
        link = trail.get_by_role("link", name=name, exact=True)
        assert link.is_visible()
        link.click()
        tab.wait_for_url(url(base, lang, path))
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_breadcrumb_trail_and_title_are_in_view_on_a_page_of_the_longest_manual(
    chromium, base, handbook, lang, viewport
):
    """003's title is the longest: on its section 4.1.2 the trail wraps rather than
    running off the edge of the screen, no item is broken inside a word (首页), and
    the title has no empty line under it (its hidden permalink once took one)."""
    context = chromium.new_context(viewport=viewport)
    tab = context.new_page()
    section = next(s for s in handbook.sections() if s.id == "003-4.1.2")
    tab.goto(url(base, lang, section_path(section)))
    tab.wait_for_load_state("networkidle")
    tab.evaluate("() => document.fonts.ready.then(() => true)")
    trail = tab.locator("nav.md-path")
    assert trail.evaluate("nav => nav.scrollWidth <= nav.clientWidth"), "the trail scrolls sideways"
    right = tab.evaluate("() => document.documentElement.clientWidth")
    links = trail.get_by_role("link").all()
    assert len(links) == 4  # home, manuals, the manual, its chapter
    for link in links:
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= right, link.inner_text()
    home = links[0].bounding_box()
    assert home["height"] < 2 * float(links[0].evaluate("a => getComputedStyle(a).fontSize").removesuffix("px"))
    # The title's last line holds its words: no empty line under it (the hidden permalink's).
    # Measured as on a site without edit links (no git remote): beside the edit button the
    # title wraps earlier and its permalink always finds room (with it this could not fail).
    tab.evaluate("() => document.querySelectorAll('.md-content__button').forEach(button => button.remove())")
    gap = tab.locator("article h1").first.evaluate(
        """h => { const text = document.createRange(); text.selectNodeContents(h.firstChild);
                 return h.getBoundingClientRect().bottom - text.getBoundingClientRect().bottom; }"""
    )
    assert gap < 12, f"{gap:.0f} px below the title's words"
    context.close()
