"""Cross-checks of the question banks and the onboarding path that the schema cannot express.

A question must be answerable from the section it cites: the section exists,
is published and belongs to the bank's chapter; the answer is among the
options; an ordering question's steps come from a real procedure. The
onboarding path must take a new hire through every chapter with text, once,
and the minimum training it states must be what the handbook says.
"""

from __future__ import annotations

import re

from .guessability import ALL_NONE_OF_THE_ABOVE, MC_MIN_RIGHT, MC_MIN_WRONG
from .model import Handbook, Question, Quiz
from .problems import Problems

MIN_ORDERING_STEPS = 3


def check_quizzes(handbook: Handbook, problems: Problems) -> None:
    complete = "manuals" not in handbook.unread
    chapters, sections, rules = handbook.index.chapters, handbook.index.sections, handbook.index.rules
    banks: dict[str, Quiz] = {}
    for quiz in handbook.quizzes:
        file = quiz.origin.file
        if quiz.id in banks:
            problems.add(
                file,
                quiz.origin.line,
                f"chapter '{quiz.id}' already has a question bank",
                f"add these questions to {problems.relative(banks[quiz.id].origin.file)}",
            )
        banks.setdefault(quiz.id, quiz)
        if file.stem != quiz.id:
            problems.add(
                file,
                quiz.origin.line,
                f"the bank of chapter '{quiz.id}' is in {file.name}",
                f"name the file {quiz.id}.yml",
            )
        if complete and quiz.id not in chapters:
            problems.add(
                file,
                quiz.origin.line,
                f"chapter '{quiz.id}' does not exist",
                'use a chapter id as in the manuals, e.g. "000-2"',
            )
        for question in quiz.questions:
            _check_question(quiz, question, problems)
            if complete and quiz.id in chapters:
                _check_sources(quiz, question, sections, rules, problems)
        if complete:
            for question in quiz.questions:
                _check_suggestion_wording(question, rules, problems)  # 19c
    if handbook.onboarding and complete:
        _check_onboarding(handbook, chapters, rules, problems)


def _check_question(quiz: Quiz, question: Question, problems: Problems) -> None:
    file, line = question.origin.file, question.origin.line
    if not question.id.startswith(question.section_id + "-q"):
        problems.add(
            file,
            line,
            f"question id '{question.id}' does not start with its section '{question.section_id}-q'",
            f"name it {question.section_id}-qN, N a number not used before in this section",
        )
    choices = question.type in ("single", "multiple")
    extra = [
        key
        for key, wanted in (
            ("options", choices),
            ("answer", question.type == "true-false"),
            ("procedure", question.type == "ordering"),
        )
        if key in question.lines and not wanted
    ]
    for key in extra:
        problems.add(
            file,
            question.lines[key],
            f"a {question.type} question has no '{key}'",
            f"remove '{key}:', or change the type",
        )
    if not choices:
        return
    _check_options(question, problems)
    right = [option for option in question.options if option.correct]
    if not right:
        problems.add(
            file,
            question.lines.get("options", line),
            f"question '{question.id}': no option is marked correct",
            "mark the right answer with correct: true; the answer must be among the options",
        )
    elif question.type == "single" and len(right) > 1:
        problems.add(
            file,
            right[1].origin.line,
            f"single-choice question '{question.id}' has {len(right)} correct options",
            "mark only one correct, or make it type: multiple",
        )
    elif len(right) == len(question.options):
        problems.add(
            file,
            question.lines.get("options", line),
            f"question '{question.id}': every option is correct",
            "add an option that is wrong, so the question tests something",
        )
    elif question.type == "multiple" and len(right) < MC_MIN_RIGHT:
        problems.add(
            file,
            question.lines.get("options", line),
            f"multiple-choice question '{question.id}' has {len(right)} correct option(s), fewer than {MC_MIN_RIGHT}",
            "make it type: single, or ask about something with several right answers",
        )
    elif question.type == "multiple" and len(question.options) - len(right) < MC_MIN_WRONG:
        problems.add(
            file,
            question.lines.get("options", line),
            f"multiple-choice question '{question.id}' needs at least {MC_MIN_WRONG} wrong option(s)",
            "add a plausible wrong option that contradicts a named rule",
        )
    seen: dict[str, int] = {}
    for option in question.options:
        if option.text.zh in seen:
            problems.add(
                file,
                option.origin.line,
                f"option '{option.text.zh}' appears twice in question '{question.id}'",
                f"it is already on line {seen[option.text.zh]}; remove one or reword it",
            )
        seen.setdefault(option.text.zh, option.origin.line)


def _check_options(question: Question, problems: Problems) -> None:
    """Every wrong option says, in its feedback, which rule it contradicts; no option is
    answerable from its form ("all of the above")."""
    file = question.origin.file
    for option in question.options:
        for lang in ("zh", "en"):
            text = option.text[lang].lower()
            found = next((words for words in ALL_NONE_OF_THE_ABOVE if words in text), None)
            if found:
                problems.add(
                    file,
                    option.origin.line,
                    f"question '{question.id}': the option '{option.text[lang]}' "
                    f'is an "all/none of the above" option ({found})',
                    "write an option that is a statement of its own; a reader answers these from their form",
                )
                break
        if not option.correct and option.feedback is None:
            problems.add(
                file,
                option.origin.line,
                f"question '{question.id}': the wrong option '{option.text.zh}' has no feedback",
                "add feedback: (zh and en) naming the rule of the handbook this option contradicts",
            )
    wrong = [option for option in question.options if not option.correct]
    # Two distractors may well contradict the same rule, but when every one has the
    # same feedback, it says what the rule is, not why each option is wrong.
    said = {option.feedback.zh for option in wrong if option.feedback}
    if len(wrong) >= 2 and len(said) == 1 and all(option.feedback for option in wrong):
        problems.add(
            file,
            wrong[1].origin.line,
            f"question '{question.id}': every wrong option has the same feedback",
            "say, for each wrong option, which rule it contradicts and how",
        )


def _check_sources(quiz: Quiz, question: Question, sections: dict, rules: dict, problems: Problems) -> None:
    file, lines = question.origin.file, question.lines
    section = sections.get(question.section_id)
    if section is None:
        problems.add(
            file,
            lines["section"],
            f"question '{question.id}' cites section '{question.section_id}', which does not exist",
            'use a section id as in the manuals, e.g. "000-2.4"',
        )
        return
    if section.chapter.id != quiz.id:
        problems.add(
            file,
            lines["section"],
            f"section '{section.id}' is not in chapter '{quiz.id}'",
            f"move the question to {section.chapter.id}.yml",
        )
    if not section.published:
        problems.add(
            file,
            lines["section"],
            f"section '{section.id}' has no text in the source, so nothing to test",
            "cite a published section",
        )
    if section.requirements and not question.requirement_ids and not question.procedure_id:
        # The rule a question tests, and that its distractors' feedback names. A
        # section written as plain text (no requirements) is cited by section: alone.
        problems.add(
            file,
            question.origin.line,
            f"question '{question.id}' cites no requirement of section {section.id}",
            f'list the requirements it tests under requirements:, e.g. "{section.requirements[0].id}"',
        )
    for i, rule_id in enumerate(question.requirement_ids):
        rule = rules.get(rule_id)
        if rule is None or rule.section is not section:
            where = "does not exist" if rule is None else f"is in section {rule.section.id}"
            problems.add(
                file,
                lines[f"requirements.{i}"],
                f"question '{question.id}' cites requirement '{rule_id}', which {where}",
                f"cite a requirement of section {section.id}, or change section:",
            )
    if question.type == "ordering" and question.procedure_id:
        procedure = rules.get(question.procedure_id)
        steps = getattr(procedure, "steps", [])
        if procedure is None or procedure.section is not section:
            where = "does not exist" if procedure is None else f"is in section {procedure.section.id}"
            problems.add(
                file,
                lines["procedure"],
                f"procedure '{question.procedure_id}' {where}",
                f'use a procedure of section {section.id}: a requirement with steps, e.g. "{section.id}-p1"',
            )
        elif len(steps) < MIN_ORDERING_STEPS:
            problems.add(
                file,
                lines["procedure"],
                f"'{question.procedure_id}' has {len(steps)} step(s); an ordering question needs at least {MIN_ORDERING_STEPS}",
                "choose a procedure with three or more steps, or ask another type of question",
            )
        else:
            _check_ordering_procedure(question, procedure, problems)


def _check_ordering_procedure(question: Question, procedure, problems: Problems) -> None:
    """An ordering question asks for the order the source gives, so its procedure
    must be one whose steps the source puts in order (issue 19d: `ordered: true`)."""
    if procedure.ordered is False:
        problems.add(
            question.origin.file,
            question.lines["procedure"],
            f"ordering question '{question.id}' asks for the order of '{procedure.id}', whose steps the source "
            "lists without an order (ordered: false)",
            "ask another type of question (e.g. multiple: which of these are among them), "
            "or use a procedure with ordered: true",
        )


def _check_onboarding(handbook: Handbook, chapters: dict, rules: dict, problems: Problems) -> None:
    path = handbook.onboarding
    file = path.origin.file
    placed: dict[str, int] = {}
    for stage in path.stages:
        for chapter_id, line in zip(stage.chapter_ids, stage.lines):
            chapter = chapters.get(chapter_id)
            if chapter is None:
                problems.add(
                    file,
                    line,
                    f"the path lists chapter '{chapter_id}', which does not exist",
                    'use a chapter id as in the manuals, e.g. "001-2"',
                )
            elif not any(section.published for section in chapter.sections):
                problems.add(
                    file, line, f"chapter '{chapter_id}' has no text in the source", "leave it out of the path"
                )
            elif chapter_id in placed:
                problems.add(
                    file,
                    line,
                    f"chapter '{chapter_id}' is on the path twice",
                    f"it is already on line {placed[chapter_id]}",
                )
            placed.setdefault(chapter_id, line)
    for chapter in chapters.values():
        if chapter.id not in placed and any(section.published for section in chapter.sections):
            problems.add(
                file,
                path.lines["stages"],
                f"chapter '{chapter.id}' is not on the onboarding path",
                "add it to the stage where a new hire should read it",
            )
    if path.final_questions < len(handbook.quizzes):
        problems.add(
            file,
            path.lines["final_questions"],
            f"final_questions is {path.final_questions}, fewer than the {len(handbook.quizzes)} chapter banks",
            "the final assessment draws one question from every chapter: ask at least that many",
        )
    elif "quizzes" not in handbook.unread and path.final_questions > len(handbook.questions()):
        problems.add(
            file,
            path.lines["final_questions"],
            f"final_questions is {path.final_questions}, more than the {len(handbook.questions())} questions in all banks",
            "ask fewer, or write more questions",
        )
    rule = rules.get(path.minimum_requirement)
    line = path.lines["minimum_training.requirement"]
    if rule is None:
        problems.add(
            file,
            line,
            f"minimum_training names requirement '{path.minimum_requirement}', which does not exist",
            'name the requirement that sets the minimum induction training, e.g. "000-1.1-r2"',
        )
    elif not re.search(rf"(?<!\d){path.minimum_hours}\s*小时", rule.text.zh):
        problems.add(
            file,
            path.lines["minimum_training.hours"],
            f"minimum_training says {path.minimum_hours} hours, but '{rule.id}' says: {rule.text.zh}",
            "state the number of hours the requirement gives",
        )


# 19c: a question resting only on suggestions says so in its stem, in both languages,
# so that its key never presents a suggestion as a rule.
SUGGESTION_WORDS = {
    "zh": re.compile(r"建议|可以|可|宜"),
    "en": re.compile(r"\b(?:suggest\w*|recommend\w*|may|can|could|advis\w*)\b", re.I),
}

RULE_WORDS = {
    "zh": re.compile(r"必须|应当|应该|(?<![响反适对供相效理])应(?![用急对变付])|(?<![必无])须"),
    "en": re.compile(r"\b(?:should|must|shall|required|has to|have to)\b", re.I),
}
# A stem that asks what the handbook lists or gives presents it as the handbook's, not as a rule.
ATTRIBUTION = {"zh": re.compile(r"手册"), "en": re.compile(r"\bthe handbook\b", re.I)}


def _check_suggestion_wording(question: Question, rules: dict, problems: Problems) -> None:
    cited = [rules.get(rid) for rid in question.requirement_ids]
    cited = [getattr(rule, "requirement", None) or rule for rule in cited if rule is not None]
    if not cited or any(getattr(rule, "force", "obligation") != "recommendation" for rule in cited):
        return
    ids = ", ".join(r.id for r in cited)
    for lang, pattern in SUGGESTION_WORDS.items():
        stem = question.question[lang]
        where = (question.question.zh_line if lang == "zh" else question.question.origin.line) or question.origin.line
        rule = RULE_WORDS[lang].search(stem)
        if rule and not pattern.search(stem):
            problems.add(
                question.origin.file,
                where,
                f"question '{question.id}' cites only suggestions ({ids}) but its {lang} stem asks for a rule "
                f"('{rule.group()}')",
                "word the stem as a suggestion: zh 手册建议…/可以…, en 'the handbook suggests…', 'may', 'can'",
            )
        elif not pattern.search(stem) and not ATTRIBUTION[lang].search(stem):
            problems.warn(
                question.origin.file,
                where,
                f"question '{question.id}' cites only suggestions ({ids}) but its {lang} stem does not say so",
                "word the stem as a suggestion (zh 手册建议…/可以…, en 'the handbook suggests…', 'may', "
                "'can'), or ask what the handbook lists or gives (手册所列…, 'the handbook lists…')",
            )
