"""Rubrics in Chromium: picking levels, the live total and grade, the kept draft,
saving and exporting assessments, old and corrupt state, and the printed sheet.

Expected totals are worked out by hand from the weights and points in
checklists/rubrics/01-service-attitude.yml (levels 100/80/60/0; bands 90/75/60).
"""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from handbook import load_handbook
from handbook.generate.render import plain  # the text as a reader sees it (inline() is escaped HTML)
from tests.support.browser import follow_instantly, storage_blocked
from tests.support.pdf import pdf_pages, shown

pytestmark = pytest.mark.browser

ATTITUDE = "rubrics/service-attitude-assessment/"
KEY = "handbook.rubric.service-attitude-assessment"
EXAMPLE = {
    "attitude": "良好",
    "language": "优秀",
    "behaviour": "优秀",
    "appearance": "不适用",
    "process": "良好",
    "satisfaction": "优秀",
    "complaints": "良好",
}


@pytest.fixture(scope="module")
def handbook():
    return load_handbook()[0]


def open_rubric(page, url: str) -> None:
    page.goto(url)
    page.locator(".hb-rubric-bar").wait_for(state="attached")  # the script has run


def pick(page, criterion: str, level: str) -> None:
    """Click the level's name in the criterion's row, as a user does."""
    page.locator(f"#criterion-{criterion} .hb-level").filter(has_text=level).locator(".hb-level-name").first.click()


def score_line(page) -> str:
    return page.locator(".hb-score").inner_text()


IN_ENGLISH = {"优秀": "Excellent", "良好": "Good", "不适用": "Not applicable"}


def fill_example(page, lang: str = "zh") -> None:
    for criterion, level in EXAMPLE.items():
        pick(page, criterion, level if lang == "zh" else IN_ENGLISH[level])


def test_picking_levels_shows_the_total_and_the_grade_as_they_change(page, base):
    open_rubric(page, base + ATTITUDE)
    assert score_line(page) == "尚未评分 · 已评 0/7 项"
    # attitude alone at 良好: 15×80 / 15 = 80.0 → 良好, provisional with six to go
    pick(page, "attitude", "良好")
    assert score_line(page) == "总分 80.0/100 · 等级：良好 · 已评 1/7 项 · 尚有 6 项未评，结果为暂定"
    # The worked example (also in the closing note): 15×80 + 15×100 + 15×100 + 15×80 + 15×100 + 15×80 = 8100,
    # appearance (10) not applicable, so 8100 / 90 = 90.0: exactly on the 优秀 threshold — but 001 五（二）
    # lists 服务态度较好, 基本能按照服务流程执行 and 较少有投诉 as features of 良好: the grade is 良好, and
    # the page says why.
    fill_example(page)
    assert score_line(page) == "总分 90.0/100 · 等级：良好 · 已评 7/7 项（1 项不适用）"
    cap = page.locator(".hb-cap-note")
    assert cap.is_visible()
    assert "按分数为“优秀”" in cap.inner_text() and "“客户投诉”评为“良好”" in cap.inner_text()
    assert "无任何投诉" in cap.inner_text()
    # No complaints: 8100 + 15×20 = 8400 / 90 = 93.33… → shown 93.3, still 良好 by attitude and process.
    pick(page, "complaints", "优秀")
    assert score_line(page) == "总分 93.3/100 · 等级：良好 · 已评 7/7 项（1 项不适用）"
    assert "“服务态度”评为“良好”" in cap.inner_text() and "“客户投诉”" not in cap.inner_text()
    # Every feature of 优秀: 8400 + 2 × 15×20 = 9000 / 90 = 100.0, 优秀, no cap.
    pick(page, "attitude", "优秀")
    pick(page, "process", "优秀")
    assert score_line(page) == "总分 100.0/100 · 等级：优秀 · 已评 7/7 项（1 项不适用）"
    assert not cap.is_visible()


def test_uncivil_language_puts_the_grade_at_fail_whatever_the_total(page, base):
    open_rubric(page, base + "en/" + ATTITUDE)
    for criterion in EXAMPLE:
        pick(page, criterion, "Excellent")
    pick(page, "language", "Fail")
    # 6 × 15×100 + 10×100 = 10000 - 1500 = 8500 / 100 = 85.0 → Good by score, capped at Fail
    assert score_line(page) == "Total 85.0 out of 100 · Grade: Fail · 7 of 7 criteria rated"
    assert "“uncivil language”" in page.locator(".hb-cap-note").inner_text()


def test_levels_can_be_chosen_with_the_keyboard(page, base):
    open_rubric(page, base + ATTITUDE)
    first = page.locator('input[name="hb-r-attitude"]').first
    first.focus()
    page.keyboard.press("Space")  # 优秀
    assert score_line(page).startswith("总分 100.0/100")
    page.keyboard.press("ArrowRight")  # moves the choice to 良好
    assert score_line(page).startswith("总分 80.0/100")
    page.keyboard.press("Tab")  # on to the comment
    page.keyboard.type("有耐心")
    assert page.locator("#hb-c-attitude").input_value() == "有耐心"
    for _ in range(6):  # past the next criterion's source links to its levels
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "hb-r-language":
            break
    page.keyboard.press("Space")
    assert page.locator('input[name="hb-r-language"][value="excellent"]').is_checked()
    assert page.locator(".hb-score").get_attribute("role") == "status"
    # Each option is a radio button named by its level and descriptor.
    assert page.get_by_role("radio", name="良好 “服务态度较好”").is_checked()


def test_the_draft_survives_a_reload(page, base):
    open_rubric(page, base + ATTITUDE)
    fill_example(page)
    page.get_by_label("评估人", exact=True).fill("王主管")
    page.get_by_label("被评估人").fill("李明")
    page.locator("#hb-c-process").fill("未主动确认客户需求")
    page.reload()
    page.locator(".hb-rubric-bar").wait_for(state="attached")
    assert score_line(page) == "总分 90.0/100 · 等级：良好 · 已评 7/7 项（1 项不适用）"
    assert page.locator('input[name="hb-r-appearance"][value="na"]').is_checked()
    assert page.get_by_label("被评估人").input_value() == "李明"
    assert page.locator("#hb-c-process").input_value() == "未主动确认客户需求"
    # The English page shares the same draft.
    open_rubric(page, base + "en/" + ATTITUDE)
    assert score_line(page).startswith("Total 90.0 out of 100 · Grade: Good")


def test_a_draft_is_saved_only_when_complete_then_kept_exported_and_deleted(page, base):
    open_rubric(page, base + ATTITUDE)
    save = page.get_by_role("button", name="保存本次考核")
    pick(page, "attitude", "良好")
    save.click()
    notice = page.locator(".hb-notice")
    assert "请填写评估人、被评估人、日期" in notice.inner_text() and "还有 6 项评分标准未评" in notice.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "hb-service-attitude-assessment-assessor"
    fill_example(page)
    page.get_by_label("评估人", exact=True).fill("王主管")
    page.get_by_label("被评估人").fill("李明")
    page.get_by_label("日期").fill("2026-11-24")
    page.get_by_label("考核场景").fill("柜台现场观察")
    page.locator("#hb-c-process").fill("未主动确认客户需求, 已提醒")
    save.click()
    assert "已保存 李明 的考核（良好）" in score_line(page)
    assert page.locator('input[name="hb-r-attitude"]:checked').count() == 0  # a fresh draft
    rows = page.locator(".hb-saved-table tbody tr")
    assert rows.count() == 1
    assert rows.first.inner_text().split("\t")[:5] == ["2026-11-24", "李明", "王主管", "90.0", "良好"]

    with page.expect_download() as caught:
        page.get_by_role("button", name="全部导出 CSV").click()
    csv_text = open(caught.value.path(), encoding="utf-8", newline="").read()
    assert caught.value.suggested_filename.startswith("service-attitude-assessment-") and csv_text[0] == "\ufeff"
    lines = csv_text[1:].strip("\r\n").split("\r\n")
    assert lines[0].startswith("考核编号,评分表,版本,保存时间,评估人,被评估人,日期,考核场景,总分,等级,等级限制原因,")
    assert len(lines) == 1 + 7
    process = next(line for line in lines if ",process," in line)
    assert ",王主管,李明,2026-11-24,柜台现场观察,90.0,良好," in process
    assert process.endswith(',服务流程执行,15,良好,80,"未主动确认客户需求, 已提醒",')
    assert next(line for line in lines if ",appearance," in line).endswith(",仪表规范,10,不适用,,,")

    with page.expect_download() as caught:
        page.get_by_role("button", name="全部导出 JSON").click()
    data = json.loads(open(caught.value.path(), encoding="utf-8").read())
    [assessment] = data["assessments"]
    assert data["rubric"]["id"] == "service-attitude-assessment"
    assert assessment["fields"] == {
        "assessor": "王主管",
        "person": "李明",
        "date": "2026-11-24",
        "context": "柜台现场观察",
    }
    assert assessment["result"]["display"] == "90.0" and assessment["result"]["gradeName"] == "良好"
    assert assessment["result"]["byScore"] == "001-5.2-g1"
    assert [cap["criterion"] for cap in assessment["result"]["capped"]] == ["attitude", "process", "complaints"]

    # Several are kept, and survive a reload.
    fill_example(page)
    page.get_by_label("评估人", exact=True).fill("王主管")
    page.get_by_label("被评估人").fill("张华")
    page.get_by_label("日期").fill("2026-11-25")
    save.click()
    page.reload()
    assert page.locator(".hb-saved-table tbody tr").count() == 2
    delete = page.locator(".hb-saved-table tbody tr").first.get_by_role("button", name="删除")
    delete.click()
    assert page.locator(".hb-saved-table tbody tr").count() == 2  # the first click only asks
    page.locator(".hb-saved-table tbody tr").first.get_by_role("button", name="确定删除").click()
    assert page.locator(".hb-saved-table tbody tr").count() == 1
    assert page.locator(".hb-saved-table tbody tr").first.inner_text().startswith("2026-11-25\t张华")


@pytest.mark.parametrize(
    "raw, notice",
    [
        ("{not json", "无法读取"),
        ('{"format": 1, "draft": "x", "saved": [{"id": 3}, "junk"]}', "2 条已保存的考核记录已损坏"),
    ],
)
def test_corrupt_saved_data_leaves_a_working_rubric_and_a_notice(page, base, raw, notice):
    page.goto(base + ATTITUDE)
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, raw])
    open_rubric(page, base + ATTITUDE)
    assert notice in page.locator(".hb-notice").inner_text()
    pick(page, "attitude", "优秀")
    assert score_line(page).startswith("总分 100.0/100")


def test_a_rating_made_before_its_criterion_changed_is_asked_for_again(page, base):
    page.goto(base + ATTITUDE)
    old = {
        "format": 1,
        "saved": [],
        "draft": {
            "version": "old",
            "fields": {"person": "李明"},
            "answers": {
                "attitude": {"level": "good", "text": "not-the-current-fingerprint", "comment": "旧备注"},
                "language": {"level": "excellent"},
                "removed-criterion": {"level": "good"},
            },
        },
    }
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, json.dumps(old)])
    open_rubric(page, base + ATTITUDE)
    assert "1 项评分已失效" in page.locator(".hb-notice").inner_text()
    attitude = page.locator("#criterion-attitude")
    assert "请重新评定" in attitude.inner_text()
    assert page.locator('input[name="hb-r-attitude"]:checked').count() == 0
    assert page.locator("#hb-c-attitude").input_value() == "旧备注"
    assert page.locator('input[name="hb-r-language"][value="excellent"]').is_checked()
    pick(page, "attitude", "良好")
    assert "请重新评定" not in attitude.inner_text()


def test_blocked_storage_leaves_a_working_rubric_and_a_notice(chromium, base):
    with storage_blocked(chromium) as page:
        open_rubric(page, base + "en/" + ATTITUDE)
        assert "does not allow saving" in page.locator(".hb-notice").inner_text()
        pick(page, "attitude", "Good")
        assert score_line(page).startswith("Total 80.0 out of 100")


def test_the_rubric_starts_after_instant_navigation(page, base):
    follow_instantly(page, base + "rubrics/", "服务质量评分卡", "rubrics/service-quality-scorecard/", ".hb-rubric-bar")
    # response time alone at 4 points: 6×80 / 6 = 80.0
    pick(page, "response-time", "4分")
    assert score_line(page).startswith("总分 80.0/100 · 等级：良好")


def test_print_shows_the_sheet_without_the_site_and_the_result_when_filled(page, base):
    open_rubric(page, base + ATTITUDE)
    page.evaluate(
        "() => { window.print = () => { window.printedBlank = "
        "document.querySelector('.hb-rubric').classList.contains('hb-print-blank') } }"
    )
    fill_example(page)
    page.get_by_label("被评估人").fill("李明")
    page.get_by_role("button", name="打印评定结果").click()
    assert page.evaluate("() => window.printedBlank") is False
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".hb-rubric-bar",
        ".hb-score",
        ".hb-assessment-fields",
        ".hb-saved-assessments",
        "#hb-c-process",
    ):
        assert page.locator(hidden).count(), f"test setup: {hidden} is not on the page"
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".hb-rubric-heads").first.is_visible()
    assert page.locator(".hb-comment-line").first.is_visible()
    assert page.locator('[data-hb-print="total_score"]').inner_text() == "90.0 / 100"
    assert page.locator('[data-hb-print="final_grade"]').inner_text() == "良好"
    assert "“客户投诉”评为“良好”" in page.locator('[data-hb-print="cap_note"]').inner_text()
    assert page.locator('[data-hb-print="field_person"]').inner_text() == "李明"
    drawn = "el => getComputedStyle(el, '::before').content"
    chosen = page.locator("#criterion-attitude .hb-level").filter(has_text="良好").first
    assert chosen.evaluate(drawn) == '"✓"'
    page.emulate_media(media="screen")
    page.get_by_role("button", name="打印空白观察表").click()
    assert page.evaluate("() => window.printedBlank") is True
    page.emulate_media(media="print")
    assert chosen.evaluate(drawn) == '""'
    assert page.locator('[data-hb-print="total_score"]').inner_text() == ""
    assert page.locator('[data-hb-print="field_person"]').inner_text() == ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rubric_prints_on_landscape_a4_with_every_criterion_whole(chromium, base, handbook, lang):
    context = chromium.new_context()
    page = context.new_page()
    prefix = "" if lang == "zh" else "en/"
    indicators = handbook.indicators()
    try:
        for rubric in handbook.rubrics:
            open_rubric(page, f"{base}{prefix}rubrics/{rubric.id}/")
            page.emulate_media(media="print")
            pdf = page.pdf(prefer_css_page_size=True)
            first = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
            assert float(first.width) > float(first.height), f"{rubric.id}: not landscape"
            pages = pdf_pages(pdf)
            assert shown(rubric.title[lang]) in pages[0], rubric.id
            for criterion in rubric.criteria:
                title = indicators[criterion.indicator_id].name if criterion.indicator_id else criterion.title
                # The criterion's title and its last level's descriptor on one page: the row is not cut.
                last = criterion.levels.get(rubric.levels[-1].id)
                descriptor = last.text if last else rubric.levels[-1].descriptor
                assert any(
                    shown(plain(title, lang)) in printed and shown(plain(descriptor, lang)) in printed
                    for printed in pages
                ), f"{rubric.id} {lang}: {criterion.id}"
    finally:
        context.close()


def test_printing_from_the_browser_menu_prints_the_result_as_filled_in(page, base):
    open_rubric(page, base + "en/" + ATTITUDE)
    fill_example(page, "en")
    page.get_by_label("Person assessed").fill("Li Ming")
    page.locator("#hb-c-process").fill("Did not confirm needs")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # what Ctrl+P fires
    assert page.locator('[data-hb-print="total_score"]').inner_text() == "90.0 / 100"
    assert page.locator('[data-hb-print="final_grade"]').inner_text() == "Good"
    assert page.locator('[data-hb-print="field_person"]').inner_text() == "Li Ming"
    assert page.locator('[data-hb-print="comment-process"]').inner_text() == "Did not confirm needs"


def test_clearing_the_draft_asks_first_and_keeps_saved_assessments(page, base):
    open_rubric(page, base + ATTITUDE)
    fill_example(page)
    page.get_by_label("评估人", exact=True).fill("王主管")
    page.get_by_label("被评估人").fill("李明")
    page.get_by_label("日期").fill("2026-11-24")
    page.get_by_role("button", name="保存本次考核").click()
    pick(page, "attitude", "优秀")
    page.get_by_role("button", name="清空草稿").click()
    assert page.get_by_role("group", name="清空本次草稿中的全部评分").is_visible()
    assert page.evaluate("() => document.activeElement.textContent") == "确定清空"
    page.get_by_role("button", name="取消").click()
    assert page.evaluate("() => document.activeElement.textContent") == "清空草稿"
    assert page.locator('input[name="hb-r-attitude"][value="excellent"]').is_checked()
    page.get_by_role("button", name="清空草稿").click()
    page.get_by_role("button", name="确定清空").click()
    assert score_line(page).startswith("草稿已清空。 尚未评分")
    page.reload()
    page.locator(".hb-rubric-bar").wait_for(state="attached")
    assert page.locator('input[name="hb-r-attitude"]:checked').count() == 0
    assert page.locator(".hb-saved-table tbody tr").count() == 1


def test_a_poor_attitude_alone_puts_the_grade_at_fail_as_001_5_2_says(page, base):
    """The issue's case: attitude 不合格, everything else 优秀, gave 85.0 and 良好."""
    open_rubric(page, base + ATTITUDE)
    for criterion in EXAMPLE:
        pick(page, criterion, "优秀")
    pick(page, "attitude", "不合格")
    # 10000 − 15×100 = 8500 / 100 = 85.0: 良好 by score, 不合格 by 001 五（二）'s 服务态度差.
    assert score_line(page) == "总分 85.0/100 · 等级：不合格 · 已评 7/7 项"
    note = page.locator(".hb-cap-note").inner_text()
    assert "按分数为“良好”" in note and "“服务态度”评为“不合格”" in note and "服务态度差" in note


@pytest.mark.parametrize("criterion", ["process", "satisfaction", "complaints"])
def test_each_other_feature_of_fail_caps_the_grade_in_english_too(page, base, criterion):
    open_rubric(page, base + "en/" + ATTITUDE)
    for each in EXAMPLE:
        pick(page, each, "Excellent")
    pick(page, criterion, "Fail")
    assert score_line(page) == "Total 85.0 out of 100 · Grade: Fail · 7 of 7 criteria rated"


def test_a_confidentiality_failure_in_the_competence_rubric_is_fail(page, base):
    open_rubric(page, base + "rubrics/staff-competence-assessment/")
    for criterion in (
        "professional-skills",
        "learning-ability",
        "teamwork",
        "warm-proactive",
        "courteous",
        "rigorous-responsible",
    ):
        pick(page, criterion, "优秀")
    pick(page, "rigorous-responsible", "不合格")
    # 10000 − 16×100 = 8400 / 100 = 84.0: 良好 by score; 003 §4.2.3 (对客户资料保密) failed: 不合格.
    assert score_line(page) == "总分 84.0/100 · 等级：不合格 · 已评 6/6 项"
    assert "保密" in page.locator(".hb-cap-note").inner_text()


def test_the_response_time_standard_is_written_down_before_the_scorecard_is_saved(page, base):
    open_rubric(page, base + "rubrics/service-quality-scorecard/")
    standard = page.get_by_label("本单位依003 §5.1制定的响应时间标准")
    assert standard.is_visible() and standard.input_value() == ""
    for criterion in page.locator("fieldset.hb-criterion").evaluate_all("ns => ns.map(n => n.dataset.hbCriterion)"):
        pick(page, criterion, "4分")
    page.get_by_label("评估人", exact=True).fill("王主管")
    page.get_by_label("被评估人").fill("李明")
    page.get_by_label("日期").fill("2026-12-06")
    page.get_by_role("button", name="保存本次考核").click()
    assert "“响应时间”：请写明评分所依据的本单位标准" in page.locator(".hb-notice").inner_text()
    assert page.evaluate("() => document.activeElement.dataset.hbStandard") == "response-time"
    standard.fill("电话铃响三声内接听")
    page.reload()
    assert page.get_by_label("本单位依003 §5.1制定的响应时间标准").input_value() == "电话铃响三声内接听"
    page.get_by_role("button", name="保存本次考核").click()
    assert "已保存 李明 的考核" in score_line(page)
    with page.expect_download() as caught:
        page.get_by_role("button", name="全部导出 JSON").click()
    [assessment] = json.loads(open(caught.value.path(), encoding="utf-8").read())["assessments"]
    assert next(c for c in assessment["criteria"] if c["id"] == "response-time")["standard"] == "电话铃响三声内接听"
