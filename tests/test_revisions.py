"""Issue 24: revisions of imported text, pages that never say two things, and items that follow their rule.

Each test makes one editor's change to a copy of the real content (which has edition 1)
and reads what `scripts/hb check` would report, in process.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from handbook import ContentError, load_handbook, report
from handbook.checks import check_handbook
from handbook.dependent_stamp import stamp_dependents
from handbook.dependents import stale_dependents
from handbook.generate import build_pages
from handbook.loader import read_handbook
from handbook.problems import Problems

CHAPTER = "manuals/001/03.yml"
RULE_ZH = "          zh: 员工应在电话铃响三声内接听。\n"
RECORD = (
    "          revised:\n"
    "            original: 员工应在电话铃响三声内接听。\n"
    "            why: 公司将来电接听时限缩短为两声。\n"
    "            authority: 客户服务部经理\n"
)
PROSE_ZH = "客户咨询：及时响应客户咨询，在电话铃响三声内接听，或在客户到访后立即接待。热情"


def problems_of(content: Path) -> list[str]:
    problems = Problems(ROOT)
    check_handbook(read_handbook(content, problems), problems)
    return [str(p) for p in problems.sorted()]


def checked(content: Path):
    """The content read and checked, whatever the check found (the page is built all the same)."""
    problems = Problems(ROOT)
    handbook = read_handbook(content, problems)
    check_handbook(handbook, problems)
    return handbook


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in t)


def revise_rule(content: Path, record: str = RECORD) -> Path:
    chapter = content / CHAPTER
    edit(chapter, RULE_ZH, "          zh: 员工应在电话铃响两声内接听。\n")
    edit(chapter, "          en_from_zh: 9ab64f43\n", "          en_from_zh: 9ab64f43\n" + record)
    return chapter


def test_a_changed_imported_text_without_a_record_is_an_error_that_names_the_imported_wording(real_content):
    chapter = real_content / CHAPTER
    edit(chapter, RULE_ZH, "          zh: 员工应在电话铃响两声内接听。\n")
    found = problems_of(real_content)
    line = line_of(chapter, "两声内接听")
    [problem] = [p for p in found if f"{chapter.as_posix()}:{line}: warning:" in p]
    assert "differs from the imported wording, with no revision record" in problem
    assert "`original: 员工应在电话铃响三声内接听。`" in problem
    # A warning in the preview; the strict build and `hb check` stop on it.
    with pytest.raises(ContentError):
        load_handbook(real_content, strict=True)
    load_handbook(real_content, strict=False)


def test_a_revision_whose_original_is_not_the_imported_wording_is_an_error_at_its_record(real_content):
    chapter = revise_rule(
        real_content, RECORD.replace("original: 员工应在电话铃响三声内接听。", "original: 员工应在电话铃响四声内接听。")
    )
    found = problems_of(real_content)
    line = line_of(chapter, "revised:")
    assert any(
        p.startswith(
            f"{chapter.as_posix()}:{line}: error: the `original:` of this revision is not the imported wording"
        )
        and "员工应在电话铃响三声内接听。" in p
        for p in found
    ), found


def test_a_record_on_an_unchanged_text_is_an_error(real_content):
    chapter = real_content / CHAPTER
    edit(chapter, "          en_from_zh: 9ab64f43\n", "          en_from_zh: 9ab64f43\n" + RECORD)
    assert any("`revised:` on a text that still reads its original wording" in p for p in problems_of(real_content))


def test_prose_revised_without_its_rule_reports_both_places(real_content):
    chapter = real_content / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    start = text.index(PROSE_ZH)
    end = text.index("\n", start)
    original = text[start:end]
    prose_block = text[
        text.rindex("\n", 0, start) + 1 : text.index("en_from_zh: 9827ecb9", start) + len("en_from_zh: 9827ecb9")
    ]
    revised = prose_block.replace("三声", "两声") + (
        f"\n            revised:\n              original: {original}\n"
        "              why: 公司将来电接听时限缩短为两声。\n              authority: 客户服务部经理"
    )
    chapter.write_text(text.replace(prose_block, revised), encoding="utf-8")
    found = problems_of(real_content)
    prose_line, rule_line = line_of(chapter, "在电话铃响两声内接听"), line_of(chapter, RULE_ZH.strip())
    here = chapter.as_posix()
    assert any(
        p.startswith(f"{here}:{rule_line}: error: the prose rule 001-3.1-r2 restates was revised")
        and f"(at {here}:{prose_line})" in p
        for p in found
    ), found
    assert any(
        p.startswith(f"{here}:{prose_line}: error: prose was revised; rule 001-3.1-r2 restates its old words")
        for p in found
    ), found
    # the procedure step quotes the same words: it is named too
    assert any("step 001-3.1-p1-s1 restates its old words" in p for p in found), found


def test_prose_marked_superseded_by_the_revised_rule_agrees_and_the_page_says_so(real_content):
    chapter = revise_rule(real_content)
    edit(
        chapter,
        "            en_from_zh: 9827ecb9\n",
        '            en_from_zh: 9827ecb9\n            superseded_by: "001-3.1-r2"\n',
    )
    # the step still says 三声: it is a rule, so it must be revised, not superseded
    step = real_content / CHAPTER
    edit(
        step,
        "              en_from_zh: 70a3e83c\n",
        "              en_from_zh: 70a3e83c\n"
        "              revised:\n                original: 客户咨询：及时响应客户咨询，在电话铃响三声内接听，或在客户到访后立即接待。\n"
        "                why: 公司将来电接听时限缩短为两声。\n                authority: 客户服务部经理\n",
    )
    edit(
        step,
        "              zh: 客户咨询：及时响应客户咨询，在电话铃响三声内接听",
        "              zh: 客户咨询：及时响应客户咨询，在电话铃响两声内接听",
    )
    found = [p for p in problems_of(real_content) if ": error:" in p]
    assert found == [], found
    handbook, _ = load_handbook(real_content, root=ROOT, strict=False)
    for lang, words, old, rule in (
        ("zh", "此段为原文，已被修订后的规定取代：", "在电话铃响三声内接听", "员工应在电话铃响两声内接听。"),
        (
            "en",
            "The original wording, superseded by the revised rule:",
            "within three rings",
            "Employees should answer the telephone within three rings.",
        ),
    ):
        page = {p.path: p for p in build_pages(handbook, lang)}["manuals/001/3/3.1.md"].markdown
        assert re.search(rf'<span class="hb-superseded-text">[^<]*(<strong>[^<]*</strong>[^<]*)?{old}', page)
        assert (
            f'<span class="hb-superseded-note" role="note">{words} <a href="#001-3.1-r2">{rule}</a> '
            '<span class="hb-id">001-3.1-r2</span></span>'
        ) in page
        assert '<details class="hb-revised">' in page


def test_superseded_by_an_unrevised_rule_is_an_error(real_content):
    chapter = real_content / CHAPTER
    edit(
        chapter,
        "            en_from_zh: 9827ecb9\n",
        '            en_from_zh: 9827ecb9\n            superseded_by: "001-3.1-r2"\n',
    )
    line = line_of(chapter, PROSE_ZH)
    assert (
        f"{chapter.as_posix()}:{line}: error: superseded_by names rule 001-3.1-r2, which has not been revised "
        "(revise the rule (with a `revised:` record) first, or remove superseded_by)" in problems_of(real_content)
    )


def test_the_revised_rule_shows_its_original_wording_on_request_escaped_and_without_script(real_content):
    revise_rule(real_content, RECORD.replace("authority: 客户服务部经理", "authority: 客户服务部经理 & 服务监督小组"))
    handbook = checked(real_content)
    zh = {p.path: p for p in build_pages(handbook, "zh")}["manuals/001/3/3.1.md"].markdown
    en = {p.path: p for p in build_pages(handbook, "en")}["manuals/001/3/3.1.md"].markdown
    assert (
        '<details class="hb-revised"><summary><span class="hb-tag hb-tag-revised">已修订</span> 原文</summary>'
        '<span class="hb-revised-original">员工应在电话铃响三声内接听。</span>'
    ) in zh
    assert "客户服务部经理 &amp; 服务监督小组" in zh
    # no English original recorded: English readers see the Chinese, marked as Chinese
    assert '<span class="hb-revised-original" lang="zh-Hans">员工应在电话铃响三声内接听。</span>' in en
    assert '<summary><span class="hb-tag hb-tag-revised">Revised</span> original wording</summary>' in en
    for page in (zh, en):
        disclosure = page[page.index('<details class="hb-revised">') :]
        disclosure = disclosure[: disclosure.index("</details>")]
        assert "<script" not in disclosure and "style=" not in disclosure and "onclick" not in disclosure


def test_a_changed_rule_makes_its_question_stale_with_old_and_new_text_until_accepted(real_content):
    revise_rule(real_content)
    quiz = real_content / "quizzes/001-3.yml"
    handbook = read_handbook(real_content, Problems(ROOT))
    stale = {(s.dependent.kind, s.dependent.id) for s in stale_dependents(handbook)}
    assert ("quiz question", "001-3.1-q2") in stale and ("quiz question", "001-3.1-q3") not in stale
    [item] = [s for s in stale_dependents(handbook) if s.dependent.id == "001-3.1-q2"]
    assert (item.was, item.now) == ("员工应在电话铃响三声内接听。", "员工应在电话铃响两声内接听。")
    assert item.line == line_of(quiz, '"001-3.1-r2":')
    counted = report.coverage(handbook)
    assert counted["dependents"]["by_kind"]["quiz question"]["stale"] == 1
    assert len(counted["revisions"]["revised"]) == 1
    assert "stale" in report.markdown(counted) and "001-3.1-q2" in report.markdown(counted)
    # accepting the question's entry clears it, and touches nothing else in the file
    before = quiz.read_text(encoding="utf-8")
    [done] = stamp_dependents(handbook, quiz, accept_lines={item.line})
    assert done.action == "accepted 001-3.1-r2"
    after = quiz.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 1 and changed[0][0].strip().startswith('"001-3.1-r2":')
    handbook = read_handbook(real_content, Problems(ROOT))
    assert not [s for s in stale_dependents(handbook) if s.dependent.kind == "quiz question"]


def test_stamping_adds_what_a_new_question_rests_on_and_drops_what_it_no_longer_cites(real_content):
    quiz = real_content / "quizzes/001-3.yml"
    text = quiz.read_text(encoding="utf-8")
    # the question now tests r1 only: r2's entry goes; a question with no record gets one
    text = text.replace('      - "001-3.1-r1"\n      - "001-3.1-r2"\n', '      - "001-3.1-r1"\n', 1)
    start = text.index('  - id: "001-3.1-q3"')
    block_end = text.index("  - id:", start + 5)
    block = text[start:block_end]
    text = text.replace(block, block[: block.index("    rests_on:")])
    quiz.write_text(text, encoding="utf-8")
    found = problems_of(real_content)
    assert any("rests_on names 001-3.1-r2, which quiz question 001-3.1-q2 no longer rests on" in p for p in found)
    assert any("quiz question 001-3.1-q3 does not record which version of 001-3.1-r6, 001-3.1-r7" in p for p in found)
    handbook = read_handbook(real_content, Problems(ROOT))
    actions = sorted(s.action for s in stamp_dependents(handbook, quiz))
    assert actions == ["added 001-3.1-r6", "added 001-3.1-r7", "removed 001-3.1-r2"]
    assert not [p for p in problems_of(real_content) if "rests" in p or "does not record" in p]
