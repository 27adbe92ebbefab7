"""Checklists: an index grouped by when each is used, and one page per checklist.

Each item is a pymdown-extensions task-list item, so the page reads and prints
as a list of real checkboxes without JavaScript. `assets/js/checklist.js` adds
saved state, progress and sign-off on top, reading the data attributes set
here: the item's id (its requirement's id), a fingerprint of its Chinese text
(to notice a reworded rule) and whether it is required.
"""

from __future__ import annotations

import re

from . import changes
from ..model import Checklist, ChecklistItem, Handbook, Requirement, Step, Text
from ..translation import zh_hash
from .pages import GeneratedPage, checklist_path, front_matter, html_href, link, page_url, section_path, section_short
from . import render
from .render import inline, plain
from .paper import sign_lines
from .templating import concat, fragment, md_text, t
from .ui import script_strings

CHECKLISTS = "checklists/index.md"
WHEN = ("before-shift", "during-service", "after-service", "supervision")


def checklist_pages(handbook: Handbook, lang: str, site_url: str = "") -> list[GeneratedPage]:
    if not handbook.checklists:
        return []
    rules = handbook.rules()
    order = {section.id: n for n, section in enumerate(handbook.sections())}
    pages = [_index_page(handbook, rules, order, lang)]
    pages += [_checklist_page(checklist, rules, order, lang, site_url, handbook) for checklist in handbook.checklists]
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
            lines += [f"- **[{md_text(checklist.title[lang])}]({link(CHECKLISTS, checklist_path(checklist))})**  ",
                      f"    {md_text(plain(checklist.purpose, lang))}  ",
                      "    " + md_text(fragment("checklists", "index_meta", text=concat(count, " · ", drawn_from))), ""]
    return GeneratedPage(CHECKLISTS, title, front_matter(title) + "\n".join(lines),
                         handbook.checklists[0].origin.file)


def version_of(checklist: Checklist, rules: dict) -> str:
    """A fingerprint of the items and their Chinese: saved state from another version is reconciled."""
    return zh_hash("\n".join(f"{i.rule_id}:{zh_hash(rules[i.rule_id].text.zh)}:{i.optional}"
                             for i in checklist.items))


def _checklist_page(checklist: Checklist, rules: dict, order: dict[str, int], lang: str,
                    site_url: str, handbook: Handbook | None = None) -> GeneratedPage:
    path = checklist_path(checklist)
    title = checklist.title[lang]
    items = checklist.items
    meta = concat(t("when_" + checklist.when, lang), " · ", t("item_count", lang, n=str(len(items))), " · ",
                  t("list_separator", lang).join(sources(checklist, rules, order, lang)))
    lines = [f"# {md_text(title)} {{ {_other(checklist.title, lang)} }}", "",
             fragment("render", "meta", content=meta), "",
             *(changes.last_change(handbook, lang, path, rule_ids=[i.rule_id for i in items], owners=[checklist.id])
               if handbook else []),
             fragment("checklists", "widget_open", checklist_id=checklist.id, version=version_of(checklist, rules),
                      lang=lang, strings=script_strings(lang, "js_")), "",
             fragment("checklists", "purpose", both=_both(checklist.purpose, lang)), "",
             fragment("checklists", "legend", text=t("checklist_legend", lang)), "",
             # Where the script puts progress and actions: its space is kept from the
             # first paint, so nothing below jumps when they appear.
             fragment("checklists", "slot"), "",
             _signoff_fields(checklist, lang), "",
             sign_lines(lang, ("field_name", "field_staff", "field_date")), "",
             fragment("checklists", "bilingual_option", lang=lang, checklist_id=checklist.id),
             ""]
    for number, group in enumerate(checklist.groups, start=1):
        if group.title:
            lines += [f"## {md_text(plain(group.title, lang))} {{ #group-{number} {_other(group.title, lang)} }}", ""]
        for item in group.items:
            lines += _item(item, rules[item.rule_id], path, lang, handbook)
        lines.append("")
    lines += [sign_lines(lang, ("field_completed", "field_supervisor")), ""]
    # The address to print; the script replaces it with the one the page was opened at.
    address = site_url + page_url(path) if site_url else ""
    lines += [fragment("checklists", "print_url", address=address), ""]
    lines += ["</div>", ""]
    return GeneratedPage(path, title, front_matter(title) + "\n".join(lines), checklist.origin.file)


def _other(text: Text, lang: str) -> str:
    """The heading in the other language, as an attribute (attr_list syntax) that the bilingual
    print shows; kept out of the page contents. Escaped for HTML (attr_list keeps character
    references as they are), with no quote or brace that would end the attribute or the list."""
    other = "en" if lang == "zh" else "zh"
    value = str(md_text(inline(text, other)))
    return f'data-hb-{other}="{value}"'


def _both(text: Text, lang: str) -> str:
    """Both languages; CSS shows the page's own, or Chinese with English under it for a
    bilingual print. The other language is kept out of this language's search index."""
    return fragment("checklists", "both", lang=lang, texts=[(code, inline(text, code)) for code in ("zh", "en")])


def _force(rule: Requirement | Step) -> str:
    """A step has the force of its procedure (19c)."""
    return rule.force if isinstance(rule, Requirement) else rule.requirement.force


def _item(item: ChecklistItem, rule: Requirement | Step, path: str, lang: str,
          handbook: Handbook | None = None) -> list[str]:
    section = rule.section
    href = html_href(path, section_path(section)) + "#" + rule.id
    attrs = f'data-hb-item="{rule.id}" data-hb-text="{zh_hash(rule.text.zh)}"'
    suggested = _force(rule) == "recommendation"   # 19c: a suggestion is never a required box
    optional = item.optional or suggested
    attrs += ' data-hb-optional="true"' if optional else ' data-hb-required="true"'
    label = fragment("checklists", "item", lang=lang, rule_id=rule.id, both=_both(rule.text, lang), href=href,
                     source=section_short(section, lang), optional=item.optional, suggested=suggested,
                     source_note=_source_note(rule, handbook, lang))
    return [f"- [ ] {md_text(label)}", f"    {{: {attrs} }}"]


def _source_note(rule: Requirement | Step, handbook: Handbook | None, lang: str) -> str:
    """19a: by an item whose rule rests only on disputed or superseded sources, the warning in both
    languages (the page's own shown, both in a bilingual print), like the item's text."""
    key = render.rule_source_key(rule.cites, handbook) if handbook else None
    if key is None:
        return ""
    texts = [(code, t(key, code)) for code in ("zh", "en")]
    return fragment("checklists", "source_note", lang=lang, state=key[len("rule_source_"):], texts=texts)


def _signoff_fields(checklist: Checklist, lang: str) -> str:
    fields = [{"class": "hb-field", "id": f"hb-{checklist.id}-{name}", "label": t("field_" + name, lang),
               "kind": kind, "name": name}
              for name, kind in (("name", "text"), ("staff", "text"), ("date", "date"))]
    return fragment("checklists", "fields", legend=t("signoff", lang), fields=fields, **{"class": "hb-signoff-fields"})


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
