"""The item-writing rules and the guessability budgets of the question banks.

Each check is shown a small bad bank written here by hand, one question per
line (YAML flow style), so that question k of a bank is on line 3 + k and every
expected file:line below is counted by hand. The last tests hold the real banks
to the budgets.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from conftest import ROOT
from handbook import ContentError, load_handbook
from handbook import guessability as g
from handbook.loader import read_handbook
from handbook.problems import Problems

BANK = "quizzes/900-1.yml"
HEAD = 'chapter: "900-1"\nquestions:\n'  # lines 1-2; line 3 is this comment line:
STAMP = "00000000"


def _text(zh: str, en: str = "Text") -> str:
    return f'{{zh: "{zh}", en: "{en}", en_from_zh: "{STAMP}"}}'


def tf(n: int, zh: str, answer: bool, requirement: str = "900-1.1-r1") -> str:
    return (
        f'  - {{id: "900-1.1-q{n}", type: true-false, section: "900-1.1", requirements: ["{requirement}"], '
        f"question: {_text(zh)}, answer: {str(answer).lower()}, explanation: {_text('说明')}}}"
    )


def choice(
    n: int,
    kind: str,
    options: list[tuple[str, bool]],
    requirements: str = '["900-1.1-r1"]',
    feedback: list[str] | None = None,
) -> str:
    """options: (Chinese text, correct); every wrong option gets its own feedback unless `feedback` is given."""
    written = []
    for i, (zh, correct) in enumerate(options):
        if correct:
            written.append(f"{{text: {_text(zh)}, correct: true}}")
        else:
            said = feedback[i] if feedback is not None else f"第{i + 1}项与要求不符"
            written.append(
                f"{{text: {_text(zh)}}}" if said is None else f"{{text: {_text(zh)}, feedback: {_text(said)}}}"
            )
    cites = f"requirements: {requirements}, " if requirements else ""
    return (
        f'  - {{id: "900-1.1-q{n}", type: {kind}, section: "900-1.1", {cites}question: {_text("问题")}, '
        f"options: [{', '.join(written)}], explanation: {_text('说明')}}}"
    )


def write_bank(content, *questions: str):
    path = content / BANK
    path.write_text(HEAD + "  # question k is on line 3 + k\n" + "\n".join(questions) + "\n", encoding="utf-8")
    return path


def budgets(content) -> list[str]:
    problems = Problems(content.parent)
    handbook = read_handbook(content, problems)
    assert not problems.errors, problems.errors
    found = Problems(content.parent)
    g.check_guessability(handbook.quizzes, found)
    return [str(p) for p in found.sorted()]


def content_errors(content) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_handbook(content, root=content.parent, strict=False)
    return [str(p) for p in raised.value.problems]


FILE = "content/quizzes/900-1.yml"
FOLDER = "content/quizzes"


# --- True/false ---------------------------------------------------------------


def test_cue_words_that_give_false_away_are_named_with_file_and_line(content):
    write_bank(
        content,
        tf(1, "服务人员只需记录投诉结果。", False),  # line 4: cue 只, false
        tf(2, "投诉处理完毕后即可关闭。", False),  # line 5: cue 即可, false
        tf(3, "服务人员应及时处理投诉。", True),  # line 6: no cue, true
        tf(4, "所有投诉一律由主管处理。", False),  # line 7: cues 一律 and 所有, false
        tf(5, "服务人员应记录投诉内容。", True),
    )  # line 8: no cue, true
    found = budgets(content)
    # 5 of 5 answered right by the cue strategy: 100% > 60%, in the bank and over all banks.
    bank = [p for p in found if "in bank 900-1" in p and "cue word" in p]
    assert len(bank) == 1 and bank[0].startswith(f"{FILE}:1: error: true/false in bank 900-1: ")
    assert "scores 100% of 5 (at most 60%)" in bank[0]
    assert f"{FILE}:4 (只), :5 (即可), :7 (一律、所有); true statements without one: 2" in bank[0]
    assert any(p.startswith(f"{FOLDER}:1: error: true/false over all banks: answering 'false'") for p in found)
    assert not any("answering 'true'" in p for p in found)  # the opposite strategy scores 0%
    assert not any("statements are true" in p for p in found)  # 2 of 5 true: 40% is balanced


def test_qualifiers_in_true_statements_are_held_by_the_opposite_strategy(content):
    write_bank(
        content,
        tf(1, "服务人员只需记录投诉结果。", False),  # cue, false: strategy right
        tf(2, "投诉一律当日登记。", True),  # cue, true: strategy wrong
        tf(3, "服务人员可以拒绝客户。", False),  # no cue, false: strategy wrong
        tf(4, "服务人员应及时处理投诉。", True),  # no cue, true: strategy right
        tf(5, "所有投诉都应记录。", True),  # cue, true: strategy wrong
        tf(6, "投诉可以不记录。", False),
    )  # no cue, false: strategy wrong
    # The cue strategy scores 2 of 6 (33%), its opposite 4 of 6 (67% > 60%, judged over all banks only).
    found = budgets(content)
    assert not any("answering 'false'" in p for p in found)
    [opposite] = [p for p in found if "answering 'true'" in p]
    assert opposite.startswith(f"{FOLDER}:1: error: true/false over all banks: ")
    assert "scores 67% of 6" in opposite and f"{FILE}:5 (一律), :8 (所有)" in opposite


def test_a_bank_of_mostly_true_statements_is_unbalanced(content):
    write_bank(
        content,
        tf(1, "服务人员应及时处理投诉。", True),
        tf(2, "投诉一律当日登记。", True),
        tf(3, "服务人员应记录投诉内容。", True),
        tf(4, "只有主管可以关闭投诉。", False),
    )
    # 3 of 4 true: 75% is the bank's limit but over all banks (40-60%) too many.
    found = budgets(content)
    assert not any("in bank 900-1" in p and "statements are true" in p for p in found)
    assert (
        f"{FOLDER}:1: error: true/false over all banks: 3 of 4 statements are true (75%); keep the share "
        "between 40% and 60% (rewrite some statements to the other answer, so that always answering "
        "'true' does not pass)" in found
    )
    write_bank(content, *(tf(n, "服务人员应及时处理投诉。", True) for n in range(1, 5)))
    assert any(
        p.startswith(f"{FILE}:1: error: true/false in bank 900-1: 4 of 4 statements are true (100%)")
        for p in budgets(content)
    )


def test_small_banks_are_not_judged(content):
    write_bank(content, tf(1, "服务人员只需记录投诉结果。", False), tf(2, "服务人员应及时处理投诉。", True))
    assert budgets(content) == []  # 2 items: 100% by the cue strategy says nothing


# --- Single choice ------------------------------------------------------------

LONG_KEY = [("及时受理并调查核实后反馈客户", True), ("直接处罚员工", False), ("存档了事", False)]


def test_the_longest_option_as_key_is_named(content):
    write_bank(content, *(choice(n, "single", LONG_KEY) for n in range(1, 6)))  # lines 4-8
    found = budgets(content)
    [bank] = [p for p in found if "in bank 900-1" in p and "longest" in p]
    assert bank.startswith(
        f"{FILE}:1: error: single choice in bank 900-1: always choosing the longest option "
        "scores 100% of 5 (chance 33%, at most 43%); the key is the longest option at "
        f"{FILE}:4, :5, :6, :7, :8"
    )
    assert not any("shortest" in p for p in found)


def test_the_shortest_option_as_key_is_named(content):
    short = [("存档", True), ("直接处罚员工", False), ("调查核实后不反馈客户", False)]
    even = [("及时受理", True), ("直接处罚", False), ("不予理睬", False)]  # all as long: 1/3 each
    write_bank(
        content,
        *(choice(n, "single", short) for n in range(1, 4)),
        choice(4, "single", even),
        choice(5, "single", even),
    )
    # shortest: 1 + 1 + 1 + 1/3 + 1/3 = 11/3 of 5 = 73%; chance 33% + 10.
    [bank] = [p for p in budgets(content) if "in bank 900-1" in p and "shortest" in p]
    assert "scores 73% of 5" in bank and bank.endswith(
        f"the key is the shortest option at {FILE}:4, :5, :6 (make the options about equally long: "
        "a distractor as complete and qualified as the key)"
    )


def test_tied_options_share_the_credit():
    from handbook.model import Origin, Question, QuizOption, Text

    def question(options):
        o = Origin(ROOT, 1)
        return Question(
            "x",
            "single",
            "s",
            [],
            None,
            Text("问", "q", "", o),
            [QuizOption(Text(zh, "", "", o), correct, None, o) for zh, correct in options],
            None,
            Text("说", "e", "", o),
            o,
        )

    # The key is one of the two longest: the strategy picks it half the time.
    assert g.extreme_option_credit(question([("甲乙丙", True), ("丁戊己", False), ("庚", False)]), True) == Fraction(
        1, 2
    )
    assert g.extreme_option_credit(question([("甲乙丙", False), ("丁戊己", False), ("庚", True)]), True) == 0
    assert g.extreme_option_credit(question([("甲 乙", False), ("丁戊己", False), ("庚", True)]), False) == 1
    # The middle strategy picks among the options neither longest nor shortest: here 乙乙 and 丙丙, one the key.
    assert g.middle_option_credit(
        question([("甲甲甲", False), ("乙乙", True), ("丙丙", False), ("丁", False)])
    ) == Fraction(1, 2)
    assert g.middle_option_credit(question([("甲甲", False), ("乙乙", True), ("丙丙", False)])) == Fraction(1, 3)
    # A length two options share is no extreme: the two longest stay in the middle group, the unique shortest not.
    assert g.middle_option_credit(
        question([("甲甲甲", True), ("乙乙乙", False), ("丙丙", False), ("丁", False)])
    ) == Fraction(1, 3)
    assert g.middle_option_credit(question([("甲甲甲", False), ("乙乙乙", False), ("丙丙", False), ("丁", True)])) == 0


MIDDLE_KEY = [("甲甲甲甲", False), ("乙乙乙", True), ("丙丙", False), ("丁", False)]  # middle group: 乙乙乙, 丙丙


def test_a_key_kept_away_from_both_extremes_is_named(content):
    longest_key = [("甲甲甲甲", True), ("乙乙乙", False), ("丙丙", False), ("丁", False)]
    write_bank(
        content,
        *(choice(n, "single", MIDDLE_KEY) for n in range(1, 5)),  # lines 4-7
        choice(5, "single", longest_key),
    )  # line 8
    # middle: 1/2 + 1/2 + 1/2 + 1/2 + 0 = 2 of 5 = 40%; chance 25% + 10 = 35%. Longest 20%, shortest 0%.
    found = budgets(content)
    [bank] = [p for p in found if "in bank 900-1" in p and "neither the longest" in p]
    assert bank == (
        f"{FILE}:1: error: single choice in bank 900-1: choosing among the options that are neither "
        "the longest nor the shortest scores 40% of 5 (chance 25%, at most 35%); the key is neither "
        f"the longest nor the shortest option at {FILE}:4, :5, :6, :7 (let the key be the longest "
        "option in about a quarter of the questions and the shortest in about a quarter: shorten or "
        "lengthen the key or a distractor without changing what it says)"
    )
    assert any(
        p.startswith(f"{FOLDER}:1: error: single choice over all banks: choosing among the options") for p in found
    )
    assert not any("longest option scores" in p or "shortest option scores" in p for p in found)
    # One more question keyed at the longest option brings it to 2 of 6 = 33%: within the budget.
    write_bank(
        content,
        *(choice(n, "single", MIDDLE_KEY) for n in range(1, 5)),
        *(choice(n, "single", longest_key) for n in (5, 6)),
    )
    assert not any("neither the longest" in p for p in budgets(content))


# --- Multiple choice ----------------------------------------------------------


def test_multiple_choice_with_one_wrong_option_is_limited_to_a_quarter(content):
    one_wrong = [("记录投诉", True), ("反馈结果", True), ("核实内容", True), ("删除记录", False)]
    two_wrong = [("记录投诉", True), ("删除记录", False), ("反馈结果", True), ("拖到月底", False)]
    write_bank(
        content,
        choice(1, "multiple", one_wrong),
        choice(2, "multiple", two_wrong),
        choice(3, "multiple", one_wrong),
        choice(4, "multiple", two_wrong),
    )
    # 2 of 4 (50%) have exactly one wrong option.
    [found] = [p for p in budgets(content) if "one wrong option" in p]
    assert found.startswith(
        f"{FOLDER}:1: error: multiple choice over all banks: 2 of 4 questions (50%) have "
        f"exactly one wrong option (at most 25%): {FILE}:4, :6 ("
    )


# --- Positions ----------------------------------------------------------------


def test_keys_piled_on_one_position_are_found(content):
    first = [("及时处理", True), ("拖到月底", False), ("不予理睬", False)]
    write_bank(content, *(choice(n, "single", first) for n in range(1, 6)))
    found = [p for p in budgets(content) if "single choice over all banks: option" in p]
    # Position 1 holds 5 of 5 keys (100%) where chance gives 33%; positions 2 and 3 none.
    assert found == [
        f"{FOLDER}:1: error: single choice over all banks: option 1 is correct in 5 of the 5 questions that have it "
        f"(100%); chance gives 33% ± 10%; keyed there: {FILE}:4, :5, :6, :7, :8 (move some keys to other positions "
        "(the order in the YAML is the order the paper quiz prints))",
        f"{FOLDER}:1: error: single choice over all banks: option 2 is correct in 0 of the 5 questions that have it "
        "(0%); chance gives 33% ± 10% (move some keys to other positions (the order in the YAML is the order the "
        "paper quiz prints))",
        f"{FOLDER}:1: error: single choice over all banks: option 3 is correct in 0 of the 5 questions that have it "
        "(0%); chance gives 33% ± 10% (move some keys to other positions (the order in the YAML is the order the "
        "paper quiz prints))",
    ]


def test_spread_keys_and_multiple_choice_positions_pass(content):
    texts = ["及时处理", "拖到月底", "不予理睬"]

    def keyed_at(n, k):
        return choice(n, "single", [(t, i == k) for i, t in enumerate(texts)])

    write_bank(
        content,
        keyed_at(1, 0),
        keyed_at(2, 1),
        keyed_at(3, 2),
        keyed_at(4, 0),
        keyed_at(5, 1),
        keyed_at(6, 2),
        # multiple choice: 2 right of 4 in each, so chance is 50% at every position; 2/4 at each here
        choice(7, "multiple", [("记录", True), ("删除", False), ("反馈", True), ("拖延", False)]),
        choice(8, "multiple", [("删除", False), ("记录", True), ("拖延", False), ("反馈", True)]),
        choice(9, "multiple", [("记录", True), ("删除", False), ("拖延", False), ("反馈", True)]),
        choice(10, "multiple", [("删除", False), ("记录", True), ("反馈", True), ("拖延", False)]),
        choice(11, "multiple", [("记录", True), ("反馈", True), ("删除", False), ("拖延", False)]),
        choice(12, "multiple", [("删除", False), ("拖延", False), ("记录", True), ("反馈", True)]),
    )
    assert budgets(content) == []


def test_multiple_choice_positions_count_every_correct_option(content):
    always = [("记录", True), ("反馈", True), ("删除", False), ("拖延", False)]
    write_bank(content, *(choice(n, "multiple", always) for n in range(1, 6)))
    found = [p for p in budgets(content) if "multiple choice over all banks: option" in p]
    assert [p.split(" (move")[0].split("; keyed")[0] for p in found] == [
        f"{FOLDER}:1: error: multiple choice over all banks: option {n} is correct in {k} of the 5 questions that "
        f"have it ({share}); chance gives 50% ± 10%"
        for n, k, share in ((1, 5, "100%"), (2, 5, "100%"), (3, 0, "0%"), (4, 0, "0%"))
    ]


def test_a_position_few_questions_have_is_not_judged(content):
    texts = ["及时处理", "拖到月底", "不予理睬"]
    write_bank(
        content,
        *(choice(n, "single", [(t, i == n % 3) for i, t in enumerate(texts)]) for n in range(1, 7)),
        choice(7, "single", [("甲项", True), ("乙项", False), ("丙项", False), ("丁项", False)]),
    )
    assert not any("option 4" in p for p in budgets(content))  # one question has a fourth option


# --- Item rules (content errors: they stop the build) -------------------------


def test_all_or_none_of_the_above_is_an_error(content):
    write_bank(
        content,
        choice(1, "single", [("及时处理", True), ("拖到月底", False), ("以上都不对", False)]),
        choice(2, "multiple", [("记录", True), ("反馈", True), ("删除", False), ("以上均正确", False)]),
    )
    errors = content_errors(content)
    assert (
        f"{FILE}:4: error: question '900-1.1-q1': the option '以上都不对' is an \"all/none of the above\" option "
        "(以上都) (write an option that is a statement of its own; a reader answers these from their form)" in errors
    )
    assert any(e.startswith(f"{FILE}:5: error: question '900-1.1-q2': the option '以上均正确'") for e in errors)


def test_all_of_the_above_in_english_is_an_error(content):
    path = write_bank(content, choice(1, "single", [("及时处理", True), ("拖到月底", False), ("不予理睬", False)]))
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '{zh: "不予理睬", en: "Text"', '{zh: "不予理睬", en: "None of the above"'
        ),
        encoding="utf-8",
    )
    assert any(
        e.startswith(f"{FILE}:4: error: question '900-1.1-q1': the option 'None of the above'")
        for e in content_errors(content)
    )


def test_a_wrong_option_without_feedback_is_an_error(content):
    write_bank(
        content,
        choice(
            1,
            "single",
            [("及时处理", True), ("拖到月底", False), ("不予理睬", False)],
            feedback=[None, "手册要求及时处理", None],
        ),
    )
    assert (
        f"{FILE}:4: error: question '900-1.1-q1': the wrong option '不予理睬' has no feedback (add feedback: "
        "(zh and en) naming the rule of the handbook this option contradicts)" in content_errors(content)
    )


def test_the_same_feedback_on_every_wrong_option_is_an_error(content):
    write_bank(
        content,
        choice(
            1,
            "single",
            [("及时处理", True), ("拖到月底", False), ("不予理睬", False)],
            feedback=[None, "手册要求及时处理", "手册要求及时处理"],
        ),
        # two of three distractors may share a rule's feedback
        choice(
            2,
            "single",
            [("及时处理", True), ("拖到月底", False), ("不予理睬", False), ("转给别人", False)],
            feedback=[None, "手册要求及时处理", "手册要求及时处理", "手册要求由受理人处理"],
        ),
    )
    errors = [e for e in content_errors(content) if "same feedback" in e]
    assert errors == [
        f"{FILE}:4: error: question '900-1.1-q1': every wrong option has the same feedback "
        "(say, for each wrong option, which rule it contradicts and how)"
    ]


def test_multiple_choice_needs_two_right_options(content):
    write_bank(content, choice(1, "multiple", [("记录", True), ("删除", False), ("拖延", False)]))
    assert (
        f"{FILE}:4: error: multiple-choice question '900-1.1-q1' has 1 correct option(s), fewer than 2 "
        "(make it type: single, or ask about something with several right answers)" in content_errors(content)
    )


def test_a_question_must_cite_a_requirement_of_its_section(content):
    write_bank(
        content, choice(1, "single", [("及时处理", True), ("拖到月底", False), ("不予理睬", False)], requirements="")
    )
    assert (
        f"{FILE}:4: error: question '900-1.1-q1' cites no requirement of section 900-1.1 (list the requirements "
        'it tests under requirements:, e.g. "900-1.1-r1")' in content_errors(content)
    )


def test_an_ordering_question_must_name_its_procedure(content):
    write_bank(
        content,
        '  - {id: "900-1.1-q1", type: ordering, section: "900-1.1", '
        f"question: {_text('排序')}, explanation: {_text('说明')}}}",
    )
    assert f"{FILE}:4: error: questions[0]: missing 'procedure' (add 'procedure:')" in content_errors(content)


# --- The real banks -----------------------------------------------------------


def test_the_real_banks_hold_every_guessability_budget():
    problems = Problems(ROOT)
    handbook = read_handbook(ROOT / "checklists", problems)
    assert "quizzes" not in handbook.unread
    found = Problems(ROOT)
    g.check_guessability(handbook.quizzes, found)
    everything = g.scores("all banks", g.located(handbook.quizzes))
    report = "\n".join(map(str, found.sorted())) + "\n" + g.table(handbook.quizzes)
    assert not found.errors, report
    # The budgets themselves, over all banks, as the item-writing rules state them.
    assert everything.tf_cue <= 0.60 and everything.tf_cue_opposite <= 0.60, report
    assert 0.40 <= everything.tf_true_share <= 0.60, report
    assert everything.single_longest <= everything.single_chance + 0.10, report
    assert everything.single_shortest <= everything.single_chance + 0.10, report
    assert everything.single_middle <= everything.single_chance + 0.10, report
    assert everything.mc_one_wrong_share <= 0.25, report


def test_the_cue_strategy_on_the_real_banks_as_the_issue_measured_it():
    """The issue's own figure: with 只/不必/无需/即可 as cue words, the strategy must now stay under the budget."""
    problems = Problems(ROOT)
    handbook = read_handbook(ROOT / "checklists", problems)
    statements = [q for q in handbook.questions() if q.type == "true-false"]
    right = sum((not any(w in q.question.zh for w in ("只", "不必", "无需", "即可"))) == q.answer for q in statements)
    assert right / len(statements) <= 0.60, f"{right} of {len(statements)}"
