"""Ownership, review dates and stale translations: checked in the content and shown on the pages."""

from __future__ import annotations

from test_model import edit, line_of, only, problems_of

from handbook import load_handbook
from handbook.dependent_stamp import stamp_dependents
from handbook.generate import build_pages
from handbook.generate.notices import review_notice

MANUAL = "manuals/900/manual.yml"
CHAPTER = "manuals/900/01.yml"


def pages(content, lang, strict=True):
    handbook, _ = load_handbook(content, strict=strict)
    return {page.path: page.markdown for page in build_pages(handbook, lang)}


def test_every_page_of_a_manual_names_its_owner_and_review_dates(content):
    for path in ("manuals/900/index.md", "manuals/900/1/index.md", "manuals/900/1/1.1.md"):
        page = pages(content, "en")[path]
        assert "Owner: @handbook-org/manual-900-editors · last reviewed 2026-11-24 · next review 2027-05-24" in page, (
            path
        )
        assert 'data-hb-review-by="2027-05-24" hidden' in page, path
        assert page.index("data-hb-review-by") < page.index("Owner: "), (
            "the notice is at the top, the owner at the foot"
        )
    assert (
        "负责人：@handbook-org/manual-900-editors · 上次审核：2026-11-24 · 下次审核：2027-05-24"
        in pages(content, "zh")["manuals/900/1/1.1.md"]
    )


def test_a_review_date_that_has_passed_shows_the_notice(content):
    manual = load_handbook(content)[0].manuals[0]
    due = "\n".join(review_notice(manual, "en", today="2027-05-25"))
    assert (
        'data-hb-review-by="2027-05-24" data-search-exclude>This manual was due for review by 2027-05-24 and is overdue'
        in due
    )
    on_time = "\n".join(review_notice(manual, "en", today="2027-05-24"))
    assert 'data-hb-review-by="2027-05-24" hidden' in on_time


def test_review_dates_must_be_dates_and_in_order(content):
    path = edit(content, MANUAL, 'next: "2027-05-24"', 'next: "2026-13-01"')
    only(problems_of(content), path, line_of(path, "next:"), "review.next: '2026-13-01' is not a date", "YYYY-MM-DD")
    path = edit(content, MANUAL, 'next: "2026-13-01"', 'next: "2026-01-01"')
    only(
        problems_of(content),
        path,
        line_of(path, "next:"),
        "the next review (2026-01-01) is not after the last (2026-11-24)",
    )
    path = edit(content, MANUAL, 'owner: "@handbook-org/manual-900-editors"\n', "")
    only(problems_of(content), path, line_of(path, 'id: "900"'), "missing 'owner'")


def test_a_stale_translation_fails_strict_builds_unless_accepted_and_then_shows_a_notice(content):
    path = edit(
        content,
        CHAPTER,
        "zh: 服务人员应及时处理投诉。[ref:law-example]",
        "zh: 服务人员应在当天处理投诉。[ref:law-example]",
    )
    english = "en: Service staff handle each complaint promptly.[ref:law-example]"
    problem = only(problems_of(content), path, line_of(path, english), "stale translation", "stale_ok: true")
    assert problem.severity == "warning"
    edit(content, CHAPTER, english + "\n", english + "\n          stale_ok: true\n")
    for built_on_it in ("topics.yml", "rubrics/01-complaint-assessment.yml"):  # reviewed (issue 24)
        stamp_dependents(load_handbook(content, strict=False)[0], content / built_on_it, accept_all=True)
    load_handbook(content, strict=True)  # accepted: the strict build goes ahead
    page = pages(content, "en")["manuals/900/1/1.1.md"]
    assert "The Chinese version has changed since this was translated" in page
    assert 'href="../../../../../manuals/900/1/1.1/" hreflang="zh"' in page
    assert "The Chinese version has changed" not in pages(content, "en")["manuals/900/1/1.2.md"]
    assert "中文原文在本译文完成后已有改动" not in pages(content, "zh")["manuals/900/1/1.1.md"]


def test_stale_ok_on_an_up_to_date_text_is_reported(content):
    path = edit(
        content,
        CHAPTER,
        "          en: Service staff handle each complaint promptly.\n",
        "          en: Service staff handle each complaint promptly.\n          stale_ok: true\n",
    )
    only(
        problems_of(content),
        path,
        line_of(path, "en: Service staff handle each complaint promptly.", 2),
        "stale_ok on an English text that is up to date",
    )
