"""The rubrics grade as the source says: a feature the source lists for a grade caps the total there.

Each case below rates the real rubric (its generated page configuration) and
scores it with the page's own scorer (rubric-score.js, run by Node); the
totals in the comments are worked out by hand from the rubric's weights and
points."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace

import pytest

from conftest import ROOT
from handbook.generate.rubrics import _RubricPage
from handbook.loader import CONTENT, read_handbook
from handbook.problems import Problems
from handbook.rubric_checks import check_rubrics

FAIL, PASS, GOOD, EXCELLENT = "001-5.2-g4", "001-5.2-g3", "001-5.2-g2", "001-5.2-g1"


@pytest.fixture(scope="module")
def handbook():
    """The real content as read, with the rubrics and the manuals they cite checked (the question
    banks, which the rubrics do not use, are held by their own tests)."""
    problems = Problems(ROOT)
    found = read_handbook(CONTENT, problems)
    check_rubrics(found, problems)
    assert not [p for p in problems.errors if "/quizzes/" not in p.file], problems.errors
    return found


@pytest.fixture(scope="module")
def configs(handbook):
    return {r.id: _RubricPage(handbook, r, "zh").config() for r in handbook.rubrics}


def score(config: dict, ratings: dict[str, str], rest: str) -> dict:
    """Rate `ratings`, every other criterion at `rest`; the page's scorer gives the result."""
    answers = {c["id"]: {"level": ratings.get(c["id"], rest)} for c in config["criteria"]}
    node = shutil.which("node")
    assert node, "Node.js runs the page's scorer"
    script = (
        "const S = require(process.argv[1]); const [c, a] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(S.score(c, a)));"
    )
    result = subprocess.run(
        [node, "-e", script, str(ROOT / "docs/assets/js/rubric-score.js")],
        input=json.dumps([config, answers]),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


ATTITUDE_FEATURES_OF_FAIL = {  # 001 五（二）: 不合格 is 服务态度差、语言不文明、行为不得体、未按照服务流程执行、客户满意度低、投诉较多
    "attitude": "服务态度差",
    "language": "语言不文明",
    "behaviour": "行为不得体",
    "process": "未按照服务流程执行",
    "satisfaction": "客户满意度低",
    "complaints": "投诉较多",
}


@pytest.mark.parametrize("criterion", list(ATTITUDE_FEATURES_OF_FAIL))
def test_each_feature_of_fail_in_001_caps_the_attitude_assessment_at_fail(configs, criterion):
    config = configs["service-attitude-assessment"]
    result = score(config, {criterion: "fail"}, "excellent")
    # Six criteria and appearance weigh 15 each but appearance 10: one at 0 points, the rest at 100,
    # totals (100 - 15) = 85.0, which the bands make 良好 (75-89).
    assert (result["display"], result["byScore"]) == ("85.0", GOOD)
    assert result["grade"] == FAIL
    [cap] = result["capped"]
    assert cap["criterion"] == criterion and ATTITUDE_FEATURES_OF_FAIL[criterion] in cap["because"]


def test_attitude_rated_fail_with_everything_else_excellent_is_fail_not_good(configs):
    """The issue's case: it gave 85.0 and 良好."""
    result = score(configs["service-attitude-assessment"], {"attitude": "fail"}, "excellent")
    assert (result["display"], result["grade"]) == ("85.0", FAIL)


@pytest.mark.parametrize("level, grade, total", [("good", GOOD, "97.0"), ("pass", PASS, "94.0")])
def test_a_feature_of_good_or_pass_caps_at_that_grade(configs, level, grade, total):
    # attitude at 80 (good) or 60 (pass) points, the rest 100: 100 - 15 × 20/100 = 97.0, 100 - 15 × 40/100 = 94.0,
    # both 优秀 by score; 001 五（二） makes 服务态度较好 a mark of 良好 and 服务态度一般 one of 合格.
    result = score(configs["service-attitude-assessment"], {"attitude": level}, "excellent")
    assert (result["display"], result["byScore"], result["grade"]) == (total, EXCELLENT, grade)


def test_appearance_has_no_grade_feature_in_001_and_caps_nothing(configs):
    # Appearance (weight 10) at 0, the rest 100: 90.0, 优秀, and no cap: 001 五（二） names no appearance feature.
    result = score(configs["service-attitude-assessment"], {"appearance": "fail"}, "excellent")
    assert (result["display"], result["grade"], result["capped"]) == ("90.0", EXCELLENT, [])


def test_the_worst_cap_wins(configs):
    # complaints at fail triggers its caps at good, pass and fail: the grade is the lowest, 不合格.
    result = score(configs["service-attitude-assessment"], {"complaints": "fail", "attitude": "good"}, "excellent")
    # 100 - 15 (complaints) - 3 (attitude at 80) = 82.0, 良好 by score.
    assert (result["display"], result["byScore"], result["grade"]) == ("82.0", GOOD, FAIL)


@pytest.mark.parametrize("criterion, weight", [("warm-proactive", 17), ("courteous", 17), ("rigorous-responsible", 16)])
def test_the_staff_competence_attitudes_of_003_4_2_cap_at_fail(configs, criterion, weight):
    """003 §4.2's attitudes are 001's features of 不合格: a poor attitude, uncivil language, not following the
    process or breaking confidentiality (rigorous-responsible) cannot end at 良好."""
    result = score(configs["staff-competence-assessment"], {criterion: "fail"}, "excellent")
    assert result["display"] == f"{100 - weight}.0" and result["byScore"] == GOOD
    assert result["grade"] == FAIL


@pytest.mark.parametrize("criterion", ["professional-skills", "learning-ability", "teamwork"])
def test_the_competences_of_003_4_1_are_weighed_not_capped(configs, criterion):
    # 003 gives no grade features for the skills: professional skills (20) at 0 → 80.0, 良好.
    result = score(configs["staff-competence-assessment"], {criterion: "fail"}, "excellent")
    assert result["capped"] == []


@pytest.mark.parametrize(
    "criterion, weight", [("attitude-language", 8), ("attitude-body-language", 7), ("user-satisfaction", 14)]
)
def test_the_scorecard_caps_uncivil_language_improper_conduct_and_low_satisfaction(configs, criterion, weight):
    result = score(configs["service-quality-scorecard"], {criterion: "s1"}, "s5")
    assert result["display"] == f"{100 - weight}.0" and result["grade"] == FAIL


def test_the_scorecard_scores_each_aspect_once(handbook):
    [card] = [r for r in handbook.rubrics if r.id == "service-quality-scorecard"]
    scored = [c.indicator_id for c in card.criteria]
    assert len(scored) == len(set(scored))
    # Waiting time (003 §5.2 response time, §6.1 response speed, §7.2 efficiency) is one criterion;
    # attitude (§6.1 and §7.2's 服务态度) and the environment (§6.1 atmosphere, §7.2 environment) too.
    for once in (["003-5.2-i1", "003-6.1-i4", "003-7.2-i2"], ["003-6.1-i6", "003-7.2-i5"]):
        assert sum(any(i in [c.indicator_id, *c.assesses] for i in once) for c in card.criteria) == 1, once
    assert "003-7.2-i1" not in scored
    assert sum(c.weight for c in card.criteria) == 100


def test_the_response_time_standard_is_the_organisations_setting(handbook, configs):
    [card] = [r for r in handbook.rubrics if r.id == "service-quality-scorecard"]
    [response] = [c for c in card.criteria if c.id == "response-time"]
    assert response.organisation_standard is not None and "003 §5.1" in response.organisation_standard.asks.zh
    config = {c["id"]: c for c in configs["service-quality-scorecard"]["criteria"]}
    assert config["response-time"]["standard"] == {"asks": response.organisation_standard.asks.zh, "value": None}
    assert "本单位依003 §5.1制定的标准" not in card.purpose.zh


def test_a_grade_feature_without_its_cap_is_an_error(handbook):
    [attitude] = [r for r in handbook.rubrics if r.id == "service-attitude-assessment"]
    [criterion] = [c for c in attitude.criteria if c.id == "satisfaction"]
    # The model is frozen: check a copy of the handbook whose criterion lacks the cap.
    uncapped = replace(criterion, critical=[cap for cap in criterion.critical if cap.at != "fail"])
    groups = [
        replace(group, criteria=[uncapped if c is criterion else c for c in group.criteria])
        for group in attitude.groups
    ]
    changed = replace(
        handbook, rubrics=[replace(attitude, groups=groups) if r is attitude else r for r in handbook.rubrics]
    )
    problems = Problems(ROOT)
    check_rubrics(changed, problems)
    line = criterion.levels["fail"].origin.line
    assert [str(p) for p in problems.errors] == [
        f"checklists/rubrics/01-service-attitude.yml:{line}: error: criterion 'satisfaction' at 'fail' quotes "
        "“客户满意度低”, a feature of 不合格 (001-5.2-g4), but rating it so does not cap the grade at 不合格 "
        '(add to critical: {at: fail, cap: "001-5.2-g4", because: …})'
    ]


def test_an_indicator_scored_by_two_criteria_is_an_error(handbook):
    [card] = [r for r in handbook.rubrics if r.id == "service-quality-scorecard"]
    [details] = [c for c in card.criteria if c.id == "attitude-details"]
    details.assesses.append("003-5.2-i3")
    details.lines["assesses.1"] = 999
    try:
        problems = Problems(ROOT)
        check_rubrics(handbook, problems)
    finally:
        details.assesses.pop()
    assert [str(p) for p in problems.errors] == [
        "checklists/rubrics/02-service-quality.yml:999: error: criterion 'attitude-details' assesses indicator "
        "'003-5.2-i3', which criterion 'user-satisfaction' scores: it would be counted twice (score it in one "
        "criterion only; list it under the other's assesses: only if that one is removed)"
    ]
