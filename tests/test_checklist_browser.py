"""Checklists in Chromium: ticking, saved state, reset, keyboard, old and corrupt state, print."""

from __future__ import annotations

import json
import re

import pytest

from handbook import load_handbook
from handbook.generate.render import plain  # the text as a reader sees it (inline() is escaped HTML)
from tests.support.browser import follow_instantly, storage_blocked
from tests.support.pdf import pdf_pages, shown

pytestmark = pytest.mark.browser

PRE_SHIFT = "checklists/pre-shift/"
KEY = "handbook.checklist.pre-shift"


@pytest.fixture(scope="module")
def handbook():
    return load_handbook()[0]


def items(page):
    return page.locator(".hb-checklist li[data-hb-item]")


def box(page, index: int):
    return items(page).nth(index).locator("input[type=checkbox]")


def tick(page, index: int) -> None:
    """Click the item's text, which is the box's label."""
    items(page).nth(index).locator(".hb-item-text").click()


def click_drawn_box(page, index: int) -> None:
    """Click where the box is drawn: Material draws it with ::before over the native checkbox."""
    x, y = (
        items(page)
        .nth(index)
        .evaluate("""li => {
        const box = li.getBoundingClientRect();
        const em = parseFloat(getComputedStyle(li.querySelector(".task-list-indicator")).fontSize);
        return [box.left - 0.9 * em, box.top + 0.8 * em]; }""")
    )
    page.mouse.click(x, y)


def open_checklist(page, url: str) -> None:
    page.goto(url)
    page.locator(".hb-checklist-bar").wait_for(state="attached")  # the script has run


def saved(page) -> dict | None:
    raw = page.evaluate(f"() => localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def test_ticks_and_fields_survive_a_reload(page, base):
    open_checklist(page, base + PRE_SHIFT)
    total = items(page).count()
    tick(page, 0)
    items(page).nth(2).scroll_into_view_if_needed()
    click_drawn_box(page, 2)
    page.get_by_label("姓名", exact=True).fill("王小明")
    page.get_by_label("工号", exact=True).fill("A-0012")
    assert page.locator(".hb-progress").inner_text().startswith(f"已勾选 2/{total} 项")
    page.reload()
    page.locator(".hb-checklist-bar").wait_for()
    assert [box(page, i).is_checked() for i in range(3)] == [True, False, True]
    assert page.get_by_label("姓名", exact=True).input_value() == "王小明"
    assert page.get_by_label("工号", exact=True).input_value() == "A-0012"
    assert page.locator(".hb-progress").inner_text().startswith(f"已勾选 2/{total} 项")


def test_the_english_page_shares_the_saved_ticks(page, base):
    open_checklist(page, base + PRE_SHIFT)
    tick(page, 1)
    open_checklist(page, base + "en/" + PRE_SHIFT)
    assert box(page, 1).is_checked()
    assert "1 of" in page.locator(".hb-progress").inner_text()


def test_reset_asks_first_and_then_clears_everything(page, base):
    open_checklist(page, base + PRE_SHIFT)
    tick(page, 0)
    page.get_by_label("姓名", exact=True).fill("王小明")
    page.get_by_role("button", name="清空", exact=True).click()
    confirm = page.locator(".hb-reset-confirm")
    assert confirm.is_visible() and "清空本表" in confirm.inner_text()
    page.get_by_role("button", name="取消").click()
    assert not confirm.is_visible() and box(page, 0).is_checked()
    page.get_by_role("button", name="清空", exact=True).click()
    page.get_by_role("button", name="确定清空").click()
    assert not box(page, 0).is_checked() and page.get_by_label("姓名", exact=True).input_value() == ""
    assert saved(page) is None
    page.reload()
    page.locator(".hb-checklist-bar").wait_for()
    assert not box(page, 0).is_checked()


def test_completing_every_required_item_records_the_time(page, base):
    open_checklist(page, base + "en/checklists/customer-problem/")
    rows = items(page)
    for i in range(rows.count()):
        if rows.nth(i).get_attribute("data-hb-required") == "true":
            tick(page, i)
    status = page.locator(".hb-progress").inner_text()
    assert "All required items ticked" in status and "Completed" in status
    assert re.search(r"Completed \d{1,2} \w{3} \d{4}", status), status
    assert "hb-complete" in page.locator(".hb-checklist").get_attribute("class")
    stored = json.loads(page.evaluate("() => localStorage.getItem('handbook.checklist.customer-problem')"))
    assert stored["completedAt"]
    tick(page, 0)
    assert "Completed" not in page.locator(".hb-progress").inner_text()


def test_a_checklist_can_be_used_with_the_keyboard_alone(page, base):
    open_checklist(page, base + PRE_SHIFT)
    first = box(page, 0)
    for _ in range(80):  # Tab from the top of the page to the first item
        page.keyboard.press("Tab")
        if first.evaluate("box => box === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first checklist item")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the item's link to its rule
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert first.is_checked() and box(page, 1).is_checked()
    assert "已勾选 2/" in page.locator(".hb-progress").inner_text()
    page.get_by_role("button", name="清空", exact=True).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.textContent") == "确定清空"
    page.keyboard.press("Enter")
    assert not first.is_checked()
    assert page.evaluate("() => document.activeElement.textContent") == "清空"


def test_the_progress_is_announced_and_the_boxes_are_labelled(page, base):
    open_checklist(page, base + PRE_SHIFT)
    assert page.locator(".hb-progress").get_attribute("role") == "status"
    first = items(page).nth(0)
    text = first.locator(".hb-item-text .hb-zh").inner_text()
    assert page.get_by_role("checkbox", name=text).count() == 1
    assert first.locator("input").get_attribute("aria-required") == "true"


def test_state_from_an_older_version_is_matched_by_item_id(page, base):
    open_checklist(page, base + PRE_SHIFT)
    rows = items(page)
    kept, reworded = rows.nth(0), rows.nth(1)
    old = {
        "format": 1,
        "version": "00000000",
        "fields": {"name": "王小明"},
        "completedAt": None,
        "items": {
            kept.get_attribute("data-hb-item"): {"on": True, "text": kept.get_attribute("data-hb-text")},
            reworded.get_attribute("data-hb-item"): {"on": True, "text": "0ld0ld00"},
            "000-9.9-r9": {"on": True, "text": "12345678"},
        },
    }
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(old)])
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.reload()
    page.locator(".hb-checklist-bar").wait_for()
    assert errors == []
    assert box(page, 0).is_checked() and not box(page, 1).is_checked()
    assert "hb-changed" in items(page).nth(1).get_attribute("class")
    assert "有改动，请重新确认" in items(page).nth(1).inner_text()
    assert "新增项目" in items(page).nth(2).inner_text()  # not in the saved state
    notice = page.locator(".hb-notice").inner_text()
    assert "删除1项" in notice and "1项措辞有改动" in notice and f"新增{items(page).count() - 2}项" in notice
    assert page.get_by_label("姓名", exact=True).input_value() == "王小明"
    assert "000-9.9-r9" not in saved(page)["items"]


@pytest.mark.parametrize("stored", ["{not json", "[1, 2, 3]", '{"format": 1, "items": "all"}'])
def test_corrupt_saved_state_leaves_a_working_checklist_and_a_notice(page, base, stored):
    open_checklist(page, base + PRE_SHIFT)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, stored])
    page.reload()
    page.locator(".hb-checklist-bar").wait_for()
    assert "无法读取" in page.locator(".hb-notice").inner_text()
    tick(page, 0)
    page.reload()
    page.locator(".hb-checklist-bar").wait_for()
    assert box(page, 0).is_checked() and not page.locator(".hb-notice").is_visible()


def test_blocked_storage_leaves_a_working_checklist_and_a_notice(chromium, base):
    with storage_blocked(chromium) as page:
        open_checklist(page, base + "en/" + PRE_SHIFT)
        assert "does not allow saving" in page.locator(".hb-notice").inner_text()
        tick(page, 0)
        assert page.locator(".hb-progress").inner_text().startswith("1 of")


def test_the_checklist_starts_after_instant_navigation(page, base):
    follow_instantly(page, base + "checklists/", "投诉处理检查表", "checklists/complaint/", ".hb-checklist-bar")
    tick(page, 0)
    assert page.locator(".hb-progress").inner_text().startswith("已勾选 1/")


def test_print_shows_the_form_without_the_site(page, base):
    open_checklist(page, base + PRE_SHIFT)
    tick(page, 0)
    page.get_by_label("姓名", exact=True).fill("王小明")
    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-path",  # the breadcrumbs
        ".md-sidebar--primary",
        ".md-footer",
        ".hb-checklist-bar",
        ".hb-progress",
        ".hb-signoff-fields",
    ):
        assert not page.locator(chrome).first.is_visible(), chrome
    lines = page.locator(".hb-sign-lines")
    assert lines.first.is_visible() and lines.last.is_visible()
    assert "王小明" in lines.first.inner_text()
    assert "主管签字" in lines.last.inner_text()
    assert page.locator(".hb-print-url").inner_text() == base + PRE_SHIFT
    drawn = "el => getComputedStyle(el, '::before').content"
    assert items(page).nth(0).locator(".task-list-indicator").evaluate(drawn) == '"✓"'


def test_print_blank_prints_no_ticks_and_no_names(page, base):
    open_checklist(page, base + PRE_SHIFT)
    page.evaluate(
        "() => { window.print = () => { window.printedBlank = "
        "document.querySelector('.hb-checklist').classList.contains('hb-print-blank') } }"
    )
    tick(page, 0)
    page.get_by_label("姓名", exact=True).fill("王小明")
    page.get_by_role("button", name="打印空白表").click()
    assert page.evaluate("() => window.printedBlank") is True
    page.emulate_media(media="print")
    drawn = "el => getComputedStyle(el, '::before').content"
    assert items(page).nth(0).locator(".task-list-indicator").evaluate(drawn) in ('""', "none")
    assert (
        page.locator(".hb-sign-lines .hb-line").first.evaluate("el => getComputedStyle(el).color") == "rgba(0, 0, 0, 0)"
    )
    page.emulate_media(media="screen")
    page.get_by_role("button", name="打印（含勾选）").click()
    assert page.evaluate("() => window.printedBlank") is False


def printed_pages(page) -> list[str]:
    page.emulate_media(media="print")
    return pdf_pages(page.pdf(format="A4"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_checklist_prints_its_title_and_every_item_whole_on_a4(chromium, base, handbook, lang):
    context = chromium.new_context()
    page = context.new_page()
    rules = handbook.rules()
    prefix = "" if lang == "zh" else "en/"
    try:
        for checklist in handbook.checklists:
            open_checklist(page, f"{base}{prefix}checklists/{checklist.id}/")
            pages = printed_pages(page)
            assert shown(checklist.title[lang]) in pages[0], checklist.id
            for item in checklist.items:
                text = shown(plain(rules[item.rule_id].text, lang))
                # On one page: no item is cut across a page edge.
                assert any(text in printed for printed in pages), f"{checklist.id} {lang}: {item.rule_id}"
            assert shown(checklist.purpose[lang]) in pages[0]
    finally:
        context.close()


def test_the_bilingual_print_puts_the_english_under_each_chinese_item(page, base, handbook):
    open_checklist(page, base + "checklists/complaint/")
    page.get_by_label("中英对照", exact=False).check()
    printed = "".join(printed_pages(page))
    [checklist] = [c for c in handbook.checklists if c.id == "complaint"]
    rule = handbook.rules()[checklist.items[0].rule_id]
    zh, en = shown(plain(rule.text, "zh")), shown(plain(rule.text, "en"))
    assert zh in printed and en in printed and printed.index(zh) < printed.index(en)
