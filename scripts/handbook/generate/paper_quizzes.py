"""The paper version of each chapter quiz, and its answer key on a page of its own.

Trainers print the quiz for an exam on paper and keep the key apart. Options
are printed in the bank's (YAML) order, where the item-writing rules spread
the keys over the positions (scripts/hb check); an ordering question's steps
in an order fixed by its id and texts, never the right one. The key is
written from the same orders, so the quiz and its key always agree.
"""

from __future__ import annotations

import hashlib

from ..model import Handbook, Question, Quiz
from . import rule_notes
from .numbering import chapter_heading, section_short
from .page import GeneratedPage, front_matter
from .paper import sign_lines
from .paths import answer_key_path, html_href, paper_quiz_path, quiz_path, section_path
from .quizzes import pass_mark
from .render import inline
from .templating import fragment, md_text, t
from .ui import t as words

LETTERS = "ABCDEFGHIJ"


def paper_pages(handbook: Handbook, lang: str) -> list[GeneratedPage]:
    pages = []
    for quiz in handbook.quizzes:
        pages += [_paper_page(handbook, quiz, lang), _key_page(handbook, quiz, lang)]
    return pages


def _mixed(question_id: str, keys: list[str]) -> list[int]:
    """A fixed order of the indices of `keys` that differs from the written one."""
    order = sorted(range(len(keys)), key=lambda i: hashlib.sha256(f"{question_id}\n{keys[i]}".encode()).hexdigest())
    if order == list(range(len(keys))):
        order = order[1:] + order[:1]
    return order


def paper_options(question: Question) -> list[int]:
    """The options' indices in paper order: the bank's own."""
    return list(range(len(question.options)))


def paper_steps(handbook: Handbook, question: Question) -> list[int]:
    """The procedure's step indices in the scrambled order the paper lists them."""
    return _mixed(question.id, [step.id for step in handbook.question_steps(question)])


def _paper_page(handbook: Handbook, quiz: Quiz, lang: str) -> GeneratedPage:
    path = paper_quiz_path(quiz)
    chapter = handbook.index.chapters[quiz.id]
    title = t("paper_title", lang, chapter=chapter_heading(chapter, lang))
    mark = pass_mark(handbook)
    meta = f"{chapter.manual.id} {chapter.manual.title[lang]} · "
    questions = [
        {"id": q.id, "text": inline(q.question, lang), **_answer_space(handbook, q, lang)} for q in quiz.questions
    ]
    lines = [
        f"# {md_text(title)}",
        "",
        fragment(
            "render", "meta", content=meta + words("paper_pass", lang, n=str(mark), total=str(len(quiz.questions)))
        ),
        "",
        fragment(
            "quizzes",
            "paper_actions",
            label=t("print_paper", lang),
            href=html_href(path, quiz_path(quiz)),
            text=t("back_to_quiz", lang),
        ),
        "",
        fragment(
            "quizzes",
            "paper_quiz",
            lang=lang,
            questions=questions,
            head=sign_lines(lang, ("field_candidate", "field_record_date", "field_score"), on_screen=True),
            foot=sign_lines(lang, ("field_marker",), on_screen=True),
        ),
        "",
    ]
    return GeneratedPage(
        path, title, front_matter(title, wide=True, searchable=False) + "\n".join(lines), quiz.origin.file, in_nav=False
    )


def _answer_space(handbook: Handbook, question: Question, lang: str) -> dict:
    """The choices a paper question lists, each with a box to tick: its class and its choices."""
    if question.type == "true-false":
        return {"class": " hb-inline", "choices": [{"letter": "", "text": t(key, lang)} for key in ("true", "false")]}
    if question.type == "ordering":
        steps = handbook.question_steps(question)
        return {
            "class": " hb-order",
            "choices": [{"letter": "", "text": inline(steps[i].text, lang)} for i in paper_steps(handbook, question)],
        }
    options = [question.options[i] for i in paper_options(question)]
    return {
        "class": "",
        "choices": [{"letter": LETTERS[n], "text": inline(o.text, lang)} for n, o in enumerate(options)],
    }


def answer_of(handbook: Handbook, question: Question, lang: str) -> str:
    """The key's answer, in the paper quiz's letters and positions."""
    if question.type == "true-false":
        return t("true" if question.answer else "false", lang)
    if question.type == "ordering":
        order = paper_steps(handbook, question)
        # Each box, top to bottom, holds the step's position in the handbook's order.
        return " ".join(str(i + 1) for i in order)
    shown = [question.options[i] for i in paper_options(question)]
    return t("list_separator", lang).join(LETTERS[n] for n, o in enumerate(shown) if o.correct)


def _key_page(handbook: Handbook, quiz: Quiz, lang: str) -> GeneratedPage:
    path = answer_key_path(quiz)
    chapter = handbook.index.chapters[quiz.id]
    title = t("key_title", lang, chapter=chapter_heading(chapter, lang))
    rows = []
    for question in quiz.questions:
        section = handbook.question_section(question)
        rows.append(
            {
                "id": question.id,
                "answer": answer_of(handbook, question, lang),
                "why": inline(question.explanation, lang),
                "notes": rule_notes.keyed(handbook, question, lang),
                "href": html_href(path, section_path(section)),
                "source": section_short(section, lang),
            }
        )
    lines = [
        f"# {md_text(title)}",
        "",
        fragment("render", "meta", content=f"{chapter.manual.id} {chapter.manual.title[lang]}"),
        "",
        t("key_intro", lang),
        "",
        fragment(
            "quizzes",
            "paper_actions",
            label=t("print_key", lang),
            href=html_href(path, paper_quiz_path(quiz)),
            text=t("paper_quiz", lang),
        ),
        "",
        fragment("quizzes", "answer_key", lang=lang, rows=rows),
        "",
    ]
    return GeneratedPage(
        path, title, front_matter(title, wide=True, searchable=False) + "\n".join(lines), quiz.origin.file, in_nav=False
    )
