"""Issue 19c: every requirement records the force the source gives it, and readers see it.

obligation (应、须、不得), recommendation (建议、可以、宜; a list after 以下是一些建议) or
description (包括…, 常见的方法有…). The check holds each force to the sentence it quotes.
"""

from __future__ import annotations

import re

import pytest
from test_cli import hb

from handbook.generate import build_pages
from handbook.generate.checklists import checklist_pages
from handbook.modality import RULE_WORDS_EN, RULE_WORDS_ZH
from handbook.translation import zh_hash

CHAPTER = "manuals/900/01.yml"


@pytest.fixture(scope="module")
def handbook(real_handbook):
    return real_handbook


def requirements_of(handbook, *section_ids):
    return [r for r in handbook.requirements() if r.section.id in section_ids]


def test_the_suggestions_of_002_questions_7_and_9_and_003_6_3_are_recommendations(handbook):
    # 问7 "以下是几个建议", 问9 "有以下几点建议", 六（三）"以下是一些建议": none is a rule.
    found = requirements_of(handbook, "002-1.7", "002-1.9", "003-6.3")
    assert len(found) == 30
    assert {r.id: r.force for r in found} == {r.id: "recommendation" for r in found}
    for requirement in found:
        assert not RULE_WORDS_ZH.search(requirement.text.zh), requirement.text.zh
        assert not RULE_WORDS_EN.search(requirement.text.en), requirement.text.en


def test_known_cases_from_the_reviewers_notes(handbook):
    rules = {r.id: r for r in handbook.requirements()}
    assert rules["001-4.3-r3"].force == "description"  # 奖励方式包括…
    assert rules["001-4.3-r3"].text.zh.startswith("奖励方式包括")
    assert rules["001-4.2-r2"].force == "description"  # 内部培训由…担任
    assert all(rules[f"003-11.2-r{n}"].force == "recommendation" for n in range(1, 6))  # 企业可以采取
    assert all(rules[f"003-10.1-r{n}"].force == "recommendation" for n in range(1, 9))  # 可以从以下几个方面展开
    assert all(r.force == "description" for r in requirements_of(handbook, "003-2.1") if r.id != "003-2.1-r1")
    assert rules["003-8.1-r1"].force == "description"  # 以下是几种常见的客户沟通渠道
    assert rules["000-6.1-r1"].force == "obligation"


def test_every_quote_is_in_its_section_and_every_suggestion_reads_as_one(handbook):
    for requirement in handbook.requirements():
        bodies = [text.zh for block in requirement.section.body for text in block.texts]
        assert any(requirement.source in body for body in bodies), requirement.id
        if requirement.force == "recommendation":
            assert not RULE_WORDS_EN.search(requirement.text.en), requirement.id


def test_the_check_catches_a_planted_mismatch_at_file_and_line(content):
    path = content / CHAPTER
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            '        force: obligation\n        source: "服务人员应"',
            '        force: description\n        source: "服务人员应"',
            1,
        ),
        encoding="utf-8",
    )
    line = text.splitlines().index('        source: "服务人员应"')  # the force line, 1-based
    result = hb("check", content=content)
    assert result.returncode != 0
    assert re.search(
        rf"manuals/900/01\.yml:{line}: error: '900-1\.1-r1' has force: description, "
        r"but the source reads 应 in 「服务人员应」.*set `force: obligation`",
        result.stdout + result.stderr,
    )


def test_a_suggestion_worded_as_a_rule_is_reported_in_both_languages(content):
    path = content / CHAPTER
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            '        force: obligation\n        source: "服务人员应"',
            '        force: recommendation\n        force_why: "test"\n        source: "服务人员应"',
            1,
        ),
        encoding="utf-8",
    )
    out = hb("check", content=content)
    output = out.stdout + out.stderr
    assert "'900-1.1-r1' is a recommendation but its zh text reads as a rule ('应')" in output
    assert "'900-1.1-r1' is a recommendation but its en text reads as a rule" not in output  # "handle" is fine
    assert out.returncode != 0


def test_the_section_page_badges_suggestions_in_both_languages(handbook):
    for lang, badge, legend in (("zh", "建议", "标“建议”的是原文提出的建议"), ("en", "Suggested", "“Suggested” marks")):
        page = next(p for p in build_pages(handbook, lang) if p.path == "manuals/003/6/6.3.md").markdown
        assert legend in page
        for requirement in requirements_of(handbook, "003-6.3"):
            item = re.search(rf'<li id="{requirement.id}"[^>]*>.*?</li>', page, flags=re.S).group()
            assert '<span class="hb-force hb-force-badge-recommendation"' in item and f">{badge}</span>" in item
        # obligations carry no badge
        page = next(p for p in build_pages(handbook, lang) if p.path == "manuals/003/6/6.1.md").markdown
        assert "hb-force-badge" not in page and legend not in page


def test_a_description_is_labelled_as_one(handbook):
    page = next(p for p in build_pages(handbook, "en") if p.path == "manuals/001/4/4.3.md").markdown
    item = re.search(r'<li id="001-4.3-r3"[^>]*>.*?</li>', page, flags=re.S).group()
    assert "hb-force-badge-description" in item and ">Description</span>" in item


def test_a_checklist_marks_the_suggestion_it_includes(handbook):
    for lang, tag in (("zh", "建议"), ("en", "Suggested")):
        page = next(p for p in checklist_pages(handbook, lang) if p.path == "checklists/training-programme.md").markdown
        line = next(line for line in page.splitlines() if 'for="c-003-6.3-r6"' in line)
        assert 'hb-suggested-tag" title=' in line and f">{tag}</span>" in line
        assert "hb-required" not in line  # a suggestion is not a required box
        rule = next(r for r in handbook.requirements() if r.id == "003-6.3-r6")
        assert f'data-hb-item="003-6.3-r6" data-hb-text="{zh_hash(rule.text.zh)}" data-hb-optional="true"' in page
        obligation = next(line for line in page.splitlines() if "c-001-4.2-r1" in line)
        assert "hb-suggested-tag" not in obligation


def test_the_report_counts_requirements_by_force(handbook):
    result = hb("report")
    assert result.returncode == 0, result.stderr
    counts = {
        force: sum(r.force == force for r in handbook.requirements())
        for force in ("obligation", "recommendation", "description")
    }
    assert sum(counts.values()) == len(handbook.requirements())
    assert f"| … obligations (应、须、不得) | {counts['obligation']} |" in result.stdout
    assert f"| … recommendations (建议、可以、宜) | {counts['recommendation']} |" in result.stdout
    assert f"| … descriptions (包括…、常见的…) | {counts['description']} |" in result.stdout
    assert counts["recommendation"] >= 30 and counts["description"] >= 10


def test_an_obligation_the_source_states_flat_needs_a_recorded_reason(content):
    # A flat statement ("记录投诉内容") may be a duty or a description: an editor must decide and say why.
    path = content / CHAPTER
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("[ref:law-example]", "", 1)
        .replace("zh: 服务人员应及时处理投诉。", "zh: 服务人员及时处理投诉。", 1)
        .replace('source: "服务人员应"', 'source: "服务人员"', 1),
        encoding="utf-8",
    )
    line = text.splitlines().index('        source: "记录投诉内容"')  # the force line above it, 1-based
    result = hb("check", content=content)
    output = result.stdout + result.stderr
    assert re.search(
        rf"manuals/900/01\.yml:{line}: error: '900-1\.1-p1' has force: obligation, but its source "
        r"words have no modal word .*「记录投诉内容」.*force_why",
        output,
    ), output


def test_every_obligation_rests_on_a_modal_word_or_a_recorded_reason(handbook):
    # Issue 19, part 3: no obligation was recorded without reading its source.
    from handbook.modality import find

    unread = [
        r.id
        for r in handbook.requirements()
        if r.force == "obligation" and not r.force_why and find(r.section, r.source).force != "obligation"
    ]
    assert unread == []


def test_the_purposes_of_question_11_are_descriptions_not_duties(handbook):
    # 问11 "其目的是为了确保…", "目的包括以下几点": what standards are for, not what a company must do.
    found = {r.id: r for r in requirements_of(handbook, "002-1.11")}
    assert {rid: r.force for rid, r in found.items()} == {f"002-1.11-r{n}": "description" for n in (1, 2, 3)}
    for requirement in found.values():
        assert not RULE_WORDS_ZH.search(requirement.text.zh) and not RULE_WORDS_EN.search(requirement.text.en)
