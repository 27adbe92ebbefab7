"""Issue 19c: every requirement's force agrees with the source sentence it quotes.

A requirement quotes (`source:`) the sentence of its section it restates. The
check finds the quote in the section body, reads the modal words of its sentence
and of the lead-in of the list it sits in (modality.py), and reports a force that
disagrees, a quote that is not there, a suggestion or description that still
reads as a rule, and a checklist item that points at a description.
"""

from __future__ import annotations

import re

from .modality import RULE_WORDS_EN, RULE_WORDS_ZH, find
from .model import Handbook, Requirement
from .problems import Problems

FIX = {
    "recommendation": "set `force: recommendation` and word it as a suggestion (zh 建议…/可以…, en 'The handbook suggests…', 'Companies may…', 'can')",
    "obligation": "set `force: obligation`",
    "description": "set `force: description` and word it as what the source describes (zh …包括…, en 'includes', 'can be used to')",
}


def check_forces(handbook: Handbook, problems: Problems) -> None:
    for requirement in handbook.requirements():
        _check_source(requirement, problems)
        _check_wording(requirement, problems)
    check_explanations(handbook, problems)
    rules = handbook.rules()
    for checklist in handbook.checklists:
        for item in checklist.items:
            line = item.origin.line
            rule = rules.get(item.rule_id)
            requirement = rule if isinstance(rule, Requirement) else getattr(rule, "requirement", None)
            if requirement is not None and requirement.force == "description":
                problems.add(
                    item.origin.file,
                    line,
                    f"checklist item '{item.rule_id}' points at a description, not a rule to tick "
                    f"(force: description in {problems.relative(requirement.origin.file)}:{requirement.force_line})",
                    "remove the item, or point it at an obligation or recommendation of the section",
                )


# An explanation that names the suggestion as one (可 alone is too common: 可度量, 可以通过…).
SAYS_SUGGESTED = {
    "zh": re.compile(r"建议|宜|最好|可以考虑"),
    "en": re.compile(r"\b(?:suggest\w*|recommend\w*|advis\w*)\b", re.I),
}


def check_explanations(handbook: Handbook, problems: Problems) -> None:
    """A question testing only suggestions never explains its key as a rule: an explanation
    that says 应/should must say whose suggestion it is (建议, 'suggests')."""
    from .quiz_checks import RULE_WORDS

    rules = handbook.rules()
    for question in handbook.questions():
        cited = [rules[rid] for rid in question.requirement_ids if rid in rules]
        forces = {(rule if isinstance(rule, Requirement) else rule.requirement).force for rule in cited}
        if not cited or forces != {"recommendation"}:
            continue
        text = question.explanation
        for lang in ("zh", "en"):
            rule_word = RULE_WORDS[lang].search(text[lang])
            if rule_word and not SAYS_SUGGESTED[lang].search(text[lang]):
                line = (text.zh_line if lang == "zh" else text.origin.line) or question.origin.line
                problems.add(
                    question.origin.file,
                    line,
                    f"question '{question.id}' tests only suggestions, but its {lang} explanation states "
                    f"the key as a rule ('{rule_word.group()}')",
                    "say it is the source's suggestion: zh 手册建议…/问N建议…, en 'the handbook suggests…'",
                )


def _check_source(requirement: Requirement, problems: Problems) -> None:
    file, section = requirement.origin.file, requirement.section
    if not requirement.source:
        problems.add(
            file,
            requirement.origin.line,
            f"requirement '{requirement.id}' has no `source:` quote",
            "add `source:` with a short exact quote, in Chinese, of the body sentence it restates",
        )
        return
    reading = find(section, requirement.source) if section else None
    if reading is None:
        problems.add(
            file,
            requirement.source_line,
            f"source quote of '{requirement.id}' is not in the body of section {section.number if section else '?'}: "
            f"「{requirement.source}」",
            "copy the quote exactly from one paragraph or list item of the section (no ellipsis, same punctuation)",
        )
        return
    if requirement.force_why:
        return  # an editor has recorded why the force is not what the words suggest
    wanted = reading.force
    if wanted is None and requirement.force == "obligation":
        # a flat statement may be a duty (a policy's article) or a description: an editor decides
        problems.add(
            file,
            requirement.force_line,
            f"'{requirement.id}' has force: obligation, but its source words have no modal word "
            f"(应、须、不得…) in 「{reading.sentence.strip()}」",
            "read the source sentence: if the source frames it as required, say why in `force_why:`; "
            "if it suggests or describes, set `force: recommendation` or `force: description` and reword it",
        )
        return
    if wanted is None and requirement.force != "recommendation":
        return  # a flat statement given as a description
    if wanted != requirement.force:
        found = (
            reading.describe()
            if wanted
            else f"no word of suggestion (建议、宜、可以、可) in 「{reading.sentence.strip()}」"
        )
        problems.add(
            file,
            requirement.force_line,
            f"'{requirement.id}' has force: {requirement.force}, but the source reads {found}",
            (FIX[wanted] if wanted else "set the force the source gives it")
            + "; or, if the words mislead, record why in `force_why:`",
        )


def _check_wording(requirement: Requirement, problems: Problems) -> None:
    if requirement.force == "obligation":
        return
    text = requirement.text
    for lang, pattern in (("zh", RULE_WORDS_ZH), ("en", RULE_WORDS_EN)):
        found = pattern.search(text[lang])
        if found:
            line = text.zh_line if lang == "zh" else text.origin.line
            problems.add(
                requirement.origin.file,
                line if text.zh_line else requirement.origin.line,
                f"'{requirement.id}' is a {requirement.force} but its {lang} text reads as a rule ('{found.group()}')",
                FIX[requirement.force].split(" and ", 1)[-1],
            )


def count_forces(handbook: Handbook) -> dict[str, int]:
    counts = {"obligation": 0, "recommendation": 0, "description": 0}
    for requirement in handbook.requirements():
        counts[requirement.force] = counts.get(requirement.force, 0) + 1
    return counts
