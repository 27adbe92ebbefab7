"""Pages that list things across the whole handbook: glossary, sources, repairs."""

from __future__ import annotations

import html
import posixpath

from ..model import Handbook
from . import render
from .pages import GeneratedPage, chapter_path, front_matter, page_url, section_path
from .ui import t

GLOSSARY = "glossary.md"
REFERENCES = "editors/references.md"
REPAIRS = "editors/repairs.md"


def glossary_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("glossary", lang)
    other = "en" if lang == "zh" else "zh"
    first, second = ("term_zh", "term_en") if lang == "zh" else ("term_en", "term_zh")
    rows = []
    for term in sorted(handbook.glossary, key=lambda item: item.en.lower() if lang == "en" else ""):
        cells = (term.zh, term.en) if lang == "zh" else (term.en, term.zh)
        note = html.escape(term.note) if term.note else ""
        rows.append(f"<tr><td lang=\"{lang}\">{html.escape(cells[0])}</td>"
                    f"<td lang=\"{other}\">{html.escape(cells[1])}</td><td>{note}</td></tr>")
    table = (f'<div class="hb-table-wrap"><table class="hb-glossary"><thead><tr><th>{t(first, lang)}</th><th>{t(second, lang)}</th>'
             f'<th>{t("term_note", lang)}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    body = f"# {title}\n\n{t('glossary_intro', lang)}\n\n{table}\n"
    return GeneratedPage(GLOSSARY, title, front_matter(title) + body,
                         handbook.content / "glossary.yml")


def references_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("register", lang)
    sections = {s.id: s for s in handbook.sections()}
    rows = []
    for reference in handbook.references.values():
        cited = ", ".join(
            f'<a href="{_href(REFERENCES, section_path(sections[sid]))}">{sections[sid].number}</a>'
            for sid in reference.cited_by if sid in sections)
        note = f'<br><span class="hb-ref-note">{render.inline(reference.note, lang)}</span>' \
            if reference.note else ""
        rows.append(f'<tr id="ref-{reference.id}"><td>{t("kind_" + reference.kind, lang)}</td>'
                    f"<td>{render.inline(reference.citation, lang)}{note}</td>"
                    f"<td>{render.status_badge(reference.status, lang)}</td><td>{cited}</td></tr>")
    head = "".join(f"<th>{t(key, lang)}</th>" for key in
                   ("register_kind", "register_citation", "register_status", "register_cited_in"))
    counts = {}
    for reference in handbook.references.values():
        counts[reference.status] = counts.get(reference.status, 0) + 1
    summary = " · ".join(f"{render.status_badge(status, lang)} {n}" for status, n in sorted(counts.items()))
    body = (f"# {title}\n\n{t('register_intro', lang)}\n\n<p>{summary}</p>\n\n"
            f'<div class="hb-table-wrap"><table class="hb-register"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>\n')
    return GeneratedPage(REFERENCES, title, front_matter(title) + body,
                         handbook.content / "references.yml")


def repairs_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("repairs_register", lang)
    rows = []
    for manual in handbook.manuals:
        for chapter in manual.chapters:
            places = [(chapter.repairs, chapter_path(chapter), f"{manual.id} {t('chapter', lang, n=chapter.number)}")]
            places += [(s.repairs, section_path(s), f"{manual.id} §{s.number}") for s in chapter.sections]
            for repairs, path, label in places:
                for repair in repairs:
                    where = f'<a href="{_href(REPAIRS, path)}">{label}</a>'
                    rows.append(f"<tr><td>{where}</td><td><code>{html.escape(repair.source)}</code></td>"
                                f"<td>{html.escape(repair.restored)}</td><td>{html.escape(repair.why)}</td>"
                                f"<td>{t('repair_' + repair.review, lang)}</td></tr>")
    head = "".join(f"<th>{t(key, lang)}</th>" for key in
                   ("repair_where", "repair_source", "repair_restored", "repair_why", "repair_state"))
    body = (f"# {title}\n\n{t('repairs_register_intro', lang)}\n\n"
            f'<div class="hb-table-wrap"><table class="hb-register"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>\n')
    return GeneratedPage(REPAIRS, title, front_matter(title) + body, handbook.content)


def _href(from_path: str, to_path: str) -> str:
    """An HTML link between two generated pages (directory URLs)."""
    return posixpath.relpath(page_url(to_path) or ".", page_url(from_path) or ".") + "/"
