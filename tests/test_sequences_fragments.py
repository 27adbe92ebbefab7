"""Issue 19d: lists versus sequences, fragments, and checklists that fit their moment.

Each planted error is written into a copy of the real content and must be reported at
the file and line an editor would open; the built pages must show a list as a list and
a fragment as a fragment, in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook.checks import check_handbook
from handbook.loader import read_handbook
from handbook.problems import Problems

# Read from the source (/work/shared/seeds/clean), not from the program: principles, kinds
# and suggestions the source lists without an order, and steps it numbers in dependence or
# with order words (先…再…后, PDCA).
UNORDERED = {
    "000-2.2-p1",
    "000-3.1-p1",
    "000-3.4-p1",
    "000-4.2-p1",
    "000-6.2-p1",
    "000-8.1-p1",
    "001-3.1-p1",
    "001-3.2-p1",
    "001-3.3-p1",
    "002-1.8-p1",
    "003-11.1-p1",
}
ORDERED = {
    "000-2.3-p1",
    "000-2.3-p2",
    "000-2.4-p1",
    "000-7.3-p1",
    "001-6.1-p1",
    "001-6.2-p1",
    "003-8.2-p1",
    "003-8.3-p1",
    "003-9.3-p1",
}
FRAGMENTS = {"001-6.3-r2", "003-11.2-r5"}  # 001-6.3-r3 is retired in favour of r2 (test_retired.py)


@pytest.fixture(scope="module")
def handbook(real_load):
    loaded, problems = real_load
    assert problems.items == []
    return loaded


def _problems(content: Path) -> list[str]:
    problems = Problems(content.parent)
    handbook = read_handbook(content, problems)
    check_handbook(handbook, problems)
    return [f"{p.file}:{p.line}: {p.message}" for p in problems.errors]


def _line_of(path: Path, needle: str, after: str | None = None) -> int:
    """The 1-based line of the first line containing `needle` (after the line containing `after`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _reported(content: Path, file: str, line: int, words: str) -> list[str]:
    found = _problems(content)
    hits = [p for p in found if p.startswith(f"{file}:{line}:") and words in p]
    assert hits, f"nothing at {file}:{line} about {words!r}; got:\n" + "\n".join(found)
    return hits


# --- the content -----------------------------------------------------------------


def test_every_procedure_says_whether_the_source_orders_it(handbook):
    procedures = {r.id: r for r in handbook.requirements() if r.steps}
    assert set(procedures) == UNORDERED | ORDERED
    assert {pid for pid, p in procedures.items() if p.ordered is False} == UNORDERED
    assert {pid for pid, p in procedures.items() if p.ordered is True} == ORDERED


def test_invented_procedure_headings_are_gone(handbook):
    rules = handbook.rules()
    for pid in ("001-3.1-p1", "001-3.2-p1", "001-3.3-p1", "001-6.1-p1", "001-6.2-p1"):
        assert rules[pid].text is None, pid


def test_fragments_quote_the_source_as_far_as_it_goes(handbook):
    fragments = {r.id: r for r in handbook.requirements() if r.fragment}
    assert set(fragments) == FRAGMENTS
    for rule in fragments.values():
        assert rule.text.zh.endswith("……（原文至此中断）") and rule.text.en.endswith("… (the source breaks off here)")
    assert fragments["001-6.3-r2"].text.zh == "处理方案应包括道歉、赔偿、改……（原文至此中断）"
    cited = {item.rule_id for c in handbook.checklists for item in c.items}
    cited |= {
        rid for q in handbook.quizzes for q_ in [q] for question in q_.questions for rid in question.requirement_ids
    }
    assert not cited & FRAGMENTS


def test_checklists_no_longer_hold_duties_that_do_not_fit_their_moment(handbook):
    items = {c.id: {i.rule_id for i in c.items} for c in handbook.checklists}
    assert not items["emergency-response"] & {"000-8.1-p1-s1", "000-8.1-p1-s2", "000-8.1-p1-s3", "003-9.2-r6"}
    assert not items["privacy-protection"] & {"000-5.4-r5", "000-5.4-r6", "000-5.4-r10", "003-4.2.3-r4"}
    assert {"000-5.4-r5", "000-5.4-r6", "000-5.4-r10", "000-8.1-p1-s2", "000-8.1-p1-s3"} <= items["manager-policy"]
    [manager] = [c for c in handbook.checklists if c.id == "manager-policy"]
    assert "服务管理者" in manager.purpose.zh and "定期" in manager.purpose.zh
    assert "manager" in manager.purpose.en and "periodic" in manager.purpose.en
    staff = [
        c
        for c in handbook.checklists
        if c.id != "manager-policy" and "服务人员" in c.purpose.zh and "管理" not in c.purpose.zh
    ]
    rules = handbook.rules()
    for checklist in staff:
        for item in checklist.items:
            assert not rules[item.rule_id].text.zh.startswith(("企业应", "公司应")), f"{checklist.id}: {item.rule_id}"


# --- planted errors, at file:line --------------------------------------------------


def test_an_ordering_question_on_a_list_is_an_error_at_its_procedure_line(real_content):
    manual = real_content / "manuals/000/02.yml"
    line = _line_of(manual, "ordered: true", after='id: "000-2.3-p1"')
    lines = manual.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = "        ordered: false"
    manual.write_text("\n".join(lines) + "\n", encoding="utf-8")
    quiz = real_content / "quizzes/000-2.yml"
    _reported(
        real_content,
        "real-content/quizzes/000-2.yml",
        _line_of(quiz, 'procedure: "000-2.3-p1"'),
        "lists without an order",
    )


def test_a_procedure_without_ordered_is_an_error_at_its_line(real_content):
    manual = real_content / "manuals/000/08.yml"
    text = manual.read_text(encoding="utf-8")
    manual.write_text(re.sub(r"\n        ordered: false[^\n]*", "", text, count=1), encoding="utf-8")
    _reported(real_content, "real-content/manuals/000/08.yml", _line_of(manual, 'id: "000-8.1-p1"'), "ordered")


def test_a_checklist_item_on_a_fragment_is_an_error_at_its_line(real_content):
    checklist = real_content / "checklists/05-complaint.yml"
    _edit(
        checklist,
        '      - requirement: "001-6.3-r1"\n',
        '      - requirement: "001-6.3-r1"\n      - requirement: "001-6.3-r2"\n',
    )
    _reported(
        real_content, "real-content/checklists/05-complaint.yml", _line_of(checklist, '"001-6.3-r2"'), "a fragment"
    )


def test_a_quiz_question_on_a_fragment_is_an_error_at_its_line(real_content):
    quiz = real_content / "quizzes/001-6.yml"
    _edit(quiz, '      - "001-6.3-r1"', '      - "001-6.3-r2"')
    _reported(real_content, "real-content/quizzes/001-6.yml", _line_of(quiz, '"001-6.3-r2"'), "a fragment")


def test_a_fragment_must_mark_where_the_source_breaks_off(real_content):
    manual = real_content / "manuals/003/11.yml"
    _edit(manual, "如作业成本法……（原文至此中断）", "如作业成本法。")
    _reported(
        real_content,
        "real-content/manuals/003/11.yml",
        _line_of(manual, "如作业成本法。"),
        "does not mark where the source breaks off",
    )


def test_a_step_of_a_list_may_not_read_as_a_sequence(real_content):
    manual = real_content / "manuals/000/06.yml"
    _edit(manual, "zh: 查服务流程", "zh: 然后查服务流程")
    _reported(
        real_content,
        "real-content/manuals/000/06.yml",
        _line_of(manual, "zh: 然后查服务流程"),
        "opens with an order word",
    )


# --- what a reader sees --------------------------------------------------------------


def _item(page: Path, rule_id: str) -> str:
    html = page.read_text(encoding="utf-8")
    match = re.search(
        rf'<li id="{re.escape(rule_id)}"[^>]*>.*?</(?:ul|ol)></li>|<li id="{re.escape(rule_id)}"[^>]*>.*?</li>',
        html,
        re.S,
    )
    assert match, f"{rule_id} not on {page}"
    return match.group(0)


@pytest.mark.parametrize("lang,prefix,in_order", [("zh", "", "按顺序执行"), ("en", "en/", "in this order")])
def test_the_section_page_shows_principles_as_a_bulleted_list(built_site, lang, prefix, in_order):
    item = _item(built_site / prefix / "manuals/000/8/8.1/index.html", "000-8.1-p1")
    assert '<ul class="hb-steps">' in item and "<ol" not in item
    assert in_order not in item
    # an ordered procedure still says so
    ordered = _item(built_site / prefix / "manuals/000/2/2.3/index.html", "000-2.3-p1")
    assert '<ol class="hb-steps">' in ordered and in_order in ordered


@pytest.mark.parametrize(
    "lang,prefix,label,end",
    [("zh", "", "原文残缺", "……（原文至此中断）"), ("en", "en/", "Fragment", "… (the source breaks off here)")],
)
def test_the_section_page_labels_the_fragment(built_site, lang, prefix, label, end):
    item = _item(built_site / prefix / "manuals/001/6/6.3/index.html", "001-6.3-r2")
    assert f">{label}</span>" in item and end in item
    assert 'class="hb-fragment"' in item


def test_the_complaint_checklist_page_no_longer_offers_the_fragment(built_site):
    for prefix in ("", "en/"):
        pages = list((built_site / prefix / "checklists").rglob("index.html"))
        html = "".join(p.read_text(encoding="utf-8") for p in pages)
        assert 'data-hb-item="001-6.3-r2"' not in html
        assert 'data-hb-item="000-8.1-p1-s2"' in html  # now on the manager's checklist


def test_a_company_duty_on_a_staff_checklist_is_an_error_at_its_item(real_content):
    # 19 part 4, held by hb check: the privacy checklist is used during service; 企业应确保… is not.
    checklist = real_content / "checklists/09-privacy.yml"
    text = checklist.read_text(encoding="utf-8")
    first = re.search(r'\n(\s+- requirement: "[^"]+"\n)', text).group(1)
    checklist.write_text(
        text.replace(first, first + first.replace(re.search(r'"([^"]+)"', first).group(1), "000-5.4-r5"), 1),
        encoding="utf-8",
    )
    _reported(
        real_content,
        "real-content/checklists/09-privacy.yml",
        _line_of(checklist, '"000-5.4-r5"'),
        "a duty of the company",
    )
