"""What a reader must know about the rules a quiz question rests on (issue 19).

A question's explanation states its key. When the rules it tests are only the
source's suggestions (or descriptions), or rest only on a disputed or
superseded citation, the explanation says so, in the interactive quiz and in
the printed answer key, as the section page does beside the rule itself.
"""

from __future__ import annotations

from ..model import Handbook, Question, Requirement, unsound_sources

NOTES = {
    "recommendation": {
        "zh": "本题考查的是原文提出的建议（建议、可以、宜），不是必须遵守的规定。",
        "en": "What this question tests is a suggestion in the source, not a rule staff must follow.",
    },
    "some_recommendation": {
        "zh": "本题涉及的部分内容是原文提出的建议，不是必须遵守的规定（节页面上标有“建议”）。",
        "en": "Part of what this question tests is a suggestion in the source, not a rule "
        "(marked “Suggested” on the section page).",
    },
    "description": {
        "zh": "本题考查的是原文的说明或举例，不是要求。",
        "en": "What this question tests is something the source describes or gives as an example, not a requirement.",
    },
    "disputed": {
        "zh": "注意：本题依据的要求只引用了有误的来源，手册给出的名称或编号与实际不符。",
        "en": "Note: the rule this question rests on cites only a disputed source; "
        "the title or number the manual gives does not match it.",
    },
    "superseded": {
        "zh": "注意：本题依据的要求只引用了已被取代的来源，该来源不再有效。",
        "en": "Note: the rule this question rests on cites only a superseded source, which is no longer in force.",
    },
    "unsound": {
        "zh": "注意：本题依据的要求所引来源均有误或已被取代。",
        "en": "Note: every source the rule this question rests on cites is disputed or superseded.",
    },
}


def cited_rules(handbook: Handbook, question: Question, rules: dict | None = None) -> list:
    """The requirements and steps a question cites (an ordering question: its procedure)."""
    rules = rules if rules is not None else handbook.rules()
    ids = list(question.requirement_ids) + ([question.procedure_id] if getattr(question, "procedure_id", None) else [])
    return [rules[rule_id] for rule_id in dict.fromkeys(ids) if rule_id in rules]


def _requirement(rule) -> Requirement:
    return rule if isinstance(rule, Requirement) else rule.requirement


def note_keys(handbook: Handbook, question: Question, rules: dict | None = None) -> list[str]:
    """The notes this question's explanation carries, as keys of NOTES."""
    cited = cited_rules(handbook, question, rules)
    if not cited:
        return []
    keys = []
    forces = {_requirement(rule).force for rule in cited}
    if forces == {"recommendation"}:
        keys.append("recommendation")
    elif forces == {"description"}:
        keys.append("description")
    elif "recommendation" in forces:
        keys.append("some_recommendation")
    states = set()
    for rule in cited:
        cites = list(rule.cites) or (list(_requirement(rule).cites) if rule is not _requirement(rule) else [])
        states |= {reference.status for reference in unsound_sources(cites, handbook.references)}
    if states:
        keys.append(states.pop() if len(states) == 1 else "unsound")
    return keys


def notes(handbook: Handbook, question: Question, lang: str, rules: dict | None = None) -> list[str]:
    """The notes as plain text in `lang` (the quiz widget shows them as text; templates escape them)."""
    return [NOTES[key][lang] for key in note_keys(handbook, question, rules)]


def keyed(handbook: Handbook, question: Question, lang: str, rules: dict | None = None) -> list[dict]:
    """The notes with their kind (`k`: recommendation, disputed, …), for styling: [{"k": …, "t": …}]."""
    return [{"k": key, "t": NOTES[key][lang]} for key in note_keys(handbook, question, rules)]
