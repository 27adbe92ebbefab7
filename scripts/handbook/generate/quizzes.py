"""Quizzes: an index, one self-assessment quiz per chapter, and the questions as the widget reads them.

The questions go into the page as JSON (in a hidden element);
`assets/js/quiz.js` renders them,
shuffles them per attempt, and runs practice and exam mode. The answers are
in the page: these quizzes are for learning, not for proctored exams (trainers
use the paper quiz for those).
"""

from __future__ import annotations

from ..model import Handbook, Question, Quiz
from ..translation import zh_hash
from . import rule_notes
from .numbering import chapter_heading, section_label, section_short
from .page import GeneratedPage, front_matter
from .paths import (
    FINAL,
    LAYOUT,
    ONBOARDING,
    QUIZZES,
    answer_key_path,
    chapter_path,
    gift_path,
    html_href,
    link,
    paper_quiz_path,
    quiz_path,
    section_path,
)
from .render import plain
from .templating import concat, fragment, md_text, t
from .ui import script_strings

TYPES = ("single", "multiple", "true-false", "ordering")


def quiz_pages(handbook: Handbook, lang: str) -> list[GeneratedPage]:
    if not handbook.quizzes:
        return []
    return [_index_page(handbook, lang)] + [_quiz_page(handbook, quiz, lang) for quiz in in_order(handbook)]


def in_order(handbook: Handbook) -> list[Quiz]:
    """The banks in the handbook's chapter order."""
    order = {chapter.id: n for n, chapter in enumerate(handbook.chapters())}
    return sorted(handbook.quizzes, key=lambda quiz: order.get(quiz.id, len(order)))


def pass_mark(handbook: Handbook) -> int:
    return handbook.onboarding.pass_mark if handbook.onboarding else 80


def fingerprint(question: Question, steps: list) -> str:
    """Changes when what the question asks or accepts changes: a saved answer to it is then dropped."""
    parts = [question.type, question.question.zh, str(question.answer)]
    parts += [f"{o.correct}:{o.text.zh}" for o in question.options] + [step.text.zh for step in steps]
    return zh_hash("\n".join(parts))


def question_data(handbook: Handbook, question: Question, lang: str, from_path: str) -> dict:
    """A question as the widget reads it: plain texts in `lang` (the widget shows them as text),
    the answer, and the section to read."""
    section = handbook.question_section(question)
    steps = handbook.question_steps(question)
    anchor = f"#{question.requirement_ids[0]}" if question.requirement_ids else ""
    data = {
        "id": question.id,
        "type": question.type,
        "h": fingerprint(question, steps),
        "ch": section.chapter.id,
        "q": plain(question.question, lang),
        "e": plain(question.explanation, lang),
        "src": {
            "href": html_href(from_path, section_path(section)) + anchor,
            "label": f"{section_short(section, lang)} {section.title[lang]}",
        },
    }
    explained = rule_notes.keyed(handbook, question, lang)  # 19: suggestion, unsound source
    if explained:
        data["n"] = explained
    if question.options:
        data["o"] = [
            {
                "t": plain(o.text, lang),
                **({"c": 1} if o.correct else {}),
                **({"f": plain(o.feedback, lang)} if o.feedback else {}),
            }
            for o in question.options
        ]
    if question.type == "true-false":
        data["a"] = question.answer
    if steps:
        data["steps"] = [plain(step.text, lang) for step in steps]
    return data


def quiz_widget(quiz_id: str, lang: str, questions: list[dict], mark: int, final: int = 0) -> list[str]:
    """The widget's element: settings as attributes, the questions as JSON it renders."""
    # As text in a hidden element, not a <script>: instant navigation re-creates scripts and drops it.
    return [
        fragment(
            "quizzes",
            "widget",
            quiz_id=quiz_id,
            lang=lang,
            mark=mark,
            final=final,
            strings=script_strings(lang, "qjs_"),
            questions=questions,
        ),
        "",
    ]


def type_counts(questions: list[Question], lang: str) -> str:
    counts = [(kind, sum(q.type == kind for q in questions)) for kind in TYPES]
    return t("list_separator", lang).join(concat(t("type_" + kind, lang), f" {n}") for kind, n in counts if n)


def _index_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("quizzes", lang)
    mark = pass_mark(handbook)
    lines = [
        f"# {title}",
        "",
        t("quizzes_intro", lang),
        "",
        fragment("render", "meta", content=t("pass_mark_note", lang, n=str(mark))),
        "",
    ]
    if handbook.onboarding:
        lines += [
            f"- **[{t('onboarding', lang)}]({link(QUIZZES, ONBOARDING)})**",
            f"- **[{t('final_assessment', lang)}]({link(QUIZZES, FINAL)})**",
            "",
        ]
    quizzes = in_order(handbook)
    chapters = handbook.index.chapters
    for manual in handbook.manuals:
        listed = [quiz for quiz in quizzes if chapters[quiz.id].manual is manual]
        if not listed:
            continue
        lines += [
            f"## {md_text(f'{manual.id} {manual.title[lang]}')} {{#manual-{manual.id}}}",
            "",
            f"| {t('quiz_column_chapter', lang)} | {t('quiz_column_questions', lang)} | "
            f"{t('quiz_column_best', lang)} | {t('quiz_column_print', lang)} |",
            "|---|---|---|---|",
        ]
        for quiz in listed:
            heading = chapter_heading(chapters[quiz.id], lang)
            trainers = (
                f"[{t('paper_quiz', lang)}]({link(QUIZZES, paper_quiz_path(quiz))}) · "
                f"[{t('answer_key', lang)}]({link(QUIZZES, answer_key_path(quiz))})"
            )
            counts = fragment(
                "quizzes", "meta_with_counts", text=concat("(", type_counts(quiz.questions, lang), ")"), counts=None
            )
            lines.append(
                f"| [{md_text(heading)}]({link(QUIZZES, quiz_path(quiz))}) | {len(quiz.questions)} "
                f"{counts} | {fragment('quizzes', 'best', quiz_id=quiz.id)} | {trainers} |"
            )
        lines.append("")
    total = len(handbook.questions())
    lines += [f"## {t('gift_title', lang)} {{#gift}}", "", t("gift_intro", lang, n=str(total)), ""]
    # Each language's site holds its own file; the other one is on the other language's site.
    lines += [
        "- "
        + fragment(
            "quizzes",
            "download",
            href=LAYOUT.file(QUIZZES, gift_path(code), lang, code),
            text=t("gift_download", lang, language=t("language_" + code, lang)),
        )
        for code in LAYOUT.langs
    ]
    lines.append("")
    return GeneratedPage(QUIZZES, title, front_matter(title) + "\n".join(lines), quizzes[0].origin.file)


def _quiz_page(handbook: Handbook, quiz: Quiz, lang: str) -> GeneratedPage:
    path = quiz_path(quiz)
    chapter = handbook.index.chapters[quiz.id]
    heading = chapter_heading(chapter, lang)
    title = t("quiz_title", lang, chapter=heading)
    mark = pass_mark(handbook)
    questions = [question_data(handbook, q, lang, path) for q in quiz.questions]
    lines = [
        f"# {md_text(title)}",
        "",
        fragment(
            "render",
            "meta",
            content=concat(
                f"{chapter.manual.id} {chapter.manual.title[lang]} · ",
                t("question_count", lang, n=str(len(questions))),
                " (",
                type_counts(quiz.questions, lang),
                ") · ",
                t("pass_mark_note", lang, n=str(mark)),
            ),
        ),
        "",
    ]
    lines += quiz_widget(quiz.id, lang, questions, mark)
    lines += [
        fragment(
            "quizzes",
            "trainer_links",
            lang=lang,
            paper=html_href(path, paper_quiz_path(quiz)),
            key=html_href(path, answer_key_path(quiz)),
        ),
        "",
    ]
    counts = handbook.questions_by_section()
    lines += [
        f"## {t('quiz_sections', lang)} {{#sections}}",
        "",
        f"- [{md_text(heading)}]({link(path, chapter_path(chapter))})",
    ]
    for section in chapter.sections:
        asked = [q for q in counts.get(section.id, []) if q in quiz.questions]
        if asked:
            lines.append(
                f"    - [{md_text(section_label(section, lang))}]({link(path, section_path(section))}) "
                + fragment(
                    "quizzes", "meta_with_counts", text=t("question_count", lang, n=str(len(asked))), counts=None
                )
            )
    lines.append("")
    meta = front_matter(title, wide=True)
    return GeneratedPage(path, title, meta + "\n".join(lines), quiz.origin.file)
