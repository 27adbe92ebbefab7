"""The manuals' pages for one language: the list of manuals, each manual's
contents, each chapter and each section. YAML model in, Markdown out.

This module knows nothing of MkDocs. Page paths and links come from paths.py,
headings as each manual numbers them from numbering.py.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Chapter, Checklist, Handbook, Manual, Quiz, Rubric, Section
from . import changes, render
from .notices import review_line, review_notice, stale_notice
from .numbering import chapter_heading, section_context, section_heading
from .page import GeneratedPage, front_matter
from .paths import (
    LAYOUT,
    MANUALS,
    chapter_path,
    checklist_path,
    html_href,
    link,
    manual_path,
    quiz_path,
    rubric_path,
    section_path,
)
from .render import Citations, inline
from .revised import revision_note
from .templating import fragment, md_text, t


def content_pages(handbook: Handbook, lang: str) -> list[GeneratedPage]:
    """The manual, chapter and section pages, in reading order."""
    content = handbook.content
    pages = [_manuals_index(handbook, lang, content)]
    checklists = handbook.checklists_by_section()
    rubrics = handbook.rubrics_by_section()
    quizzes = handbook.quizzes_by_chapter()
    for manual in handbook.manuals:
        pages.append(_manual_page(manual, lang))
        for chapter in manual.chapters:
            quiz = quizzes.get(chapter.id)
            pages.append(_chapter_page(handbook, chapter, lang, quiz))
            pages.extend(
                _section_page(
                    handbook, section, lang, checklists.get(section.id, []), rubrics.get(section.id, []), quiz
                )
                for section in chapter.sections
            )
    return pages


def _manuals_index(handbook: Handbook, lang: str, content: Path) -> GeneratedPage:
    path = MANUALS
    lines = [f"# {t('manuals', lang)}", "", t("manuals_intro", lang), ""]
    for manual in handbook.manuals:
        lines.append(f"- [{md_text(f'{manual.id} {manual.title[lang]}')}]({link(path, manual_path(manual))})")
    # Only a list of the manuals' titles: search finds the sections themselves.
    return GeneratedPage(
        path, t("manuals", lang), front_matter(t("manuals", lang), searchable=False) + "\n".join(lines) + "\n", content
    )


def status_tag(section: Section, lang: str) -> str:
    """Lists of sections say which lost their text, before a reader opens one."""
    if section.truncated:
        return " " + fragment("render", "tag", text=t("source_truncated_title", lang))
    return "" if section.published else " " + fragment("render", "tag", text=t("source_missing_title", lang))


def _manual_page(manual: Manual, lang: str) -> GeneratedPage:
    path = manual_path(manual)
    title = f"{manual.id} {manual.title[lang]}"
    lines = [
        f"# {md_text(manual.title[lang])}",
        "",
        fragment("pages", "source_file", lang=lang, source=manual.source),
        "",
        *review_notice(manual, lang),
        f"## {t('contents', lang)}",
        "",
    ]
    for chapter in manual.chapters:
        lines.append(f"- [{md_text(chapter_heading(chapter, lang))}]({link(path, chapter_path(chapter))})")
        for section in chapter.sections:
            lines.append(
                f"    - [{md_text(section_heading(section, lang))}]({link(path, section_path(section))})"
                + status_tag(section, lang)
            )
    lines += [""] + review_line(manual, lang)
    # A table of contents: searching it would rank the list of every section's
    # title above the section that answers (each section is indexed itself).
    return GeneratedPage(
        path, title, front_matter(title, searchable=False) + "\n".join(lines) + "\n", manual.origin.file
    )


def _chapter_page(handbook: Handbook, chapter: Chapter, lang: str, quiz: Quiz | None) -> GeneratedPage:
    path = chapter_path(chapter)
    heading = chapter_heading(chapter, lang)
    citations = Citations(handbook, lang)
    lines = [f"# {md_text(heading)}", ""]
    if chapter.intro:
        lines += [render.blocks(chapter.intro, lang, citations), ""]
    # The list of the chapter's sections is left out of search (each section is
    # indexed itself); the chapter's own introduction and summary are searched.
    lines += [f"## {t('sections', lang)}", "", "<div data-search-exclude markdown>", ""]
    for section in chapter.sections:
        lines.append(
            f"- [{md_text(section_heading(section, lang))}]({link(path, section_path(section))})"
            + status_tag(section, lang)
        )
    lines += ["", "</div>"]
    if quiz:
        lines += ["", _quiz_link(path, quiz, chapter, lang)]
    if chapter.summary:
        lines += ["", f"## {t('summary', lang)}", "", render.blocks(chapter.summary, lang, citations)]
    if citations.order:
        lines += [
            "",
            f"## {t('references', lang)} {{#references}}",
            "",
            *render.unsound_intro(handbook, citations.order, lang),
            render.reference_list(citations, lang),
        ]
    if chapter.repairs:
        lines += ["", repairs_details(chapter.repairs, lang)]
    lines += [""] + review_line(chapter.manual, lang)
    lines[2:2] = review_notice(chapter.manual, lang) + stale_notice(chapter.texts(), lang, _chinese_page(path))
    # A chapter with neither introduction nor summary only lists its sections: out of search.
    searchable = bool(chapter.intro or chapter.summary)
    return GeneratedPage(
        path, heading, front_matter(heading, searchable=searchable) + "\n".join(lines) + "\n", chapter.origin.file
    )


def _quiz_link(from_path: str, quiz: Quiz, chapter: Chapter, lang: str) -> str:
    title = t("quiz_title", lang, chapter=chapter_heading(chapter, lang))
    return fragment("pages", "quiz_link", lang=lang, href=html_href(from_path, quiz_path(quiz)), title=title)


def _chinese_page(path: str) -> str:
    """From an English page, the same page on the Chinese site."""
    return LAYOUT.same_page(path, "en", "zh")


def _section_page(
    handbook: Handbook,
    section: Section,
    lang: str,
    checklists: list[Checklist],
    rubrics: list[Rubric],
    quiz: Quiz | None,
) -> GeneratedPage:
    chapter = section.chapter
    heading = section_heading(section, lang)
    citations = Citations(handbook, lang)
    context = section_context(section, lang)
    lines = [
        f"# {md_text(heading)}",
        "",
        fragment("render", "meta", content=context),
        "",
        *review_notice(chapter.manual, lang),
    ]
    if lang == "en":
        original = _chinese_page(section_path(section))
        lines += stale_notice(section.texts(), lang, original) or [
            fragment("pages", "translation_note", lang=lang, original=original),
            "",
        ]
    if not section.published:
        lines += [f'!!! warning "{t("source_missing_title", lang)}"', "", "    " + t("source_missing", lang), ""]
    else:
        lines += [render.blocks(section.body, lang, citations, section), ""]
        if section.truncated:
            lines += [
                f'!!! warning "{t("source_truncated_title", lang)}"',
                "",
                "    " + t("source_truncated", lang),
                "",
            ]
        intro = t("requirements_intro" if section.requirements else "no_requirements", lang)
        # The same words on every section page: not what the section says (search leaves them out).
        intro_html = fragment("render", "meta", content=intro, searched=False)
        lines += [f"## {t('requirements', lang)} {{#requirements}}", "", intro_html, ""]
        lines += changes.last_change(citations.handbook, lang, section_path(section), section_ids=[section.id])
        page = section_path(section)
        for key, used, path_of in (
            ("used_in_checklists", checklists, checklist_path),
            ("used_in_rubrics", rubrics, rubric_path),
        ):
            if used:
                links = [{"href": html_href(page, path_of(c)), "text": c.title[lang]} for c in used]
                lines += [
                    fragment("pages", "used_in", label=t(key, lang), separator=t("list_separator", lang), links=links),
                    "",
                ]
        if quiz and any(q.section_id == section.id for q in quiz.questions):
            lines += [_quiz_link(section_path(section), quiz, chapter, lang), ""]
        if section.requirements:
            if any(r.force != "obligation" for r in section.requirements):
                lines += [fragment("pages", "force_legend", lang=lang), ""]  # 19c
            lines += [requirement_list(section, lang, citations), ""]
        lines += _data_table("indicators", [(i.id, i.name, i.description) for i in section.indicators], lang, citations)
        lines += _data_table("grades", [(g.id, g.name, g.descriptor) for g in section.grades], lang, citations)
        lines += _asked(handbook, section, lang)
    lines += render.references_section(handbook, citations, lang)
    if section.repairs:
        lines += [repairs_details(section.repairs, lang), ""]
    lines += review_line(chapter.manual, lang)
    return GeneratedPage(section_path(section), heading, front_matter(heading) + "\n".join(lines), section.origin.file)


def _data_table(kind: str, items: list, lang: str, citations: Citations) -> list[str]:
    """A section's indicators or grades: (id, name, text) rows under their own heading."""
    if not items:
        return []
    headers = [t(f"{kind}_name", lang), t(f"{kind}_text", lang)]
    rows = [
        [
            fragment("pages", "named_row", name=inline(name, lang, citations), id_link=_id_link(item_id)),
            inline(text, lang, citations),
        ]
        for item_id, name, text in items
    ]
    return render.part(kind, lang, render.table(headers, rows, kind, [item_id for item_id, _, _ in items]))


def _asked(handbook: Handbook, section: Section, lang: str) -> list[str]:
    """The questions staff ask that the section answers (checklists/asked), in the page's language."""
    questions = [q.text for q in handbook.index.asked_by_section.get(section.id, ()) if q.lang == lang]
    if not questions:
        return []
    return render.part("asked", lang, fragment("pages", "asked_list", questions=questions))


def requirement_list(section: Section, lang: str, citations: Citations, page: str = "") -> str:
    """The section's rules, procedures with their steps, each with its id as a link to it:
    on the section page itself (page="") or, from another page, on the section's page."""
    handbook_of = citations.handbook
    requirements = [
        {
            "id": r.id,
            "text": inline(r.text, lang, citations) if r.text else "",
            "revision": revision_note(r.text, lang) if r.text else "",
            "force": r.force,
            "ordered": r.ordered,
            "fragment": r.fragment,
            "mark": changes.rule_mark(handbook_of, r.id, lang),
            "source_note": render.rule_source_note(r.cites, handbook_of, lang, citations),
            "steps": [
                {
                    "id": step.id,
                    "text": inline(step.text, lang, citations),
                    "revision": revision_note(step.text, lang),
                    "mark": changes.rule_mark(handbook_of, step.id, lang),
                    "source_note": render.rule_source_note(step.cites, handbook_of, lang, citations),
                }
                for step in r.steps
            ],
        }
        for r in section.requirements
    ]
    return fragment("pages", "requirement_list", lang=lang, requirements=requirements, page=page)


def _id_link(rule_id: str, page: str = "") -> str:
    """The rule's id, as a link to the rule, so a rule can be shared or cited."""
    return fragment("pages", "id_link", rule_id=rule_id, page=page)


def repair_headers(lang: str) -> list:
    return [t(key, lang) for key in ("repair_source", "repair_restored", "repair_why", "repair_state")]


def repair_cells(repair, lang: str) -> list:
    return [
        fragment("render", "code", text=repair.source),
        repair.restored,
        repair.why,
        t("repair_" + repair.review, lang),
    ]


def repairs_details(repairs: list, lang: str) -> str:
    rows = [repair_cells(repair, lang) for repair in repairs]
    return fragment(
        "pages",
        "repairs_details",
        lang=lang,
        count=len(repairs),
        table=render.table(repair_headers(lang), rows, "repairs"),
    )
