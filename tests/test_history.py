"""The change history per rule, from a repository with a known history (tests/support/history_repo.py)."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest

from handbook.history import build as history_build
from handbook.history.build import build_history, history_for
from handbook.history.chardiff import new_side, old_side, segments
from handbook.history.rules import parse
from handbook.history.settings import read_settings
from handbook.problems import ContentError
from tests.support.history_repo import day, make_repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return make_repo(tmp_path_factory.mktemp("history") / "repo")


@pytest.fixture(scope="module")
def history(repo):
    return build_history(repo, cache=False)


def changes_of(history) -> list[tuple[str, str, str, str]]:
    return [
        (version.date, version.subject, change.kind, change.id)
        for version in history.versions
        for change in version.changes + version.translations
    ]


def test_each_kind_of_change_is_found_with_its_date_and_subject(history):
    assert history.available and history.note == ""
    assert history.start == day(60)
    assert changes_of(history) == [
        (day(50), "Add 900-1.1-r3: record what the complaint is about (#11)", "added", "900-1.1-r3"),
        (day(10), "Reporting the outcome: to the customer (#12)", "changed", "900-1.1-p1-s2"),
        (day(10), "Reporting the outcome: to the customer (#12)", "changed", "900-1.1-q1"),
        (day(5), "Reword 900-1.1-r1 (#13)", "changed", "900-1.1-r1"),
        (
            day(3),
            "Remove 900-1.1-r3 again; the complaint checklist asks to reassure the customer (#14)",
            "removed",
            "900-1.1-r3",
        ),
        (
            day(3),
            "Remove 900-1.1-r3 again; the complaint checklist asks to reassure the customer (#14)",
            "removed",
            "complaint-check/900-1.1-p1-s2",
        ),
        (
            day(3),
            "Remove 900-1.1-r3 again; the complaint checklist asks to reassure the customer (#14)",
            "added",
            "complaint-check/900-1.1-p2-s1",
        ),
        (day(2), "English: at least 8 hours (#15)", "translated", "900-1.1-r2"),
    ]


def test_formatting_and_order_only_changes_make_no_version(history, repo):
    log = subprocess.run(["git", "log", "--format=%s"], cwd=repo.parent, capture_output=True, text=True).stdout
    assert "Tidy the YAML of chapter 1 (#16)" in log
    assert "Tidy the YAML of chapter 1 (#16)" not in [v.subject for v in history.versions]
    assert len(history.versions) == 5


def test_a_change_keeps_the_old_and_new_text_in_both_languages(history):
    ((version, change),) = history.rule_changes("900-1.1-p1-s2")
    assert (change.old.zh, change.new.zh) == ("反馈处理结果。", "向客户反馈处理结果。")
    assert (change.old.en, change.new.en) == ("Report the outcome.", "Report the outcome to the customer.")
    assert change.new.section_id == "900-1.1" and change.new.manual_id == "900"
    reword = history.rule_changes("900-1.1-r1")[0][1]
    assert reword.old.en == reword.new.en, "the reword changed the Chinese alone"


def test_english_only_changes_are_translation_updates_not_changes(history):
    assert history.rule_changes("900-1.1-r2") == []
    (translated,) = [c for v in history.versions for c in v.translations]
    assert translated.old.zh == translated.new.zh and translated.new.en.startswith("Service staff receive at least")


def test_a_section_knows_its_rules_changes_newest_first_including_removed_ones(history):
    dates = [version.date for version, _ in history.section_changes("900-1.1")]
    assert dates == sorted(dates, reverse=True)
    assert {change.id for _, change in history.section_changes("900-1.1")} == {
        "900-1.1-r3",
        "900-1.1-p1-s2",
        "900-1.1-r1",
    }
    assert [(c.kind, c.id) for _, c in history.owner_changes("complaint-check")] == [
        ("removed", "complaint-check/900-1.1-p1-s2"),
        ("added", "complaint-check/900-1.1-p2-s1"),
    ]


def test_history_from_makes_earlier_commits_the_baseline(repo):
    settings = read_settings(repo)
    later = build_history(repo, type(settings)(recent_days=30, history_from=day(7)), cache=False)
    assert later.start == day(7)
    assert [v.date for v in later.versions] == [day(5), day(3), day(2)]


def test_each_file_version_is_parsed_once_and_the_disk_cache_serves_the_next_build(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_HISTORY_CACHE", str(tmp_path / "cache"))
    cold = build_history(repo, cache=True)
    warm = build_history(repo, cache=True)
    assert cold.cost["blobs_parsed"] == len({(p, b) for p, b in _blobs(repo)})
    assert warm.cost["blobs_parsed"] == 0 and warm.cost["parse_seconds"] == 0
    assert changes_of(warm) == changes_of(cold)
    # A damaged cache is a slower build, never a wrong one.
    next((tmp_path / "cache").glob("*.pickle")).write_bytes(b"not a pickle")
    assert changes_of(build_history(repo, cache=True)) == changes_of(cold)


def _blobs(repo: Path):
    """Every (path, blob) of a rule-holding file in the history, as git lists them."""
    out = subprocess.run(
        ["git", "log", "--format=", "--raw", "--no-abbrev", "--root", "--", "checklists"],
        cwd=repo.parent,
        capture_output=True,
        text=True,
    ).stdout
    for line in out.splitlines():
        meta, path = line.split("\t")
        blob = meta.split()[3]
        relative = path.split("/", 1)[1]
        if relative.endswith(".yml") and relative.startswith(("manuals/900/0", "quizzes/", "checklists/")):
            yield relative, blob


def test_a_shallow_clone_of_one_commit_has_no_history_and_says_so_once(repo, tmp_path, caplog):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.parent}", str(clone)], check=True)
    history_build._warned.clear()
    with caplog.at_level(logging.WARNING, logger="handbook.history"):
        first = history_for(clone / "checklists")
        second = history_for(clone / "checklists")
    assert not first.available and first.versions == () and second is first
    warnings = [r for r in caplog.records if r.name == "handbook.history"]
    assert len(warnings) == 1 and "shallow" in warnings[0].getMessage()
    assert "fetch-depth: 0" in warnings[0].getMessage()


def test_a_shallow_clone_of_some_commits_shows_what_it_has_and_says_what_is_missing(repo, tmp_path, caplog):
    clone = tmp_path / "shallow3"
    subprocess.run(["git", "clone", "-q", "--depth", "3", f"file://{repo.parent}", str(clone)], check=True)
    history_build._warned.clear()
    with caplog.at_level(logging.WARNING, logger="handbook.history"):
        partial = build_history(clone / "checklists", cache=False)
    assert partial.available and partial.note.startswith("shallow clone")
    # The boundary commit (3 days ago) is the baseline: its own changes are not invented.
    assert [v.date for v in partial.versions] == [day(2)]
    assert sum("incomplete" in r.getMessage() for r in caplog.records) == 1


def test_content_outside_git_has_no_history(tmp_path, repo, caplog):
    copy = tmp_path / "plain"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(".git"))
    history_build._warned.clear()
    with caplog.at_level(logging.WARNING, logger="handbook.history"):
        found = history_for(copy)
    assert not found.available and found.versions == ()
    assert sum(r.name == "handbook.history" for r in caplog.records) == 1


def test_quiz_questions_are_judged_by_their_stem_and_options():
    before = parse(
        "quizzes/x.yml",
        """chapter: "900-1"
questions:
  - id: "900-1.1-q9"
    section: "900-1.1"
    question: {zh: 问题, en: Question}
    options:
      - text: {zh: 甲, en: A}
        correct: true
      - text: {zh: 乙, en: B}
""".encode(),
    )
    after = parse(
        "quizzes/x.yml",
        """chapter: "900-1"
questions:
  - id: "900-1.1-q9"
    section: "900-1.1"
    question: {en: Question, zh: 问题}
    options:
      - text: {zh: 甲, en: A}
      - text: {zh: 乙, en: B}
        correct: true
""".encode(),
    )
    assert before[0].zh != after[0].zh, "moving the key is a change"
    assert before[0].zh.splitlines()[0] == after[0].zh.splitlines()[0] == "问题"


def test_an_unreadable_file_version_holds_no_rules():
    assert parse("manuals/900/01.yml", b"sections: [unclosed") == ()
    assert parse("manuals/900/manual.yml", b"id: '900'") == ()


def test_character_level_difference():
    parts = segments("服务人员应及时处理投诉。", "服务人员应及时处理每一项投诉。")
    assert parts == [("same", "服务人员应及时处理"), ("ins", "每一项"), ("same", "投诉。")]
    assert "".join(text for _, text in old_side(parts)) == "服务人员应及时处理投诉。"
    assert "".join(text for _, text in new_side(parts)) == "服务人员应及时处理每一项投诉。"


def test_the_settings_are_checked_with_file_and_line(tmp_path):
    (tmp_path / "changes.yml").write_text("recent_days: 0\nhistory_from: 2026-1-1\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        read_settings(tmp_path)
    messages = [str(p) for p in error.value.problems]
    assert any("changes.yml:1:" in m and "recent_days" in m for m in messages)
    assert any("changes.yml:2:" in m and "history_from" in m for m in messages)


def test_the_real_settings_are_valid():
    from conftest import ROOT

    settings = read_settings(ROOT / "checklists")
    assert settings.recent_days == 30 and settings.history_from


def test_differences_stored_by_one_build_are_those_the_next_would_work_out(tmp_path):
    """The marks and the what-changed pages show the same differences, build after build:
    the history's cache keeps them (chardiff.remember); a damaged store is worked out again."""
    from handbook.history import chardiff

    pairs = {
        (False, "服务人员应尊重客户的意见。", "服务人员应始终尊重客户的意见，并及时回应。"),
        (True, "Staff respect the customer's view.", "Staff always respect the customer's view and reply promptly."),
    }

    def shown() -> dict:
        return {key: (chardiff.word_segments if key[0] else chardiff.segments)(key[1], key[2]) for key in pairs}

    chardiff.remember(set(), None)
    worked_out = shown()
    store = tmp_path / "diffs.pickle"
    chardiff.remember(pairs, store)  # a build: works them out and stores them
    assert store.is_file()
    chardiff.remember(set(), None)
    chardiff.remember(pairs, store)  # the next build: read from the store
    assert shown() == worked_out
    for (_, old, new), parts in worked_out.items():
        assert "".join(text for _, text in old_side(parts)) == old
        assert "".join(text for _, text in new_side(parts)) == new
        assert any(op == "ins" for op, _ in parts)
    store.write_bytes(b"not a pickle")
    chardiff.remember(set(), None)
    chardiff.remember(pairs, store)
    assert shown() == worked_out
    chardiff.remember(set(), None)
