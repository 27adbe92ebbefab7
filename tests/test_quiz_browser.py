"""Quizzes in Chromium: practice feedback, exam marking, kept progress, the onboarding
path's progress, the final assessment's draw, and the paper quiz against its key.

Right answers are taken from the YAML (the model), never from the page, and
each expected score is worked out by hand from the chapter's question count.
"""

from __future__ import annotations

import functools
import html
import json

import pytest

from handbook import load_handbook
from handbook.generate.render import inline
from harness.browser import PHONE
from tests.support.browser import follow_instantly, storage_blocked
from tests.support.pdf import pdf_pages, shown

pytestmark = pytest.mark.browser

EMERGENCIES = "quizzes/000-8/"  # 6 questions: one wrong is 5/6 = 83.3%, two wrong 4/6 = 66.6%
KEY_8 = "handbook.quiz.000-8"


@pytest.fixture(scope="module")
def handbook():
    return load_handbook()[0]


@pytest.fixture(scope="module")
def questions(handbook):
    return {q.id: q for q in handbook.questions()}


def text(value, lang):
    return html.unescape(inline(value, lang))


@functools.cache
def steps_of(procedure_id, lang):
    return [text(step.text, lang) for step in load_handbook()[0].rules()[procedure_id].steps]


def open_quiz(page, url):
    page.goto(url)
    page.locator(".hb-quiz-status").wait_for()


def card(page, question_id):
    return page.locator(f'.hb-q[data-hb-question="{question_id}"]')


def shown_ids(page):
    return page.locator(".hb-q").evaluate_all("nodes => nodes.map(n => n.dataset.hbQuestion)")


def choose(page, question, lang="zh", right=True):
    """Answer as a user does, by the words on the page: right (or wrong) per the handbook."""
    box = card(page, question.id)
    if question.type == "true-false":
        wanted = question.answer if right else not question.answer
        box.locator(".hb-opt").filter(
            has_text={"zh": "对" if wanted else "错", "en": "True" if wanted else "False"}[lang]
        ).locator("input").check()
    elif question.type == "ordering":
        steps = steps_of(question.procedure_id, lang)
        if not right:
            steps = steps[1:] + steps[:1]
        for position, step in enumerate(steps):
            while True:
                order = box.locator(".hb-step-text").all_inner_texts()
                at = order.index(step)
                if at == position:
                    break
                box.locator(".hb-step").nth(at).locator('[data-hb-move="up"]').click()
    else:
        options = [o for o in question.options if o.correct == right]
        for option in options[:1] if question.type == "single" or not right else options:
            box.locator(".hb-opt").filter(has_text=text(option.text, lang)).locator("input").check()


def test_practice_gives_the_options_feedback_the_explanation_and_the_section_then_a_retry(page, base, questions):
    open_quiz(page, base + "quizzes/000-2/")
    question = questions["000-2.1-q1"]
    wrong = next(o for o in question.options if not o.correct and o.feedback)
    box = card(page, question.id)
    box.locator(".hb-opt").filter(has_text=text(wrong.text, "zh")).locator("input").check()
    box.get_by_role("button", name="检查答案").click()
    feedback = box.locator(".hb-feedback")
    assert feedback.get_attribute("role") == "status"
    said = feedback.inner_text()
    assert said.startswith("回答错误。")
    assert text(wrong.feedback, "zh") in said
    [right] = [o for o in question.options if o.correct]
    assert "正确答案：" + text(right.text, "zh") in said
    assert text(question.explanation, "zh") in said
    link = feedback.get_by_role("link")
    assert link.inner_text() == "阅读：000 §2.1 服务中的问候与礼貌用语"
    assert link.get_attribute("href") == f"../../manuals/000/2/2.1/#{question.requirement_ids[0]}"
    assert box.locator(".hb-opt-wrong").count() == 1 and box.locator(".hb-opt-right").count() == 1
    assert box.locator("input:disabled").count() == len(question.options)
    bank = sum(qid.startswith("000-2.") for qid in questions)
    assert page.locator(".hb-quiz-status").inner_text().startswith(f"已检查1/{bank}题，答对0题")
    box.get_by_role("button", name="再试一次").click()
    assert box.locator(".hb-feedback").count() == 0
    choose(page, question)
    box.get_by_role("button", name="检查答案").click()
    assert box.locator(".hb-feedback").inner_text().startswith("回答正确。")
    assert page.locator(".hb-quiz-status").inner_text().startswith(f"已检查1/{bank}题，答对1题")


def test_checking_without_an_answer_asks_for_one(page, base):
    open_quiz(page, base + "en/quizzes/000-2/")
    box = card(page, "000-2.1-q1")
    box.get_by_role("button", name="Check answer").click()
    hint = box.get_by_role("status")
    assert hint.is_visible() and hint.inner_text() == "Answer the question first."
    assert box.locator(".hb-feedback").count() == 0
    box.locator(".hb-opt").first.locator("input").check()
    box.get_by_role("button", name="Check answer").click()
    assert box.locator(".hb-q-hint").count() == 0, "the hint goes once the question is answered"


def test_practise_only_the_ones_i_got_wrong(page, base, questions):
    open_quiz(page, base + EMERGENCIES)
    ids = shown_ids(page)
    assert len(ids) == 6
    for n, question_id in enumerate(ids[:3]):
        choose(page, questions[question_id], right=n == 0)
        card(page, question_id).get_by_role("button", name="检查答案").click()
    page.get_by_role("button", name="只练答错的题（2）").click()
    assert sorted(shown_ids(page)) == sorted(ids[1:3])
    assert page.locator(".hb-quiz-status").inner_text().startswith("正在练习答错的2道题。 已检查0/2题")
    page.reload()
    page.locator(".hb-quiz-status").wait_for()
    assert sorted(shown_ids(page)) == sorted(ids[1:3]), "the narrowed practice survives a reload"
    page.get_by_role("button", name="练习全部题目").click()
    assert len(shown_ids(page)) == 6


def test_an_exam_is_marked_against_the_pass_mark_and_the_best_score_is_kept(page, base, questions):
    open_quiz(page, base + EMERGENCIES)
    page.get_by_role("button", name="考试模式").click()
    assert page.get_by_role("button", name="考试模式").get_attribute("aria-pressed") == "true"
    assert "检查答案" not in page.locator(".hb-quiz").inner_text()
    ids = shown_ids(page)
    for n, question_id in enumerate(ids):
        choose(page, questions[question_id], right=n != 2)
    assert page.locator(".hb-quiz-status").inner_text() == "已答6/6题"
    page.get_by_role("button", name="交卷").click()
    # 5 of 6 right: 83.33…% shown cut to 83.3, at or above 80%: passed.
    result = page.locator(".hb-quiz-result")
    assert result.inner_text() == "得分：5/6（83.3%），通过。及格线80%。"
    assert page.evaluate("() => document.activeElement.classList.contains('hb-quiz-result')")
    # Review: every question shows its feedback; the wrong one is marked.
    assert page.locator(".hb-feedback").count() == 6
    assert card(page, ids[2]).locator(".hb-feedback").inner_text().startswith("回答错误。")
    assert page.locator(".hb-q input:not(:disabled), .hb-step-move").count() == 0
    page.reload()
    page.locator(".hb-quiz-status").wait_for()
    assert page.locator(".hb-quiz-result").inner_text() == "得分：5/6（83.3%），通过。及格线80%。"
    # A worse attempt: 4 of 6 = 66.6%, not passed; the best stays 83.3.
    page.get_by_role("button", name="重新考试").click()
    ids = shown_ids(page)
    for n, question_id in enumerate(ids):
        choose(page, questions[question_id], right=n > 1)
    page.get_by_role("button", name="交卷").click()
    assert result.inner_text() == "得分：4/6（66.6%），未通过。及格线80%。"
    assert "最好成绩：83.3%" in page.locator(".hb-quiz-status").inner_text()
    page.get_by_role("button", name="练习答错的题").click()
    assert page.get_by_role("button", name="练习模式").get_attribute("aria-pressed") == "true"
    assert len(shown_ids(page)) == 2


def test_submitting_with_questions_unanswered_asks_first(page, base, questions):
    open_quiz(page, base + "en/" + EMERGENCIES)
    page.get_by_role("button", name="Exam").click()
    first = shown_ids(page)[0]
    choose(page, questions[first], lang="en")
    page.get_by_role("button", name="Submit answers").click()
    group = page.get_by_role("group", name="question(s) not answered")
    assert group.inner_text().startswith("5 question(s) not answered")
    page.get_by_role("button", name="Keep answering").click()
    assert page.locator(".hb-quiz-result").is_hidden()
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_role("button", name="Submit", exact=True).click()
    assert page.locator(".hb-quiz-result").inner_text().startswith("Score: 1/6 (16.6%), not passed.")


def test_progress_survives_a_reload_and_is_shared_by_both_languages(page, base, questions):
    open_quiz(page, base + EMERGENCIES)
    ids = shown_ids(page)
    choose(page, questions[ids[0]])
    card(page, ids[0]).get_by_role("button", name="检查答案").click()
    choose(page, questions[ids[1]], right=False)  # answered, not checked
    page.reload()
    page.locator(".hb-quiz-status").wait_for()
    assert shown_ids(page) == ids, "the same order after a reload"
    assert card(page, ids[0]).locator(".hb-feedback").inner_text().startswith("回答正确。")
    assert card(page, ids[1]).locator("input:checked").count() >= 1 or questions[ids[1]].type == "ordering"
    open_quiz(page, base + "en/" + EMERGENCIES)
    assert shown_ids(page) == ids
    assert card(page, ids[0]).locator(".hb-feedback").inner_text().startswith("Correct.")


def test_option_and_question_order_is_shuffled_per_attempt_but_true_false_is_not(page, base):
    open_quiz(page, base + "quizzes/000-2/")
    orders = set()
    for _ in range(4):
        orders.add(tuple(shown_ids(page)))
        page.get_by_role("button", name="重新开始").click()
    assert len(orders) > 1, "four attempts in the same order"
    for box in page.locator(".hb-q").all():
        if box.locator('input[value="true"]').count():
            assert box.locator(".hb-opt-text").all_inner_texts() == ["对", "错"]


def test_ordering_works_with_the_keyboard_and_announces_each_move(page, base, handbook):
    # The first ordering question of the banks, whichever it is after a rewrite.
    quiz, question = next((quiz, q) for quiz in handbook.quizzes for q in quiz.questions if q.type == "ordering")
    open_quiz(page, base + f"en/quizzes/{quiz.id}/")
    box = card(page, question.id)
    steps = [text(s.text, "en") for s in handbook.rules()[question.procedure_id].steps]
    first = box.locator(".hb-step-text").first.inner_text()
    down = box.locator(".hb-step").first.locator('[data-hb-move="down"]')
    assert down.get_attribute("aria-label") == f"Move down: {first}"
    down.focus()
    page.keyboard.press("Enter")
    assert box.locator(".hb-step-text").nth(1).inner_text() == first
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") in (
        f"Move down: {first}",
        f"Move up: {first}",
    )
    assert page.locator("[aria-live=polite]").last.inner_text() == f"“{first}” moved to position 2"
    # Put them right with the keyboard alone, then check.
    for position, step in enumerate(steps):
        while box.locator(".hb-step-text").all_inner_texts().index(step) != position:
            at = box.locator(".hb-step-text").all_inner_texts().index(step)
            box.locator(".hb-step").nth(at).locator('[data-hb-move="up"]').focus()
            page.keyboard.press(" ")
    box.get_by_role("button", name="Check answer").focus()
    page.keyboard.press("Enter")
    assert box.locator(".hb-feedback").inner_text().startswith("Correct.")


@pytest.mark.parametrize(
    "raw, notice",
    [
        ("{not json", "已损坏"),
        (
            json.dumps(
                {
                    "v": 1,
                    "mode": "practice",
                    "practice": {
                        "order": ["000-8.1-q2"],
                        "answers": {"000-8.1-q2": {"h": "old-fingerprint", "v": 0}, "000-8.1-q99": {"h": "x", "v": 1}},
                    },
                }
            ),
            "2道已改动或删除的题",
        ),
    ],
)
def test_corrupt_or_outdated_progress_leaves_a_working_quiz_and_a_notice(page, base, questions, raw, notice):
    page.goto(base + EMERGENCIES)
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY_8, raw])
    open_quiz(page, base + EMERGENCIES)
    assert notice in page.locator(".hb-notice").inner_text()
    assert len(shown_ids(page)) == 6
    first = shown_ids(page)[0]
    choose(page, questions[first])
    card(page, first).get_by_role("button", name="检查答案").click()
    assert card(page, first).locator(".hb-feedback").inner_text().startswith("回答正确。")
    saved = json.loads(page.evaluate("(key) => localStorage.getItem(key)", KEY_8))
    assert saved["v"] == 1 and first in saved["practice"]["answers"]


def test_blocked_storage_leaves_a_working_quiz_and_a_notice(chromium, base, questions):
    with storage_blocked(chromium) as page:
        open_quiz(page, base + "en/" + EMERGENCIES)
        assert "does not allow saving" in page.locator(".hb-notice").inner_text()
        first = shown_ids(page)[0]
        choose(page, questions[first], lang="en")
        card(page, first).get_by_role("button", name="Check answer").click()
        assert card(page, first).locator(".hb-feedback").inner_text().startswith("Correct.")


def test_the_quiz_starts_after_instant_navigation(page, base, questions):
    follow_instantly(page, base + "quizzes/", "第8章 服务中的应急与突发事件处理", EMERGENCIES, ".hb-quiz-status")
    assert len(shown_ids(page)) == 6


def test_the_onboarding_path_shows_progress_after_a_quiz(page, base, questions):
    page.goto(base + "onboarding/")
    assert page.locator("[data-hb-progress]").inner_text() == "已通过0/26章测验 · 最终考核：未参加"
    open_quiz(page, base + "quizzes/000-1/")  # opened, but no exam taken
    open_quiz(page, base + EMERGENCIES)
    page.get_by_role("button", name="考试模式").click()
    for n, question_id in enumerate(shown_ids(page)):
        choose(page, questions[question_id], right=n != 0)
    page.get_by_role("button", name="交卷").click()
    page.goto(base + "onboarding/")
    assert page.locator("[data-hb-progress]").inner_text() == "已通过1/26章测验 · 最终考核：未参加"
    assert page.locator('[data-hb-best="000-8"]').inner_text() == "83.3% (5/6)"
    assert page.locator('[data-hb-status="000-8"]').inner_text() == "已通过"
    assert page.locator('[data-hb-status="000-1"]').inner_text() == "未开始"
    assert page.locator("progress").evaluate("p => [p.value, p.max]") == [1, 27]
    # The quiz index shows the same best score.
    page.goto(base + "en/quizzes/")
    assert page.locator('[data-hb-best="000-8"]').inner_text() == "83.3% (5/6)"


def test_the_completion_record_keeps_the_name_and_prints_it_without_the_site(page, base):
    page.goto(base + "onboarding/")
    page.get_by_label("新员工姓名").fill("王芳")
    page.reload()
    assert page.get_by_label("新员工姓名").input_value() == "王芳"
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".hb-record-fields", ".md-button"):
        assert page.locator(hidden).count() and page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(".hb-record-title").is_visible()
    assert page.locator('[data-hb-print="field_learner"]').inner_text() == "王芳"
    assert page.get_by_text("培训师签名").is_visible()


def test_the_final_assessment_draws_from_every_chapter_and_keeps_its_draw(page, base, handbook):
    open_quiz(page, base + "onboarding/final/")
    assert page.locator(".hb-quiz-modes").count() == 0, "exam mode only"
    drawn = shown_ids(page)
    assert len(drawn) == handbook.onboarding.final_questions == 40
    assert len(set(drawn)) == 40
    chapters = {q.id: quiz.id for quiz in handbook.quizzes for q in quiz.questions}
    assert {chapters[i] for i in drawn} == {quiz.id for quiz in handbook.quizzes}
    page.reload()
    page.locator(".hb-quiz-status").wait_for()
    assert shown_ids(page) == drawn
    assert page.locator(".hb-quiz-status").inner_text() == "已答0/40题"


def test_a_paper_quiz_prints_no_answers_and_its_key_prints_them(page, base, questions):
    page.goto(base + "quizzes/000-8-paper/")
    page.evaluate("() => { window.print = () => { window.printed = true } }")
    page.get_by_role("button", name="打印纸质测验").click()
    assert page.evaluate("() => window.printed === true")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".hb-paper-actions"):
        assert page.locator(hidden).count() and page.locator(hidden).first.is_hidden(), hidden
    paper = pdf_pages(page.pdf(format="A4"))
    printed = "".join(paper)
    assert printed.startswith(shown("纸质测验：第8章 服务中的应急与突发事件处理"))
    for question in questions.values():
        if question.id.startswith("000-8"):
            assert shown(text(question.question, "zh")) in printed
            assert shown(text(question.explanation, "zh")) not in printed
    assert "姓名" in printed and "阅卷人" in printed
    page.goto(base + "quizzes/000-8-key/")
    page.emulate_media(media="print")
    key = "".join(pdf_pages(page.pdf(format="A4")))
    answers = page.locator(".hb-key-answer").all_inner_texts()
    assert len(answers) == 6 and all(answers)
    for question in questions.values():
        if question.id.startswith("000-8"):
            assert shown(text(question.explanation, "zh"))[:20] in key


def test_a_two_line_question_stays_inside_its_box_on_a_phone(chromium, base):
    """On a 390 px phone most questions wrap; the legend was drawn across the fieldset's top border."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        for url in (base + "quizzes/001-5/", base + "en/quizzes/001-5/"):
            open_quiz(page, url)
            boxes = page.locator(".hb-q").evaluate_all("""nodes => nodes.map(li => {
                const set = li.querySelector('fieldset').getBoundingClientRect();
                const text = li.querySelector('.hb-q-text');
                const lines = text.getClientRects().length;
                const own = text.getBoundingClientRect();
                const border = parseFloat(getComputedStyle(li.querySelector('fieldset')).borderTopWidth);
                return {id: li.dataset.hbQuestion, lines, height: own.height,
                        lineHeight: parseFloat(getComputedStyle(text).lineHeight),
                        inside: own.top >= set.top + border && own.bottom <= set.bottom
                                && own.left >= set.left && own.right <= set.right};
            })""")
            wrapped = [b for b in boxes if b["height"] > 1.5 * b["lineHeight"]]
            assert wrapped, f"no question wraps to two lines at 390 px on {url}"
            assert [b["id"] for b in boxes if not b["inside"]] == [], url
    finally:
        context.close()


def test_a_reload_keeps_the_option_order_and_a_new_attempt_reshuffles_it(page, base):
    open_quiz(page, base + "quizzes/000-2/")

    def layout():
        return [
            (li.get_attribute("data-hb-question"), tuple(li.locator(".hb-opt-text, .hb-step-text").all_inner_texts()))
            for li in page.locator(".hb-q").all()
        ]

    first = layout()
    seed = page.evaluate("() => JSON.parse(localStorage.getItem('handbook.quiz.000-2')).practice.seed")
    assert isinstance(seed, int)
    page.reload()
    page.locator(".hb-quiz-status").wait_for()
    assert layout() == first, "the same questions and options in the same order after a reload"
    page.get_by_role("button", name="重新开始").click()
    assert page.evaluate("() => JSON.parse(localStorage.getItem('handbook.quiz.000-2')).practice.seed") != seed
    second = dict(layout())
    assert any(second[qid] != options for qid, options in first if len(options) > 2), (
        "a new attempt, the same option order"
    )


def test_ordering_questions_never_start_in_the_right_order(page, base, handbook):
    ordering = [(quiz.id, q) for quiz in handbook.quizzes for q in quiz.questions if q.type == "ordering"]
    assert ordering
    for quiz_id, question in ordering[:4]:
        open_quiz(page, base + f"quizzes/{quiz_id}/")
        for _ in range(3):
            shown_steps = card(page, question.id).locator(".hb-step-text").all_inner_texts()
            assert shown_steps != steps_of(question.procedure_id, "zh") and sorted(shown_steps) == sorted(
                steps_of(question.procedure_id, "zh")
            )
            page.get_by_role("button", name="重新开始").click()


def test_an_option_is_marked_by_what_it_says_wherever_it_is_shown(page, base, questions):
    open_quiz(page, base + "quizzes/000-2/")
    singles = [qid for qid in shown_ids(page) if questions[qid].type == "single"]
    for qid in singles[:3]:
        box = card(page, qid)
        shown_texts = box.locator(".hb-opt-text").all_inner_texts()
        [right] = [o for o in questions[qid].options if o.correct]
        place = shown_texts.index(text(right.text, "zh"))
        box.locator(".hb-opt input").nth(place).check()
        box.get_by_role("button", name="检查答案").click()
        assert card(page, qid).locator(".hb-feedback").inner_text().startswith("回答正确。"), (qid, place)


def test_an_exam_result_and_the_onboarding_record_give_the_trainer_item_statistics(
    page, base, questions, tmp_path, capsys
):
    """Take an exam, download the result and the onboarding record, and run hb item-stats on them."""
    from handbook.cli import main

    open_quiz(page, base + EMERGENCIES)
    page.get_by_role("button", name="考试模式").click()
    ids = shown_ids(page)
    for n, question_id in enumerate(ids):
        choose(page, questions[question_id], right=n != 2)  # the third shown is answered wrong
    page.get_by_role("button", name="交卷").click()
    folder = tmp_path / "results"
    folder.mkdir()
    with page.expect_download() as caught:
        page.get_by_role("button", name="下载成绩文件（交培训负责人统计）").click()
    assert caught.value.suggested_filename.startswith("quiz-result-000-8-")
    caught.value.save_as(folder / caught.value.suggested_filename)
    exported = json.loads((folder / caught.value.suggested_filename).read_text(encoding="utf-8"))
    assert (exported["format"], exported["version"], exported["quiz"]) == ("handbook-quiz-result", 1, "000-8")
    assert [item["id"] for item in exported["items"]] == ids
    assert [item["right"] for item in exported["items"]] == [n != 2 for n in range(len(ids))]
    # The chosen options are named by their letter in the paper quiz's (the bank's) order.
    for item in exported["items"]:
        q = questions[item["id"]]
        if q.type == "single":
            assert [q.options["ABCDEFGHIJ".index(letter)].correct for letter in item["chosen"]] == [item["right"]]
    page.goto(base + "onboarding/")
    page.get_by_label("新员工姓名").fill("王芳")
    with page.expect_download() as caught:
        page.get_by_role("button", name="下载学习记录（交培训负责人统计）").click()
    caught.value.save_as(folder / "record.json")
    record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    assert record["format"] == "handbook-onboarding-record" and record["learner"] == "王芳"
    [taken] = [entry for entry in record["quizzes"] if entry["exam"]]
    assert taken["quiz"] == "000-8" and [i["id"] for i in taken["exam"]["items"]] == ids

    assert main(["item-stats", str(folder), "--min-attempts", "1"]) == 0
    printed = capsys.readouterr().out
    # The same exam, in the result and in the record, counts once: one attempt, each question 100% or 0%.
    assert printed.startswith("1 exam attempt(s) from 2 file(s); 1 exported twice, counted once.")
    rows = {line.split()[0]: line.split()[1:] for line in printed.splitlines() if line.startswith("000-8.")}
    assert set(rows) == set(ids)
    for n, qid in enumerate(ids):
        assert rows[qid][:3] == (["1", "0", "0%"] if n == 2 else ["1", "1", "100%"]), qid
        assert ("everyone wrong" if n == 2 else "everyone right") in " ".join(rows[qid])


@pytest.mark.parametrize("lang,prefix,check", [("zh", "", "检查答案"), ("en", "en/", "Check answer")])
def test_the_explanation_says_when_the_rule_is_a_suggestion_or_rests_on_a_disputed_source(
    page, base, questions, lang, prefix, check
):
    # Issue 19: 002-1.1-q2 tests only a suggestion (问1); 000-4.5-q2 rests on a disputed citation only.
    from handbook.generate.rule_notes import NOTES

    for quiz, qid, key in (("002-1", "002-1.1-q2", "recommendation"), ("000-4", "000-4.5-q2", "disputed")):
        open_quiz(page, base + prefix + f"quizzes/{quiz}/")
        question = questions[qid]
        choose(page, question, lang)
        box = card(page, qid)
        box.get_by_role("button", name=check).click()
        note = box.locator(f".hb-feedback .hb-quiz-note.hb-note--{key}")
        assert note.inner_text() == NOTES[key][lang]
