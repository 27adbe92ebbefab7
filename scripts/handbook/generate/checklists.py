"""Checklists: an index grouped by when each is used, and one page per checklist.

Each item is a pymdown-extensions task-list item, so the page reads and prints
as a list of real checkboxes without JavaScript. `assets/js/checklist.js` adds
saved state, progress and sign-off on top, reading the data attributes set
here: the item's id (its requirement's id), a fingerprint of its Chinese text
(to notice a reworded rule) and whether it is required.
"""

from __future__ import annotations

import html
import json
import re

from ..model import Checklist, ChecklistItem, Handbook, Requirement, Step, Text
from ..translation import zh_hash
from .pages import GeneratedPage, checklist_path, front_matter, html_href, link, page_url, section_path, section_short
from .render import inline
from .paper import sign_lines
from .ui import script_strings, t

CHECKLISTS = "checklists/index.md"
WHEN = ("before-shift", "during-service", "after-service", "supervision")


def checklist_pages(handbook: Handbook, lang: str, site_url: str = "") -> list[GeneratedPage]:
    if not handbook.checklists:
        return []
    rules = handbook.rules()
    order = {section.id: n for n, section in enumerate(handbook.sections())}
    pages = [_index_page(handbook, rules, order, lang)]
    pages += [_checklist_page(checklist, rules, order, lang, site_url) for checklist in handbook.checklists]
    return pages


def sources(checklist: Checklist, rules: dict, order: dict[str, int], lang: str) -> list[str]:
    """The sections a checklist draws on, as their manuals number them, in the handbook's order."""
    sections = {section.id: section for section in (rules[item.rule_id].section for item in checklist.items)}
    return [section_short(sections[i], lang) for i in sorted(sections, key=order.__getitem__)]


def _index_page(handbook: Handbook, rules: dict, order: dict[str, int], lang: str) -> GeneratedPage:
    title = t("checklists", lang)
    lines = [f"# {title}", "", t("checklists_intro", lang), ""]
    for when in WHEN:
        listed = [c for c in handbook.checklists if c.when == when]
        if not listed:
            continue
        lines += [f"## {t('when_' + when, lang)} {{#{when}}}", ""]
        for checklist in listed:
            count = t("item_count", lang, n=str(len(checklist.items)))
            drawn_from = t("list_separator", lang).join(sources(checklist, rules, order, lang))
            lines += [f"- **[{checklist.title[lang]}]({link(CHECKLISTS, checklist_path(checklist))})**  ",
                      f"    {inline(checklist.purpose, lang)}  ",
                      f'    <span class="hb-meta">{count} · {drawn_from}</span>', ""]
    return GeneratedPage(CHECKLISTS, title, front_matter(title) + "\n".join(lines),
                         handbook.checklists[0].origin.file)


def version_of(checklist: Checklist, rules: dict) -> str:
    """A fingerprint of the items and their Chinese: saved state from another version is reconciled."""
    return zh_hash("\n".join(f"{i.rule_id}:{zh_hash(rules[i.rule_id].text.zh)}:{i.optional}"
                             for i in checklist.items))


def _checklist_page(checklist: Checklist, rules: dict, order: dict[str, int], lang: str,
                    site_url: str) -> GeneratedPage:
    path = checklist_path(checklist)
    title = checklist.title[lang]
    items = checklist.items
    lines = [f"# {title} {{ {_other(checklist.title, lang)} }}", "",
             f'<p class="hb-meta">{t("when_" + checklist.when, lang)} · '
             f'{t("item_count", lang, n=str(len(items)))} · {t("list_separator", lang).join(sources(checklist, rules, order, lang))}</p>', "",
             f'<div class="hb-checklist" data-hb-checklist="{checklist.id}" '
             f'data-hb-version="{version_of(checklist, rules)}" data-hb-lang="{lang}" '
             f'data-hb-strings="{_script_strings(lang)}" markdown>', "",
             f'<p class="hb-purpose">{_both(checklist.purpose, lang)}</p>', "",
             f'<p class="hb-legend">{t("checklist_legend", lang)}</p>', "",
             # Where the script puts progress and actions: its space is kept from the
             # first paint, so nothing below jumps when they appear.
             '<div class="hb-checklist-slot"></div>', "",
             _signoff_fields(checklist, lang), "",
             sign_lines(lang, ("field_name", "field_staff", "field_date")), "",
             f'<p class="hb-bilingual-option"><input type="checkbox" id="hb-bilingual-{checklist.id}" '
             f'class="hb-bilingual-toggle"> <label for="hb-bilingual-{checklist.id}">{t("bilingual_print", lang)}</label></p>',
             ""]
    for number, group in enumerate(checklist.groups, start=1):
        if group.title:
            lines += [f"## {inline(group.title, lang)} {{ #group-{number} {_other(group.title, lang)} }}", ""]
        for item in group.items:
            lines += _item(item, rules[item.rule_id], path, lang)
        lines.append("")
    lines += [sign_lines(lang, ("field_completed", "field_supervisor")), ""]
    # The address to print; the script replaces it with the one the page was opened at.
    address = site_url + page_url(path) if site_url else ""
    lines += [f'<p class="hb-print-only hb-print-url" data-search-exclude>{address}</p>', ""]
    lines += ["</div>", ""]
    return GeneratedPage(path, title, front_matter(title) + "\n".join(lines), checklist.origin.file)


def _script_strings(lang: str) -> str:
    """The widget's interface words, from the same table as the page's."""
    return html.escape(json.dumps(script_strings(lang, "js_"), ensure_ascii=False, separators=(",", ":")), quote=True)


def _other(text: Text, lang: str) -> str:
    """The heading in the other language, as an attribute the bilingual print shows (kept out of the page contents)."""
    other = "en" if lang == "zh" else "zh"
    return f'data-hb-{other}="{inline(text, other).replace(chr(34), chr(39))}"'


def _both(text: Text, lang: str) -> str:
    """Both languages; CSS shows the page's own, or Chinese with English under it for a
    bilingual print. The other language is kept out of this language's search index."""
    return "".join(f'<span class="hb-{code}" lang="{code}"{"" if code == lang else " data-search-exclude"}>'
                   f'{inline(text, code)}</span>' for code in ("zh", "en"))


def _item(item: ChecklistItem, rule: Requirement | Step, path: str, lang: str) -> list[str]:
    section = rule.section
    href = html_href(path, section_path(section)) + "#" + rule.id
    mark = "" if item.optional else '<span class="hb-required" aria-hidden="true">*</span>'
    tag = f' <span class="hb-tag hb-optional-tag">{t("if_applicable", lang)}</span>' if item.optional else ""
    attrs = f'data-hb-item="{rule.id}" data-hb-text="{zh_hash(rule.text.zh)}"'
    attrs += ' data-hb-optional="true"' if item.optional else ' data-hb-required="true"'
    return [f'- [ ] {mark}<label for="c-{rule.id}" class="hb-item-text">{_both(rule.text, lang)}</label>'
            f'{tag} <a class="hb-source" href="{href}" title="{html.escape(t("item_source", lang))}">'
            f'{section_short(section, lang)}</a>',
            f"    {{: {attrs} }}"]


def _signoff_fields(checklist: Checklist, lang: str) -> str:
    fields = []
    for name, kind in (("name", "text"), ("staff", "text"), ("date", "date")):
        field_id = f"hb-{checklist.id}-{name}"
        fields.append(f'<p class="hb-field"><label for="{field_id}">{t("field_" + name, lang)}</label>'
                      f'<input type="{kind}" id="{field_id}" data-hb-field="{name}" autocomplete="off"></p>')
    return (f'<fieldset class="hb-signoff-fields"><legend>{t("signoff", lang)}</legend>'
            f'{"".join(fields)}</fieldset>')


_TASK_ITEM = re.compile(
    r'(<li class="task-list-item"[^>]*?data-hb-item="(?P<id>[^"]+)"[^>]*>\s*'
    r'<label class="task-list-control">\s*<input type="checkbox")')


def label_checkboxes(page_html: str) -> str:
    """Give each checklist checkbox the id its item's text label points at, so the
    text is the box's accessible name and clicking it ticks the box, without JavaScript."""
    def add(match: re.Match) -> str:
        required = 'data-hb-required="true"' in match.group(1)
        return match.group(1) + f' id="c-{match.group("id")}"' + (' aria-required="true"' if required else "")
    return _TASK_ITEM.sub(add, page_html)
