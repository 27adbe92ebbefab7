"""Page generation: YAML model in, Markdown pages and navigation out, per language."""

from __future__ import annotations

import re

from handbook import load_handbook
from handbook.generate import build_files, build_nav, build_pages, write_pages
from handbook.generate.numbering import (
    chapter_heading,
    chinese_numeral,
    section_context,
    section_heading,
    section_label,
    section_short,
)
from handbook.loader import read_handbook
from handbook.problems import Problems

CHAPTER = "manuals/900/01.yml"


def edit(content, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pages_by_path(content, lang, strict=True):
    handbook, _ = load_handbook(content, strict=strict)
    return {page.path: page for page in build_pages(handbook, lang)}


def test_both_languages_generate_the_same_pages(content):
    zh, en = pages_by_path(content, "zh"), pages_by_path(content, "en")
    assert set(zh) == set(en)
    assert "manuals/900/1/1.1.md" in zh and "manuals/900/1/index.md" in zh


def test_section_page_shows_prose_rules_steps_and_sources(content):
    page = pages_by_path(content, "zh")["manuals/900/1/1.1.md"].markdown
    assert page.startswith('---\ntitle: "1.1 投诉处理"\n---')
    assert "<p>服务人员应及时处理投诉。<sup" in page
    assert "<strong>记录</strong>：记录投诉内容。" in page
    for rule in ("900-1.1-r1", "900-1.1-p1", "900-1.1-p1-s1", "900-1.1-p1-s2"):
        assert f'id="{rule}"' in page
        assert f'<a class="hb-id" href="#{rule}">{rule}</a>' in page
    # The procedure keeps its steps in order.
    assert page.index("记录投诉。") < page.index("反馈处理结果。")
    # The citation is numbered and flagged as unverified, with its entry below.
    assert re.search(r'<sup class="hb-cite hb-cite--unchecked"><a href="#ref-law-example" title="来源未核实"', page)
    assert '<li id="ref-law-example">《示例法》 <span class="hb-badge hb-badge--unchecked">未核实</span>' in page
    assert "[ref:" not in page


def test_sub_heading_is_a_heading_with_an_anchor_in_the_page_contents(content):
    zh = pages_by_path(content, "zh")["manuals/900/1/1.1.md"].markdown
    en = pages_by_path(content, "en")["manuals/900/1/1.1.md"].markdown
    assert "\n## 投诉的受理 {#part-1}\n" in zh
    assert "\n## Receiving complaints {#part-1}\n" in en
    assert zh.index("投诉的受理") < zh.index("服务人员应及时处理投诉")


def test_indicators_and_grades_are_tables_of_data_with_ids(content):
    handbook, _ = load_handbook(content)
    [section] = [s for s in handbook.sections() if s.id == "900-1.1"]
    assert [g.name.zh for g in section.grades] == ["优秀", "不合格"]  # best first, as written
    assert section.indicators[0].cites == ["law-example"]
    page = pages_by_path(content, "en")["manuals/900/1/1.1.md"].markdown
    assert "## Evaluation indicators {#indicators}" in page and "## Grades {#grades}" in page
    assert '<tr id="900-1.1-i1">' in page and '<tr id="900-1.1-g2">' in page
    assert page.index("Excellent") < page.index("Unsatisfactory")
    assert "No complaints at all." in page


def _styled(content, style: str):
    """The fixture's manual, numbered in `style`: its first chapter and section."""
    edit(content, "manuals/900/manual.yml", "source: 900_0000.txt\n", f"source: 900_0000.txt\nstyle: {style}\n")
    handbook, _ = load_handbook(content)
    edit(content, "manuals/900/manual.yml", f"style: {style}\n", "")
    chapter = handbook.manuals[0].chapters[0]
    return chapter, chapter.sections[0]


def test_headings_follow_how_the_source_numbers_its_divisions(content):
    chapter, section = _styled(content, "chapters")
    assert (chapter_heading(chapter, "zh"), section_heading(section, "zh")) == ("第1章 示例章", "1.1 投诉处理")
    assert (section_context(section, "zh"), section_short(section, "zh")) == ("示例手册 · 第1章 · 第1.1节", "900 §1.1")
    chapter, section = _styled(content, "parts")  # 001: 一、总则 / （一）目的
    assert (chapter_heading(chapter, "zh"), section_heading(section, "zh")) == ("一、示例章", "（一）投诉处理")
    assert (chapter_heading(chapter, "en"), section_heading(section, "en")) == (
        "Part 1 Example chapter",
        "(1) Handling a complaint",
    )
    assert section_context(section, "zh") == "示例手册 · 一、示例章"
    assert (section_short(section, "zh"), section_short(section, "en")) == ("900 一（一）", "900 Part 1 (1)")
    assert section_label(section, "zh") == "一（一）投诉处理"  # stands alone on a topic page
    chapter, section = _styled(content, "questions")  # 002: a list of questions and answers
    assert (chapter_heading(chapter, "zh"), section_heading(section, "en")) == ("示例章", "Q1 Handling a complaint")
    assert (section_context(section, "en"), section_short(section, "en")) == ("Example Manual", "900 Q1")


def testchinese_numerals_count_past_ten():
    assert [chinese_numeral(n) for n in (1, 6, 10, 11, 12, 20, 21)] == [
        "一",
        "六",
        "十",
        "十一",
        "十二",
        "二十",
        "二十一",
    ]


def test_a_section_that_breaks_off_keeps_its_text_and_says_the_rest_is_lost(content):
    edit(content, CHAPTER, "status: published", "status: source-truncated")
    handbook, _ = load_handbook(content)
    pages = {p.path: p.markdown for p in build_pages(handbook, "zh")}
    page = pages["manuals/900/1/1.1.md"]
    assert page.index("服务人员应及时处理投诉") < page.index('!!! warning "原文不完整"') < page.index("本节要求")
    assert '(1/1.1.md) <span class="hb-tag">原文不完整</span>' in pages["manuals/900/index.md"]


def test_a_topic_page_gathers_every_rule_of_its_sections_from_any_manual(content):
    pages = pages_by_path(content, "en")
    index = pages["topics/index.md"].markdown
    assert "- [Complaints](complaints.md)" in index and "2 sections, 4 rules" in index
    page = pages["topics/complaints.md"].markdown
    assert "## 900 · 1.1 Handling a complaint {#s-900-1-1}" in page
    assert '<a href="../../manuals/900/1/1.1/">read the whole section</a>' in page
    assert '<a class="hb-id" href="../../manuals/900/1/1.1/#900-1.1-r1">900-1.1-r1</a>' in page
    assert "Record the complaint." in page  # a procedure's steps come along
    # A listed section whose text is lost says so instead of listing rules.
    lost = page[page.index("1.2 A missing section") :]
    assert "Source text missing" in lost and "hb-requirements" not in lost
    # A section that states no rule says so, rather than showing an empty list.
    chapter = content / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    start = text.index("\n    requirements:\n")
    end = re.compile(r"\n(    [a-z_]+:|  - id:)").search(text, start + 1).start()
    chapter.write_text(text[:start] + "\n    requirements: []" + text[end:], encoding="utf-8")
    for name in ("checklists", "quizzes"):  # they would point at the removed rules
        for path in (content / name).glob("*.yml"):
            path.unlink()
    (content / "onboarding.yml").unlink()
    handbook = read_handbook(content, Problems(content))  # the model as read, unchecked
    assert handbook.sections()[0].requirements == []
    quiet = {p.path: p.markdown for p in build_pages(handbook, "en")}["topics/complaints.md"]
    assert "it states no checkable rule" in quiet and '<ul class="hb-requirements"></ul>' not in quiet
    nav = build_nav(load_handbook(content, strict=False)[0], "en")  # the topic and criterion on it are stale now
    assert {"Topic index": ["topics/index.md", {"Complaints": "topics/complaints.md"}]} in nav


def test_english_page_is_the_translation(content):
    page = pages_by_path(content, "en")["manuals/900/1/1.1.md"].markdown
    assert "Service staff handle each complaint promptly." in page
    assert "服务人员应及时处理投诉" not in page
    assert "unverified" in page and "a translation of the Chinese original" in page


def test_source_missing_section_says_so_and_invents_nothing(content):
    for lang, notice in (("zh", "原文缺失"), ("en", "Source text missing")):
        page = pages_by_path(content, lang)["manuals/900/1/1.2.md"].markdown
        assert notice in page
        assert "hb-requirements" not in page


def test_repairs_are_visible_to_editors(content):
    page = pages_by_path(content, "zh")["manuals/900/1/1.1.md"].markdown
    assert "<code>及??处理</code>" in page and "待复核" in page
    register = pages_by_path(content, "en")["editors/repairs.md"].markdown
    assert "及??处理" in register and "awaiting review" in register


def test_text_is_escaped(content):
    edit(content, CHAPTER, "en: Receiving complaints", 'en: "Fish & chips *bold* {#x}"')
    edit(
        content,
        CHAPTER,
        "en: Service staff handle each complaint promptly.[ref:law-example]",
        'en: "Fish & chips *bold*"',
    )
    handbook = read_handbook(content, Problems(content))  # unchecked: the English no longer has the marker
    page = {p.path: p for p in build_pages(handbook, "en")}["manuals/900/1/1.1.md"].markdown
    assert "<p>Fish &amp; chips *bold*</p>" in page
    assert "\n## Fish &#38; chips &#42;bold&#42; &#123;&#35;x&#125; {#part-1}\n" in page


def test_manual_page_lists_its_chapters_and_sections(content):
    page = pages_by_path(content, "en")["manuals/900/index.md"].markdown
    assert "- [Chapter 1 Example chapter](1/index.md)" in page
    assert "    - [1.1 Handling a complaint](1/1.1.md)\n" in page
    # A section whose text is lost says so in the contents, in both languages.
    assert '    - [1.2 A missing section](1/1.2.md) <span class="hb-tag">Source text missing</span>' in page
    chapter = pages_by_path(content, "zh")["manuals/900/1/index.md"].markdown
    assert re.search(r"- \[1\.2 .*\]\(1\.2\.md\) <span class=\"hb-tag\">原文缺失</span>", chapter)


def test_every_state_and_kind_the_schema_allows_has_words_in_both_languages():
    import json

    from handbook.generate.ui import STRINGS
    from handbook.schema import SCHEMA_DIR

    defs = json.loads((SCHEMA_DIR / "handbook.schema.json").read_text(encoding="utf-8"))["$defs"]
    keys = [f"status_{v}" for v in defs["reference"]["properties"]["status"]["enum"]]
    keys += [f"cite_title_{v}" for v in defs["reference"]["properties"]["status"]["enum"]]
    keys += [f"kind_{v}" for v in defs["reference"]["properties"]["kind"]["enum"]]
    keys += [f"repair_{v}" for v in defs["repair"]["properties"]["review"]["enum"]]
    for key in keys:
        assert STRINGS[key]["zh"] and STRINGS[key]["en"], key


def test_nav_follows_manual_chapter_section(content):
    handbook, _ = load_handbook(content)
    home, manuals, topics, checklists, rubrics, quizzes, changes, glossary, editors = build_nav(handbook, "en")
    assert home == {"Home": "index.md"}
    [index, manual] = manuals["Manuals"]
    assert index == "manuals/index.md"
    [chapters] = manual.values()
    assert chapters[0] == "manuals/900/index.md"
    assert chapters[1] == {
        "Chapter 1 Example chapter": [
            "manuals/900/1/index.md",
            {"1.1 Handling a complaint": "manuals/900/1/1.1.md"},
            {"1.2 A missing section": "manuals/900/1/1.2.md"},
        ]
    }
    assert glossary == {"Glossary": "glossary.md"}
    assert changes == {"What changed": "changes/index.md"}
    assert checklists == {
        "Checklists": ["checklists/index.md", {"Complaint handling checklist": "checklists/complaint-check.md"}]
    }
    assert rubrics == {
        "Rubrics": ["rubrics/index.md", {"Complaint handling assessment": "rubrics/complaint-assessment.md"}]
    }
    # Paper quizzes and answer keys are reached from their quiz, not listed in the navigation.
    assert quizzes == {
        "Quizzes": [
            "quizzes/index.md",
            {"Onboarding path": "onboarding/index.md"},
            {"Final assessment": "onboarding/final.md"},
            {"900 Example Manual": [{"Chapter 1 Example chapter": "quizzes/900-1.md"}]},
        ]
    }


def test_edit_source_of_each_page_is_its_yaml(content):
    pages = pages_by_path(content, "zh")
    assert pages["manuals/900/1/1.1.md"].source == content / "manuals/900/01.yml"
    assert pages["manuals/900/index.md"].source == content / "manuals/900/manual.yml"
    assert pages["glossary.md"].source == content / "glossary.yml"


def test_pages_can_be_written_for_another_generator(content, tmp_path):
    handbook, _ = load_handbook(content)
    written = write_pages(handbook, "en", tmp_path / "en")
    assert (tmp_path / "en/manuals/900/1/1.1.md").read_text(encoding="utf-8").startswith("---\ntitle:")
    assert len(written) == len(build_pages(handbook, "en")) + len(build_files(handbook, "en"))
    assert (tmp_path / "en/quizzes/handbook-questions-en.gift").exists()


def test_a_checklist_page_is_a_task_list_of_its_rules_with_their_sources(content):
    page = pages_by_path(content, "zh")["checklists/complaint-check.md"].markdown
    items = [line for line in page.splitlines() if line.startswith('<li class="task-list-item"')]
    assert len(items) == 3
    # The text is the rule's, from the manual, with the English alongside for a bilingual print.
    assert "服务人员应及时处理投诉。" in items[0] and "Service staff handle each complaint promptly." in items[0]
    assert 'href="../../manuals/900/1/1.1/#900-1.1-p1-s1" title="查看手册中的这条要求">900 §1.1</a>' in items[1]
    assert "如适用" in items[2] and "如适用" not in items[0]
    assert re.search(
        r'<li class="task-list-item" data-hb-item="900-1.1-r1" data-hb-text="\w+" data-hb-required="true"', page
    )
    assert 'data-hb-optional="true"' in page
    assert '## 受理 { #group-1 data-hb-en="Receiving" }' in page
    assert "服务人员处理投诉时逐项核对。" in page  # the purpose
    for field in ("姓名", "工号", "日期", "主管签字", "完成时间"):
        assert field in page


def test_a_changed_rule_changes_the_checklist_and_its_version(content):
    handbook, _ = load_handbook(content)
    before = {p.path: p.markdown for p in build_pages(handbook, "en")}["checklists/complaint-check.md"]
    edit(
        content,
        CHAPTER,
        "          zh: 服务人员应及时处理投诉。\n          en: Service staff handle each complaint promptly.\n",
        "          zh: 服务人员应在当天处理投诉。\n          en: Service staff handle each complaint the same day.\n",
    )
    handbook, _ = load_handbook(content, strict=False)  # the English is now stale: a warning
    after = {p.path: p.markdown for p in build_pages(handbook, "en")}["checklists/complaint-check.md"]
    assert "the same day" in after and "promptly" not in after
    version = re.compile(r'data-hb-version="(\w+)"')
    assert version.search(before).group(1) != version.search(after).group(1)


def test_the_checklist_index_groups_checklists_by_when_they_are_used(content):
    page = pages_by_path(content, "en")["checklists/index.md"].markdown
    assert "## During service {#during-service}" in page and "Before a shift" not in page
    assert "[Complaint handling checklist](complaint-check.md)" in page
    assert "3 items · 900 §1.1" in page


def test_a_section_page_names_the_checklists_that_use_its_rules(content):
    pages = pages_by_path(content, "en")
    assert (
        'Checklists that use this section’s rules: <a href="../../../../checklists/complaint-check/">'
        "Complaint handling checklist</a>"
    ) in pages["manuals/900/1/1.1.md"].markdown
    assert "Checklists that use" not in pages["manuals/900/1/1.2.md"].markdown


def test_checklist_checkboxes_get_the_id_their_text_label_names(content):
    """The generator writes each box with the id its text label points at (no rewriting of built HTML)."""
    import re

    pages = pages_by_path(content, "en")
    checklist = pages["checklists/complaint-check.md"].markdown
    items = re.findall(
        r'<li class="task-list-item" data-hb-item="([^"]+)" data-hb-text="[0-9a-f]+" '
        r'data-hb-(required|optional)="true"><label class="task-list-control"><input type="checkbox" id="c-([^"]+)"( aria-required="true")?/>',
        checklist,
    )
    assert items, "no checkbox on the checklist page"
    for item_id, kind, box_id, aria_required in items:
        assert box_id == item_id and f'<label for="c-{item_id}"' in checklist
        assert bool(aria_required) == (kind == "required")
    assert {kind for _, kind, _, _ in items} == {"required", "optional"}


def rubric_config(markdown):
    import html
    import json

    return json.loads(html.unescape(re.search(r'data-hb-config="([^"]+)"', markdown).group(1)))


def test_a_rubric_page_is_a_radio_group_per_criterion_with_a_cell_per_level(content):
    page = pages_by_path(content, "zh")["rubrics/complaint-assessment.md"].markdown
    for criterion in ("speed", "resolution"):
        fieldset = re.search(rf'<fieldset class="hb-criterion" id="criterion-{criterion}".*?</fieldset>', page).group(0)
        assert re.findall(r'<input type="radio" name="hb-r-(\S+?)" value="(\w+)"', fieldset) == [
            (criterion, "top"),
            (criterion, "middle"),
            (criterion, "bottom"),
            (criterion, "na"),
        ]
        assert f'<textarea id="hb-c-{criterion}" data-hb-comment="{criterion}"' in fieldset
    # Level names come from the manual's grades, or from the rubric where it names one itself.
    assert '<span class="hb-level-name">优秀</span>' in page and '<span class="hb-level-name">基本符合</span>' in page
    # A criterion named by an indicator shows the indicator's name and description, and what it assesses.
    assert '<span class="hb-criterion-title">响应时间</span> <span class="hb-weight">权重 40%</span>' in page
    assert '<p class="hb-standard">从客户提出投诉到获得回应的时间。</p>' in page
    assert '考核：<a href="../../manuals/900/1/1.1/">900 §1.1</a>' in page
    assert '<a href="../../manuals/900/1/1.1/#900-1.1-i2">' in page
    assert '<span class="hb-tag hb-critical-tag">关键项</span>' in page
    # Each group starts with its column headings: on paper a group never begins without them.
    assert page.count('class="hb-rubric-heads"') == 1
    assert page.index("## 投诉处理 {") < page.index('class="hb-rubric-heads"') < page.index("criterion-speed")


def test_quoted_descriptors_name_their_source_and_the_organisations_wording_is_told_apart(content):
    page = pages_by_path(content, "zh")["rubrics/complaint-assessment.md"].markdown
    resolution = re.search(r'id="criterion-resolution".*?</fieldset>', page).group(0)
    assert '“无任何投诉”<span class="hb-quote-source">900 §1.1</span>' in resolution
    assert '<span class="hb-descriptor" title="本单位表述">不符合要求</span>' in resolution
    assert "“不符合要求”" not in page


def test_a_rubric_page_states_its_scoring_in_words_and_marks_the_settings_as_the_organisations(content):
    for lang, words in (
        (
            "zh",
            [
                "优秀计100%、基本符合计50%、不合格计0%",
                "60分及以上为优秀、60分以下为不合格",
                "正好等于分数线的总分归入较高的等级",
                "“投诉解决率”评为“不合格”：等级最高为“不合格”。原文把投诉较多列为不合格。",
                "本单位的设定，手册没有规定这些数值",
                "| 投诉解决率 | 60% | ✓ |",
                "| **总分** | **100%** | |",
            ],
        ),
        (
            "en",
            [
                "Excellent: 100%, Broadly meets: 50%, Unsatisfactory: 0%",
                "Excellent from 60, Unsatisfactory below 60",
                "exactly on a threshold takes the higher grade",
                "this organisation’s settings",
                "“Response time”, weighing 40%, rated “Broadly meets” (50%), scores 20.",
            ],
        ),
    ):
        page = pages_by_path(content, lang)["rubrics/complaint-assessment.md"].markdown
        method = page[page.index("{#method}") :]
        for phrase in words:
            assert phrase in method, (lang, phrase)


def test_the_widget_gets_the_rubrics_numbers_in_the_pages_language(content):
    config = rubric_config(pages_by_path(content, "en")["rubrics/complaint-assessment.md"].markdown)
    assert config["levels"] == [
        {"id": "top", "points": 100, "name": "Excellent"},
        {"id": "middle", "points": 50, "name": "Broadly meets"},
        {"id": "bottom", "points": 0, "name": "Unsatisfactory"},
    ]
    assert config["bands"] == [
        {"grade": "900-1.1-g1", "min": 60, "name": "Excellent"},
        {"grade": "900-1.1-g2", "min": 0, "name": "Unsatisfactory"},
    ]
    assert [(c["id"], c["title"], c["weight"]) for c in config["criteria"]] == [
        ("speed", "Response time", 40),
        ("resolution", "Complaint resolution rate", 60),
    ]
    assert config["criteria"][1]["critical"] == [
        {"at": "bottom", "cap": "900-1.1-g2", "because": "The source lists many complaints as Unsatisfactory."}
    ]


def test_rewording_a_descriptor_changes_that_criterions_fingerprint_and_the_version(content):
    from test_model import edit

    before = rubric_config(pages_by_path(content, "zh")["rubrics/complaint-assessment.md"].markdown)
    edit(content, "rubrics/01-complaint-assessment.yml", "zh: 不符合要求", "zh: 完全不符合要求")
    after = rubric_config(pages_by_path(content, "zh", strict=False)["rubrics/complaint-assessment.md"].markdown)
    assert after["version"] != before["version"]
    # Both criteria use the level's own words at the bottom level, so a rating there must be asked for again.
    assert all(a["text"] != b["text"] for a, b in zip(after["criteria"], before["criteria"]))
    edit(content, "rubrics/01-complaint-assessment.yml", "zh: 无任何投诉", "zh: 无任何投诉。")
    quoted = rubric_config(pages_by_path(content, "zh", strict=False)["rubrics/complaint-assessment.md"].markdown)
    assert quoted["criteria"][0]["text"] == after["criteria"][0]["text"]  # only the reworded criterion changes
    assert quoted["criteria"][1]["text"] != after["criteria"][1]["text"]


def test_the_rubric_index_and_section_pages_link_rubrics(content):
    pages = pages_by_path(content, "zh")
    index = pages["rubrics/index.md"].markdown
    assert "- **[投诉处理考核表](complaint-assessment.md)**" in index
    assert "2项评分标准 · 依据：900 §1.1" in index
    section = pages["manuals/900/1/1.1.md"].markdown
    assert '考核本节内容的评分表：<a href="../../../../rubrics/complaint-assessment/">投诉处理考核表</a>' in section


def test_a_topic_of_very_many_sections_lists_them_without_their_rules():
    """A topic page holds every rule of its sections; one gathering more than
    MAX_SECTIONS_WITH_RULES lists its sections instead (2 MB of rules at 100x content)."""
    from dataclasses import replace

    from handbook.generate.topics import MAX_SECTIONS_WITH_RULES, topic_pages

    handbook, _ = load_handbook()
    ids = [s.id for s in handbook.sections() if s.requirements][: MAX_SECTIONS_WITH_RULES + 1]
    normal = handbook.topics[0]
    wide = replace(normal, id=normal.id + "-wide", sections=ids)
    for lang, words in (("zh", "请打开各节阅读"), ("en", "open a section to read its rules")):
        pages = {p.path: p.markdown for p in topic_pages(replace(handbook, topics=[normal, wide]), lang)}
        [first, second] = [md for path, md in pages.items() if path != "topics/index.md"]
        assert words not in first and 'class="hb-requirements"' in first, "a topic of few sections shows its rules"
        assert words in second and 'class="hb-requirements"' not in second
        entries = [line for line in second.splitlines() if line.startswith("- [")]
        assert len(entries) == len(ids)
        assert entries[0].startswith(f"- [{ids[0].split('-')[0]} · ") and "(../manuals/" in entries[0]
