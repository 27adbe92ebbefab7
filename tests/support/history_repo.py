"""A git repository of the fixture content with a known history (issue 22), for the
change-history tests: each step is one commit, dated so many days before today.

    60 days ago  the content as first published (the baseline)
    50           add 900-1.1-r3
    10           change step 900-1.1-p1-s2 and question 900-1.1-q1 (their Chinese and English)
     5           reword 900-1.1-r1 (the Chinese only: its English stays, re-stamped)
     3           remove 900-1.1-r3; the complaint checklist's item 900-1.1-p1-s2 becomes 900-1.1-p2-s1
     2           English only: 900-1.1-r2
     1           formatting only: quotes, key order and the order of the requirements
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from handbook.translation import zh_hash

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
CHAPTER = "checklists/manuals/900/01.yml"
QUIZ = "checklists/quizzes/900-1.yml"
CHECKLIST = "checklists/checklists/01-complaint.yml"

R3 = """      - id: "900-1.1-r3"
        force: obligation
        source: "记录投诉内容"
        text:
          zh: 服务人员应记录投诉内容。
          en: Service staff record what each complaint is about.
          en_from_zh: {stamp}
"""

# (days ago, subject, [(file, old, new)])
STEPS = [
    (
        50,
        "Add 900-1.1-r3: record what the complaint is about (#11)",
        [
            (
                CHAPTER,
                '      - id: "900-1.1-p2"\n',
                R3.format(stamp=zh_hash("服务人员应记录投诉内容。")) + '      - id: "900-1.1-p2"\n',
            )
        ],
    ),
    (
        10,
        "Reporting the outcome: to the customer (#12)",
        [
            (
                CHAPTER,
                "              zh: 反馈处理结果。\n              en: Report the outcome.\n              en_from_zh: 67cab435",
                f"              zh: 向客户反馈处理结果。\n              en: Report the outcome to the customer.\n"
                f"              en_from_zh: {zh_hash('向客户反馈处理结果。')}",
            ),
            (
                QUIZ,
                "      zh: 服务人员应如何处理投诉？\n      en: How should service staff handle a complaint?\n      en_from_zh: a434abc2",
                f"      zh: 服务人员应当如何处理投诉？\n      en: How should service staff deal with a complaint?\n"
                f"      en_from_zh: {zh_hash('服务人员应当如何处理投诉？')}",
            ),
        ],
    ),
    (
        5,
        "Reword 900-1.1-r1 (#13)",
        [
            (
                CHAPTER,
                "          zh: 服务人员应及时处理投诉。\n          en: Service staff handle each complaint promptly.\n"
                "          en_from_zh: 72675be4",
                f"          zh: 服务人员应及时处理每一项投诉。\n          en: Service staff handle each complaint promptly.\n"
                f"          en_from_zh: {zh_hash('服务人员应及时处理每一项投诉。')}",
            )
        ],
    ),
    (
        3,
        "Remove 900-1.1-r3 again; the complaint checklist asks to reassure the customer (#14)",
        [
            (CHAPTER, R3.format(stamp=zh_hash("服务人员应记录投诉内容。")), ""),
            (
                CHECKLIST,
                '  - items:\n      - requirement: "900-1.1-p1-s2"\n        optional: true\n',
                '  - items:\n      - requirement: "900-1.1-p2-s1"\n',
            ),
        ],
    ),
    (
        2,
        "English: at least 8 hours (#15)",
        [
            (
                CHAPTER,
                "en: Service staff receive no less than 8 hours of induction training.",
                "en: Service staff receive at least 8 hours of induction training.",
            )
        ],
    ),
    (1, "Tidy the YAML of chapter 1 (#16)", "reformat"),
]


def _reformat(text: str) -> str:
    """The same content written differently: a quoted string, keys in another order, and
    900-1.1-r2 moved before 900-1.1-p1 (the order of the ids)."""
    text = text.replace("zh: 投诉处理步骤", 'zh: "投诉处理步骤"')
    start = text.index('      - id: "900-1.1-r2"\n')
    end = text.index('      - id: "900-1.1-p2"\n')
    r2 = text[start:end]
    text = text[:start] + text[end:]
    p1 = text.index('      - id: "900-1.1-p1"\n')
    r2 = r2.replace('        force: obligation\n        source: "服务人员应"\n', "")
    r2 = r2.rstrip("\n") + '\n        source: "服务人员应"\n        force: obligation\n'
    return text[:p1] + r2 + text[p1:]


def git(repo: Path, *args: str, days_ago: int | None = None) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Editor",
        GIT_AUTHOR_EMAIL="editor@example.test",
        GIT_COMMITTER_NAME="Editor",
        GIT_COMMITTER_EMAIL="editor@example.test",
    )
    if days_ago is not None:
        when = (datetime.now(UTC) - timedelta(days=days_ago)).replace(hour=9, minute=0, second=0)
        if when > datetime.now(UTC):
            when -= timedelta(hours=12)
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def day(days_ago: int) -> str:
    when = (datetime.now(UTC) - timedelta(days=days_ago)).replace(hour=9, minute=0, second=0)
    if when > datetime.now(UTC):
        when -= timedelta(hours=12)
    return when.date().isoformat()


def make_repo(repo: Path) -> Path:
    """The repository, with its content in repo/checklists (returned)."""
    content = repo / "checklists"
    shutil.copytree(FIXTURE, content)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The handbook as first published", days_ago=60)
    for days_ago, subject, edits in STEPS:
        if edits == "reformat":
            path = repo / CHAPTER
            path.write_text(_reformat(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            for file, old, new in edits:
                path = repo / file
                text = path.read_text(encoding="utf-8")
                assert old in text, (file, old)
                path.write_text(text.replace(old, new, 1), encoding="utf-8")
        git(repo, "commit", "-q", "-am", subject, days_ago=days_ago)
    return content
