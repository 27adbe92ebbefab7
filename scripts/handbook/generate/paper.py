"""What paper forms share: lines to write on, filled in by the page's script
when the form is printed with its entries."""

from __future__ import annotations

from .ui import t


def sign_lines(lang: str, keys: tuple[str, ...], extra_class: str = "") -> str:
    """On paper: a line to write on for each field, filled from the page when printed filled in."""
    lines = "".join(f'<p class="hb-sign-line"><span class="hb-sign-label">{t(key, lang)}</span>'
                    f'<span class="hb-line" data-hb-print="{key}"></span></p>' for key in keys)
    classes = "hb-print-only hb-sign-lines" + (f" {extra_class}" if extra_class else "")
    return f'<div class="{classes}" data-search-exclude>{lines}</div>'
