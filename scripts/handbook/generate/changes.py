"""What changed, for staff: the what-changed page, the marks on changed rules, the printable
change notice, the Atom feed and the data the "since your last visit" notice reads.

All of it is a view of handbook.history (git history, per rule); this module only
lays it out. The generator calls it once per page: `change_pages` and
`change_files` for its own pages, `last_change` for a page's date line,
`rule_mark` for a rule's mark. Without history every one of them gives nothing
but the what-changed page, which says why.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta

from markupsafe import Markup

from ..derive import REF_MARKER
from ..history import History, history_for
from ..history.chardiff import new_side, old_side, segments, word_segments
from ..history.compare import Change
from ..model import Handbook
from .numbering import section_short
from .page import GeneratedPage, front_matter
from .paths import CHANGES, checklist_path, html_href, page_url, section_path
from .paths import CHANGES_DATA as VERSIONS
from .paths import CHANGES_FEED as FEED
from .paths import CHANGES_NOTICE as NOTICE
from .templating import fragment, t
from .ui import script_strings

FEED_VERSIONS = 50  # the feed carries the newest 50 versions
SIGNOFF_ROWS = 15


def today() -> str:
    """The build's date (HANDBOOK_TODAY fixes it, for tests): marks and the notice's default period count from it."""
    return os.environ.get("HANDBOOK_TODAY") or date.today().isoformat()


_history_of: dict = {}


def history(handbook: Handbook) -> History:
    """The handbook's history, asked of git once per loaded handbook (every rule's mark asks)."""
    if _history_of.get("handbook") is not handbook:
        _history_of.update(handbook=handbook, history=history_for(handbook.content))
    return _history_of["history"]


# --- On a page that shows rules -------------------------------------------------------------


def last_change(handbook: Handbook, lang: str, page: str, section_ids=(), rule_ids=(), owners=()) -> list[str]:
    """The date the page's rules last changed (their Chinese: added, changed, removed), as lines of the page:
    the rules of `section_ids`, the rules `rule_ids`, and the items of the checklists `owners`."""
    found = history(handbook)
    dates = [version.date for section_id in section_ids for version, _ in found.section_changes(section_id)]
    dates += [version.date for rule_id in rule_ids for version, _ in found.rule_changes(rule_id)]
    dates += [version.date for owner in owners for version, _ in found.owner_changes(owner)]
    if not dates:
        return []
    return [fragment("changes", "last_change", lang=lang, date=max(dates), href=html_href(page, CHANGES)), ""]


def rule_mark(handbook: Handbook, rule_id: str, lang: str) -> Markup:
    """By a rule changed in the last N days: "changed", opening its previous text, or "new"."""
    found = history(handbook)
    changes = found.rule_changes(rule_id)
    if not changes:
        return Markup("")
    version, change = changes[0]
    days = found.settings.recent_days
    if version.date < (date.fromisoformat(today()) - timedelta(days=days)).isoformat():
        return Markup("")
    # The last day it is shown: assets/js/review-date.js hides it after, on a page read later.
    until = (date.fromisoformat(version.date) + timedelta(days=days)).isoformat()
    if change.kind == "added":
        return fragment(
            "changes",
            "mark",
            lang=lang,
            kind="added",
            date=version.date,
            subject=version.subject,
            previous=[],
            previous_lang=lang,
            until=until,
        )
    # The previous text in the page's language; on an English page whose English did not
    # change with the Chinese, the previous Chinese.
    shown = lang if _plain(change.old[lang]) != _plain(change.new[lang]) else "zh"
    parts = old_side(_diff(_plain(change.old[shown]), _plain(change.new[shown]), shown))
    return fragment(
        "changes",
        "mark",
        lang=lang,
        kind=change.kind,
        date=version.date,
        subject=version.subject,
        previous=parts,
        previous_lang=shown,
        until=until,
    )


# --- The what-changed page, the notice and the feed --------------------------------------------


def change_pages(handbook: Handbook, lang: str, site_url: str = "") -> list[GeneratedPage]:
    found = history(handbook)
    source = found.settings.file or handbook.content
    return [_changes_page(handbook, found, lang, source), _notice_page(handbook, found, lang, site_url, source)]


def change_files(handbook: Handbook, lang: str, site_url: str = "") -> dict[str, str]:
    """The Atom feed (with absolute links, so only where the site's address is known) and the
    data of the "since your last visit" notice."""
    found = history(handbook)
    if not found.available:
        return {}
    files = {VERSIONS: _versions_json(found, lang)}
    if site_url:
        files[FEED] = _feed(handbook, found, lang, site_url)
    return files


def _plain(text: str) -> str:
    return REF_MARKER.sub("", text or "").strip()


def _diff(old: str, new: str, lang: str) -> list:
    return word_segments(old, new) if lang == "en" else segments(old, new)


_places_of: dict = {}


def _places(handbook: Handbook) -> dict:
    """Where each section, rule and checklist of the handbook as it now stands is published."""
    if _places_of.get("handbook") is not handbook:
        _places_of.update(
            handbook=handbook,
            sections={s.id: (s, section_path(s)) for s in handbook.sections()},
            rules=handbook.rules(),
            checklists={c.id: (c, checklist_path(c)) for c in handbook.checklists},
        )
    return _places_of


def _entry(handbook: Handbook, change: Change, lang: str, page: str) -> dict:
    places = _places(handbook)
    rule = change.rule
    section = places["sections"].get(rule.section_id)
    entry = {
        "kind": change.kind,
        "rule_kind": rule.kind,
        "id": rule.target,
        "manual": rule.manual_id,
        "section": "",
        "section_href": "",
        "rule_href": "",
        "checklist": "",
        "note": "",
        "old": None,
        "new": None,
        "old_label": "change_old",
        "new_label": "change_new",
        "text_lang": lang,
        "new_text": "",
        "old_text": "",
    }
    if section:
        entry["section"] = f"{section_short(section[0], lang)} {section[0].title[lang]}"
        entry["section_href"] = html_href(page, section[1])
    if rule.kind in ("requirement", "step") and change.new and rule.id in places["rules"] and section:
        entry["rule_href"] = html_href(page, section[1]) + "#" + rule.id
    if rule.kind == "item":
        checklist = places["checklists"].get(rule.owner)
        entry["checklist"] = checklist[0].title[lang] if checklist else rule.owner
        if checklist and change.new:
            entry["rule_href"] = html_href(page, checklist[1])
        target = places["rules"].get(rule.target)
        text = target.text if target is not None and target.text else None
        if text is not None:
            entry["new" if change.new else "old"] = [("same", _plain(text[lang]))]
            entry["new_label" if change.new else "old_label"] = "change_text"
        return entry
    old, new = (_plain(change.old[lang]) if change.old else ""), (_plain(change.new[lang]) if change.new else "")
    entry["old_text"], entry["new_text"] = old, new
    if change.kind in ("changed", "translated") and (old != new):
        parts = _diff(old, new, lang)
        entry["old"], entry["new"] = old_side(parts), new_side(parts)
        entry["old_label"] = "change_old_en" if change.kind == "translated" and lang == "zh" else "change_old"
    elif change.kind == "changed":  # the English page, the English not yet changed with the Chinese
        entry["new"], entry["new_label"], entry["note"] = [("same", new)], "change_new", t("change_en_same", lang)
    elif change.kind == "translated":
        entry["new"] = [("same", new)]
    elif change.new:
        entry["new"], entry["new_label"] = [("same", new)], "change_text"
    else:
        entry["old"], entry["old_label"] = [("same", old)], "change_text"
    if change.kind == "translated" and lang == "zh":
        entry["text_lang"] = "en"
    return entry


def _days(handbook: Handbook, found: History, lang: str, page: str, start: str = "") -> list[dict]:
    """The versions by day, newest first; those before `start` hidden (until a script filters)."""
    days: list[dict] = []
    for seq, version in reversed(list(enumerate(found.versions))):
        if not days or days[-1]["date"] != version.date:
            days.append({"date": version.date, "versions": [], "hidden": version.date < start})
        days[-1]["versions"].append(
            {
                "hidden": version.date < start,
                "id": version.id,
                "seq": seq,
                "subject": version.subject,
                "entries": [_entry(handbook, c, lang, page) for c in version.changes],
                "translations": [_entry(handbook, c, lang, page) for c in version.translations],
            }
        )
    return days


def _words(lang: str) -> dict:
    return script_strings(lang, "changes_js_")


def _manuals(handbook: Handbook, lang: str) -> list[dict]:
    return [{"id": m.id, "title": m.title[lang]} for m in handbook.manuals]


def _changes_page(handbook: Handbook, found: History, lang: str, source) -> GeneratedPage:
    title = str(t("changes", lang))
    lines = [f"# {title}", ""]
    if not found.available:
        lines += [fragment("changes", "empty", text=t("changes_unavailable", lang)), ""]
        return GeneratedPage(CHANGES, title, front_matter(title, searchable=False) + "\n".join(lines) + "\n", source)
    lines += [fragment("render", "meta", content=t("changes_intro", lang, start=found.start)), ""]
    if lang == "en":
        lines += [fragment("render", "meta", content=t("changes_en_note", lang)), ""]
    if found.note:
        lines += [fragment("render", "meta", content=t("changes_partial", lang, note=found.note)), ""]
    lines += [
        fragment("changes", "page_links", lang=lang, feed_href="feed.xml", notice_href=html_href(CHANGES, NOTICE)),
        "",
        _body(handbook, found, lang, CHANGES, notice=html_href(CHANGES, NOTICE)),
    ]
    matter = front_matter(title, wide=True, searchable=False, hb_feed=FEED)
    return GeneratedPage(CHANGES, title, matter + "\n".join(lines) + "\n", source)


def _body(
    handbook: Handbook,
    found: History,
    lang: str,
    page: str,
    notice: str = "",
    translations: bool = True,
    period: tuple[str, str] = ("", ""),
    printed: bool = False,
) -> str:
    """The filter form (and, for the notice, a print button) and the changes; `period`
    (from, to) is the form's default (the notice's)."""
    parts = [
        fragment("changes", "page_open", lang=lang, words=_words(lang), recent_days=found.settings.recent_days),
        fragment(
            "changes",
            "filter_form",
            lang=lang,
            manuals=_manuals(handbook, lang),
            notice_href=notice,
            start=period[0],
            end=period[1],
        ),
    ]
    if printed:
        parts.append(fragment("changes", "print_button", lang=lang))
    days = _days(handbook, found, lang, page, period[0])
    parts.append(
        fragment("changes", "versions", lang=lang, days=days, translations=translations)
        if days
        else fragment("changes", "empty", text=t("changes_none", lang, start=found.start))
    )
    parts.append(Markup("</div>"))
    # One raw HTML block: Markdown leaves it as it is.
    return "\n".join(re.sub(r"\n\s*\n", "\n", str(part)) for part in parts)


def _notice_page(handbook: Handbook, found: History, lang: str, site_url: str, source) -> GeneratedPage:
    title = str(t("notice", lang))
    lines = [f"# {title}", ""]
    if not found.available:
        lines += [fragment("changes", "empty", text=t("changes_unavailable", lang)), ""]
    else:
        end = today()
        start = (date.fromisoformat(end) - timedelta(days=found.settings.recent_days)).isoformat()
        period = t("notice_default_period", lang, days=found.settings.recent_days, **{"from": start, "to": end})
        address = (site_url.rstrip("/") + "/" + page_url(CHANGES)) if site_url else page_url(CHANGES)
        lines += [
            fragment("render", "meta", content=t("notice_intro", lang)),
            "",
            fragment("changes", "notice_head", lang=lang, period=period, address=address),
            "",
            # The notice is for staff to sign: the rules' changes, not the translators'.
            _body(handbook, found, lang, NOTICE, translations=False, period=(start, end), printed=True).replace(
                "data-hb-changes ", "data-hb-changes data-hb-notice ", 1
            ),
            "",
            fragment("changes", "signoff", lang=lang, rows=SIGNOFF_ROWS),
            "",
        ]
    return GeneratedPage(
        NOTICE, title, front_matter(title, wide=True, searchable=False) + "\n".join(lines) + "\n", source, in_nav=False
    )


def _versions_json(found: History, lang: str) -> str:
    """What changes-visit.js needs: the versions, newest first, each with the number of rules changed after it."""
    words = script_strings(lang, "visit_")
    after, later = [], set()
    for version in reversed(found.versions):  # the rules changed after each version, newest first
        after.append(len(later))
        later |= {c.rule.target for c in version.changes}
    data = {
        "format": 1,
        "current": found.current.id if found.current else "",
        "page": page_url(CHANGES),
        "words": words,
        "versions": [{"id": v.id, "date": v.date, "after": n} for v, n in zip(reversed(found.versions), after)],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _feed(handbook: Handbook, found: History, lang: str, site_url: str) -> str:
    base = site_url.rstrip("/") + "/"
    page = base + page_url(CHANGES)
    entries = []
    for version in found.newest_first()[:FEED_VERSIONS]:
        listed = [_entry(handbook, c, lang, CHANGES) for c in version.changes]
        for entry in listed:  # absolute links: a feed is read away from the site
            entry["rule_href"] = _absolute(page, entry["rule_href"]) if entry["rule_href"] else ""
        entries.append(
            {
                "id": f"{page}#v-{version.id}",
                "link": f"{page}#v-{version.id}",
                "time": version.time,
                "title": f"{version.date} {version.subject}",
                # A plain string: the feed's template escapes the HTML, as Atom's type="html" wants.
                "content": str(
                    fragment("changes", "feed_entry", lang=lang, entries=listed, translations=version.translations)
                ),
            }
        )
    updated = found.current.time if found.current else f"{found.start}T00:00:00Z"
    return (
        fragment(
            "changes_feed",
            "feed",
            lang=lang,
            feed_id=page,
            self_href=base + FEED,
            page=page,
            title=t("changes_feed_title", lang),
            updated=updated,
            entries=entries,
        )
        + "\n"
    )


def _absolute(page_address: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin(page_address, href)
