"""Issue 19d: lists versus sequences, and fragments.

A procedure's steps are a sequence only where the source orders them (`ordered: true`);
principles, kinds and examples are a plain list (`ordered: false`), whose steps must not
read as a sequence. A fragment (`fragment: true`) quotes a source sentence that breaks
off; it is shown as such and never made a checklist item or a quiz's answer.
"""

from __future__ import annotations

import re

from .model import Handbook, Question, Requirement
from .problems import Problems

FRAGMENT_END = {"zh": "……（原文至此中断）", "en": "… (the source breaks off here)"}

# Words that put a step in a sequence; a step of a plain list may not open with one.
ORDER_WORDS = {
    "zh": re.compile(r"^(首先|其次|然后|接着|随后|最后|依次|先|再|后)|^第[一二三四五六七八九十\d]+(步|，|、|：)"),
    "en": re.compile(r"^(first|firstly|second|secondly|then|next|after that|finally|lastly)\b", re.IGNORECASE),
}


def check_sequences(handbook: Handbook, problems: Problems) -> None:
    for requirement in handbook.requirements():
        if requirement.steps:
            _check_list_steps(requirement, problems)
        if requirement.fragment:
            _check_fragment(requirement, problems)
        elif requirement.text:
            for lang in ("zh", "en"):
                if requirement.text[lang].rstrip().endswith(FRAGMENT_END[lang]):
                    line = requirement.text.zh_line if lang == "zh" else requirement.text.origin.line
                    problems.add(
                        requirement.origin.file,
                        line,
                        f"'{requirement.id}' says the source breaks off, but is not marked as a fragment",
                        "add `fragment: true` to the requirement",
                    )
    fragments = {r.id: r for r in handbook.requirements() if r.fragment}
    for checklist in handbook.checklists:
        for item in checklist.items:
            if item.rule_id in fragments:
                problems.add(
                    item.origin.file,
                    item.origin.line,
                    f"checklist '{checklist.id}' lists '{item.rule_id}', a fragment: the source breaks off "
                    "inside it, so there is nothing whole to tick",
                    "remove the item (a fragment is shown on its section page only)",
                )
    for quiz in handbook.quizzes:
        for question in quiz.questions:
            _check_question_fragments(question, fragments, problems)
    _check_moments(handbook, problems)


# A company's duty (企业应…/公司应…) or setting up a mechanism is nothing staff can tick at the
# counter: it belongs on a checklist used at the periodic review (when: supervision).
COMPANY_DUTY = re.compile(
    r"^(?:为[^，]*，)?(?:企业|公司)(?:应|需|要|必须|须)|"
    r"^(?:建立|设立|制定|健全)[^，。]*(?:机制|体系|制度|预案)"
)
STAFF_MOMENTS = ("before-shift", "during-service", "after-service")


def _check_moments(handbook: Handbook, problems: Problems) -> None:
    rules = handbook.rules()
    for checklist in handbook.checklists:
        if checklist.when not in STAFF_MOMENTS:
            continue
        for item in checklist.items:
            rule = rules.get(item.rule_id)
            if rule is None or rule.text is None:
                continue
            text = rule.text.zh
            unlabelled = re.sub(r"^[^：，。]{1,12}：", "", text)  # "快速响应，及时处理：建立…"
            if COMPANY_DUTY.search(text) or COMPANY_DUTY.search(unlabelled):
                problems.add(
                    item.origin.file,
                    item.origin.line,
                    f"checklist '{checklist.id}' (used {checklist.when}) lists '{item.rule_id}', a duty of the "
                    f"company, not something staff can do or see at that moment: 「{text[:40]}」",
                    "move the item to the manager's policy checklist (13-manager-policy.yml, when: supervision)",
                )


def _check_list_steps(procedure: Requirement, problems: Problems) -> None:
    if procedure.ordered is None:
        return  # the schema reports the missing `ordered`
    if procedure.ordered:
        return
    for step in procedure.steps:
        for lang in ("zh", "en"):
            if ORDER_WORDS[lang].search(step.text[lang].strip()):
                line = step.text.zh_line if lang == "zh" else step.text.origin.line
                problems.add(
                    step.origin.file,
                    line,
                    f"step '{step.id}' opens with an order word, but '{procedure.id}' is a list "
                    "(ordered: false): the source gives these steps no order",
                    "write the step as the source does, without the order word, "
                    "or set ordered: true if the source orders the steps",
                )


def _check_fragment(requirement: Requirement, problems: Problems) -> None:
    file = requirement.origin.file
    if requirement.steps:
        problems.add(
            file,
            requirement.lines.get("fragment", requirement.origin.line),
            f"'{requirement.id}' is a procedure and a fragment",
            "mark the requirement or step that breaks off, not the procedure",
        )
        return
    if requirement.section is not None and not requirement.section.truncated:
        problems.add(
            file,
            requirement.lines.get("fragment", requirement.origin.line),
            f"'{requirement.id}' is a fragment, but section {requirement.section.id} is not marked source-truncated",
            "set the section's status: source-truncated, or remove fragment: true if the sentence is whole",
        )
    text = requirement.text
    if text is None:
        return
    for lang in ("zh", "en"):
        if not text[lang].rstrip().endswith(FRAGMENT_END[lang]):
            line = text.zh_line if lang == "zh" else text.origin.line
            problems.add(
                file,
                line,
                f"the {lang} text of fragment '{requirement.id}' does not mark where the source breaks off",
                f"quote the source as far as it goes and end with “{FRAGMENT_END[lang]}”",
            )


def _check_question_fragments(question: Question, fragments: dict, problems: Problems) -> None:
    file = question.origin.file
    for i, rule_id in enumerate(question.requirement_ids):
        if rule_id in fragments:
            problems.add(
                file,
                question.lines.get(f"requirements.{i}", question.origin.line),
                f"question '{question.id}' tests '{rule_id}', a fragment: the source breaks off inside it, "
                "so it has no defensible answer",
                "test a whole requirement, or remove the question",
            )
    if question.procedure_id in fragments:
        problems.add(
            file,
            question.lines.get("procedure", question.origin.line),
            f"question '{question.id}' uses '{question.procedure_id}', a fragment",
            "use a whole procedure",
        )
