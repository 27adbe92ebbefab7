"""Edit links and hand-written pages: derived from the repository, checked per language."""

from __future__ import annotations

from handbook.handwritten import compare_languages
from handbook.repository import edit_uri_for


def test_edit_address_from_common_remote_forms():
    expected = "https://github.com/acme/handbook/edit/main/"
    assert edit_uri_for("https://github.com/acme/handbook.git") == expected
    assert edit_uri_for("git@github.com:acme/handbook.git") == expected
    assert edit_uri_for("ssh://git@github.com/acme/handbook") == expected
    assert (
        edit_uri_for("https://gitlab.example.com/team/cs/handbook.git", "trunk")
        == "https://gitlab.example.com/team/cs/handbook/-/edit/trunk/"
    )


def test_no_edit_address_for_a_remote_that_is_not_a_web_host():
    assert edit_uri_for("/srv/git/handbook.git") == ""
    assert edit_uri_for("../handbook") == ""


def test_a_hand_written_page_in_one_language_only_is_reported(tmp_path):
    for lang in ("zh", "en"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "index.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "zh" / "about.md").write_text("# 关于\n", encoding="utf-8")
    [problem] = compare_languages(tmp_path)
    assert problem.file == "docs/zh/about.md" and "no en version" in problem.message
    assert problem.hint == "add docs/en/about.md"


def test_the_real_hand_written_pages_exist_in_both_languages():
    assert compare_languages() == []
