"""The real content, held to the source manuals in tests/sources/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook import load_handbook
from handbook.checks import REF_MARKER

SOURCES = Path(__file__).parent / "sources"
HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})


@pytest.fixture(scope="module")
def handbook():
    loaded, problems = load_handbook(strict=True)
    assert problems.items == []
    return loaded


def source_text(manual) -> str:
    return (SOURCES / manual.source).read_text(encoding="utf-8")


def toc(manual) -> dict[str, str]:
    """Section number → exact Chinese title, from the source's table of contents."""
    head = source_text(manual).split("\n\n", 1)[0]
    return dict(re.findall(r"^(\d+\.\d+) (\S+?)(?:\d+\.第.章.*)?$", head, re.MULTILINE))


PARTS = "一二三四五六七八九十"


def chapter_source(manual, chapter_number: str) -> str:
    """The body text of one chapter: from its 第N章 heading to the next blank line."""
    body = source_text(manual).split("\n\n", 1)[1]
    start = body.index(f"第{chapter_number}章")
    end = body.find("\n\n", start)
    return body[start:end if end > 0 else None]


def section_source(manual, chapter_number: str, position: int, number: str, title: str,
                   following: str | None) -> str:
    """The source text of a section, starting with its heading.

    Most sections open with "2.4 title"; the chapter's part headings (一、二、…)
    repeat the section titles and are dropped. Chapter 5 of manual 000 numbers
    its sections only by part (一、…), and its "1.1 …" lines are sub-headings.
    """
    chapter = chapter_source(manual, chapter_number)
    part = re.compile(rf"\n[{PARTS}]、")
    # By number and title: 000 chapter 5 has sub-parts numbered like sections (五 holds 5.1-5.3).
    numbered = chapter.find(f"\n{number} {title}")
    if numbered >= 0:
        start = numbered + 1
    else:
        start = chapter.index(f"{PARTS[position]}、")
        start = chapter.index("\n", start) + 1
    ends = [m.start() for m in [part.search(chapter, start)] if m]
    if following and f"\n{following} " in chapter[start:]:
        ends.append(chapter.index(f"\n{following} ", start))
    return chapter[start:min(ends, default=None)]


def normalise(text: str) -> str:
    return text.translate(HALF_TO_FULL).replace("\n", "")


def unrepair(text: str, repairs) -> str:
    for repair in repairs:
        text = text.replace(repair.restored, repair.source)
    return REF_MARKER.sub("", text)


def test_real_content_loads_without_a_single_problem(handbook):
    assert handbook.manuals and handbook.sections()


def test_every_section_of_the_table_of_contents_exists_in_order_with_its_exact_title(handbook):
    for manual in handbook.manuals:
        titles = toc(manual)
        sections = [s for c in manual.chapters for s in c.sections]
        assert [s.number for s in sections] == list(titles), manual.id
        assert [c.number for c in manual.chapters] == sorted({n.split(".")[0] for n in titles}, key=int)
        for section in sections:
            # The one permitted difference: a recorded repair of a character the conversion got wrong.
            assert unrepair(section.title.zh, section.repairs) == titles[section.number], section.number


def test_the_lost_sections_are_marked_and_hold_no_invented_text(handbook):
    [manual] = [m for m in handbook.manuals if m.id == "000"]
    missing = [s.number for c in manual.chapters for s in c.sections if not s.published]
    assert missing == ["8.2", "8.3", "8.4", "8.5"]
    for section in (s for c in manual.chapters for s in c.sections if not s.published):
        assert not section.body and not section.requirements


def test_ids_are_unique_across_the_handbook(handbook):
    ids = [s.id for s in handbook.sections()] + [r.id for r in handbook.requirements()]
    ids += [step.id for r in handbook.requirements() for step in r.steps]
    assert len(ids) == len(set(ids))


def test_every_glossary_term_in_a_section_is_rendered_as_the_glossary_says(handbook):
    for section in handbook.sections():
        for text in section.texts():
            for term in handbook.glossary:
                if term.occurs_in(text.zh):
                    english = text.en.lower()
                    assert any(form.lower() in english for form in term.renderings), \
                        f"{section.id}: {term.zh} → {term.en!r} missing in {text.en[:60]!r}"


def test_every_published_section_has_prose_and_rules_in_both_languages(handbook):
    for section in handbook.sections():
        if section.published:
            assert section.body and section.requirements, section.id
            for text in section.texts():
                assert text.zh.strip() and text.en.strip()


def test_chinese_prose_is_the_source_word_for_word_and_complete(handbook):
    """Undo the recorded repairs and the punctuation normalisation: each block
    must then appear in the source in order, and nothing else may be left."""
    for manual in handbook.manuals:
        for chapter in manual.chapters:
            sections = chapter.sections
            for index, section in enumerate(sections):
                if not section.published:
                    continue
                following = sections[index + 1].number if index + 1 < len(sections) else None
                title = unrepair(section.title.zh, section.repairs)
                remaining = normalise(section_source(manual, chapter.number, index, section.number, title,
                                                     following))
                heading = normalise(f"{section.number} {unrepair(section.title.zh, section.repairs)}")
                while remaining.startswith(heading):   # a bare heading line, then the body's
                    remaining = remaining[len(heading):]
                blocks = [t for block in section.body for t in block.texts]
                repairs = list(section.repairs)
                if following is None:
                    blocks += [t for block in chapter.summary for t in block.texts]
                    repairs += chapter.repairs
                for text in blocks:
                    expected = normalise(unrepair(text.zh, repairs))
                    position = remaining.find(expected)
                    assert position >= 0, f"{section.id}: not in the source (or out of order): {text.zh[:40]}…"
                    skipped = remaining[:position]
                    # List markers and the source's numbering of sub-headings are not text.
                    assert re.fullmatch(r"(?:-|\d\.|\d+\.\d+ ?)?", skipped), \
                        f"{section.id}: source text left out: {skipped!r}"
                    remaining = remaining[position + len(expected):]
                assert remaining in ("", "\n"), f"{section.id}: source text left out at the end: {remaining!r}"


def steps_of(handbook, requirement_id: str) -> list[str]:
    requirement = next(r for r in handbook.requirements() if r.id == requirement_id)
    return [s.text.zh.split("：")[0] for s in requirement.steps]


def test_ordered_procedures_keep_their_steps(handbook):
    assert steps_of(handbook, "000-2.3-p1") == ["问题识别", "问题记录", "问题分析", "问题解决", "问题反馈"]
    assert steps_of(handbook, "000-2.4-p1") == ["投诉记录", "投诉分析", "投诉处理", "投诉反馈", "投诉归档"]
    assert steps_of(handbook, "000-4.2-p1") == ["问题识别", "问题分类", "问题处理", "问题闭环"]
    assert steps_of(handbook, "000-8.1-p1") == ["预防为主，防患未然", "快速响应，及时处理", "分级管理，责任明确",
                                                "信息透明，沟通及时", "持续改进，总结提升"]


def test_every_numbered_list_of_the_source_is_kept_as_a_list(handbook):
    for section in handbook.sections():
        for block in section.body:
            if block.kind == "numbered":
                assert len(block.texts) >= 2, section.id


def test_no_citation_is_presented_as_verified_without_a_record(handbook):
    for reference in handbook.references.values():
        assert reference.cited_by, reference.id
        if reference.status != "unchecked":
            assert {"by", "date", "how"} <= set(reference.verification or {}), reference.id


def test_repairs_await_review_and_match_the_source(handbook):
    for manual in handbook.manuals:
        source = source_text(manual)
        for chapter in manual.chapters:
            for repair in chapter.repairs + [r for s in chapter.sections for r in s.repairs]:
                assert repair.source in source, repair.source


def test_readers_never_meet_the_projects_internal_notes(handbook):
    """Reference notes are shown on the pages: they may not send readers to files only editors have."""
    for text in handbook.texts():
        for lang in ("zh", "en"):
            assert "README" not in text[lang] and "seeds" not in text[lang], text.origin
