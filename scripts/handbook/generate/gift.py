"""The whole question bank in Moodle's GIFT format, one file per language.

Each chapter is a category. Single, multiple-choice and true-false questions
map onto GIFT's own types; an ordering question becomes a matching question
(each step matched to its position), GIFT having no ordering type. A
multiple-choice question scores all or nothing, as on the site: each right
option carries an equal share, each wrong one -100%.
"""

from __future__ import annotations

import re

from ..model import Handbook, Question, Text
from . import rule_notes
from .numbering import chapter_heading
from .quizzes import in_order
from .render import plain
from .ui import t

# Moodle accepts only these fractions for an answer's weight.
_SHARES = {
    1: "100",
    2: "50",
    3: "33.33333",
    4: "25",
    5: "20",
    6: "16.66667",
    7: "14.28571",
    8: "12.5",
    9: "11.11111",
    10: "10",
}


def escape(text: str) -> str:
    """GIFT's special characters, backslash-escaped; line breaks written as \\n."""
    return re.sub(r"([~=#{}:\\])", r"\\\1", text).replace("\n", "\\n")


def _plain(text: Text, lang: str) -> str:
    return plain(text, lang)


def gift(handbook: Handbook, lang: str) -> str:
    out = [f"// {len(handbook.questions())} questions from the handbook's question banks, language: {lang}.", ""]
    for quiz in in_order(handbook):
        chapter = handbook.index.chapters[quiz.id]
        category = f"{chapter.manual.id} {chapter.manual.title[lang]}/{chapter_heading(chapter, lang)}"
        out += [f"$CATEGORY: $course$/top/{category}", ""]
        for question in quiz.questions:
            out += [_question(handbook, question, lang), ""]
    return "\n".join(out)


def _question(handbook: Handbook, question: Question, lang: str) -> str:
    stem = escape(_plain(question.question, lang))
    explained = [_plain(question.explanation, lang), *rule_notes.notes(handbook, question, lang)]
    general = "####" + escape((" " if lang == "en" else "").join(explained))
    head = f"// {question.id} ({question.section_id})\n::{escape(question.id)}::"
    if question.type == "true-false":
        return f"{head}{stem}{{{'TRUE' if question.answer else 'FALSE'}{general}}}"
    if question.type == "ordering":
        steps = handbook.question_steps(question)
        prompt = escape(t("gift_order_prompt", lang))
        pairs = "\n".join(f"={escape(_plain(step.text, lang))} -> {n}" for n, step in enumerate(steps, start=1))
        return f"{head}{stem}{'' if lang == 'zh' else ' '}{prompt}{{\n{pairs}\n{general}\n}}"
    right = sum(option.correct for option in question.options)
    answers = []
    for option in question.options:
        if question.type == "single":
            mark = "=" if option.correct else "~"
        else:
            mark = f"~%{_SHARES[right]}%" if option.correct else "~%-100%"
        feedback = f"#{escape(_plain(option.feedback, lang))}" if option.feedback else ""
        answers.append(f"{mark}{escape(_plain(option.text, lang))}{feedback}")
    return f"{head}{stem}{{\n" + "\n".join(answers) + f"\n{general}\n}}"
