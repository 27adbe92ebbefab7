"""What paper forms share: lines to write on, filled in by the page's script
when the form is printed with its entries."""

from __future__ import annotations

from .templating import fragment


def sign_lines(lang: str, keys: tuple[str, ...], extra_class: str = "", on_screen: bool = False) -> str:
    """On paper: a line to write on for each field, filled from the page when printed filled in.
    `on_screen`: shown on screen too (a paper quiz's own lines)."""
    classes = ("" if on_screen else "hb-print-only ") + "hb-sign-lines" + (f" {extra_class}" if extra_class else "")
    return fragment("checklists", "sign_lines", lang=lang, keys=keys, classes=classes)
