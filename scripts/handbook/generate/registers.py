"""Pages that list things across the whole handbook: glossary, sources, repairs."""

from __future__ import annotations

from ..model import Handbook
from . import render
from .manual_pages import repair_cells, repair_headers
from .numbering import chapter_short, section_short
from .page import GeneratedPage, front_matter
from .paths import GLOSSARY, REFERENCES, REPAIRS, chapter_path, html_href, section_path
from .templating import fragment, t


def glossary_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("glossary", lang)
    headers = [t("term_zh", lang), t("term_en", lang)]
    if lang == "en":
        headers.reverse()
    with_notes = any(term.note for term in handbook.glossary)
    if with_notes:
        headers.append(t("term_note", lang))
    rows = []
    for term in sorted(handbook.glossary, key=lambda item: item.en.lower() if lang == "en" else ""):
        chinese = fragment("registers", "term", lang="zh", text=term.zh)
        english = fragment("registers", "term_en", page_lang=lang, text=term.en, avoid=term.avoid)
        row = [chinese, english] if lang == "zh" else [english, chinese]
        if with_notes:
            row.append(term.note)
        rows.append(row)
    body = f"# {title}\n\n{t('glossary_intro', lang)}\n\n{render.table(headers, rows, 'glossary')}\n"
    return GeneratedPage(GLOSSARY, title, front_matter(title) + body, handbook.content / "glossary.yml")


def references_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("register", lang)
    # Where each reference is cited: a section (2.4) or a chapter's own text (第2章).
    places = {s.id: (section_path(s), section_short(s, lang)) for s in handbook.sections()}
    places.update({c.id: (chapter_path(c), chapter_short(c, lang)) for m in handbook.manuals for c in m.chapters})
    rows, ids = [], []
    for reference in handbook.references.values():
        cited = fragment(
            "registers",
            "links",
            separator=", ",
            items=[
                {"href": html_href(REFERENCES, places[pid][0]), "text": places[pid][1]}
                for pid in reference.cited_by
                if pid in places
            ],
        )
        note = render.inline(reference.note, lang) if reference.note else ""
        citation = fragment(
            "registers",
            "citation_cell",
            citation=render.inline(reference.citation, lang),
            note=note,
            url=reference.url,
            state=render.state_lines(reference, lang),
        )
        rows.append([t("kind_" + reference.kind, lang), citation, render.status_badge(reference.status, lang), cited])
        ids.append(f"ref-{reference.id}")
    headers = [t(key, lang) for key in ("register_kind", "register_citation", "register_status", "register_cited_in")]
    counts: dict[str, int] = {}
    for reference in handbook.references.values():
        counts[reference.status] = counts.get(reference.status, 0) + 1
    summary = fragment(
        "registers",
        "status_summary",
        counts=[(render.status_badge(status, lang), n) for status, n in sorted(counts.items())],
    )
    body = (
        f"# {title}\n\n{t('register_intro', lang)}\n\n{t('references_unsound', lang)}\n\n{summary}\n\n"
        f"{render.table(headers, rows, 'register', ids)}\n"
    )
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
                    rows.append(
                        [
                            fragment("render", "link", href=html_href(REPAIRS, path), text=label),
                            *repair_cells(repair, lang),
                        ]
                    )
    headers = [t("repair_where", lang), *repair_headers(lang)]
    body = f"# {title}\n\n{t('repairs_register_intro', lang)}\n\n{render.table(headers, rows, 'repairs')}\n"
    return GeneratedPage(REPAIRS, title, front_matter(title) + body, handbook.content)
