"""What staff see of the change history (issue 22): the what-changed pages, the marks on
changed rules, the printable notice, the feed, and "since your last visit", on a site
built from a repository with a known history (tests/support/history_repo.py)."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT
from harness.browser import DESKTOP, free_port
from harness.server import serve_compressed as serve
from tests.support.browser import storage_blocked
from tests.support.history_repo import day, make_repo
from tests.support.pdf import pdf_pages

pytestmark = pytest.mark.browser  # builds a site and drives Chromium
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return make_repo(tmp_path_factory.mktemp("changes") / "repo")


@pytest.fixture(scope="module")
def site_address() -> str:
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="module")
def site(repo, site_address, tmp_path_factory) -> Path:
    """Both languages, built from the repository's content. Not strict: the hand-written home
    page links to the real handbook's pages, which the fixture content does not have."""
    out = tmp_path_factory.mktemp("changes-site")
    env = dict(
        os.environ,
        HANDBOOK_CONTENT=str(repo),
        HANDBOOK_SITE_URL=site_address,
        HANDBOOK_EDIT_URI="",
        PYTHONPATH=str(ROOT / "scripts"),
    )
    for config, target in (("mkdocs.yml", out), ("mkdocs.en.yml", out / "en")):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", config, "-d", str(target)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    assert "change history" not in result.stderr, "a repository with history builds without a warning"
    return out


@pytest.fixture(scope="module")
def base(site, site_address):
    with serve(site, int(site_address.rsplit(":", 1)[1].strip("/"))) as url:
        yield url


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def entries(page: str) -> list[str]:
    return re.findall(r'<li class="hb-change" data-hb-change data-manual="\d+">(.*?)</li>', page, re.S)


def changed(page: str, rule_id: str) -> str:
    """The entry of a changed rule (its checklist item, removed, names it too)."""
    return next(e for e in entries(page) if f">{rule_id}<" in e and "hb-change-kind--changed" in e)


# --- The what-changed page --------------------------------------------------------------------


def test_changes_are_grouped_by_date_newest_first(site):
    page = read(site, "changes/index.html")
    days = re.findall(r'<h2 id="d-([\d-]+)"', page)
    assert days == [day(2), day(3), day(5), day(10), day(50)]  # the English-only day: a translation update
    assert "Tidy the YAML" not in page, "a formatting-only commit is no change"
    assert "Reword 900-1.1-r1 (#13)" in page


def test_each_entry_names_the_rule_its_section_and_the_kind_of_change(site):
    page = read(site, "changes/index.html")
    reword = changed(page, "900-1.1-r1")
    assert "hb-change-kind--changed" in reword and "修改" in text_of(reword)
    assert 'href="../manuals/900/1/1.1/#900-1.1-r1"' in reword
    assert re.search(r'<a href="../manuals/900/1/1.1/">900 §1.1 投诉处理</a>', reword)
    removed = next(e for e in entries(page) if "900-1.1-r3" in e and "removed" in e)
    assert "删除" in text_of(removed) and "服务人员应记录投诉内容。" in text_of(removed)
    assert 'href="../manuals/900/1/1.1/#900-1.1-r3"' not in removed, "a removed rule has no anchor to go to"
    question = next(e for e in entries(page) if "900-1.1-q1" in e)
    assert "测验题" in text_of(question)


def test_a_changed_text_shows_old_and_new_chinese_marked_by_character(site):
    page = read(site, "changes/index.html")
    reword = changed(page, "900-1.1-r1")
    assert '<ins class="hb-ins">每一项</ins>' in reword
    step = changed(page, "900-1.1-p1-s2")
    assert re.search(r"<dt>原文</dt><dd lang=\"zh\">反馈处理结果。</dd>", step)
    assert re.search(r"<dt>现文</dt><dd lang=\"zh\"><ins class=\"hb-ins\">向客户</ins>反馈处理结果。</dd>", step)


def test_english_only_changes_are_listed_apart_as_translation_updates(site):
    page = read(site, "en/changes/index.html")
    translations = re.findall(r'<details class="hb-change-translations".*?</details>', page, re.S)
    assert len(translations) == 1 and "900-1.1-r2" in translations[0]
    assert '<del class="hb-del">no less than</del>' in translations[0]
    assert '<ins class="hb-ins">at least</ins>' in translations[0]
    assert not any("900-1.1-r2" in e for e in entries(page.replace(translations[0], "")))


def test_the_english_page_shows_the_new_english_and_the_old_where_it_differs(site):
    page = read(site, "en/changes/index.html")
    step = changed(page, "900-1.1-p1-s2")
    assert "<dt>Before</dt>" in step and '<ins class="hb-ins"> to the customer</ins>' in step
    reword = changed(page, "900-1.1-r1")
    assert "<dt>Before</dt>" not in reword and "Service staff handle each complaint promptly." in reword
    assert "The English was not changed with the Chinese." in reword


def test_the_filter_is_there_for_scripts_and_the_list_whole_without_them(site):
    page = read(site, "changes/index.html")
    assert '<form class="hb-change-filter" data-hb-change-filter method="get" hidden>' in page
    assert '<option value="900">900 ' in page
    assert len(entries(page)) == 8  # seven rule changes, one translation update


def test_the_page_names_its_atom_feed_in_the_head_and_in_a_link(site):
    page = read(site, "changes/index.html")
    head = page.split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml" title="更新记录" href="feed.xml">' in head
    assert '<a href="feed.xml" type="application/atom+xml">' in page


# --- The feed ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_the_feed_is_valid_atom_with_absolute_links(site, site_address, lang, prefix):
    feed = ET.fromstring(read(site, f"{prefix}changes/feed.xml").encode())
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": f"{site_address}{prefix}changes/feed.xml", "alternate": f"{site_address}{prefix}changes/"}
    items = feed.findall(f"{ATOM}entry")
    assert len(items) == 5
    ids = [item.find(f"{ATOM}id").text for item in items]
    assert len(set(ids)) == 5 and all(i.startswith(site_address) for i in ids)
    updated = [item.find(f"{ATOM}updated").text for item in items]
    assert updated == sorted(updated, reverse=True)
    assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", u) for u in updated)
    reword = next(item for item in items if "#13" in item.find(f"{ATOM}title").text)
    content = reword.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert f'href="{site_address}{prefix}manuals/900/1/1.1/#900-1.1-r1"' in content.text


# --- The marks on a page that shows rules -------------------------------------------------------


def requirement(page: str, rule_id: str) -> str:
    return re.search(rf'<li id="{rule_id}".*?(?=<li id=|</ul>)', page, re.S).group(0)


def test_a_section_page_shows_when_its_rules_last_changed(site):
    page = read(site, "manuals/900/1/1.1/index.html")
    assert f"本页规则最近修改于 {day(3)}" in text_of(page)
    assert f"This page's rules last changed on {day(3)}" in text_of(read(site, "en/manuals/900/1/1.1/index.html"))


def test_the_link_to_the_change_history_stands_out_from_the_grey_line_it_is_in(chromium, base):
    """axe-core's link-in-text-block: a link inside text told apart by colour alone (here 1.15:1
    against the grey line) is missed by readers who do not see colour; it is underlined."""
    page = chromium.new_page()
    page.goto(base + "manuals/900/1/1.1/")
    link = page.locator(".hb-last-change a")
    assert link.count() == 1
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")
    page.close()


def test_recently_changed_rules_carry_a_mark_that_opens_their_previous_text(site):
    page = read(site, "manuals/900/1/1.1/index.html")
    r1 = requirement(page, "900-1.1-r1")
    mark = re.search(r'<details class="hb-change-mark".*?</details>', r1, re.S).group(0)
    assert f'data-hb-changed-on="{day(5)}"' in mark
    assert "<summary>已修改" in mark and f"（{day(5)}，查看修改前的文本）" in mark
    assert "服务人员应及时处理投诉。" in text_of(mark)
    step = re.search(r'<li id="900-1.1-p1-s2">.*?</li>', page, re.S).group(0)
    assert "反馈处理结果。" in text_of(step.split("hb-change-mark", 1)[1])
    assert "hb-change-mark" not in requirement(page, "900-1.1-r2"), "an English-only change is no change"


def test_on_the_english_page_the_mark_opens_the_previous_english_or_else_the_chinese(site):
    page = read(site, "en/manuals/900/1/1.1/index.html")
    step = re.search(r'<li id="900-1.1-p1-s2">.*?</li>', page, re.S).group(0)
    assert 'lang="en">Report the outcome' in step
    r1 = requirement(page, "900-1.1-r1")
    assert 'lang="zh">服务人员应及时处理' in r1, "the English did not change: the previous Chinese is shown"


def test_a_mark_lasts_the_organisations_number_of_days(repo, monkeypatch):
    from datetime import date, timedelta

    from handbook.generate import changes
    from handbook.loader import load_handbook

    # Not strict: the history's edits leave the fixture's topic and rubric stale (warnings).
    handbook, _ = load_handbook(repo, strict=False)
    later = (date.today() + timedelta(days=25)).isoformat()
    monkeypatch.setenv("HANDBOOK_TODAY", later)
    assert changes.rule_mark(handbook, "900-1.1-r1", "zh"), "changed 30 days before: still marked"
    assert not changes.rule_mark(handbook, "900-1.1-p1-s2", "zh"), "changed 35 days before: no longer"
    (repo / "changes.yml").write_text("recent_days: 40\n", encoding="utf-8")
    try:
        handbook, _ = load_handbook(repo, strict=False)  # a changed setting is a changed content file: loaded again
        assert changes.rule_mark(handbook, "900-1.1-p1-s2", "zh")
    finally:
        (repo / "changes.yml").unlink()


def test_a_checklist_page_shows_when_its_items_last_changed(site):
    assert f"本页规则最近修改于 {day(3)}" in text_of(read(site, "checklists/complaint-check/index.html"))


# --- The printable notice ---------------------------------------------------------------------


def test_the_notice_has_the_changes_and_a_signoff_table(site):
    page = read(site, "changes/notice/index.html")
    assert "data-hb-notice" in page
    # Without a script, the notice is of the last 30 days: the form's default period.
    start = re.search(r'name="from" value="([\d-]+)"', page).group(1)
    from datetime import date

    assert (date.today() - date.fromisoformat(start)).days == 30
    shown = re.findall(
        r'<section class="hb-change-version" id="v-\w+" data-hb-change-group data-date="([\d-]+)"'
        r"[^>]*?(hidden)?>",
        page,
    )
    assert shown and all(bool(hidden) == (when < start) for when, hidden in shown)
    table = re.search(r'<table class="hb-signoff-table">.*?</table>', page, re.S).group(0)
    assert re.findall(r"<th scope=\"col\">(.*?)</th>", table) == ["姓名", "工号", "日期", "签名"]
    assert table.count("<tr>") >= 10
    assert "hb-change-translations" not in page, "the notice is of the rules' changes"
    assert '<th scope="col">Staff number</th>' in read(site, "en/changes/notice/index.html")


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_the_notice_prints_on_a4_without_the_site_and_nothing_cut_off(chromium, base, lang, prefix):
    page = chromium.new_page(viewport=DESKTOP)
    page.goto(f"{base}{prefix}changes/notice/?from={day(10)}&to={day(3)}")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    pdf = page.pdf(format="A4")
    page.close()
    import io

    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5, "A4"
    text = "".join(pdf_pages(pdf))
    words = {
        "zh": ("规则变更通知", f"{day(10)}至{day(3)}", "姓名工号日期签名", "向客户反馈处理结果。"),
        "en": (
            "Changenotice",
            f"{day(10)}to{day(3)}",
            "NameStaffnumberDateSignature",
            "Reporttheoutcometothecustomer.",
        ),
    }[lang]
    for expected in words:
        assert expected in text, expected
    for rule_id in ("900-1.1-r1", "900-1.1-p1-s2", "900-1.1-q1", "900-1.1-r3"):
        assert rule_id in text
    assert "900-1.1-r3" in text and "Add900-1.1-r3" not in text, "outside the period: left out"
    assert ("搜索" if lang == "zh" else "Search") not in text, "no header, navigation or search on paper"


@pytest.mark.parametrize("lang, prefix, label", [("zh", "", "打印通知"), ("en", "en/", "Print the notice")])
def test_the_notice_has_a_print_button_that_opens_the_print_dialog(chromium, base, lang, prefix, label):
    page = chromium.new_page(viewport=DESKTOP)
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(f"{base}{prefix}changes/notice/")
    button = page.get_by_role("button", name=label)
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    assert not button.is_visible(), "the button is not on paper"
    page.close()


# --- The widgets in a browser -------------------------------------------------------------------


def versions(base: str, prefix: str = "") -> dict:
    import urllib.request

    with urllib.request.urlopen(f"{base}{prefix}changes/versions.json") as response:
        return json.load(response)


def test_the_filter_narrows_the_list_and_prints_what_it_shows(chromium, base):
    page = chromium.new_page(viewport=DESKTOP)
    page.goto(base + "changes/?manual=900")
    count = page.locator("[data-hb-change-count]")
    assert count.text_content() == "显示 7 条，共 7 条"
    page.get_by_label("起始日期").fill(day(5))
    assert count.text_content() == "显示 4 条，共 7 条"
    assert not page.locator(f"#d-{day(10)}").is_visible() and page.locator(f"#d-{day(5)}").is_visible()
    page.get_by_label("截止日期").fill(day(4))
    assert count.text_content() == "显示 1 条，共 7 条"
    # The notice is printed for the period chosen here.
    page.get_by_role("button", name="打印变更通知（供班前会签阅）").click()
    page.wait_for_url("**/changes/notice/?*")
    assert page.locator("[data-hb-notice-period]").text_content() == f"{day(5)} 至 {day(4)}"
    assert page.locator("[data-hb-change]:visible").count() == 1
    page.go_back()
    page.get_by_role("link", name="显示全部").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-hb-change-count]").text_content() == "显示 7 条，共 7 条"
    page.close()


def test_since_your_last_visit(chromium, base):
    data = versions(base)
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A first visit: nothing to compare, no notice; the version is recorded.
    page.goto(base + "manuals/900/1/1.1/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".hb-visit-notice").count() == 0
    saved = json.loads(page.evaluate("() => localStorage.getItem('hb-changes-seen')"))
    assert saved["version"] == data["current"]
    # A reader who last saw the version of 10 days ago.
    seen = next(v["id"] for v in data["versions"] if v["date"] == day(10))
    page.evaluate("v => localStorage.setItem('hb-changes-seen', JSON.stringify({format: 1, version: v}))", seen)
    page.goto(base)
    notice = page.get_by_role("region", name="规则更新提示")
    notice.wait_for()
    status = notice.get_by_role("status")
    page.wait_for_function("() => document.querySelector('.hb-visit-text').textContent !== ''")
    # After it: 900-1.1-r1 reworded, 900-1.1-r3 removed, the checklist's two items.
    assert status.text_content() == "自您上次访问以来，有 4 条规则发生了变化。"
    # Instant navigation keeps one notice, never two.
    page.get_by_role("link", name="更新记录").first.click()
    page.wait_for_url("**/changes/")
    assert page.locator(".hb-visit-notice").count() == 1
    # The link shows those changes, and marks them seen.
    notice.get_by_role("link", name="查看变化").click()
    page.wait_for_url(f"**/changes/?since={seen}")
    assert page.locator("[data-hb-change-since]").text_content() == "仅显示您上次访问之后的更新。"
    assert page.locator("[data-hb-change-count]").text_content() == "显示 4 条，共 7 条"
    assert json.loads(page.evaluate("() => localStorage.getItem('hb-changes-seen')"))["version"] == data["current"]
    page.goto(base + "manuals/900/1/1.1/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".hb-visit-notice").count() == 0
    assert errors == []
    context.close()


def test_the_notice_is_dismissed_with_the_keyboard_and_stays_dismissed(chromium, base):
    data = versions(base, "en/")
    page = chromium.new_page(viewport=DESKTOP)
    page.goto(base + "en/")
    page.evaluate(
        "v => localStorage.setItem('hb-changes-seen', JSON.stringify({format: 1, version: v}))",
        data["versions"][-1]["id"],
    )  # the oldest: versions are newest first
    page.reload()
    notice = page.get_by_role("region", name="Rule changes")
    notice.wait_for()
    page.wait_for_function("() => document.querySelector('.hb-visit-text').textContent !== ''")
    # After the first version: 900-1.1-p1-s2, -q1, -r1, -r3 and -p2-s1 (the checklist's new item; its
    # removed item is 900-1.1-p1-s2 again): five rules.
    assert notice.get_by_role("status").text_content() == "5 rules have changed since your last visit."
    notice.get_by_role("button", name="Dismiss").focus()
    page.keyboard.press("Enter")
    assert page.locator(".hb-visit-notice").count() == 0
    assert page.evaluate("() => document.activeElement.closest('main') !== null")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(".hb-visit-notice").count() == 0
    page.close()


@pytest.mark.parametrize("stored", ["{not json", '{"format": 99, "version": 1}', '"a string"'])
def test_corrupt_saved_state_shows_no_notice_and_starts_again(chromium, base, stored):
    page = chromium.new_page(viewport=DESKTOP)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base)
    page.evaluate("s => localStorage.setItem('hb-changes-seen', s)", stored)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(".hb-visit-notice").count() == 0 and errors == []
    assert json.loads(page.evaluate("() => localStorage.getItem('hb-changes-seen')"))["format"] == 1
    page.close()


def test_blocked_storage_shows_no_notice_and_no_error(chromium, base):
    with storage_blocked(chromium) as page:
        errors = []
        # The theme's own script meets the blocked storage too; the handbook's must not fail.
        page.on("pageerror", lambda error: errors.append(error.stack or str(error)))
        page.goto(base + "manuals/900/1/1.1/")
        page.wait_for_load_state("networkidle")
        assert page.locator(".hb-visit-notice").count() == 0
        assert not [e for e in errors if "handbook.js" in e]


def test_the_mark_opens_with_the_keyboard_and_says_what_it_is(chromium, base):
    page = chromium.new_page(viewport=DESKTOP)
    page.goto(base + "manuals/900/1/1.1/")
    summary = page.locator('[id="900-1.1-r1"] summary')
    previous = page.locator('[id="900-1.1-r1"] .hb-change-previous')
    assert not previous.is_visible()
    assert summary.evaluate("s => s.textContent") == f"已修改（{day(5)}，查看修改前的文本）"
    summary.focus()
    page.keyboard.press("Enter")
    assert previous.is_visible() and "服务人员应及时处理投诉。" in previous.text_content()
    page.close()
