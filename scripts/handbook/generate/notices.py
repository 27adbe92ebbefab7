"""What a page says about its own currency: who owns it and when it is next reviewed
(with a notice once that date has passed), and, on an English page, that the
Chinese has changed since the English was written."""

from __future__ import annotations

from datetime import date

from ..model import Manual, Text
from .ui import t


def review_line(manual: Manual, lang: str) -> list[str]:
    """At the foot of the page: who owns it and when it was and will be reviewed."""
    return [f'<p class="hb-review" data-search-exclude>'
            f'{t("review_line", lang, owner=manual.owner, last=manual.reviewed, next=manual.review_by)}</p>', ""]


def review_notice(manual: Manual, lang: str, today: str | None = None) -> list[str]:
    """At the top of the page, the overdue notice: shown when the page is built after the
    date, and revealed by assets/js/review-date.js when it is read after it."""
    today = today or date.today().isoformat()
    hidden = "" if manual.review_due(today) else " hidden"
    return [f'<p class="hb-review-due" role="note" data-hb-review-by="{manual.review_by}"{hidden} data-search-exclude>'
            f'{t("review_due", lang, next=manual.review_by, owner=manual.owner)}</p>', ""]


def stale_notice(texts: list[Text], lang: str, chinese_href: str) -> list[str]:
    """On an English page whose Chinese changed after translation (published with stale_ok)."""
    if lang != "en" or not any(text.stale for text in texts):
        return []
    return [f'<p class="hb-stale" role="note">{t("stale_notice", lang)} '
            f'<a href="{chinese_href}" hreflang="zh" lang="zh" target="_self">{t("read_original", lang)}</a></p>', ""]
