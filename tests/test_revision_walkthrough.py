"""Issue 24: the organisation changes a rule — CONTRIBUTING.md 7.11, end to end, on a copy of the real content.

001 三（一）: the telephone is now answered within two rings, not three. The test makes the
editor's first edit (the rule), proves that `scripts/hb check` names every place that still
says 三声 and every item built on the rule, at file:line; then applies the documented steps
and proves that the check, the fidelity tests and the strict build pass, and that the built
page, checklist and quiz say 两声.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import test_content

from conftest import ROOT
from handbook import load_handbook
from harness.browser import PHONE, free_port
from harness.server import serve_compressed as serve

CHAPTER = "manuals/001/03.yml"
QUIZ = "quizzes/001-3.yml"

# Step 1 of the walkthrough: the rule, its English, and the record of the imported wording.
RULE = (
    """          zh: 员工应在电话铃响三声内接听。
          en: Employees should answer the telephone within three rings.
""",
    """          zh: 员工应在电话铃响两声内接听。
          en: Employees should answer the telephone within two rings.
""",
)
RULE_RECORD = """          revised:
            original: 员工应在电话铃响三声内接听。
            original_en: Employees should answer the telephone within three rings.
            why: 公司将来电接听时限由铃响三声缩短为两声。
            authority: 客户服务部经理，2026年12月服务标准调整通知
"""
# Step 3: the prose and the procedure step that say the same, revised the same way.
PROSE_OLD = "及时响应客户咨询，在电话铃响三声内接听，或在客户到访后立即接待。"
PROSE_NEW = "及时响应客户咨询，在电话铃响两声内接听，或在客户到访后立即接待。"
EN_OLD = "answering the telephone within three rings or"
EN_NEW = "answering the telephone within two rings or"
WHY = (
    "            why: 公司将来电接听时限由铃响三声缩短为两声。\n"
    "            authority: 客户服务部经理，2026年12月服务标准调整通知\n"
)
# Step 5: the quiz question's options, feedback and explanation.
QUIZ_EDITS = [("三声", "两声"), ("within three rings", "within two rings")]  # only 001-3.1-q2 says either


def documented_stamps(name: str = "CONTRIBUTING.md") -> list[list[str]]:
    """The `scripts/hb stamp` commands of the walkthrough (7.11), in order, as argument lists."""
    text = (ROOT / name).read_text(encoding="utf-8")
    start = text.index("### 7.11")
    section = text[start : text.index("\n## ", start)]
    return [line.split()[1:] for line in re.findall(r"^\s*(scripts/hb stamp --accept .+)$", section, re.M)]


def on_copy(args: list[str], content: Path) -> list[str]:
    return [str(content / arg.split("checklists/", 1)[1]) if arg.startswith("checklists/") else arg for arg in args]


def test_both_walkthroughs_give_the_same_commands():
    assert documented_stamps("CONTRIBUTING.md") == documented_stamps("CONTRIBUTING.zh.md")
    assert len(documented_stamps()) == 3


def hb(*args: str, content: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HANDBOOK_CONTENT=str(content))
    return subprocess.run([str(ROOT / "scripts" / "hb"), *args], cwd=ROOT, env=env, capture_output=True, text=True)


def line_of(path: Path, needle: str, after: int = 0) -> int:
    return next(
        n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if n > after and needle in text
    )


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def revise_in_place(path: Path, zh_old: str, en_old: str, zh_new: str, en_new: str) -> None:
    """Give the text whose Chinese contains `zh_old` its new wording, with its original under `revised:`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out, pending = [], None
    for text in lines:
        stripped = text.lstrip(" -")
        if stripped.startswith("zh: ") and zh_old in text and pending is None:
            indent = " " * (len(text) - len(text.lstrip(" -")))
            pending = {"zh": stripped[4:].rstrip("\n"), "indent": indent}
            text = text.replace(zh_old, zh_new)
        elif pending and stripped.startswith("en: "):
            pending["en"] = stripped[4:].rstrip("\n").strip('"')
            text = text.replace(en_old, en_new)
        elif pending and stripped.startswith("en_from_zh: "):
            indent = pending["indent"]
            out.append(text)
            out.append(
                f"{indent}revised:\n{indent}  original: {pending['zh']}\n"
                f'{indent}  original_en: "{pending["en"]}"\n'
                + "".join(f"{indent}  {w.strip()}\n" for w in WHY.splitlines())
            )
            pending = None
            continue
        out.append(text)
    path.write_text("".join(out), encoding="utf-8")


@pytest.mark.browser  # the last step reads the built page in Chromium
def test_the_organisation_changes_a_rule_end_to_end(tmp_path, real_content, chromium):
    chapter, quiz = real_content / CHAPTER, real_content / QUIZ
    rubric, topics = real_content / "rubrics/01-service-attitude.yml", real_content / "topics.yml"

    # The editor changes the rule and its English, and records the imported wording (step 1).
    replace(chapter, *RULE)
    replace(
        chapter,
        RULE[1] + "          en_from_zh: 9ab64f43\n",
        RULE[1] + "          en_from_zh: 9ab64f43\n" + RULE_RECORD,
    )
    result = hb("check", content=real_content)
    assert result.returncode == 1
    out = result.stdout
    rule_line = line_of(chapter, "员工应在电话铃响两声内接听")
    prose_line = line_of(chapter, PROSE_OLD)
    step_line = line_of(chapter, PROSE_OLD, prose_line)
    question_line = line_of(quiz, '"001-3.1-r2":')
    # Step 2: the check names both places of each contradiction, and every item built on the rule.
    assert f"{chapter}:{prose_line}: error: prose restates rule 001-3.1-r2, which was revised" in out
    assert (
        f"{chapter}:{rule_line}: error: rule 001-3.1-r2 was revised, but the prose it restates still reads 「在电话铃响三声内接听」 (at {chapter}:{prose_line})"
        in out
    )
    assert f"{chapter}:{step_line}: error: step 001-3.1-p1-s1 restates the words of rule 001-3.1-r2" in out
    assert f"{chapter}:{rule_line + 1}: warning: stale translation" in out
    assert (
        f"{quiz}:{question_line}: warning: stale quiz question 001-3.1-q2: rule 001-3.1-r2 changed since it was "
        "written; was 「员工应在电话铃响三声内接听。」, now 「员工应在电话铃响两声内接听。」"
    ) in out
    assert f"scripts/hb stamp --accept {quiz}:{question_line})" in out
    stale_items = re.findall(
        r"^(\S+?):(\d+): warning: stale (quiz question|rubric criterion|topic entry) (\S+):", out, re.M
    )
    assert {(kind, item) for _, _, kind, item in stale_items} == {
        ("quiz question", "001-3.1-q2"),
        ("rubric criterion", "process"),
        ("topic entry", "enquiries"),
        ("topic entry", "response-time"),
    }
    assert "warning: stale quiz question 001-3.1-q3" not in out  # it rests on r6 and r7, unchanged

    # Step 3: the prose and the procedure step, revised the same way, with the same record.
    revise_in_place(chapter, PROSE_OLD, EN_OLD, PROSE_NEW, EN_NEW)
    revise_in_place(chapter, PROSE_OLD, EN_OLD, PROSE_NEW, EN_NEW)
    out = hb("check", "--lenient", content=real_content).stdout
    assert "error" not in out, out
    # Step 4 (the documented command): the English of the three texts, accepted at the lines the check names.
    english, questions, others = documented_stamps()
    stale = [
        f"{chapter}:{n}"
        for n in re.findall(rf"^{re.escape(str(chapter))}:(\d+): warning: stale translation", out, re.M)
    ]
    assert on_copy(english, real_content) == ["stamp", *[arg for item in stale for arg in ("--accept", item)]], (
        "CONTRIBUTING 7.11 step 4 names other lines than the check: update the walkthrough"
    )
    assert hb(*on_copy(english, real_content), content=real_content).returncode == 0
    # Step 5: the quiz question rewritten to the new rule; its translations and the question accepted.
    for old, new in QUIZ_EDITS:
        replace(quiz, old, new)
    out = hb("check", content=real_content).stdout
    stale = [
        f"{quiz}:{n}" for n in re.findall(rf"^{re.escape(str(quiz))}:(\d+): warning: stale translation", out, re.M)
    ]
    assert len(stale) == 5, out
    assert on_copy(questions, real_content) == [
        "stamp",
        *[a for item in stale + [f"{quiz}:{question_line}"] for a in ("--accept", item)],
    ], "CONTRIBUTING 7.11 step 5 names other lines than the check: update the walkthrough"
    accepted = hb(*on_copy(questions, real_content), content=real_content)
    assert f"{quiz}:{question_line}: accepted 001-3.1-r2" in accepted.stdout
    # Step 6: the rubric criterion, the topics and the question on the procedure whose step changed,
    # reviewed and accepted.
    out = hb("check", content=real_content).stdout
    found = re.findall(r"^(\S+?):(\d+): warning: stale (quiz question|rubric criterion|topic entry) (\S+):", out, re.M)
    assert {(path, item) for path, _, _, item in found} == {
        (str(rubric), "process"),
        (str(topics), "enquiries"),
        (str(topics), "response-time"),
        (str(quiz), "001-3.1-q1"),
    }
    assert sorted(on_copy(others, real_content)[2::2]) == sorted(f"{path}:{line}" for path, line, _, _ in found), (
        "CONTRIBUTING 7.11 step 6 names other lines than the check: update the walkthrough"
    )
    hb(*on_copy(others, real_content), content=real_content)
    # Step 7: everything agrees.
    result = hb("check", content=real_content)
    assert result.returncode == 0, result.stdout
    assert hb("report", "--json", content=real_content).stdout.count("001-3.1") >= 3

    # The fidelity tests hold the revised prose's original to the source, and the rest as before.
    handbook, _ = load_handbook(real_content, root=ROOT, strict=True)
    test_content.test_chinese_prose_is_the_source_word_for_word_and_complete(handbook)
    test_content.test_every_section_of_the_table_of_contents_exists_in_order_with_its_exact_title(handbook)
    test_content.test_repairs_await_review_and_match_the_source(handbook)

    # The strict build passes, and what it built says 两声.
    out_dir = tmp_path / "site"
    env = dict(os.environ, HANDBOOK_CONTENT=str(real_content))
    build = subprocess.run(
        [str(ROOT / "scripts" / "build"), str(out_dir)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout + build.stderr
    page = (out_dir / "manuals/001/3/3.1/index.html").read_text(encoding="utf-8")
    current = page.split('<details class="hb-revised"')
    assert "铃响两声内接听" in page and all("三声" not in part.split("</details>")[-1] for part in current)
    assert '<summary><span class="hb-tag hb-tag-revised">已修订</span> 原文</summary>' in page
    assert '<span class="hb-revised-original">员工应在电话铃响三声内接听。</span>' in page
    en = (out_dir / "en/manuals/001/3/3.1/index.html").read_text(encoding="utf-8")
    assert "within two rings" in en and "Employees should answer the telephone within three rings." in en
    checklist = (out_dir / "checklists/sales-service/index.html").read_text(encoding="utf-8")
    assert "铃响两声内接听" in checklist and "三声" not in checklist
    quiz_page = (out_dir / "quizzes/001-3/index.html").read_text(encoding="utf-8")
    assert "铃响两声内接听" in quiz_page and "三声" not in quiz_page

    # Staff see the current rule; the original wording opens from the keyboard, and says what it is.
    with serve(out_dir, free_port()) as base:
        page = chromium.new_page(viewport=PHONE)
        page.goto(base + "manuals/001/3/3.1/")
        rule = page.locator("[id='001-3.1-r2']")
        assert "员工应在电话铃响两声内接听。" in rule.inner_text()
        original = rule.locator(".hb-revised-original")
        assert not original.is_visible()
        summary = rule.locator("summary")
        summary.focus()
        page.keyboard.press("Enter")
        assert original.is_visible() and original.inner_text() == "员工应在电话铃响三声内接听。"
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        assert rule.locator("details").evaluate("d => d.open")
        # a screen reader hears the focused summary as a disclosure, with its name and its state
        tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        [focused] = [
            n
            for n in tree
            if n["role"]["value"] != "RootWebArea"
            and {"name": "focused", "value": {"type": "booleanOrUndefined", "value": True}} in n.get("properties", [])
        ]
        states = {p["name"]: p["value"].get("value") for p in focused["properties"]}
        assert focused["role"]["value"] == "DisclosureTriangle" and states["expanded"] is True
        assert focused["name"]["value"] == "已修订 原文"
