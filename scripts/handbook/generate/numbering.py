"""How each manual numbers its divisions, as its source does: one small object per style.

- chapters (000, 003): 第2章 / Chapter 2, sections 2.4 (003 also 4.1.1);
- parts (001): 一、… / Part 1, sections （一）/ (1) within a part;
- questions (002): one list of questions, 问3 / Q3, no chapter label.

`numbering(manual)` gives a manual's object; the functions below ask it, so no
caller branches on a manual's style.
"""

from __future__ import annotations

from ..model import Chapter, Manual, Section
from .ui import t as words  # plain text: a label that templates, Markdown and the navigation each escape

CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (as far as the manuals count)."""
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    return ("" if n < 20 else CHINESE_NUMERALS[n // 10 - 1]) + "十" + (CHINESE_NUMERALS[n % 10 - 1] if n % 10 else "")


def _last(section: Section) -> int:
    """The section's own number within its chapter: 2.4 → 4."""
    return int(section.number.rsplit(".", 1)[1])


def _join(label: str, title: str, lang: str) -> str:
    """Chinese labels end in their own punctuation (、 or ）); English ones take a space."""
    return f"{label}{'' if lang == 'zh' else ' '}{title}"


class ChapterNumbering:
    """000 and 003: 第2章 服务中的沟通与处理; 2.4 服务中的投诉处理规范; 003's 4.1.1 专业技能."""

    style = "chapters"

    def chapter_label(self, chapter: Chapter, lang: str) -> str:
        return words("chapter", lang, n=chapter.number)

    def chapter_heading(self, chapter: Chapter, lang: str) -> str:
        return f"{self.chapter_label(chapter, lang)} {chapter.title[lang]}"

    def section_heading(self, section: Section, lang: str) -> str:
        return f"{section.number} {section.title[lang]}"

    def section_label(self, section: Section, lang: str) -> str:
        """The heading that stands on its own outside its manual (a topic page)."""
        return self.section_heading(section, lang)

    def section_short(self, section: Section, lang: str) -> str:
        return f"§{section.number}"

    def section_context(self, section: Section, lang: str) -> str:
        manual = section.chapter.manual
        return words(
            "section_of", lang, manual=manual.title[lang], chapter=section.chapter.number, section=section.number
        )


class PartNumbering(ChapterNumbering):
    """001: 二、服务态度规范; （一）语言规范 within it, 二（一） outside it; Part 2, (1) in English."""

    style = "parts"

    def chapter_label(self, chapter: Chapter, lang: str) -> str:
        return f"{chinese_numeral(int(chapter.number))}、" if lang == "zh" else f"Part {chapter.number}"

    def chapter_heading(self, chapter: Chapter, lang: str) -> str:
        return _join(self.chapter_label(chapter, lang), chapter.title[lang], lang)

    def section_heading(self, section: Section, lang: str) -> str:
        label = f"（{chinese_numeral(_last(section))}）" if lang == "zh" else f"({_last(section)})"
        return _join(label, section.title[lang], lang)

    def section_label(self, section: Section, lang: str) -> str:
        chapter = section.chapter
        part = chinese_numeral(int(chapter.number)) if lang == "zh" else f"Part {chapter.number} "
        return part + self.section_heading(section, lang)

    def section_short(self, section: Section, lang: str) -> str:
        chapter = section.chapter
        return (
            f"{chinese_numeral(int(chapter.number))}（{chinese_numeral(_last(section))}）"
            if lang == "zh"
            else f"Part {chapter.number} ({_last(section)})"
        )

    def section_context(self, section: Section, lang: str) -> str:
        return f"{section.chapter.manual.title[lang]} · {self.chapter_heading(section.chapter, lang)}"


class QuestionNumbering(ChapterNumbering):
    """002: one list of questions and answers: 问3 / Q3; its one chapter has no label of its own."""

    style = "questions"

    def chapter_label(self, chapter: Chapter, lang: str) -> str:
        return chapter.title[lang]

    def chapter_heading(self, chapter: Chapter, lang: str) -> str:
        return chapter.title[lang]

    def section_heading(self, section: Section, lang: str) -> str:
        return f"{self.section_short(section, lang)} {section.title[lang]}"

    def section_short(self, section: Section, lang: str) -> str:
        return words("question_label", lang, n=_last(section))

    def section_context(self, section: Section, lang: str) -> str:
        return section.chapter.manual.title[lang]


STYLES = {numbering.style: numbering for numbering in (ChapterNumbering(), PartNumbering(), QuestionNumbering())}


def numbering(manual: Manual | None) -> ChapterNumbering:
    """The numbering of a manual's style ('chapters' when it names none)."""
    return STYLES[manual.style if manual else "chapters"]


def chapter_heading(chapter: Chapter, lang: str) -> str:
    """The chapter as its source numbers it: 第2章 …, 一、… (parts) or its title alone (questions)."""
    return numbering(chapter.manual).chapter_heading(chapter, lang)


def section_heading(section: Section, lang: str) -> str:
    """2.4 …, （一）… within a part, or 问3 / Q3 for a question."""
    return numbering(section.chapter.manual if section.chapter else None).section_heading(section, lang)


def section_context(section: Section, lang: str) -> str:
    """Where a section sits, in the words its manual uses: 第2章 · 第2.4节, 二、服务态度规范, or just the manual."""
    return numbering(section.chapter.manual).section_context(section, lang)


def section_short(section: Section, lang: str) -> str:
    """A section's number as its manual writes it, with the manual: 000 §2.4, 001 二（三）, 002 Q3."""
    manual = section.chapter.manual
    return f"{manual.id} {numbering(manual).section_short(section, lang)}"


def chapter_short(chapter: Chapter, lang: str) -> str:
    """A chapter with its manual: 000 第2章, 001 二、, 002 and its title."""
    return f"{chapter.manual.id} {numbering(chapter.manual).chapter_label(chapter, lang)}"


def section_label(section: Section, lang: str) -> str:
    """A section's heading that stands on its own outside its manual: 001's （三） needs its part."""
    return numbering(section.chapter.manual).section_label(section, lang)
