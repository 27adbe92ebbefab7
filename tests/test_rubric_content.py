"""The three rubrics assess what the issue and the manuals say they assess, in the manuals' words."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def handbook(real_handbook):
    return real_handbook


def rubric(handbook, rubric_id):
    [found] = [r for r in handbook.rubrics if r.id == rubric_id]
    return found


def test_the_three_rubrics_exist_and_their_weights_add_up_to_100(handbook):
    assert [r.id for r in handbook.rubrics] == [
        "service-attitude-assessment",
        "service-quality-scorecard",
        "staff-competence-assessment",
    ]
    for r in handbook.rubrics:
        assert sum(c.weight for c in r.criteria) == 100, r.id
        assert [b.grade_id for b in r.bands] == ["001-5.2-g1", "001-5.2-g2", "001-5.2-g3", "001-5.2-g4"], r.id


def test_the_service_attitude_rubric_is_001_5_2_with_its_four_grades_and_their_descriptors(handbook):
    r = rubric(handbook, "service-attitude-assessment")
    assert [level.grade_id for level in r.levels] == ["001-5.2-g1", "001-5.2-g2", "001-5.2-g3", "001-5.2-g4"]
    assert {c.indicator_id for c in r.criteria} >= {"001-5.2-i1", "001-5.2-i2", "001-5.2-i3", "001-5.2-i4"}
    assert {c.id for c in r.criteria} >= {"satisfaction", "complaints"}
    grades = handbook.grades()
    # Every quoted cell quotes the descriptor of its own level's grade.
    for criterion in r.criteria:
        for level in r.levels:
            own = criterion.levels.get(level.id)
            if own:
                assert own.quote == level.grade_id, (criterion.id, level.id)
                assert own.text.zh in grades[level.grade_id].descriptor.zh
    # Between them, the quoted cells of each level use every clause of that grade's descriptor.
    for level in r.levels:
        clauses = re.split("[，。]", grades[level.grade_id].descriptor.zh.rstrip("。"))
        quoted = "".join(c.levels[level.id].text.zh for c in r.criteria if level.id in c.levels)
        for clause in clauses:
            assert clause.replace("语言、", "") in quoted or clause in quoted, (level.id, clause)


def test_critical_criteria_rest_on_words_the_manual_uses_for_a_grade(handbook):
    r = rubric(handbook, "service-attitude-assessment")
    descriptors = "".join(g.descriptor.zh for g in handbook.grades().values() if g.id.startswith("001-5.2"))
    caps = [(c.id, cap) for c in r.criteria for cap in c.critical]
    # Every criterion the manual's grade descriptors speak of caps at each grade it names a feature of;
    # appearance, which they do not mention, caps nothing.
    quoted = ["attitude", "language", "behaviour", "process", "satisfaction", "complaints"]
    assert {(cid, cap.at, cap.cap) for cid, cap in caps} == {
        (cid, at, grade)
        for cid in quoted
        for at, grade in (("good", "001-5.2-g2"), ("pass", "001-5.2-g3"), ("fail", "001-5.2-g4"))
    }
    for _, cap in caps:
        for words in re.findall("“([^”]+)”", cap.because.zh):
            assert words in descriptors or words in {"优秀", "良好", "合格", "不合格"}, words
    # 003 has no grade descriptors: its rubrics cap only where a criterion is one of 001's features of 不合格.
    for other, capped in (
        ("service-quality-scorecard", {"user-satisfaction", "attitude-language", "attitude-body-language"}),
        ("staff-competence-assessment", {"warm-proactive", "courteous", "rigorous-responsible"}),
    ):
        found = {(c.id, cap.cap) for c in rubric(handbook, other).criteria for cap in c.critical}
        assert found == {(cid, "001-5.2-g4") for cid in capped}, other


def test_the_quality_scorecard_has_the_indicators_of_003_chapters_5_to_7(handbook):
    r = rubric(handbook, "service-quality-scorecard")
    # Each indicator of 003 §5.2, §6.1 and §7.2 is scored, once: the ones that name the same thing as
    # another (waiting time, attitude, the environment) are listed under the criterion that scores it.
    expected = (
        [f"003-5.2-i{n}" for n in range(1, 5)]
        + [f"003-6.1-i{n}" for n in range(1, 7)]
        + [f"003-7.2-i{n}" for n in range(1, 7)]
    )
    scored = [c.indicator_id for c in r.criteria]
    assert scored == [
        "003-5.2-i1",
        "003-5.2-i2",
        "003-5.2-i3",
        "003-5.2-i4",
        "003-6.1-i1",
        "003-6.1-i2",
        "003-6.1-i3",
        "003-6.1-i5",
        "003-7.2-i3",
        "003-7.2-i4",
        "003-7.2-i5",
        "003-7.2-i6",
    ]
    covered = {i for c in r.criteria for i in [c.indicator_id, *c.assesses]}
    assert set(expected) <= covered
    assert "000-7.1" in r.basis
    # 000 §7.1 suggests a 5-point scale.
    assert len(r.levels) == 5


def test_the_competence_rubric_assesses_003_4_1_and_4_2_as_4_3_asks(handbook):
    r = rubric(handbook, "staff-competence-assessment")
    assert [c.assesses for c in r.criteria] == [
        ["003-4.1.1"],
        ["003-4.1.2"],
        ["003-4.1.3"],
        ["003-4.2.1"],
        ["003-4.2.2"],
        ["003-4.2.3"],
    ]
    assert "003-4.3.2" in r.basis
    titles = {s.id: s.title.zh for s in handbook.sections()}
    assert [c.title.zh for c in r.criteria] == [titles[c.assesses[0]] for c in r.criteria]
