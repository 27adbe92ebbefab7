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
from .pages import GeneratedPage, answer_key_path, chapter_heading, front_matter, html_href, paper_quiz_path, quiz_path, section_path, section_short
from .paper import sign_lines
from .quizzes import Bank, pass_mark
from .render import inline
from .ui import t

LETTERS = "ABCDEFGHIJ"


def paper_pages(handbook: Handbook, lang: str) -> list[GeneratedPage]:
    bank, pages = Bank(handbook), []
    for quiz in handbook.quizzes:
        pages += [_paper_page(bank, quiz, lang), _key_page(bank, quiz, lang)]
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


def paper_steps(bank: Bank, question: Question) -> list[int]:
    """The procedure's step indices in the scrambled order the paper lists them."""
    return _mixed(question.id, [step.id for step in bank.steps(question)])


def _paper_page(bank: Bank, quiz: Quiz, lang: str) -> GeneratedPage:
    handbook = bank.handbook
    path = paper_quiz_path(quiz)
    chapter = bank.chapters[quiz.id]
    title = t("paper_title", lang, chapter=chapter_heading(chapter, lang))
    mark = pass_mark(handbook)
    lines = [f"# {title}", "",
             f'<p class="hb-meta">{chapter.manual.id} {chapter.manual.title[lang]} · '
             f'{t("paper_pass", lang, n=str(mark), total=str(len(quiz.questions)))}</p>', "",
             f'<p class="hb-screen-only hb-paper-actions"><button type="button" class="md-button md-button--primary" '
             f'data-hb-print-page>{t("print_paper", lang)}</button> '
             f'<a href="{html_href(path, quiz_path(quiz))}">{t("back_to_quiz", lang)}</a></p>', "",
             '<div class="hb-paper-quiz" data-search-exclude>',
             sign_lines(lang, ("field_candidate", "field_record_date", "field_score")).replace("hb-print-only ", ""),
             f'<p class="hb-legend">{t("paper_instructions", lang)}</p>', '<ol class="hb-paper-questions">']
    for question in quiz.questions:
        lines.append(f'<li class="hb-paper-question" data-hb-question="{question.id}">'
                     f'<p>{inline(question.question, lang)}</p>{_answer_space(bank, question, lang)}</li>')
    lines += ["</ol>", sign_lines(lang, ("field_marker",)).replace("hb-print-only ", ""), "</div>", ""]
    return GeneratedPage(path, title, front_matter(title, wide=True, searchable=False) + "\n".join(lines), quiz.origin.file, in_nav=False)


def _answer_space(bank: Bank, question: Question, lang: str) -> str:
    box = '<span class="hb-box" aria-hidden="true"></span>'
    if question.type == "true-false":
        choices = [t("true", lang), t("false", lang)]
        return '<ul class="hb-paper-options hb-inline">' + "".join(f"<li>{box}{c}</li>" for c in choices) + "</ul>"
    if question.type == "ordering":
        steps = bank.steps(question)
        return ('<ul class="hb-paper-options hb-order">'
                + "".join(f"<li>{box}{inline(steps[i].text, lang)}</li>" for i in paper_steps(bank, question)) + "</ul>")
    options = [question.options[i] for i in paper_options(question)]
    return ('<ul class="hb-paper-options">'
            + "".join(f"<li>{box}<b>{LETTERS[n]}.</b> {inline(o.text, lang)}</li>" for n, o in enumerate(options)) + "</ul>")


def answer_of(bank: Bank, question: Question, lang: str) -> str:
    """The key's answer, in the paper quiz's letters and positions."""
    if question.type == "true-false":
        return t("true" if question.answer else "false", lang)
    if question.type == "ordering":
        order = paper_steps(bank, question)
        # Each box, top to bottom, holds the step's position in the handbook's order.
        return " ".join(str(i + 1) for i in order)
    shown = [question.options[i] for i in paper_options(question)]
    return t("list_separator", lang).join(LETTERS[n] for n, o in enumerate(shown) if o.correct)


def _key_page(bank: Bank, quiz: Quiz, lang: str) -> GeneratedPage:
    path = answer_key_path(quiz)
    chapter = bank.chapters[quiz.id]
    title = t("key_title", lang, chapter=chapter_heading(chapter, lang))
    lines = [f"# {title}", "", f'<p class="hb-meta">{chapter.manual.id} {chapter.manual.title[lang]}</p>', "",
             t("key_intro", lang), "",
             f'<p class="hb-screen-only hb-paper-actions"><button type="button" class="md-button md-button--primary" '
             f'data-hb-print-page>{t("print_key", lang)}</button> '
             f'<a href="{html_href(path, paper_quiz_path(quiz))}">{t("paper_quiz", lang)}</a></p>', "",
             '<table class="hb-answer-key" data-search-exclude><thead><tr>'
             f'<th>{t("key_column_number", lang)}</th><th>{t("key_column_answer", lang)}</th>'
             f'<th>{t("key_column_why", lang)}</th></tr></thead><tbody>']
    for number, question in enumerate(quiz.questions, start=1):
        section = bank.section(question)
        source = f'<a href="{html_href(path, section_path(section))}">{section_short(section, lang)}</a>'
        lines.append(f'<tr data-hb-question="{question.id}"><td>{number}</td>'
                     f'<td class="hb-key-answer">{answer_of(bank, question, lang)}</td>'
                     f'<td>{inline(question.explanation, lang)} {source}</td></tr>')
    lines += ["</tbody></table>", ""]
    return GeneratedPage(path, title, front_matter(title, wide=True, searchable=False) + "\n".join(lines), quiz.origin.file, in_nav=False)
