"""A corpus of broken content: each case is rejected at its file, line and message.

tests/broken/cases.yml lists the cases; each puts one file of tests/broken
in place of (or next to) a file of the valid fixture content.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_CONTENT, ROOT
from handbook import ContentError, load_handbook

BROKEN = ROOT / "tests" / "broken"
MANIFEST = BROKEN / "cases.yml"
CASES = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["cases"]
BUILD_CASE = "quiz-answer-not-among-options"


def broken_copy(case: dict, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the fixture content with the case's file in place; returns (content, target)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    data = (BROKEN / case["file"]).read_bytes()
    if "pad_to_kib" in case:
        size = case["pad_to_kib"] * 1024
        padding = b"# padding to make the file too large\n"
        data += padding * ((size - len(data)) // len(padding) + 1)
        data = data[: size - 1] + b"\n"
    target = content / case["target"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return content, target


def test_the_manifest_has_enough_cases():
    assert len(CASES) >= 20
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "case names must be unique"


def test_every_corpus_file_is_used_by_a_case():
    files = {path.name for path in BROKEN.iterdir() if path.is_file() and path.name != MANIFEST.name}
    used = {case["file"] for case in CASES}
    assert files - used == set(), "corpus files that no case uses"
    assert used - files == set(), "cases whose file is missing"


def test_the_corpus_is_small():
    for path in BROKEN.iterdir():
        assert path.stat().st_size < 16 * 1024, f"{path.name} is large; generate big inputs in the test"


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_broken_content_is_rejected_at_file_line_and_message(case, tmp_path):
    content, target = broken_copy(case, tmp_path)
    with pytest.raises(ContentError) as caught:
        load_handbook(content, strict=True)
    problems = caught.value.problems
    file = target.resolve().as_posix()
    matches = [p for p in problems if (p.file, p.line, p.message) == (file, case["line"], case["message"])]
    assert matches, f"expected {file}:{case['line']}: {case['message']}; got:\n" + "\n".join(map(str, problems))
    [problem] = matches
    assert case.get("hint", "") in problem.hint
    assert problem.severity == case.get("severity", "error")


@pytest.mark.build
def test_the_site_build_stops_on_broken_content(tmp_path):
    [case] = [case for case in CASES if case["name"] == BUILD_CASE]
    content, target = broken_copy(case, tmp_path)
    out = tmp_path / "out"
    result = subprocess.run(
        [str(ROOT / "scripts" / "build"), str(out)],
        cwd=ROOT,
        env=dict(os.environ, HANDBOOK_EDIT_URI="", HANDBOOK_CONTENT=str(content)),
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert f"{target.resolve().as_posix()}:{case['line']}: error: {case['message']}" in output
    assert not (out / "index.html").exists()
    assert not (out / "en" / "index.html").exists()
