"""Quiz pages, paper quizzes, answer keys, the onboarding path and the GIFT export, from the fixture bank."""

from __future__ import annotations

import html
import json
import re

import yaml

from handbook import load_handbook
from handbook.generate import build_files, build_pages
from handbook.generate.onboarding import reading_minutes
from support.gift import parse


def pages_of(content, lang, strict=True):
    handbook, _ = load_handbook(content, strict=strict)
    return {page.path: page for page in build_pages(handbook, lang)}


def quiz_data(markdown: str) -> list[dict]:
    found = re.search(r'<div class="hb-quiz-data" hidden>(.*?)</div>', markdown)
    return json.loads(html.unescape(found.group(1)))


def test_a_chapter_quiz_carries_its_questions_answers_and_sources(content):
    page = pages_of(content, "en")["quizzes/900-1.md"].markdown
    assert page.startswith('---\ntitle: "Quiz: Chapter 1 Example chapter"')
    assert 'data-hb-quiz="900-1"' in page and 'data-hb-pass="75"' in page
    assert "Pass mark: 75% (this organisation’s setting, not a rule of the manuals)." in page
    single, multiple, judge, ordering = quiz_data(page)
    assert single["q"] == "How should service staff handle a complaint?"
    assert [o.get("c") for o in single["o"]] == [1, None, None]
    assert single["o"][1]["f"] == "The handbook says to handle each complaint promptly."
    assert single["src"] == {"href": "../../manuals/900/1/1.1/#900-1.1-r1", "label": "900 §1.1 Handling a complaint"}
    assert judge["a"] is False and "o" not in judge
    # The steps come from the procedure, in the handbook's order; the widget shuffles them.
    assert ordering["steps"] == ["Reassure the customer.", "Report to the supervisor.", "Follow up the outcome."]
    assert multiple["type"] == "multiple" and sum(o.get("c", 0) for o in multiple["o"]) == 2
    # Links for trainers, and the sections the quiz tests.
    assert '<a href="../900-1-paper/">paper quiz</a>' in page and '<a href="../900-1-key/">answer key</a>' in page
    assert "[1.1 Handling a complaint](../manuals/900/1/1.1.md)" in page


def test_a_question_that_changes_gets_a_new_fingerprint_and_the_others_keep_theirs(content):
    before = {q["id"]: q["h"] for q in quiz_data(pages_of(content, "zh")["quizzes/900-1.md"].markdown)}
    path = content / "quizzes/900-1.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("zh: 月底统一处理", "zh: 每周统一处理"), encoding="utf-8")
    after = {q["id"]: q["h"] for q in quiz_data(pages_of(content, "zh", strict=False)["quizzes/900-1.md"].markdown)}
    assert [i for i in before if before[i] != after[i]] == ["900-1.1-q1"]


def test_the_paper_quiz_shows_no_answers_and_the_key_shows_them_in_the_same_letters(content):
    pages = pages_of(content, "zh")
    paper, key = pages["quizzes/900-1-paper.md"], pages["quizzes/900-1-key.md"]
    assert not paper.in_nav and not key.in_nav
    assert "search:\n  exclude: true" in paper.markdown
    for secret in ("服务人员应及时处理投诉。", "hb-key-answer", "correct", "data-hb-option"):
        assert secret not in paper.markdown
    # The paper prints the options in the bank's order; the key's letters point at the right one there.
    options = re.findall(
        r"<li><span class=\"hb-box\" aria-hidden=\"true\"></span><b>([A-D])\.</b> ([^<]+)</li>", paper.markdown
    )
    first_question = options[:3]
    assert first_question == [("A", "及时处理"), ("B", "等客户再次投诉后处理"), ("C", "月底统一处理")]
    answers = re.findall(r'<td class="hb-key-answer">([^<]+)</td>', key.markdown)
    assert len(answers) == 4
    assert dict(first_question)[answers[0]] == "及时处理"
    second = dict(options[3:6])
    assert {second[letter] for letter in answers[1].split("、")} == {"记录投诉", "反馈处理结果"}
    assert answers[2] == "错"
    # The ordering question's boxes, top to bottom, hold each step's position in the handbook's order.
    steps = re.findall(
        r'<li><span class="hb-box" aria-hidden="true"></span>([^<]+)</li>',
        paper.markdown.split('data-hb-question="900-1.1-q4"')[1],
    )
    handbook_order = ["安抚客户。", "上报主管。", "跟进结果。"]
    assert steps != handbook_order and sorted(steps) == sorted(handbook_order)
    assert answers[3].split() == [str(handbook_order.index(step) + 1) for step in steps]
    assert (
        "服务人员应及时处理投诉。" in key.markdown and '<a href="../../manuals/900/1/1.1/">900 §1.1</a>' in key.markdown
    )


def test_the_paper_quiz_prints_the_bank_order_and_the_key_follows_it(content):
    """Move the key of the first question to the last place in the YAML: the paper prints it
    last (C) and the key says C; the multiple-choice key follows its options too."""
    bank = content / "quizzes" / "900-1.yml"
    data = yaml.safe_load(bank.read_text(encoding="utf-8"))
    options = data["questions"][0]["options"]
    data["questions"][0]["options"] = options[1:] + options[:1]
    bank.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    pages = pages_of(content, "zh")
    paper, key = pages["quizzes/900-1-paper.md"], pages["quizzes/900-1-key.md"]
    printed = re.findall(r"<b>([A-D])\.</b> ([^<]+)</li>", paper.markdown)
    assert printed[:3] == [("A", "等客户再次投诉后处理"), ("B", "月底统一处理"), ("C", "及时处理")]
    assert printed[3:6] == [("A", "记录投诉"), ("B", "反馈处理结果"), ("C", "删除投诉记录")]
    answers = re.findall(r'<td class="hb-key-answer">([^<]+)</td>', key.markdown)
    assert answers[:2] == ["C", "A、B"]
    en = pages_of(content, "en")
    assert re.findall(r'<td class="hb-key-answer">([^<]+)</td>', en["quizzes/900-1-key.md"].markdown)[:2] == [
        "C",
        "A, B",
    ]


def test_the_onboarding_path_states_the_minimum_and_the_estimated_time(content):
    handbook, _ = load_handbook(content)
    chapter = handbook.chapters()[0]
    chinese = sum(len(re.findall(r"[\u3400-\u9fff]", text.zh)) for text in chapter.texts())
    assert reading_minutes(chapter, "zh", {"zh_characters": 10**6, "en_words": 1}) == 1
    assert reading_minutes(chapter, "zh", {"zh_characters": 1, "en_words": 1}) > chinese  # section texts count too
    page = pages_of(content, "en")["onboarding/index.md"].markdown
    assert "The handbook requires: Service staff receive no less than 8 hours of induction training." in page
    assert 'href="../manuals/900/1/1.1/#900-1.1-r2"' in page
    assert "## Stage 1: Example stage {#stage-1}" in page
    assert "[4 questions](../quizzes/900-1.md)" in page and 'data-hb-best="900-1"' in page
    config = json.loads(html.unescape(re.search(r'data-hb-onboarding="([^"]+)"', page).group(1)))
    assert config == {"quizzes": ["900-1"], "final": "final", "pass": 75}
    assert "Signature of the trainer" in page


def test_the_final_assessment_draws_from_every_bank(content):
    page = pages_of(content, "zh")["onboarding/final.md"].markdown
    assert 'data-hb-final="3"' in page and 'data-hb-quiz="final"' in page
    assert {q["ch"] for q in quiz_data(page)} == {"900-1"} and len(quiz_data(page)) == 4
    assert "共3道题" in page and "及格线75%" in page


def test_the_gift_files_hold_the_bank_in_each_language(content):
    handbook, _ = load_handbook(content)
    assert list(build_files(handbook, "zh")) == ["quizzes/handbook-questions-zh.gift"]
    files = build_files(handbook, "en")
    english = parse(files["quizzes/handbook-questions-en.gift"])
    assert [q.name for q in english] == ["900-1.1-q1", "900-1.1-q2", "900-1.1-q3", "900-1.1-q4"]
    assert english[3].answers == [
        ("Reassure the customer.", "1"),
        ("Report to the supervisor.", "2"),
        ("Follow up the outcome.", "3"),
    ]
    # A colon in the text is escaped, so the importer does not read it as GIFT syntax.
    assert "Complaint-handling steps\\: record" in files["quizzes/handbook-questions-en.gift"]
    assert english[1].general_feedback == "Complaint-handling steps: record the complaint, report the outcome."
    index = pages_of(content, "en")["quizzes/index.md"].markdown
    # Each site holds its own language's file and links to the other site's.
    assert '<a href="./handbook-questions-en.gift" download>' in index
    assert '<a href="../../quizzes/handbook-questions-zh.gift" download>' in index


def test_chapter_and_section_pages_link_to_their_quiz(content):
    pages = pages_of(content, "en")
    link = 'Test yourself: <a href="{up}quizzes/900-1/">Quiz: Chapter 1 Example chapter</a>'
    assert link.format(up="../../../../") in pages["manuals/900/1/1.1.md"].markdown
    assert link.format(up="../../../") in pages["manuals/900/1/index.md"].markdown
    assert "Test yourself" not in pages["manuals/900/1/1.2.md"].markdown  # no text, no questions
