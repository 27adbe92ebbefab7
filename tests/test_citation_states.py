"""Citations with their true state (issue 19, part 5): a source the manual miscites is
`disputed`, one withdrawn, repealed or replaced is `superseded`; each says what is right
instead and how that was established, readers see the state on every page that cites it,
and a rule that rests only on such sources says so where it is shown."""

from __future__ import annotations

import json
import re

from test_editor_commands import hb
from test_model import edit, line_of, only, problems_of

from conftest import ROOT
from handbook import load_handbook
from handbook.generate import build_pages
from handbook.model import unsound_sources

RECORD = (
    '    verification:\n      by: handbook editors\n      date: "2026-12-06"\n'
    '      how: "The Example Law, article 99, as known to the editors."\n'
)
NOTE = (
    "    note:\n      zh: 《示例法》已于2021年1月1日废止，由《新示例法》取代。\n"
    "      en: The Example Law was repealed on 1 January 2021 and replaced by the New Example Law.\n"
    '      en_from_zh: "00000000"\n'
)
SUCCESSOR = (
    '    superseded_by:\n      zh: 《新示例法》\n      en: New Example Law\n      en_from_zh: "00000000"\n'
    '    superseded_on: "2021-01-01"\n'
)


def _superseded(content, *, note=True, record=True, successor=True, date=True):
    """The fixture's only reference (cited by a paragraph, a rule and an indicator), made superseded."""
    parts = "    status: superseded\n" + (NOTE if note else "") + (RECORD if record else "")
    if successor:
        parts += SUCCESSOR if date else SUCCESSOR.replace('    superseded_on: "2021-01-01"\n', "")
    path = edit(content, "references.yml", "    status: unchecked\n", parts)
    _stamp(path)
    return path


def _stamp(path):
    """Record, as `scripts/hb stamp` would, which Chinese each new English text translates."""
    from handbook.translation import zh_hash

    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip() == 'en_from_zh: "00000000"':
            zh = lines[i - 2].split("zh:", 1)[1].strip()
            lines[i] = line.replace('"00000000"', f'"{zh_hash(zh)}"')
    path.write_text("".join(lines), encoding="utf-8")


def test_a_superseded_source_with_note_successor_date_and_record_loads(content):
    _superseded(content)
    handbook, problems = load_handbook(content)
    reference = handbook.references["law-example"]
    assert reference.status == "superseded" and reference.unsound
    assert reference.superseded_by.en == "New Example Law" and reference.superseded_on == "2021-01-01"
    # 900-1.1-r1 cites only this law, so it rests on nothing else.
    rules = handbook.rules()
    resting = sorted(rule_id for rule_id, rule in rules.items() if unsound_sources(rule.cites, handbook.references))
    assert resting and all("law-example" in rules[r].cites for r in resting)


def test_disputed_without_a_note_is_an_error_at_its_status_line(content):
    path = edit(content, "references.yml", "    status: unchecked\n", "    status: disputed\n" + RECORD)
    only(problems_of(content), path, line_of(path, "status: disputed"), "disputed without a note", "correct title")


def test_superseded_without_a_verification_record_is_an_error(content):
    path = _superseded(content, record=False)
    only(problems_of(content), path, line_of(path, "status: superseded"), "without a verification record")


def test_superseded_without_a_note_is_an_error(content):
    path = _superseded(content, note=False)
    only(
        problems_of(content), path, line_of(path, "status: superseded"), "superseded without a note", "what replaced it"
    )


def test_superseded_needs_its_successor_and_a_date(content):
    path = _superseded(content, successor=False)
    problems = problems_of(content)
    only(problems, path, line_of(path, "status: superseded"), "without superseded_by", "add superseded_by")
    only(problems, path, line_of(path, "status: superseded"), "without superseded_on", "YYYY-MM-DD")


def test_superseded_without_a_date_is_an_error(content):
    path = _superseded(content, date=False)
    only(problems_of(content), path, line_of(path, "status: superseded"), "without superseded_on")


def test_a_successor_on_a_source_that_is_not_superseded_is_an_error(content):
    path = edit(content, "references.yml", "    status: unchecked\n", "    status: unchecked\n" + SUCCESSOR)
    _stamp(path)
    only(
        problems_of(content),
        path,
        line_of(path, "superseded_by:"),
        "has superseded_by but is unchecked",
        "set status: superseded",
    )


def _pages(content, lang):
    handbook, _ = load_handbook(content)
    return {page.path: page.markdown for page in build_pages(handbook, lang)}


def test_pages_show_the_superseded_badge_successor_and_the_rule_note_in_both_languages(content):
    _superseded(content)
    for lang, badge, successor, note, title in (
        (
            "zh",
            "已被取代",
            "自2021-01-01起由《新示例法》取代。",
            "注意：本条所引来源已被取代，不再有效。",
            "来源已被取代",
        ),
        (
            "en",
            "superseded",
            "Replaced by the New Example Law from 2021-01-01.",
            "Note: the source this rule cites has been superseded and is no longer in force.",
            "source superseded",
        ),
    ):
        pages = _pages(content, lang)
        section = pages["manuals/900/1/1.1.md"]
        # The marker in the text and the entry in the page's list of sources carry the state.
        assert f'<sup class="hb-cite hb-cite--superseded"><a href="#ref-law-example" title="{title}"' in section
        assert re.search(
            r'<li id="ref-law-example">[^<]*<span class="hb-badge hb-badge--superseded">'
            + re.escape(badge)
            + "</span>",
            section,
        )
        assert successor in section
        # The rule that cites only this law says so, beside the rule.
        rule = re.search(r'<li id="900-1.1-r1">.*?</li>', section).group(0)
        assert note in rule
        # The register shows the state, the note and the successor.
        register = pages["editors/references.md"]
        assert f'<span class="hb-badge hb-badge--superseded">{badge}</span>' in register
        assert successor in register


def test_the_editors_report_counts_disputed_and_superseded_citations(content):
    _superseded(content)
    data = json.loads(hb("report", "--json", content=content).stdout)
    unsound = data["unsound_references"]
    assert unsound["superseded"]["references"] == 1 and unsound["superseded"]["citations"] >= 3
    assert unsound["disputed"]["references"] == 0
    assert "900-1.1-r1" in unsound["rules_resting_on_them"]
    assert data["references"]["unverified"] == 0
    page = hb("report", content=content).stdout
    assert "| superseded references | 1 (" in page
    assert "Superseded references (1)" in page


# The real content: the known miscited and repealed sources are recorded.

KNOWN = {
    "gbt-22239-2019-info-security": ("disputed", "信息安全技术 网络安全等级保护基本要求"),
    "gbt-29639-2013-enterprise-emergency-management": ("disputed", "生产经营单位生产安全事故应急预案编制导则"),
    "gbt-19001-2016-service-quality-guide": ("disputed", "质量管理体系 要求"),
    "gbt-2260-2007-telecom-user-service-guide": ("disputed", "中华人民共和国行政区划代码"),
    "asq-service-quality-standard": ("disputed", "American Society for Quality"),
    "stat-nielson-78pct-professionalism": ("disputed", "Nielsen"),
    "prc-contract-law": ("superseded", "《中华人民共和国民法典》"),
}


def test_the_known_miscited_and_repealed_sources_are_recorded(real_handbook):
    handbook = real_handbook
    for ref_id, (status, correct) in KNOWN.items():
        reference = handbook.references[ref_id]
        assert reference.status == status, ref_id
        assert correct in reference.note.zh + reference.note.en, ref_id
        assert reference.verification["by"] == "handbook editors"
    law = handbook.references["prc-contract-law"]
    assert law.superseded_by.zh == "《中华人民共和国民法典》" and law.superseded_on == "2021-01-01"
    assert "第一千二百六十条" in law.note.zh and "Article 1260" in law.note.en


def test_000_7_1_r4_no_longer_attributes_its_method_to_iso_9001(real_handbook):
    """The source says evaluation follows ISO 9001's relevant standards (r3) and, separately,
    combines quantitative and qualitative methods; it does not say ISO 9001 prescribes that."""
    handbook = real_handbook
    rules = handbook.rules()
    assert rules["000-7.1-r4"].cites == []
    assert "ISO" not in rules["000-7.1-r4"].text.zh
    assert rules["000-7.1-r3"].cites == ["iso-9001-quality-management-system"]


def test_built_pages_show_the_states_and_the_rule_notes_in_both_languages(built_site):
    for prefix, superseded, disputed, note in (
        ("", "已被取代", "有误", "注意：本条所引来源已被取代"),
        ("en/", "superseded", "disputed", "Note: the source this rule cites has been superseded"),
    ):
        section = (built_site / prefix / "manuals/002/1/1.3/index.html").read_text(encoding="utf-8")
        assert f'<span class="hb-badge hb-badge--superseded">{superseded}</span>' in section
        assert 'class="hb-cite hb-cite--superseded"' in section
        rule = re.search(r'<li id="002-1.3-r6">.*?</li>', section).group(0)
        assert note in rule
        disputed_page = (built_site / prefix / "manuals/000/2/2.5/index.html").read_text(encoding="utf-8")
        assert f'<span class="hb-badge hb-badge--disputed">{disputed}</span>' in disputed_page
        assert 'class="hb-cite hb-cite--disputed"' in disputed_page
        assert "hb-rule-source--disputed" in disputed_page
        register = (built_site / prefix / "editors/references/index.html").read_text(encoding="utf-8")
        assert register.count('<td data-label="') and register.count("hb-badge--disputed") >= 6 + 1
        assert register.count("hb-badge--superseded") >= 1 + 1  # the row, and the summary
        checklist = (built_site / prefix / "checklists/follow-up/index.html").read_text(encoding="utf-8")
        assert "hb-rule-source--disputed" in checklist
    assert (ROOT / "checklists/references.yml").exists()
