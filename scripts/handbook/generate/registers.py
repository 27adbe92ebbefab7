"""Pages that list things across the whole handbook: glossary, sources, repairs."""

from __future__ import annotations

import html

from ..model import Handbook
from . import render
from .pages import (GeneratedPage, chapter_path, chapter_short, front_matter, html_href, repair_cells,
                    repair_headers, section_path, section_short)
from .ui import t

GLOSSARY = "glossary.md"
REFERENCES = "editors/references.md"
REPAIRS = "editors/repairs.md"


def glossary_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("glossary", lang)
    other = "en" if lang == "zh" else "zh"
    headers = [t("term_zh", lang), t("term_en", lang)]
    if lang == "en":
        headers.reverse()
    with_notes = any(term.note for term in handbook.glossary)
    if with_notes:
        headers.append(t("term_note", lang))
    rows = []
    for term in sorted(handbook.glossary, key=lambda item: item.en.lower() if lang == "en" else ""):
        first, second = (term.zh, term.en) if lang == "zh" else (term.en, term.zh)
        row = [f'<span lang="{lang}">{html.escape(first)}</span>',
               f'<span lang="{other}">{html.escape(second)}</span>']
        if with_notes:
            row.append(html.escape(term.note))
        rows.append(row)
    body = f"# {title}\n\n{t('glossary_intro', lang)}\n\n{render.table(headers, rows, 'glossary')}\n"
    return GeneratedPage(GLOSSARY, title, front_matter(title) + body, handbook.content / "glossary.yml")


def references_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("register", lang)
    # Where each reference is cited: a section (2.4) or a chapter's own text (第2章).
    places = {s.id: (section_path(s), section_short(s, lang)) for s in handbook.sections()}
    places.update({c.id: (chapter_path(c), chapter_short(c, lang))
                   for m in handbook.manuals for c in m.chapters})
    rows, ids = [], []
    for reference in handbook.references.values():
        cited = ", ".join(
            f'<a href="{html_href(REFERENCES, places[pid][0])}">{places[pid][1]}</a>'
            for pid in reference.cited_by if pid in places)
        note = f'<span class="hb-ref-note">{render.inline(reference.note, lang)}</span>' if reference.note else ""
        rows.append([t("kind_" + reference.kind, lang), render.inline(reference.citation, lang) + note,
                     render.status_badge(reference.status, lang), cited])
        ids.append(f"ref-{reference.id}")
    headers = [t(key, lang) for key in ("register_kind", "register_citation", "register_status", "register_cited_in")]
    counts: dict[str, int] = {}
    for reference in handbook.references.values():
        counts[reference.status] = counts.get(reference.status, 0) + 1
    summary = " · ".join(f"{render.status_badge(status, lang)} {n}" for status, n in sorted(counts.items()))
    body = (f"# {title}\n\n{t('register_intro', lang)}\n\n<p>{summary}</p>\n\n"
            f"{render.table(headers, rows, 'register', ids)}\n")
    return GeneratedPage(REFERENCES, title, front_matter(title) + body, handbook.content / "references.yml")


def repairs_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("repairs_register", lang)
    rows = []
    for manual in handbook.manuals:
        for chapter in manual.chapters:
            places = [(chapter.repairs, chapter_path(chapter), chapter_short(chapter, lang))]
            places += [(s.repairs, section_path(s), section_short(s, lang)) for s in chapter.sections]
            for repairs, path, label in places:
                for repair in repairs:
                    rows.append([f'<a href="{html_href(REPAIRS, path)}">{label}</a>', *repair_cells(repair, lang)])
    headers = [t("repair_where", lang), *repair_headers(lang)]
    body = f"# {title}\n\n{t('repairs_register_intro', lang)}\n\n{render.table(headers, rows, 'repairs')}\n"
    return GeneratedPage(REPAIRS, title, front_matter(title) + body, handbook.content)
