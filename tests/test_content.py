"""The real content, held to the source manuals in tests/sources/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook.checks import REF_MARKER
from handbook.generate.numbering import CHINESE_NUMERALS as NUMERALS
from handbook.generate.numbering import chinese_numeral
from handbook.revisions import imported, imported_texts, read_edition

SOURCES = Path(__file__).parent / "sources"
HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})


@pytest.fixture(scope="module")
def handbook(real_load):
    loaded, problems = real_load
    assert problems.items == []
    return loaded


def source_text(manual) -> str:
    return (SOURCES / manual.source).read_text(encoding="utf-8")


def chapter_source(manual, chapter) -> str:
    """The source text of one chapter, from its heading to its end."""
    text = source_text(manual)
    n = int(chapter.number)
    title = unrepair(imported(chapter.title), chapter.repairs)
    if manual.style == "questions":  # 002: one list of questions and answers
        return text
    if manual.style == "parts":  # 001: 一、总则(一)目的… up to the next part
        start = text.index(f"{chinese_numeral(n)}、{title}")
        following = text.find(f"\n{chinese_numeral(n + 1)}、", start)
        return text[start : following if following > 0 else None]
    # 000 writes 第1章, 003 第一章; both repeat the heading in their table of contents, so take the last.
    start = max(text.rfind(f"第{n}章{title}"), text.rfind(f"第{chinese_numeral(n)}章{title}"))
    end = text.find("\n\n", start)
    return text[start : end if end > 0 else None]


def section_source(manual, chapter, position: int, following) -> tuple[str, str]:
    """The source text of a section and the heading it starts with."""
    section = chapter.sections[position]
    title = unrepair(imported(section.title), section.repairs)
    text = chapter_source(manual, chapter)
    if manual.style == "questions":
        text = text.translate(HALF_TO_FULL)
        start = text.index(f"\n{title}\n") + 1
        end = text.find(f"\n{imported(following.title)}\n", start) if following else -1
        return text[start : end if end > 0 else None], title
    if manual.style == "parts":
        label = f"({chinese_numeral(position + 1)})"
        start = text.index(f"{label}{title}")
        end = text.find(f"\n({chinese_numeral(position + 2)})", start)
        return text[start : end if end > 0 else None], label + title
    # By number and title: 000 chapter 5 has sub-parts numbered like sections (五 holds 5.1-5.3),
    # and numbers its sections only by part (一、…); the part headings repeat section titles.
    heading = f"{section.number} {title}"
    numbered = text.find(f"\n{heading}")
    if numbered >= 0:
        start = numbered + 1
    else:  # the part line (一、title) is the heading; the text starts on the next line
        start = text.index(f"{chinese_numeral(position + 1)}、")
        start, heading = text.index("\n", start) + 1, ""
    ends = [m.start() for m in [re.compile(rf"\n[{NUMERALS}]、").search(text, start)] if m]
    if following and f"\n{following.number} " in text[start:]:
        ends.append(text.index(f"\n{following.number} ", start))
    return text[start : min(ends, default=None)], heading


def toc_000(manual) -> dict[str, str]:
    """Section number → exact Chinese title, from 000's table of contents (one line each)."""
    head = source_text(manual).split("\n\n", 1)[0]
    return dict(re.findall(r"^(\d+\.\d+) (\S+?)(?:\d+\.第.章.*)?$", head, re.MULTILINE))


def assert_in_order(haystack: str, needles: list[str], what: str) -> None:
    at = 0
    for needle in needles:
        found = haystack.find(needle, at)
        assert found >= 0, f"{what}: {needle!r} not found (or out of order)"
        at = found + len(needle)


def normalise(text: str) -> str:
    return text.translate(HALF_TO_FULL).replace("\n", "")


def unrepair(text: str, repairs) -> str:
    for repair in repairs:
        text = text.replace(repair.restored, repair.source)
    return REF_MARKER.sub("", text)


def test_real_content_loads_without_a_single_problem(handbook):
    assert handbook.manuals and handbook.sections()


def test_every_section_of_the_table_of_contents_exists_in_order_with_its_exact_title(handbook):
    """The one permitted difference from a source title: a recorded repair of a character the conversion got wrong."""
    for manual in handbook.manuals:
        text = source_text(manual)
        sections = [s for c in manual.chapters for s in c.sections]
        titles = {s.number: unrepair(imported(s.title), s.repairs) for s in sections}
        assert [c.number for c in manual.chapters] == [str(n) for n in range(1, len(manual.chapters) + 1)]
        if manual.id == "000":
            assert titles == toc_000(manual)
            assert [s.number for s in sections] == list(toc_000(manual))
        elif manual.style == "chapters":  # 003: the contents are one line, glued to page numbers and field codes
            contents = text.split("\n", 1)[0]
            contents = contents[: contents.rfind("第一章")]
            assert len(re.findall(r"\d\.\d+(?:\.\d+)?[\u4e00-\u9fff]", contents)) == len(sections)
            assert len(re.findall(rf"第[{NUMERALS}]+章", contents)) == len(manual.chapters)
            assert_in_order(
                contents,
                [f"第{chinese_numeral(int(c.number))}章{imported(c.title)}" for c in manual.chapters],
                manual.id,
            )
            assert_in_order(contents, [f"{s.number}{titles[s.number]}" for s in sections], manual.id)
        elif manual.style == "parts":  # 001 has no contents: its headings are 一、… and (一)…
            for chapter in manual.chapters:
                body = chapter_source(manual, chapter)
                assert len(re.findall(rf"\([{NUMERALS}]\)", body)) == len(chapter.sections), chapter.id
                assert_in_order(
                    body,
                    [f"({chinese_numeral(i + 1)}){titles[s.number]}" for i, s in enumerate(chapter.sections)],
                    chapter.id,
                )
            # A part starts a line, except the first, which follows the title on line 1.
            parts = re.findall(rf"(?:\n|^{re.escape(manual.title.zh)})[{NUMERALS}]、", text)
            assert len(parts) == len(manual.chapters)
        else:  # 002: a title line, then question and answer lines in turn
            questions = [q.translate(HALF_TO_FULL) for q in text.splitlines()[1::2]]
            assert [titles[s.number] for s in sections] == questions


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
                    assert any(form.lower() in english for form in term.renderings), (
                        f"{section.id}: {term.zh} → {term.en!r} missing in {text.en[:60]!r}"
                    )


# 应 and 需 as modal verbs, not inside 响应, 回应, 相应, 应用, 应急, 应对 or 需求.
NORMATIVE = re.compile(r"(?<![响回相对适供反答])应(?![用急对变])|需(?!求)|必须|不得|禁止")


def test_every_published_section_has_prose_and_rules_in_both_languages(handbook):
    for section in handbook.sections():
        if section.published:
            assert section.body, section.id
            for text in section.texts():
                assert text.zh.strip() and text.en.strip()
            # A section may state no rule (requirements: []), but one whose text says 应/需/必须… must list them.
            prose = "".join(t.zh for b in section.body for t in b.texts)
            if NORMATIVE.search(prose):
                assert section.requirements, f"{section.id} states rules but lists no requirements"
    manual_000 = [s for s in handbook.sections() if s.id.startswith("000-") and s.published]
    assert all(s.requirements for s in manual_000)


# What may lie between two blocks in the source: list markers (-, 1., （1）), the source's numbering of
# sub-headings (1.1 …) and spaces.
SKIPPABLE = re.compile(r"(?:\s|-|\d+\.(?!\d)|\d+\.\d+(?:\.\d+)? ?|（\d+）)*")


def test_chinese_prose_is_the_source_word_for_word_and_complete(handbook):
    """Undo the recorded repairs and the punctuation normalisation: each block
    must then appear in the source in order, and nothing else may be left."""
    for manual in handbook.manuals:
        for chapter in manual.chapters:
            sections = chapter.sections
            for index, section in enumerate(sections):
                if not section.published:
                    continue
                following = sections[index + 1] if index + 1 < len(sections) else None
                source, heading = section_source(manual, chapter, index, following)
                remaining, heading = normalise(source), normalise(heading)
                assert remaining.startswith(heading), f"{section.id}: does not start with {heading}"
                while heading and remaining.startswith(heading):  # a bare heading line, then the body's
                    remaining = remaining[len(heading) :]
                blocks = [t for block in section.body for t in block.texts]
                repairs = list(section.repairs)
                if following is None:
                    blocks += [t for block in chapter.summary for t in block.texts]
                    repairs += chapter.repairs
                for text in blocks:
                    # issue 24: an unrevised text is the source word for word; a revised one keeps the
                    # source's words as its record's original (hb check holds the rest of the record)
                    expected = normalise(unrepair(imported(text), repairs))
                    position = remaining.find(expected)
                    assert position >= 0, (
                        f"{where(text)}: {section.id}: not in the source (or out of order): {text.zh[:40]}… "
                        + (
                            "(the `original:` of its revision record must be the source's words)"
                            if text.revision
                            else "(if the organisation changed it, record the revision: CONTRIBUTING.md 7.11)"
                        )
                    )
                    skipped = remaining[:position]
                    assert SKIPPABLE.fullmatch(skipped), f"{section.id}: source text left out: {skipped!r}"
                    remaining = remaining[position + len(expected) :]
                assert SKIPPABLE.fullmatch(remaining), f"{section.id}: source text left out at the end: {remaining!r}"


def where(text) -> str:
    return f"{text.origin.file.relative_to(text.origin.file.parents[3]).as_posix()}:{text.zh_line}"


def test_every_revised_text_has_a_complete_record_and_every_other_text_is_as_imported(handbook):
    """Issue 24: edition 1 (checklists/editions/1.json) holds what each imported text said;
    a text that differs from it has a revision record whose original is the imported wording."""
    edition = read_edition(handbook.content)
    assert edition is not None, "checklists/editions/1.json is missing"
    for key, texts in imported_texts(handbook).items():
        assert key in edition, f"{where(texts[0])}: {key} is not in edition 1"
        for text in texts:
            if text.revision:
                assert text.revision.original in edition[key] and text.revision.original != text.zh, where(text)
                assert text.revision.why.strip() and text.revision.authority.strip(), where(text)
            else:
                assert text.zh in edition[key], (
                    f"{where(text)}: differs from the imported wording with no revision record (CONTRIBUTING.md 7.11)"
                )


def test_a_chapters_opening_text_is_the_source_between_its_heading_and_first_section(handbook):
    for manual in handbook.manuals:
        for chapter in manual.chapters:
            if chapter.intro:
                text = normalise(chapter_source(manual, chapter))
                intro = "".join(
                    normalise(unrepair(imported(t), chapter.repairs)) for b in chapter.intro for t in b.texts
                )
                first = normalise(section_source(manual, chapter, 0, None)[1])
                assert text.index(intro) < text.index(first), chapter.id


def steps_of(handbook, requirement_id: str) -> list[str]:
    requirement = next(r for r in handbook.requirements() if r.id == requirement_id)
    return [s.text.zh.split("：")[0] for s in requirement.steps]


def test_ordered_procedures_keep_their_steps(handbook):
    assert steps_of(handbook, "000-2.3-p1") == ["问题识别", "问题记录", "问题分析", "问题解决", "问题反馈"]
    assert steps_of(handbook, "000-2.4-p1") == ["投诉记录", "投诉分析", "投诉处理", "投诉反馈", "投诉归档"]
    assert steps_of(handbook, "000-4.2-p1") == ["问题识别", "问题分类", "问题处理", "问题闭环"]
    assert steps_of(handbook, "000-8.1-p1") == [
        "预防为主，防患未然",
        "快速响应，及时处理",
        "分级管理，责任明确",
        "信息透明，沟通及时",
        "持续改进，总结提升",
    ]


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


def section(handbook, section_id: str):
    return next(s for s in handbook.sections() if s.id == section_id)


def test_the_four_assessment_grades_of_001_are_data_with_the_sources_descriptors(handbook):
    grades = section(handbook, "001-5.2").grades
    assert [g.name.zh for g in grades] == ["优秀", "良好", "合格", "不合格"]
    body = "".join(t.zh for b in section(handbook, "001-5.2").body for t in b.texts)
    for grade in grades:
        assert f"{grade.name.zh}：{grade.descriptor.zh}" in body  # the descriptor is the source's, whole
        assert grade.name.en and grade.descriptor.en
    aspects = [i.name.zh for i in section(handbook, "001-5.2").indicators]
    assert aspects == ["语言规范", "行为规范", "仪表规范", "服务流程执行"]


@pytest.mark.parametrize(
    "section_id, names",
    [
        ("003-5.2", ["响应时间", "响应成功率", "用户满意度", "首次解决率"]),
        ("003-6.1", ["语言态度", "表情态度", "身体语言", "响应速度", "服务细节", "服务氛围"]),
        ("003-7.2", ["服务态度", "服务效率", "服务效果", "服务安全", "服务环境", "服务反馈"]),
    ],
)
def test_the_evaluation_indicators_of_003_are_data_taken_from_the_prose(handbook, section_id, names):
    indicators = section(handbook, section_id).indicators
    assert [i.name.zh for i in indicators] == names
    body = "".join(t.zh for b in section(handbook, section_id).body for t in b.texts)
    for indicator in indicators:
        assert f"{indicator.name.zh}：{indicator.description.zh}" in body


def test_the_topic_index_covers_what_staff_look_for_across_the_manuals(handbook):
    topics = {topic.id: topic for topic in handbook.topics}
    assert set(topics) >= {
        "complaints",
        "greetings",
        "appearance",
        "enquiries",
        "training",
        "assessment",
        "emergencies",
        "privacy",
        "satisfaction-surveys",
        "response-time",
        "records",
    }
    for topic in topics.values():
        manuals = {section_id.split("-")[0] for section_id in topic.sections}
        assert len(manuals) >= 2, f"{topic.id} gathers rules from one manual only"
    everything = {section_id for topic in topics.values() for section_id in topic.sections}
    assert {"000", "001", "002", "003"} <= {section_id.split("-")[0] for section_id in everything}
