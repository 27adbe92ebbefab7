"""scripts/hb report, stale and new: what needs work, what changed, and new content to fill in."""

from __future__ import annotations

import json
import re
import subprocess

from tests.support.cli import hb

CHAPTER = "manuals/900/01.yml"


def test_report_counts_coverage_per_language_and_lists_what_needs_work(content):
    # Take the quiz's ordering question away: its procedure (900-1.1-p2) is then in no checklist and no question.
    bank = content / "quizzes/900-1.yml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text[: text.index('  - id: "900-1.1-q4"')], encoding="utf-8")
    onboarding = content / "onboarding.yml"
    onboarding.write_text(
        onboarding.read_text(encoding="utf-8").replace("final_questions: 3", "final_questions: 2"), encoding="utf-8"
    )
    result = hb("report", content=content)
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert "| sections with text | 1 of 2 (the rest are lost in the source) |" in page
    assert "| requirements in no checklist and no question | 1 |" in page
    assert "| chapters with fewer than 5 questions | 900-1 |" in page
    assert "| unverified references | 1 of 1 |" in page
    assert "| sections translated (every text, none stale) | 1 of 1 |" in page
    assert "| 900-1 | 3 (under 5) |" in page
    assert "| 900 | @handbook-org/manual-900-editors | 2026-11-24 | 2027-05-24 |" in page
    data = json.loads(hb("report", "--json", content=content).stdout)
    assert data["requirements_uncovered"] == ["900-1.1-p2"]
    assert data["en"] == {
        "sections_translated": 1,
        "sections_with_text": 1,
        "stale_translations": 0,
        "stale_accepted": 0,
    }
    assert data["questions_per_chapter"] == {"900-1": 3}


def test_report_counts_the_glossary_and_the_texts_its_check_reads(content):
    glossary = content / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(
            "  - zh: 投诉\n    en: complaint\n",
            "  - zh: 投诉\n    en: complaint\n    avoid:\n      - grievance\n      - plaint\n",
        ),
        encoding="utf-8",
    )
    page = hb("report", content=content).stdout
    assert "| glossary terms | 3 (1 with 2 rejected renderings) |" in page
    data = json.loads(hb("report", "--json", content=content).stdout)["glossary"]
    # The onboarding stage title and the topic titles are read too, not only the chapters' texts.
    from handbook import load_handbook

    handbook, _ = load_handbook(content, strict=False)
    shown = len(handbook.texts())
    assert data["texts_checked"] == shown and shown > len([t for s in handbook.sections() for t in s.texts()])


def test_report_on_the_real_content_has_nothing_under_the_minimum():
    data = json.loads(hb("report", "--json").stdout)
    assert data["zh"]["chapters_under_minimum"] == []
    assert data["en"]["stale_translations"] == 0
    # None has been verified yet; the known miscited and repealed ones are disputed or superseded (19a).
    by_status = data["references"]["by_status"]
    assert data["references"]["unverified"] == by_status["unchecked"] == data["references"]["total"] - 7
    assert (by_status["disputed"], by_status["superseded"]) == (6, 1)


def test_stale_shows_what_changed_in_the_chinese_since_the_translation(content):
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=content, check=True)
    subprocess.run([*git, "add", "."], cwd=content, check=True)
    subprocess.run([*git, "commit", "-qm", "content"], cwd=content, check=True)
    chapter = content / CHAPTER
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace(
            "zh: 服务人员应及时处理投诉。\n", "zh: 服务人员应在当天处理投诉。\n"
        ),
        encoding="utf-8",
    )
    result = hb("stale", content=content)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("manuals/900/01.yml:35: stale English")
    assert lines[1:5] == [
        "  en:  Service staff handle each complaint promptly.",
        "  was: 服务人员应及时处理投诉。",
        "  now: 服务人员应在当天处理投诉。",
        "  change: 服务人员应[-及时-]{+在当天+}处理投诉。",
    ]
    assert lines[-1] == "1 stale translation(s)."
    assert hb("stale").stdout.strip() == "No stale translations."


def test_new_section_question_and_checklist_are_ready_to_fill_in_and_check_names_every_blank(content):
    for args in (("section", "900-1"), ("question", "900-1.1", "--type", "true-false"), ("checklist", "closing-time")):
        result = hb("new", *args, content=content)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(str(content)) and ": added " in result.stdout
    chapter = (content / CHAPTER).read_text(encoding="utf-8")
    assert 'id: "900-1.3"' in chapter and 'id: "900-1.3-r1"' in chapter  # after 1.1 and 1.2
    bank = (content / "quizzes/900-1.yml").read_text(encoding="utf-8")
    assert 'id: "900-1.1-q5"' in bank and "answer: true" in bank
    assert (content / "checklists/02-closing-time.yml").exists()
    check = hb("check", content=content)
    assert check.returncode == 1
    blanks = [line for line in check.stdout.splitlines() if "placeholder text" in line]
    assert len(blanks) >= 2 * (3 + 2 + 3), check.stdout  # zh and en of every text left to write
    assert all(re.match(r"^/.+\.yml:\d+: error: placeholder text in (zh|en): ", line) for line in blanks), blanks
    # Filled in and stamped (no --accept needed), the new section passes.
    filled = (content / CHAPTER).read_text(encoding="utf-8")
    for zh, en in (("服务人员应记录投诉。", "Service staff record each complaint."),) * 3:
        filled = filled.replace("zh: 待填写", f"zh: {zh}", 1).replace("en: To be written", f"en: {en}", 1)
    filled = filled.replace("source: 待填写", "source: 服务人员应记录投诉")  # the rule's quote of the body (19c)
    (content / CHAPTER).write_text(filled, encoding="utf-8")
    assert hb("stamp", str(content / CHAPTER), content=content).returncode == 0
    still = hb("check", content=content).stdout
    assert "manuals/900/01.yml" not in still, still


def test_new_refuses_what_does_not_exist():
    result = hb("new", "section", "999-9")
    assert result.returncode == 2 and "no chapter '999-9'" in result.stderr
    result = hb("new", "checklist", "Not An Id")
    assert result.returncode == 2 and "is not an id" in result.stderr
