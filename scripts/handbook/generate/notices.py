"""What a page says about its own currency: who owns it and when it is next reviewed
(with a notice once that date has passed), and, on an English page, that the
Chinese has changed since the English was written."""

from __future__ import annotations

from datetime import date

from ..model import Manual, Text
from .templating import fragment


def review_line(manual: Manual, lang: str) -> list[str]:
    """At the foot of the page: who owns it and when it was and will be reviewed."""
    return [
        fragment("pages", "review_line", lang=lang, owner=manual.owner, last=manual.reviewed, next=manual.review_by),
        "",
    ]


def review_notice(manual: Manual, lang: str, today: str | None = None) -> list[str]:
    """At the top of the page, the overdue notice: shown when the page is built after the
    date, and revealed by assets/js/review-date.js when it is read after it."""
    today = today or date.today().isoformat()
    return [
        fragment(
            "pages",
            "review_notice",
            lang=lang,
            owner=manual.owner,
            next=manual.review_by,
            hidden=not manual.review_due(today),
        ),
        "",
    ]


def stale_notice(texts: list[Text], lang: str, chinese_href: str) -> list[str]:
    """On an English page whose Chinese changed after translation (published with stale_ok)."""
    if lang != "en" or not any(text.stale for text in texts):
        return []
    return [fragment("pages", "stale_notice", lang=lang, href=chinese_href), ""]
