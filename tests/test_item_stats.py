"""scripts/hb item-stats: each question's facility from a folder of exported results.

The result files are written here by hand, as quiz.js and onboarding.js export
them; every facility below is worked out by hand from them."""

from __future__ import annotations

import csv
import json

from conftest import ROOT
from handbook.cli import main
from handbook.item_stats import collect
from handbook.loader import CONTENT, read_handbook
from handbook.problems import Problems


def result(quiz, seed, items, submitted="2026-12-01", version=1):
    return {
        "format": "handbook-quiz-result",
        "version": version,
        "quiz": quiz,
        "lang": "zh",
        "final": False,
        "pass": 80,
        "exported": submitted + "T09:00:00Z",
        "submitted": submitted,
        "seed": seed,
        "score": {"right": sum(right for _, right, _ in items), "total": len(items)},
        "items": [
            {"id": id_, "h": "h1", "type": "single", "answered": bool(chosen), "right": right, "chosen": chosen}
            for id_, right, chosen in items
        ],
    }


def write(folder, name, data):
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def results_folder(tmp_path):
    """Three learners' results of bank 001-5, and one onboarding record holding a final assessment."""
    folder = tmp_path / "results"
    folder.mkdir()
    write(
        folder,
        "wang.json",
        result(
            "001-5",
            11,
            [("001-5.1-q1", True, ["A", "C"]), ("001-5.1-q2", True, ["true"]), ("001-5.2-q1", False, ["B"])],
        ),
    )
    write(
        folder,
        "li.json",
        result(
            "001-5", 22, [("001-5.1-q1", False, ["A"]), ("001-5.1-q2", True, ["true"]), ("001-5.2-q1", False, ["B"])]
        ),
    )
    write(
        folder,
        "zhang.json",
        result(
            "001-5",
            33,
            [("001-5.1-q1", True, ["A", "C"]), ("001-5.1-q2", True, ["true"]), ("001-5.2-q1", False, ["C"])],
        ),
    )
    record = {
        "format": "handbook-onboarding-record",
        "version": 1,
        "learner": "赵六",
        "date": "2026-12-02",
        "quizzes": [
            {"quiz": "001-5", "final": False, "best": None, "exam": None},
            {
                "quiz": "final",
                "final": True,
                "best": {"right": 1, "total": 2},
                "exam": {
                    "submitted": "2026-12-02",
                    "seed": 44,
                    "items": [
                        {"id": "001-5.1-q2", "h": "h1", "right": True, "chosen": ["true"]},
                        {"id": "001-5.2-q1", "h": "h1", "right": False, "chosen": []},
                    ],
                },
            },
        ],
    }
    write(folder, "zhao-record.json", record)
    return folder


def test_facility_is_the_share_right_and_extremes_are_flagged_after_enough_attempts(tmp_path):
    report = collect(results_folder(tmp_path))
    assert report.attempts == 4 and report.skipped == []
    stats = {s.id: s for s in report.items}
    # 001-5.1-q1: right for wang and zhang, wrong for li: 2 of 3.
    assert (stats["001-5.1-q1"].attempts, stats["001-5.1-q1"].right) == (3, 2)
    assert round(stats["001-5.1-q1"].facility, 3) == 0.667
    # 001-5.1-q2: right in all 4 attempts (three results, the final assessment).
    assert (stats["001-5.1-q2"].attempts, stats["001-5.1-q2"].right, stats["001-5.1-q2"].facility) == (4, 4, 1.0)
    # 001-5.2-q1: wrong in all 4; B chosen twice, C once, one left unanswered.
    assert (stats["001-5.2-q1"].attempts, stats["001-5.2-q1"].right) == (4, 0)
    assert stats["001-5.2-q1"].chosen == {"B": 2, "C": 1, "—": 1}
    assert [s.flag(5) for s in report.items] == ["", "", ""], "4 attempts are too few to flag at 5"
    assert [s.flag(4) for s in report.items] == ["", "everyone right", "everyone wrong"]


def test_the_command_prints_the_table_and_writes_csv(tmp_path, capsys):
    folder = results_folder(tmp_path)
    out = tmp_path / "stats.csv"
    assert main(["item-stats", str(folder), "--min-attempts", "4", "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("4 exam attempt(s) from 4 file(s).")
    rows = [line.split() for line in printed.splitlines() if line.startswith("001-")]
    assert rows[0][:6] == ["001-5.1-q1", "3", "2", "67%", "A", "(1)"]  # li's wrong answer: A alone
    assert rows[1][:6] == ["001-5.1-q2", "4", "4", "100%", "everyone", "right"]
    assert rows[2][:8] == ["001-5.2-q1", "4", "0", "0%", "everyone", "wrong", "B", "(2)"]
    # The last column says what each question asks, from the handbook as it is now.
    asks = {q.id: q.question.zh for q in read_handbook(CONTENT, Problems(ROOT)).questions()}
    for line in printed.splitlines():
        if line.startswith("001-"):
            whole = asks.get(line.split()[0], "(no longer in the handbook)")
            # Up to 24 characters are shown; a longer text is cut to 23 and an ellipsis.
            assert line.endswith(whole if len(whole) <= 24 or whole.startswith("(") else whole[:23] + "…"), line
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert table[0]["asks"] == asks.get("001-5.1-q1", "(no longer in the handbook)")
    assert [(r["question"], r["attempts"], r["right"], r["facility"], r["flag"]) for r in table] == [
        ("001-5.1-q1", "3", "2", "0.667", ""),
        ("001-5.1-q2", "4", "4", "1.000", "everyone right"),
        ("001-5.2-q1", "4", "0", "0.000", "everyone wrong"),
    ]
    assert table[0]["quizzes"] == "001-5" and table[1]["quizzes"] == "001-5 final"


def test_corrupt_and_foreign_files_are_named_and_skipped(tmp_path, capsys):
    folder = results_folder(tmp_path)
    write(folder, "broken.json", '{"format": "handbook-quiz-result", "items": [')
    write(folder, "rubric.json", {"format": 1, "rubric": "service-attitude-assessment", "assessments": []})
    write(folder, "newer.json", result("001-5", 55, [("001-5.1-q1", True, ["A"])], version=2))
    write(
        folder,
        "damaged.json",
        {**result("001-5", 66, [("001-5.1-q1", True, ["A"])]), "items": [{"id": "001-5.1-q1", "right": "yes"}]},
    )
    write(folder, "notes.txt", "trainer's notes")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert main(["item-stats", str(folder)]) == 0
    printed = capsys.readouterr().out
    assert "4 exam attempt(s) from 4 file(s)." in printed  # the good ones, unchanged
    for name, why in (
        ("broken.json", "not valid JSON (line 1)"),
        ("rubric.json", "not a quiz result or an onboarding record of this handbook"),
        ("newer.json", "format version 2, newer than this command reads (1)"),
        ("damaged.json", "a damaged question entry"),
        ("notes.txt", "not valid JSON"),
        ("photo.png", "not a text file"),
    ):
        assert any(line.startswith(f"skipped {name}: ") and why in line for line in printed.splitlines()), (
            name,
            printed,
        )


def test_one_exam_exported_twice_counts_once(tmp_path, capsys):
    folder = results_folder(tmp_path)
    final = json.loads((folder / "zhao-record.json").read_text(encoding="utf-8"))["quizzes"][1]
    write(
        folder,
        "zhao-final.json",
        {
            **result("final", 44, [("001-5.1-q2", True, ["true"]), ("001-5.2-q1", False, [])], submitted="2026-12-02"),
            "submitted": final["exam"]["submitted"],
        },
    )
    report = collect(folder)
    assert report.attempts == 4 and report.duplicates == 1


def test_an_empty_or_missing_folder_is_an_error(tmp_path, capsys):
    assert main(["item-stats", str(tmp_path / "nowhere")]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["item-stats", str(tmp_path / "empty")]) == 1
    assert "no exam results" in capsys.readouterr().err


def test_a_question_no_longer_in_the_handbook_says_so(tmp_path, capsys):
    folder = tmp_path / "old"
    folder.mkdir()
    write(folder, "old.json", result("001-5", 7, [("001-5.9-q99", True, ["A"])]))
    assert main(["item-stats", str(folder)]) == 0
    [row] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("001-5.9-q99")]
    assert row.endswith("(no longer in the handbook)")
