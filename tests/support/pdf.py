"""Read back the text of a PDF Chromium printed, in the characters it shows.

Chromium's PDFs map some Chinese glyphs back to the Kangxi or CJK radical
code points that share the glyph (人 comes out as ⼈ U+2F08, 门 as ⻔ U+2ED4),
so extracted text is normalised before it is compared with the content.
"""

from __future__ import annotations

import io
import re
import unicodedata

# Radicals whose NFKC form is not the Simplified character the glyph shows.
_RADICALS = str.maketrans(
    {
        "⼾": "户",
        "⾭": "青",
        "⻅": "见",
        "⻆": "角",
        "⻉": "贝",
        "⻋": "车",
        "⻓": "长",
        "⻔": "门",
        "⻘": "青",
        "⻙": "韦",
        "⻚": "页",
        "⻛": "风",
        "⻜": "飞",
        "⻝": "食",
        "⻢": "马",
        "⻥": "鱼",
        "⻦": "鸟",
        "⻧": "卤",
        "⻨": "麦",
        "⻩": "黄",
        "⻪": "黾",
        "⻬": "齐",
        "⻮": "齿",
        "⻰": "龙",
        "⻳": "龟",
    }
)


def shown(text: str) -> str:
    """Text as it reads on paper, without spaces or line breaks (wrapping is the printer's)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text.translate(_RADICALS)))


def pdf_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [shown(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]
