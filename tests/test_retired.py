"""A rule id once published stays known: a withdrawn id is recorded as `retired`, naming
what replaced it and why; it is never shown, never reused and never cited (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook import load_handbook
from handbook.checks import check_handbook
from handbook.generate import build_pages
from handbook.loader import read_handbook
from handbook.problems import Problems
from handbook.retired import retired_ids


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(strict=True)[0]


def _errors(content: Path) -> list[str]:
    problems = Problems(content.parent)
    check_handbook(read_handbook(content, problems), problems)
    return [f"{p.file}:{p.line}: {p.message} ({p.hint})" for p in problems.errors]


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_duplicate_fragment_id_is_retired_in_favour_of_the_one_shown(handbook):
    record = retired_ids(handbook)["001-6.3-r3"]
    assert record.replaced_by == "001-6.3-r2" and "六（三）" in record.why
    assert "001-6.3-r3" not in handbook.rules()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_truncated_sentence_is_shown_once_and_the_retired_id_nowhere(handbook, lang):
    pages = build_pages(handbook, lang)
    section = next(p for p in pages if p.path == "manuals/001/6/6.3.md").markdown
    end = "……（原文至此中断）" if lang == "zh" else "… (the source breaks off here)"
    assert section.count(end) == 1
    # Only the change history names it: there it is a removed rule (issue 22).
    assert not [p.path for p in pages if "001-6.3-r3" in p.markdown and not p.path.startswith("changes/")]


def test_citing_a_retired_id_is_an_error_naming_its_replacement(real_content):
    checklist = real_content / "checklists/05-complaint.yml"
    _replace(
        checklist,
        '      - requirement: "001-6.3-r1"\n',
        '      - requirement: "001-6.3-r1"\n      - requirement: "001-6.3-r3"\n',
    )
    quiz = real_content / "quizzes/001-6.yml"
    _replace(quiz, '      - "001-6.3-r1"', '      - "001-6.3-r3"')
    errors = _errors(real_content)
    for path in (checklist, quiz):
        where = f"{path.relative_to(real_content.parent).as_posix()}:{_line_of(path, '001-6.3-r3')}: '001-6.3-r3' is retired (replaced by '001-6.3-r2'"
        assert [e for e in errors if e.startswith(where) and "cite '001-6.3-r2' instead" in e], "\n".join(errors)
        line = where.split(": ")[0] + ":"
        assert len([e for e in errors if e.startswith(line)]) == 1, "one report per citation, not also 'does not exist'"


def test_a_retired_id_is_never_reused_and_names_a_live_replacement(real_content):
    chapter = real_content / "manuals/001/06.yml"
    _replace(chapter, '      - id: "001-6.3-r2"\n', '      - id: "001-6.3-r3"\n')
    errors = _errors(real_content)
    text = chapter.read_text(encoding="utf-8").splitlines()
    record_line = next(
        n
        for n, line in enumerate(text, 1)
        if line.strip() == '- id: "001-6.3-r3"' and text[n].strip().startswith("replaced_by")
    )
    assert (
        f"{chapter.relative_to(real_content.parent).as_posix()}:{record_line}: retired id '001-6.3-r3' is also the id of a live rule"
        in "\n".join(errors)
    )
    assert (
        f"{chapter.relative_to(real_content.parent).as_posix()}:{record_line + 1}: retired id '001-6.3-r3' is replaced by '001-6.3-r2', "
        "which is not a live requirement or step" in "\n".join(errors)
    )


def test_a_retired_record_is_checked_against_the_schema(real_content):
    chapter = real_content / "manuals/001/06.yml"
    _replace(chapter, '        replaced_by: "001-6.3-r2"\n', "")
    errors = _errors(real_content)
    assert any(
        e.startswith(chapter.relative_to(real_content.parent).as_posix()) and "replaced_by" in e for e in errors
    ), "\n".join(errors)


def test_the_editors_report_lists_the_retired_ids(handbook):
    from test_cli import hb

    out = hb("report").stdout
    assert f"| retired ids (withdrawn, never shown or cited) | {len(retired_ids(handbook))} |" in out
    assert "checklists/manuals/001/06.yml:" in out and "001-6.3-r3 → 001-6.3-r2" in out
