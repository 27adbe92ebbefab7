"""The onboarding path: the chapters in the order a new hire reads them, each with its
quiz and an estimated reading time; the final assessment; the completion record.

`assets/js/onboarding.js` fills in progress and best scores from what the quiz
widget saved; printing the page prints the completion record.
"""

from __future__ import annotations

import math
import re

from ..model import CHINESE_CHARACTER, Chapter, Handbook
from .numbering import chapter_heading, section_short
from .page import GeneratedPage, front_matter
from .paper import sign_lines
from .paths import FINAL, ONBOARDING, QUIZZES, chapter_path, html_href, link, quiz_path, section_path
from .quizzes import question_data, quiz_widget
from .render import REF_MARKER, inline, plain, rule_source_note
from .templating import concat, fragment, md_text, t
from .ui import script_strings

FINAL_ID = "final"


def onboarding_pages(handbook: Handbook, lang: str) -> list[GeneratedPage]:
    if not handbook.onboarding or not handbook.quizzes:
        return []
    return [_path_page(handbook, lang), _final_page(handbook, lang)]


def reading_minutes(chapter: Chapter, lang: str, speed: dict[str, int]) -> int:
    """Minutes to study a chapter's text: Chinese characters, or English words, at the set speed."""
    texts = chapter.texts() + [text for s in chapter.sections if s.published for text in s.texts()]
    words = " ".join(REF_MARKER.sub("", text[lang]) for text in texts)
    if lang == "zh":
        count = len(CHINESE_CHARACTER.findall(words))
        return math.ceil(count / speed["zh_characters"])
    return math.ceil(len(re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", words)) / speed["en_words"])


def duration(minutes: float, lang: str) -> str:
    minutes = math.ceil(minutes)
    if minutes < 60:
        return t("minutes", lang, m=str(minutes))
    return t("hours_minutes", lang, h=str(minutes // 60), m=str(minutes % 60))


def _path_page(handbook: Handbook, lang: str) -> GeneratedPage:
    path_settings = handbook.onboarding
    chapters, quizzes = handbook.index.chapters, handbook.index.quizzes
    speed = path_settings.reading_speed
    minimum = handbook.rules()[path_settings.minimum_requirement]
    title = t("onboarding", lang)
    reading = sum(
        reading_minutes(chapters[c], lang, speed) for stage in path_settings.stages for c in stage.chapter_ids
    )
    asked = sum(len(quizzes[c].questions) for stage in path_settings.stages for c in stage.chapter_ids if c in quizzes)
    quiz_minutes = (asked + path_settings.final_questions) * path_settings.minutes_per_question
    rule_href = html_href(ONBOARDING, section_path(minimum.section)) + f"#{minimum.id}"
    config = {
        "quizzes": [c for stage in path_settings.stages for c in stage.chapter_ids if c in quizzes],
        "final": FINAL_ID,
        "pass": path_settings.pass_mark,
    }
    source = fragment("render", "link", href=rule_href, text=section_short(minimum.section, lang))
    estimate = t(
        "onboarding_estimate",
        lang,
        reading=duration(reading, lang),
        quizzes=duration(quiz_minutes, lang),
        total=duration(reading + quiz_minutes, lang),
        speed=str(speed["zh_characters" if lang == "zh" else "en_words"]),
        per=f"{path_settings.minutes_per_question:g}",
    )
    lines = [
        f"# {title}",
        "",
        fragment("quizzes", "onboarding_open", config=config, strings=script_strings(lang, "ojs_")),
        "",
        fragment("quizzes", "para", **{"class": "hb-print-only hb-record-title"}, content=t("record_title", lang)),
        "",
        fragment("quizzes", "para", **{"class": "hb-screen-only"}, content=t("onboarding_intro", lang)),
        "",
        fragment(
            "quizzes",
            "para",
            **{"class": "hb-screen-only hb-minimum"},
            content=concat(
                t("onboarding_minimum", lang, rule=inline(minimum.text, lang), source=source),
                rule_source_note(minimum.cites, handbook, lang, None),
            ),
        ),
        "",
        fragment("quizzes", "para", **{"class": "hb-screen-only hb-estimate"}, content=estimate),
        "",
        fragment("quizzes", "progress"),
        "",
        _record_fields(lang),
        "",
        sign_lines(lang, ("field_learner", "field_record_date")),
        "",
    ]
    for number, stage in enumerate(path_settings.stages, start=1):
        lines += [
            f"## {t('stage', lang, n=str(number), title=md_text(plain(stage.title, lang)))} {{#stage-{number}}}",
            "",
            f"| {t('quiz_column_chapter', lang)} | {t('path_column_read', lang)} | {t('path_column_quiz', lang)} | "
            f"{t('quiz_column_best', lang)} | {t('path_column_status', lang)} |",
            "|---|---|---|---|---|",
        ]
        for chapter_id in stage.chapter_ids:
            chapter = chapters[chapter_id]
            quiz = quizzes.get(chapter_id)
            quiz_cell = (
                f"[{t('question_count', lang, n=str(len(quiz.questions)))}]({link(ONBOARDING, quiz_path(quiz))})"
                if quiz
                else "—"
            )
            heading = md_text(f"{chapter.manual.id} {chapter_heading(chapter, lang)}")
            lines.append(
                f"| [{heading}]({link(ONBOARDING, chapter_path(chapter))}) | "
                f"{duration(reading_minutes(chapter, lang, speed), lang)} | {quiz_cell} | "
                f"{fragment('quizzes', 'path_cells', chapter_id=chapter_id, lang=lang)} |"
            )
        lines.append("")
    lines += [
        f"## {t('final_assessment', lang)} {{#final}}",
        "",
        t("final_intro", lang, n=str(path_settings.final_questions), pass_mark=str(path_settings.pass_mark)),
        "",
        fragment("quizzes", "final_line", lang=lang, href=html_href(ONBOARDING, FINAL), final_id=FINAL_ID),
        "",
        f"## {t('record', lang)} {{#record}}",
        "",
        fragment("quizzes", "para", **{"class": "hb-screen-only"}, content=t("record_intro", lang)),
        "",
        fragment("quizzes", "print_button", lang=lang),
        "",
        sign_lines(lang, ("sign_learner", "sign_trainer")),
        "",
        "</div>",
        "",
    ]
    meta = front_matter(title, wide=True)
    return GeneratedPage(ONBOARDING, title, meta + "\n".join(lines), path_settings.origin.file)


def _record_fields(lang: str) -> str:
    fields = [
        {
            "class": "hb-field",
            "id": f"hb-onboarding-{name}",
            "label": t("field_" + name, lang),
            "kind": kind,
            "name": name,
        }
        for name, kind in (("learner", "text"), ("record_date", "date"))
    ]
    return fragment("checklists", "fields", legend=t("record", lang), fields=fields, **{"class": "hb-record-fields"})


def _final_page(handbook: Handbook, lang: str) -> GeneratedPage:
    settings = handbook.onboarding
    title = t("final_assessment", lang)
    questions = [question_data(handbook, q, lang, FINAL) for q in handbook.questions()]
    lines = [
        f"# {title}",
        "",
        t("final_intro", lang, n=str(settings.final_questions), pass_mark=str(settings.pass_mark)),
        "",
        fragment(
            "quizzes",
            "final_links",
            lang=lang,
            onboarding=html_href(FINAL, ONBOARDING),
            quizzes=html_href(FINAL, QUIZZES),
        ),
        "",
    ]
    lines += quiz_widget(FINAL_ID, lang, questions, settings.pass_mark, final=settings.final_questions)
    meta = front_matter(title, wide=True)
    return GeneratedPage(FINAL, title, meta + "\n".join(lines), settings.origin.file)
