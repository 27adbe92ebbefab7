"""The site navigation for one language: home, manuals → chapters → sections."""

from __future__ import annotations

from ..model import Handbook
from .numbering import chapter_heading, section_heading
from .paths import (
    CHANGES,
    CHECKLISTS,
    FINAL,
    GLOSSARY,
    HOME,
    MANUALS,
    ONBOARDING,
    QUIZZES,
    REFERENCES,
    REPAIRS,
    RUBRICS,
    TOPICS,
    chapter_path,
    checklist_path,
    manual_path,
    quiz_path,
    rubric_path,
    section_path,
    topic_path,
)
from .templating import html_text
from .ui import t as _words


def t(key: str, lang: str) -> str:
    return html_text(_words(key, lang))


def build_nav(handbook: Handbook, lang: str) -> list:
    """A MkDocs-style nav: a list of {title: path or list} entries. The theme prints titles as
    HTML, so each is escaped here (html_text): a title from content is shown as text."""
    manuals: list = [MANUALS]
    for manual in handbook.manuals:
        chapters: list = [manual_path(manual)]
        for chapter in manual.chapters:
            sections: list = [chapter_path(chapter)]
            sections += [{html_text(section_heading(s, lang)): section_path(s)} for s in chapter.sections]
            chapters.append({html_text(chapter_heading(chapter, lang)): sections})
        manuals.append({html_text(f"{manual.id} {manual.title[lang]}"): chapters})
    return [
        {t("home", lang): HOME},
        {t("manuals", lang): manuals},
        *(
            [
                {
                    t("topics", lang): [TOPICS]
                    + [{html_text(topic.title[lang]): topic_path(topic)} for topic in handbook.topics]
                }
            ]
            if handbook.topics
            else []
        ),
        *(
            [
                {
                    t("checklists", lang): [CHECKLISTS]
                    + [{html_text(c.title[lang]): checklist_path(c)} for c in handbook.checklists]
                }
            ]
            if handbook.checklists
            else []
        ),
        *(
            [{t("rubrics", lang): [RUBRICS] + [{html_text(r.title[lang]): rubric_path(r)} for r in handbook.rubrics]}]
            if handbook.rubrics
            else []
        ),
        *([{t("quizzes", lang): _quiz_nav(handbook, lang)}] if handbook.quizzes else []),
        {t("changes", lang): CHANGES},
        {t("glossary", lang): GLOSSARY},
        {
            t("for_editors", lang): [
                "editors/index.md",
                {t("register", lang): REFERENCES},
                {t("repairs_register", lang): REPAIRS},
            ]
        },
    ]


def _quiz_nav(handbook: Handbook, lang: str) -> list:
    entries: list = [QUIZZES]
    if handbook.onboarding:
        entries += [{t("onboarding", lang): ONBOARDING}, {t("final_assessment", lang): FINAL}]
    banks = {quiz.id: quiz for quiz in handbook.quizzes}
    for manual in handbook.manuals:
        quizzes = [
            {html_text(chapter_heading(c, lang)): quiz_path(banks[c.id])} for c in manual.chapters if c.id in banks
        ]
        if quizzes:
            entries.append({html_text(f"{manual.id} {manual.title[lang]}"): quizzes})
    return entries
