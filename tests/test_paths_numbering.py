"""Page paths, links and the language layout (paths.py), and each manual style's numbering
(numbering.py). Expected headings are written from the source manuals' own numbering
(/work/shared/seeds: 000 "2.4 服务中的投诉处理规范", 001 "二、服务态度规范(一)语言规范",
002's list of questions, 003 "第四章服务人员素质要求" and "4.1.1专业技能")."""

from __future__ import annotations

import pytest
import yaml

from handbook.generate.numbering import (
    STYLES,
    chapter_heading,
    chapter_short,
    section_context,
    section_heading,
    section_label,
    section_short,
)
from handbook.generate.page import front_matter
from handbook.generate.paths import (
    LAYOUT,
    LanguageLayout,
    answer_key_path,
    chapter_path,
    gift_path,
    html_file_href,
    html_href,
    link,
    manual_path,
    page_url,
    paper_quiz_path,
    quiz_path,
    section_path,
)
from handbook.loader import load_handbook


@pytest.fixture(scope="module")
def real():
    handbook, _ = load_handbook(strict=False)
    return handbook


# The language layout: Chinese at the root, English under en/ ------------------------------


def test_the_layout_puts_chinese_at_the_root_and_english_in_its_folder():
    assert (LAYOUT.folder("zh"), LAYOUT.folder("en")) == ("", "en/")
    assert (LAYOUT.between("zh", "en"), LAYOUT.between("en", "zh"), LAYOUT.between("en", "en")) == ("en/", "../", "")
    assert LAYOUT.site_url("https://example.org/handbook/", "en") == "https://example.org/handbook/en/"
    assert LAYOUT.site_url("https://example.org/handbook", "en") == "https://example.org/handbook/en/"
    assert LAYOUT.site_url("https://example.org/handbook/en/", "en") == "https://example.org/handbook/en/"  # already
    assert LAYOUT.site_url("https://example.org/handbook/", "zh") == "https://example.org/handbook/"
    assert LAYOUT.site_url("", "en") == ""  # no site_url: links stay relative


def test_the_same_page_in_the_other_language(real):
    section = real.index.sections["000-2.4"]
    path = section_path(section)
    assert path == "manuals/000/2/2.4.md" and page_url(path) == "manuals/000/2/2.4/"
    # Served at /en/manuals/000/2/2.4/: up four folders to /en/, one more to the root.
    assert LAYOUT.same_page(path, "en", "zh") == "../../../../../manuals/000/2/2.4/"
    assert LAYOUT.same_page(path, "zh", "en") == "../../../../en/manuals/000/2/2.4/"
    assert LAYOUT.same_page("index.md", "en", "zh") == "../"
    # Another layout (say English at the root) needs no other change.
    english_first = LanguageLayout(root_lang="en")
    assert english_first.same_page(path, "en", "zh") == "../../../../zh/manuals/000/2/2.4/"


def test_downloads_in_each_language_from_the_quiz_index():
    index = "quizzes/index.md"
    assert gift_path("zh") == "quizzes/handbook-questions-zh.gift"
    assert LAYOUT.file(index, gift_path("zh"), "zh", "zh") == "./handbook-questions-zh.gift"
    assert LAYOUT.file(index, gift_path("en"), "zh", "en") == "../en/quizzes/handbook-questions-en.gift"
    assert LAYOUT.file(index, gift_path("zh"), "en", "zh") == "../../quizzes/handbook-questions-zh.gift"
    assert html_file_href("index.md", "quizzes/handbook-questions-zh.gift") == "quizzes/handbook-questions-zh.gift"


def test_page_paths_and_links_between_pages(real):
    chapter = real.index.chapters["003-4"]
    section = real.index.sections["003-4.1.1"]
    quiz = real.index.quizzes["000-2"]
    assert manual_path(chapter.manual) == "manuals/003/index.md" and page_url("manuals/003/index.md") == "manuals/003/"
    assert chapter_path(chapter) == "manuals/003/4/index.md" and section_path(section) == "manuals/003/4/4.1.1.md"
    assert (quiz_path(quiz), paper_quiz_path(quiz), answer_key_path(quiz)) == (
        "quizzes/000-2.md",
        "quizzes/000-2-paper.md",
        "quizzes/000-2-key.md",
    )
    assert link(chapter_path(chapter), section_path(section)) == "4.1.1.md"  # Markdown: MkDocs rewrites it
    assert html_href(section_path(section), chapter_path(chapter)) == "../"  # raw HTML: the built URL
    assert html_href(quiz_path(quiz), section_path(real.index.sections["000-2.4"])) == "../../manuals/000/2/2.4/"


def test_front_matter_is_yaml_that_reads_back_as_written():
    written = front_matter(
        'A "quoted" title: with # and \\ and 第2章 & <b>', wide=True, searchable=False, description="yes"
    )
    assert written.startswith("---\n") and written.endswith("---\n\n")
    assert yaml.safe_load(written.strip().strip("-")) == {
        "title": "A &#34;quoted&#34; title: with # and \\ and 第2章 &amp; &lt;b&gt;",  # the theme prints it as HTML
        "description": "yes",
        "search": {"exclude": True},
        "hide": ["toc"],
    }
    assert yaml.safe_load(front_matter("2024-01-01").strip().strip("-")) == {"title": "2024-01-01"}  # not a date


# Each manual's numbering, as its source writes it ----------------------------------------


def test_000_numbers_chapters_and_sections_by_number(real):
    section = real.index.sections["000-2.4"]  # source: 2.第二章服务中的沟通与处理 / 2.4 服务中的投诉处理规范
    assert type(STYLES["chapters"]).__name__ == "ChapterNumbering"
    assert chapter_heading(section.chapter, "zh") == "第2章 服务中的沟通与处理"
    assert chapter_heading(section.chapter, "en") == "Chapter 2 Communication and problem handling"
    assert section_heading(section, "zh") == "2.4 服务中的投诉处理规范"
    assert section_heading(section, "en") == "2.4 Complaint handling standards"
    assert (section_short(section, "zh"), section_short(section, "en")) == ("000 §2.4", "000 §2.4")
    assert section_label(section, "zh") == "2.4 服务中的投诉处理规范"
    assert chapter_short(section.chapter, "zh") == "000 第2章"
    assert section_context(section, "zh").endswith(" · 第2章 · 第2.4节")


def test_001_numbers_parts_in_chinese_numerals_and_sections_in_brackets(real):
    section = real.index.sections["001-2.1"]  # source: 二、服务态度规范(一)语言规范
    chapter = section.chapter
    assert chapter_heading(chapter, "zh") == "二、服务态度规范"
    assert chapter_heading(chapter, "en") == "Part 2 Service attitude standards"
    assert section_heading(section, "zh") == "（一）语言规范"
    assert section_heading(section, "en") == "(1) Language standards"
    assert section_label(section, "zh") == "二（一）语言规范"  # outside its part, (一) alone is ambiguous
    assert section_label(section, "en") == "Part 2 (1) Language standards"
    assert (section_short(section, "zh"), section_short(section, "en")) == ("001 二（一）", "001 Part 2 (1)")
    assert section_short(real.index.sections["001-6.1"], "zh") == "001 六（一）"  # 六、投诉处理(一)投诉受理
    assert chapter_short(chapter, "zh") == "001 二、"
    assert section_context(section, "zh") == "员工服务态度管理制度 · 二、服务态度规范"


def test_002_is_one_list_of_questions(real):
    first, last = real.index.sections["002-1.1"], real.index.sections["002-1.12"]  # the source's 12 questions
    assert chapter_heading(first.chapter, "zh") == "客户服务标准"  # no chapter label of its own
    assert section_heading(first, "zh") == "问1 如何利用客户服务标准提升企业竞争力？"
    assert section_heading(last, "en") == "Q12 Why is it important to set customer service standards?"
    assert (section_short(last, "zh"), section_short(last, "en")) == ("002 问12", "002 Q12")
    assert section_context(first, "en") == "Customer Service Standards: Questions and Answers"


def test_003_has_twelve_chapters_and_sub_sections_numbered_4_1_1(real):
    chapter = real.index.chapters["003-4"]  # source: 第四章服务人员素质要求 / 4.1.1专业技能
    section = real.index.sections["003-4.1.1"]
    assert len(chapter.manual.chapters) == 12 and chapter_heading(real.index.chapters["003-12"], "zh").startswith(
        "第12章 "
    )
    assert chapter_heading(chapter, "zh") == "第4章 服务人员素质要求"
    assert section_heading(real.index.sections["003-4.1"], "zh") == "4.1 服务人员能力标准"
    assert section_heading(section, "zh") == "4.1.1 专业技能"
    assert section_heading(section, "en") == "4.1.1 Professional skills"
    assert (section_short(section, "zh"), section_context(section, "en").split(" · ", 1)[1]) == (
        "003 §4.1.1",
        "Chapter 4 · Section 4.1.1",
    )
