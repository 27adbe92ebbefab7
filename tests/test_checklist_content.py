"""The checklists: each built from the sections the handbook's users asked for."""

from __future__ import annotations

import pytest

# The sections each checklist must draw on, as asked for (issue 5): every one
# of them gives at least one item, and nothing else does.
SECTIONS = {
    "pre-shift": {"000-1.1", "000-1.2", "000-1.3", "000-1.4", "001-2.3"},
    "appearance-check": {"001-2.3", "000-6.1", "003-6.2"},
    "courtesy": {"001-2.1", "001-2.2", "000-2.1", "000-2.2"},
    "customer-problem": {"000-2.3"},
    "complaint": {"000-2.4", "001-6.1", "001-6.2", "001-6.3"},
    "sales-service": {"001-3.1", "001-3.2", "001-3.3"},
    "follow-up": {"000-4.1", "000-4.2", "000-4.3", "000-4.4", "000-4.5"},
    # Issue 19d: the breach response (企业应…, 000-5.4) is done on site during the incident;
    # prevention and setting up the mechanism moved to the manager's policy checklist.
    "emergency-response": {"000-5.1", "000-5.4", "000-8.1", "003-9.3"},
    "privacy-protection": {"003-4.2.3", "003-6.2"},
    "supervision-inspection": {"001-5.1", "000-7.2"},
    "satisfaction-survey": {"000-4.3", "003-8.3"},
    "training-programme": {"001-4.1", "001-4.2", "001-4.3", "000-1.5", "003-4.3", "003-4.3.1", "003-4.3.2", "003-6.3"},
    "manager-policy": {"000-5.4", "000-8.1", "003-9.2"},
}


@pytest.fixture(scope="module")
def handbook(real_load):
    loaded, problems = real_load
    assert problems.items == []
    return loaded


def test_all_thirteen_checklists_exist(handbook):
    assert [c.id for c in handbook.checklists] == list(SECTIONS)


def test_every_item_is_a_rule_of_the_handbook_and_every_checklist_has_a_purpose(handbook):
    rules = handbook.rules()
    for checklist in handbook.checklists:
        assert len(checklist.items) >= 3, checklist.id
        assert checklist.purpose.zh and checklist.purpose.en, checklist.id
        for item in checklist.items:
            assert item.rule_id in rules, f"{checklist.id}: {item.rule_id}"
            assert not getattr(rules[item.rule_id], "steps", None), f"{checklist.id}: {item.rule_id} is a procedure"


def test_each_checklist_draws_on_exactly_the_sections_asked_for(handbook):
    rules = handbook.rules()
    for checklist in handbook.checklists:
        drawn = {rules[item.rule_id].section.id for item in checklist.items}
        assert drawn == SECTIONS[checklist.id], checklist.id


def test_the_problem_checklist_takes_the_five_steps_of_the_procedure_in_order(handbook):
    [procedure] = [
        r
        for r in handbook.rules().values()
        if getattr(r, "steps", None) and r.section.id == "000-2.3" and len(r.steps) == 5
    ]
    [checklist] = [c for c in handbook.checklists if c.id == "customer-problem"]
    assert [i.rule_id for i in checklist.groups[0].items] == [s.id for s in procedure.steps]


def test_checklists_are_grouped_by_when_they_are_used(handbook):
    when = {c.id: c.when for c in handbook.checklists}
    assert when["pre-shift"] == when["appearance-check"] == "before-shift"
    assert when["complaint"] == "during-service"
    assert when["supervision-inspection"] == when["training-programme"] == when["manager-policy"] == "supervision"
