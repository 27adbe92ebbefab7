"""Checklists: an index grouped by when each is used, and one page per checklist.

Each item is a task-list item in pymdown-extensions' markup (written here, with
the id its text label points at), so the page reads and prints as a list of
real checkboxes without JavaScript. `assets/js/checklist.js` adds
saved state, progress and sign-off on top, reading the data attributes set
here: the item's id (its requirement's id), a fingerprint of its Chinese text
(to notice a reworded rule) and whether it is required.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Checklist, ChecklistItem, Handbook, Requirement, Step, Text
from ..translation import zh_hash
from . import changes, render
from .numbering import section_short
from .page import GeneratedPage, front_matter
from .paper import sign_lines
from .paths import CHECKLISTS, checklist_path, html_href, link, page_url, section_path
from .render import inline, plain
from .templating import concat, fragment, md_text, t
from .ui import script_strings

WHEN = ("before-shift", "during-service", "after-service", "supervision")


def checklist_pages(handbook: Handbook, lang: str, site_url: str = "") -> list[GeneratedPage]:
    if not handbook.checklists:
        return []
    rules = handbook.rules()
    pages = [_index_page(handbook, lang)]
    pages += [_checklist_page(checklist, rules, lang, site_url, handbook) for checklist in handbook.checklists]
    return pages


def sources(checklist: Checklist, handbook: Handbook, lang: str) -> list[str]:
    """The sections a checklist draws on, as their manuals number them, in the handbook's order."""
    return [section_short(section, lang) for section in handbook.index.checklist_sections[checklist.id]]


def _index_page(handbook: Handbook, lang: str) -> GeneratedPage:
    title = t("checklists", lang)
    lines = [f"# {title}", "", t("checklists_intro", lang), ""]
    for when in WHEN:
        listed = [c for c in handbook.checklists if c.when == when]
        if not listed:
            continue
        lines += [f"## {t('when_' + when, lang)} {{#{when}}}", ""]
        for checklist in listed:
            count = t("item_count", lang, n=str(len(checklist.items)))
            drawn_from = t("list_separator", lang).join(sources(checklist, handbook, lang))
            lines += [
                f"- **[{md_text(checklist.title[lang])}]({link(CHECKLISTS, checklist_path(checklist))})**  ",
                f"    {md_text(plain(checklist.purpose, lang))}  ",
                "    " + md_text(fragment("checklists", "index_meta", text=concat(count, " · ", drawn_from))),
                "",
            ]
    return GeneratedPage(CHECKLISTS, title, front_matter(title) + "\n".join(lines), handbook.checklists[0].origin.file)


def version_of(checklist: Checklist, rules: Mapping) -> str:
    """A fingerprint of the items and their Chinese: saved state from another version is reconciled."""
    return zh_hash("\n".join(f"{i.rule_id}:{zh_hash(rules[i.rule_id].text.zh)}:{i.optional}" for i in checklist.items))


def _checklist_page(
    checklist: Checklist, rules: Mapping, lang: str, site_url: str, handbook: Handbook | None = None
) -> GeneratedPage:
    path = checklist_path(checklist)
    title = checklist.title[lang]
    items = checklist.items
    meta = concat(
        t("when_" + checklist.when, lang),
        " · ",
        t("item_count", lang, n=str(len(items))),
        " · ",
        t("list_separator", lang).join(sources(checklist, handbook, lang)),
    )
    lines = [
        f"# {md_text(title)} {{ {_other(checklist.title, lang)} }}",
        "",
        fragment("render", "meta", content=meta),
        "",
        *(
            changes.last_change(handbook, lang, path, rule_ids=[i.rule_id for i in items], owners=[checklist.id])
            if handbook
            else []
        ),
        fragment(
            "checklists",
            "widget_open",
            checklist_id=checklist.id,
            version=version_of(checklist, rules),
            lang=lang,
            strings=script_strings(lang, "js_"),
        ),
        "",
        fragment("checklists", "purpose", both=_both(checklist.purpose, lang)),
        "",
        fragment("checklists", "legend", text=t("checklist_legend", lang)),
        "",
        # Where the script puts progress and actions: its space is kept from the
        # first paint, so nothing below jumps when they appear.
        fragment("checklists", "slot"),
        "",
        _signoff_fields(checklist, lang),
        "",
        sign_lines(lang, ("field_name", "field_staff", "field_date")),
        "",
        fragment("checklists", "bilingual_option", lang=lang, checklist_id=checklist.id),
        "",
    ]
    for number, group in enumerate(checklist.groups, start=1):
        if group.title:
            lines += [f"## {md_text(plain(group.title, lang))} {{ #group-{number} {_other(group.title, lang)} }}", ""]
        lines.append('<ul class="task-list">')
        for item in group.items:
            lines.append(_item(item, rules[item.rule_id], path, lang, handbook))
        lines += ["</ul>", ""]
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


def _item(item: ChecklistItem, rule: Requirement | Step, path: str, lang: str, handbook: Handbook | None = None) -> str:
    """One checkbox, its text the box's label (its accessible name; a click on it ticks the box)."""
    section = rule.section
    href = html_href(path, section_path(section)) + "#" + rule.id
    suggested = _force(rule) == "recommendation"  # 19c: a suggestion is never a required box
    optional = item.optional or suggested
    label = fragment(
        "checklists",
        "item",
        lang=lang,
        rule_id=rule.id,
        both=_both(rule.text, lang),
        href=href,
        source=section_short(section, lang),
        optional=item.optional,
        suggested=suggested,
        source_note=_source_note(rule, handbook, lang),
    )
    return fragment(
        "checklists",
        "task_item",
        rule_id=rule.id,
        text_hash=zh_hash(rule.text.zh),
        required=not optional,
        label=md_text(label),
    )


def _source_note(rule: Requirement | Step, handbook: Handbook | None, lang: str) -> str:
    """19a: by an item whose rule rests only on disputed or superseded sources, the warning in both
    languages (the page's own shown, both in a bilingual print), like the item's text."""
    key = render.rule_source_key(rule.cites, handbook) if handbook else None
    if key is None:
        return ""
    texts = [(code, t(key, code)) for code in ("zh", "en")]
    return fragment("checklists", "source_note", lang=lang, state=key[len("rule_source_") :], texts=texts)


def _signoff_fields(checklist: Checklist, lang: str) -> str:
    fields = [
        {
            "class": "hb-field",
            "id": f"hb-{checklist.id}-{name}",
            "label": t("field_" + name, lang),
            "kind": kind,
            "name": name,
        }
        for name, kind in (("name", "text"), ("staff", "text"), ("date", "date"))
    ]
    return fragment("checklists", "fields", legend=t("signoff", lang), fields=fields, **{"class": "hb-signoff-fields"})
