"""The built site in Chromium: language switch, search, self-containment, layout."""

from __future__ import annotations

import datetime
import functools

import pytest

from harness.browser import DESKTOP, PHONE

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


def answering(base: str, section: str) -> set[str]:
    """The pages that answer with a section, as the search benchmark counts them
    (scripts/benchmark/search.py): its own page, and each topic page that gathers
    it (a topic page shows the section's rules whole, under its title)."""
    prefix = "en/" if section.startswith("en/") else ""
    wanted = section.removeprefix("en/")
    pages = {base + section}
    for ids in _answers().values():
        if wanted in ids["pages"]:
            pages |= {base + prefix + topic for topic in ids["topics"]}
    return pages


@functools.cache  # on first use, not at import: collecting the fast tier loads no content
def _answers() -> dict:
    from benchmark.search import answering_pages
    from conftest import ROOT

    by_section = answering_pages(ROOT / "checklists")
    return {
        section: {
            "pages": {p for p in pages if p.startswith("manuals/")},
            "topics": {p for p in pages if p.startswith("topics/")},
        }
        for section, pages in by_section.items()
    }


def search(page, query: str) -> list[str]:
    """Type a query into the site's search and return the result pages, best first
    (each result's first link: its page, or the section of it that answers)."""
    button = page.locator("label.md-header__button[for=__search]")  # a phone's header shows a button
    (button if button.is_visible() else page.locator("input.md-search__input")).click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    links = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link:first-child", "links => links.map(a => a.href)"
    )
    return [link.split("?")[0].split("#")[0] for link in links]  # drop the highlight query


@pytest.mark.parametrize(
    "query, section",
    [
        ("投诉", "manuals/000/2/2.4/"),
        ("倾听", "manuals/000/2/2.2/"),
        ("礼貌用语", "manuals/000/2/2.1/"),
        ("保护法", ("manuals/000/2/2.4/", "manuals/002/1/1.3/")),  # only inside 消费者权益保护法
        ("工单系统", "manuals/000/2/2.5/"),
        ("着装", "manuals/000/6/6.1/"),  # the source's 著装, repaired
        ("满意度调查", "manuals/000/4/4.3/"),
        ("隐私", "manuals/000/5/5.4/"),
        ("归档", "manuals/000/4/4.4/"),
        ("应急演练", "manuals/000/8/8.4/"),  # a section whose text is lost is still found by its title,
        # and the query's last word counts
        ("投诉处理流程", "manuals/000/2/2.4/"),
        ("客户隐私", "manuals/000/5/5.4/"),
        ("胡须", "manuals/001/2/2.3/"),  # only inside 刮净胡须
        ("首次解决率", "manuals/003/5/5.2/"),
        # Questions as staff type them: question words dropped, everyday words mapped to the handbook's.
        ("上班能戴首饰吗", "manuals/001/2/2.3/"),  # 首饰: the handbook says 饰品
        ("客户要求退款怎么办", "manuals/000/2/2.4/"),  # 退款: the handbook says 补偿
        ("工牌要戴在哪里", "manuals/000/6/6.1/"),
    ],
)
def test_chinese_query_finds_its_section_in_the_top_three(page, base, query, section):
    page.goto(base)
    results = search(page, query)
    sections = section if isinstance(section, tuple) else (section,)
    assert set(results[:3]) & set().union(*(answering(base, s) for s in sections)), results[:5]
    assert not any("/en/" in r for r in results)


def test_assessment_standards_query_finds_the_section_and_the_rubric_that_applies_it(page, base):
    # 考核标准 (assessment standards) is 001 五（二）'s title, and the rubric built on it is titled
    # 员工服务态度考核表: a supervisor searching for either should see both near the top
    # (the rubric among the first ten: the topic page and the other assessment sections come first).
    page.goto(base)
    results = search(page, "考核标准")
    assert base + "manuals/001/5/5.2/" in results[:5], results[:5]
    assert base + "rubrics/service-attitude-assessment/" in results[:10], results[:10]


@pytest.mark.parametrize(
    "query, section",
    [
        # One word, several sections answer: the complaint-handling ones.
        ("complaint", ("en/manuals/000/2/2.4/", "en/manuals/001/6/6.1/", "en/manuals/001/6/6.3/")),
        ("listening", "en/manuals/000/2/2.2/"),
        ("ticketing system", "en/manuals/000/2/2.5/"),
        ("dress", "en/manuals/000/6/6.1/"),
        ("satisfaction survey", "en/manuals/000/4/4.3/"),
        ("privacy", "en/manuals/000/5/5.4/"),
        ("first-contact resolution", "en/manuals/003/5/5.2/"),
        ("can I wear jewellery at work", "en/manuals/001/2/2.3/"),
        ("how many rings before I answer the phone", "en/manuals/001/3/3.1/"),
    ],
)
def test_english_query_finds_its_section_in_the_top_three(page, base, query, section):
    page.goto(base + "en/")
    results = search(page, query)
    sections = section if isinstance(section, tuple) else (section,)
    assert set(results[:3]) & set().union(*(answering(base, s) for s in sections)), results[:5]
    assert all(r.startswith(base + "en/") for r in results)


SEARCH_FILES = ("/pagefind/", "/search/", "search-words.json")


def read_two_pages(chromium, root: str):
    """A reader opens chapter 2 of 000 on a phone, then its section 2.4 by instant
    navigation: the tab, its context and every URL requested so far (and after)."""
    context = chromium.new_context(viewport=PHONE)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    tab = context.new_page()
    tab.goto(root + "manuals/000/2/")
    tab.wait_for_load_state("networkidle")
    tab.locator("article a[href*='2.4']").first.click()  # instant navigation
    tab.wait_for_url(root + "manuals/000/2/2.4/")
    tab.wait_for_load_state("networkidle")
    return context, tab, requested


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reading_downloads_no_search_files_until_search_is_opened(chromium, base, lang):
    root = base + ("en/" if lang == "en" else "")
    context, tab, requested = read_two_pages(chromium, root)
    assert not [url for url in requested if any(part in url for part in SEARCH_FILES)]
    results = search(tab, "投诉" if lang == "zh" else "complaint")
    searched = [url for url in requested if any(part in url for part in SEARCH_FILES)]
    context.close()
    assert results and root + "pagefind/pagefind.js" in searched
    assert root + "assets/search-words.json" in searched
    # Only this language's bundle: the other language's index is never fetched.
    other = base + ("pagefind/" if lang == "en" else "en/pagefind/")
    assert not [url for url in searched if url.startswith(other)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reading_downloads_only_its_own_languages_sitemap_once(chromium, base, lang):
    """Instant navigation needs this language's sitemap; it grows with the site
    (about 70 KB compressed at 100x content), so a reader downloads it once and
    never the other language's."""
    root = base + ("en/" if lang == "en" else "")
    context, _, requested = read_two_pages(chromium, root)
    context.close()
    assert [url for url in requested if url.endswith("sitemap.xml")] == [root + "sitemap.xml"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize(
    "lang, query, sections, word",
    [
        # Both sections answer (tests/search/queries.yml): 000-6.1 and 001-2.3 each state the jewellery rule.
        ("zh", "上班能戴首饰吗", ["manuals/000/6/6.1/", "manuals/001/2/2.3/"], "饰品"),
        ("en", "can I wear jewellery at work", ["en/manuals/000/6/6.1/", "en/manuals/001/2/2.3/"], "jewellery"),
    ],
)
def test_search_with_the_keyboard_alone_opens_the_section_and_marks_the_words(
    chromium, base, viewport, lang, query, sections, word
):
    context = chromium.new_context(viewport=viewport)
    tab = context.new_page()
    tab.goto(base + ("en/" if lang == "en" else "") + "manuals/000/2/2.4/")
    tab.wait_for_load_state("networkidle")
    tab.evaluate("() => { window.notReloaded = true }")
    tab.keyboard.press("s")  # Material's shortcut opens search
    assert tab.evaluate("() => document.getElementById('__search').checked")
    assert tab.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    tab.keyboard.type(query)
    tab.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert tab.locator(".md-search__inner").is_visible()
    tab.keyboard.press("ArrowDown")  # to the first result
    # A section that answers, or a topic page that gathers it whole (what the search benchmark counts).
    answers = set().union(*(answering(base, section) for section in sections))
    focused = tab.evaluate("() => document.activeElement.getAttribute('href')")
    assert base.rstrip("/") + focused.split("?")[0].split("#")[0] in answers, focused
    tab.keyboard.press("ArrowUp")  # back to the query
    assert tab.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    tab.keyboard.press("ArrowUp")  # round to the last result
    assert tab.evaluate("() => document.activeElement.closest('.md-search-result__list') !== null")
    for _ in range(60):  # down past the last (more load on the way)
        tab.keyboard.press("ArrowDown")  # and round again to the query
        if tab.evaluate("() => document.activeElement.classList.contains('md-search__input')"):
            break
    assert tab.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    tab.keyboard.press("Enter")  # opens the first result
    tab.wait_for_url(lambda url: url.split("?")[0].split("#")[0] in answers)
    assert tab.evaluate("() => window.notReloaded === true"), "instant navigation did not happen"
    assert not tab.evaluate("() => document.getElementById('__search').checked")
    marks = tab.locator("article mark.hb-search-mark")
    marks.first.wait_for(timeout=10_000)
    assert word in " ".join(marks.all_inner_texts())
    # Search again from the new page, then close it with Escape.
    tab.keyboard.press("/")
    assert tab.evaluate("() => document.getElementById('__search').checked")
    tab.keyboard.press("Escape")
    assert not tab.evaluate("() => document.getElementById('__search').checked")
    context.close()


def test_results_are_materials_result_items_with_sections_and_excerpts(page, base):
    page.goto(base)
    search(page, "投诉处理流程")
    first = page.locator(".md-search-result__item").first
    assert first.locator("> a.md-search-result__link article.md-search-result__article h1").count() == 1
    sections = first.locator("> a.md-search-result__link article h2")
    assert sections.count() >= 1
    section_link = first.locator("> a.md-search-result__link").nth(1)
    assert "#" in section_link.get_attribute("href")  # the section that answers
    assert section_link.locator("p mark").count() >= 1  # the excerpt, the words marked
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "符合条件的结果" in meta
    # Excerpts are text: markup in the page cannot get into the dialog as markup.
    assert page.locator(".md-search-result__list script, .md-search-result__list img").count() == 0


@pytest.mark.parametrize("lang, rule", [("zh", "001-2.2-r4"), ("en", "000-2.4-p1-s2")])
def test_an_id_typed_opens_its_rule(page, base, lang, rule):
    """Section pages and the printed change notice show rule and step ids; typed into search, the
    first result is the rule's own section, and Enter opens it at that rule."""
    page.goto(base + ("en/" if lang == "en" else "") + "glossary/")
    search(page, rule)
    page.keyboard.press("ArrowDown")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    section = "manuals/" + rule[:3] + "/" + rule.split("-")[1].split(".")[0] + "/" + rule.split("-")[1] + "/"
    assert href.endswith(section + "#" + rule), href
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith("#" + rule))
    target = page.locator(f'li[id="{rule}"]')
    target.wait_for()
    assert target.is_visible() and target.evaluate("el => el.matches(':target')")
    assert page.locator(".md-content article mark").count() == 0  # nothing marked: the rule is outlined
    box = target.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], box  # scrolled to it


def test_a_result_missing_some_words_says_which(page, base):
    page.goto(base + "en/")
    search(page, "jewellery zebra")  # no page has both
    terms = page.locator(".md-search-result__terms").first
    assert terms.is_visible() and "zebra" in terms.locator("del").inner_text()


def test_a_query_of_nothing_but_question_words_still_searches(page, base):
    page.goto(base)
    assert search(page, "怎么办")


def test_a_word_the_handbook_never_uses_marks_no_shorter_word_it_begins_with(page, base):
    """Pagefind, finding no word that begins like "angry", falls back to "an": every result
    marked "an". The dialog asks for such a word only as written, so it marks nothing."""
    page.goto(base + "en/")
    assert search(page, "customer is really angry")
    page.locator(".md-search-result__list mark").first.wait_for(timeout=10_000)
    marks = [mark.lower() for mark in page.locator(".md-search-result__list mark").all_inner_texts()]
    assert marks and not [mark for mark in marks if mark in ("an", "a", "any", "and")], marks


def test_no_request_leaves_the_site(chromium, base):
    context = chromium.new_context(viewport=DESKTOP)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    tab = context.new_page()
    for path in ("", "manuals/000/2/2.4/", "en/", "en/manuals/000/2/2.1/", "editors/references/"):
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
    search(tab, "complaint")
    tab.goto(base)
    search(tab, "上班能戴首饰吗")
    context.close()
    assert requested, "no request was recorded"
    outside = [url for url in requested if not url.startswith((base, "data:", "blob:"))]
    assert outside == []


PAGES = [
    "",
    "manuals/",
    "manuals/000/",
    "manuals/000/2/",
    "manuals/000/2/2.4/",
    "manuals/000/2/2.5/",
    "glossary/",
    "editors/",
    "editors/references/",
    "editors/repairs/",
]


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
    assert row.locator("td").nth(1).is_visible()  # the English rendering
    assert not row.locator("td").nth(2).is_visible()  # no note: no bare "说明" label
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


# What Pagefind needs of a Content-Security-Policy (README, Search), with what the
# theme's pages need besides ('unsafe-inline': the head's one-line script and styles).
PAGEFIND_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; worker-src 'self'; "
    "connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
)


@pytest.mark.parametrize("lang, query", [("zh", "上班能戴首饰吗"), ("en", "can I wear jewellery at work")])
def test_search_works_under_the_content_security_policy_the_readme_gives(chromium, base, lang, query):
    context = chromium.new_context(viewport=DESKTOP)

    def with_policy(route):
        response = route.fetch()
        headers = dict(response.headers)
        # On every response, as a server-wide header: a worker is bound by its own script's policy.
        headers["content-security-policy"] = PAGEFIND_CSP
        route.fulfill(response=response, headers=headers)

    context.route(base + "**", with_policy)
    refused: list[str] = []
    tab = context.new_page()
    tab.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or "Refused" in message.text
            else None
        ),
    )
    tab.goto(base + ("en/" if lang == "en" else ""))
    results = search(tab, query)
    marks = tab.locator(".md-search-result__list mark").count()
    worker = tab.evaluate(
        "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('pagefind-worker.js'))"
    )
    context.close()
    assert results and marks and refused == [], refused
    assert worker, "Pagefind searched without its worker"
