"""The built site in Chromium: language switch, search, self-containment, layout."""

from __future__ import annotations

import datetime

import pytest

from tests.support.browser import DESKTOP, PHONE

# The fixtures base, chromium and page are in conftest.py.
pytestmark = pytest.mark.browser


def switch_language(page, name: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def test_language_switch_keeps_the_page(page, base):
    page.goto(base + "manuals/000/2/2.4/")
    switch_language(page, "English")
    assert page.url == base + "en/manuals/000/2/2.4/"
    assert page.locator("h1").inner_text().startswith("2.4 Complaint handling")
    switch_language(page, "简体中文")
    assert page.url == base + "manuals/000/2/2.4/"
    assert page.locator("h1").inner_text().startswith("2.4 服务中的投诉处理规范")


def test_language_switch_follows_instant_navigation(page, base):
    page.goto(base + "manuals/000/2/")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.notReloaded = true }")
    page.locator("article a", has_text="2.3 服务中的问题处理流程").click()
    page.wait_for_url(base + "manuals/000/2/2.3/")
    assert page.evaluate("() => window.notReloaded === true"), "instant navigation did not happen"
    switch_language(page, "English")
    assert page.url == base + "en/manuals/000/2/2.3/"
    page.evaluate("() => { window.notReloaded = true }")
    page.locator("nav.md-nav--primary").get_by_role("link", name="2.5 Passing on and recording information").click()
    page.wait_for_url(base + "en/manuals/000/2/2.5/")
    assert page.evaluate("() => window.notReloaded === true"), "instant navigation did not happen"
    switch_language(page, "简体中文")
    assert page.url == base + "manuals/000/2/2.5/"


def search(page, query: str) -> list[str]:
    """Type a query into the site's search and return the result links, best first."""
    page.locator("label.md-search__icon[for=__search], .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")     # Material reads the query on keyup; fill() sends none
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    links = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "links => links.map(a => a.href)")
    return [link.split("?")[0].split("#")[0] for link in links]   # drop the highlight query


@pytest.mark.parametrize("query, section", [
    ("投诉", "manuals/000/2/2.4/"),
    ("倾听", "manuals/000/2/2.2/"),
    ("礼貌用语", "manuals/000/2/2.1/"),
    ("保护法", "manuals/000/2/2.4/"),      # only inside 消费者权益保护法
    ("工单系统", "manuals/000/2/2.5/"),
    ("着装", "manuals/000/6/6.1/"),         # the source's 著装, repaired
    ("满意度调查", "manuals/000/4/4.3/"),
    ("隐私", "manuals/000/5/5.4/"),
    ("归档", "manuals/000/4/4.4/"),
    ("应急演练", "manuals/000/8/8.4/"),     # a section whose text is lost is still found by its title;
                                             # and the query's last word counts (Material's segmenter drops it)
    ("投诉处理流程", "manuals/000/2/2.4/"),
    ("客户隐私", "manuals/000/5/5.4/"),
    ("胡须", "manuals/001/2/2.3/"),          # only inside 刮净胡须
    ("首次解决率", "manuals/003/5/5.2/"),
])
def test_chinese_query_finds_its_section_in_the_top_three(page, base, query, section):
    page.goto(base)
    results = search(page, query)
    assert base + section in results[:3], results[:5]
    assert not any("/en/" in r for r in results)


def test_assessment_standards_query_finds_the_section_and_the_rubric_that_applies_it(page, base):
    # 考核标准 (assessment standards) is 001 五（二）'s title, and the rubric built on it is titled
    # 员工服务态度考核表: a supervisor searching for either should see both near the top.
    page.goto(base)
    results = search(page, "考核标准")
    assert base + "manuals/001/5/5.2/" in results[:5], results[:5]
    assert base + "rubrics/service-attitude-assessment/" in results[:5], results[:5]


@pytest.mark.parametrize("query, section", [
    ("complaint", "en/manuals/000/2/2.4/"),
    ("listening", "en/manuals/000/2/2.2/"),
    ("ticketing system", "en/manuals/000/2/2.5/"),
    ("dress", "en/manuals/000/6/6.1/"),
    ("satisfaction survey", "en/manuals/000/4/4.3/"),
    ("privacy", "en/manuals/000/5/5.4/"),
    ("first-contact resolution", "en/manuals/003/5/5.2/"),
])
def test_english_query_finds_its_section_in_the_top_three(page, base, query, section):
    page.goto(base + "en/")
    results = search(page, query)
    assert base + section in results[:3], results[:5]
    assert all(r.startswith(base + "en/") for r in results)


def test_no_request_leaves_the_site(chromium, base):
    context = chromium.new_context(viewport=DESKTOP)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    tab = context.new_page()
    for path in ("", "manuals/000/2/2.4/", "en/", "en/manuals/000/2/2.1/", "editors/references/"):
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
    search(tab, "complaint")
    context.close()
    assert requested, "no request was recorded"
    outside = [url for url in requested if not url.startswith((base, "data:", "blob:"))]
    assert outside == []


PAGES = ["", "manuals/", "manuals/000/", "manuals/000/2/", "manuals/000/2/2.4/", "manuals/000/2/2.5/",
         "glossary/", "editors/", "editors/references/", "editors/repairs/"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
def test_pages_fit_the_screen_without_horizontal_scroll(chromium, base, viewport):
    context = chromium.new_context(viewport=viewport)
    tab = context.new_page()
    too_wide = []
    for prefix in ("", "en/"):
        for path in PAGES:
            tab.goto(base + prefix + path)
            width = tab.evaluate("() => document.documentElement.scrollWidth")
            if width > viewport["width"]:
                too_wide.append(f"{prefix}{path}: {width}px")
            assert tab.locator("h1").first.is_visible()
    context.close()
    assert too_wide == []


def test_phone_navigation_reaches_a_section(chromium, base):
    context = chromium.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(base + "en/")
    tab.locator("label.md-header__button[for=__drawer]").click()
    drawer = tab.locator("nav.md-nav--primary")
    for level in ("Manuals", "000 Customer Service Process and Etiquette Manual (Standard Edition)",
                  "Chapter 2 Communication and problem handling"):
        entry = drawer.locator(".md-nav__container", has=tab.get_by_role("link", name=level, exact=True))
        entry.locator("label").click()     # opens the next level of the drawer
    drawer.get_by_role("link", name="2.3 Problem-handling procedure").click()
    tab.wait_for_url(base + "en/manuals/000/2/2.3/")
    assert tab.locator("h1").inner_text().startswith("2.3 Problem-handling")
    context.close()


def test_english_section_links_to_its_chinese_original(page, base):
    page.goto(base + "en/manuals/000/2/2.5/")
    page.locator(".hb-translation a").click()
    page.wait_for_url(base + "manuals/000/2/2.5/")


def test_citations_are_marked_unverified_on_the_page(page, base):
    page.goto(base + "en/manuals/000/2/2.4/")
    marker = page.locator("sup.hb-cite a").first
    assert marker.get_attribute("title") == "source not verified"
    marker.click()
    target = page.locator("ol.hb-refs li").first
    assert "unverified" in target.inner_text()


def test_language_switch_works_with_the_keyboard(page, base):
    page.goto(base + "manuals/000/2/2.2/")
    page.locator(".md-header__option .md-select button").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "简体中文"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-current')") == "true"
    page.keyboard.press("Tab")
    assert page.locator(".md-select__inner").is_visible()
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "English"
    page.keyboard.press("Enter")
    page.wait_for_url(base + "en/manuals/000/2/2.2/")


def test_phone_cards_leave_out_empty_cells(chromium, base):
    context = chromium.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(base + "glossary/")
    row = tab.locator("tr", has_text="服务人员").first
    assert row.locator("td").nth(1).is_visible()          # the English rendering
    assert not row.locator("td").nth(2).is_visible()      # no note: no bare "说明" label
    assert tab.locator("tr", has_text="考核").first.locator("td").nth(2).is_visible()
    context.close()


def test_an_overdue_review_shows_its_notice_when_the_page_is_read_after_the_date(page, base):
    """The site was built before the review date; a reader after it still sees the notice."""
    page.goto(base + "en/manuals/000/2/2.1/")
    notice = page.locator(".hb-review-due")
    next_review = notice.get_attribute("data-hb-review-by")
    assert notice.is_hidden()
    assert f"next review {next_review}" in page.locator(".hb-review").inner_text()
    year, month, day = map(int, next_review.split("-"))
    page.clock.install(time=datetime.datetime(year, month, day, 12) + datetime.timedelta(days=1))
    page.reload()
    assert notice.is_visible()
    assert notice.inner_text().startswith(f"This manual was due for review by {next_review} and is overdue")
