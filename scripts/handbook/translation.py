"""Which version of the Chinese an English text translates."""

from __future__ import annotations

import hashlib
import unicodedata


def zh_hash(zh: str) -> str:
    """A short, stable fingerprint of a Chinese text (8 hex digits)."""
    normal = unicodedata.normalize("NFC", zh.strip())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


# The texts `hb new` leaves to fill in. Their stamps record no translation, so
# `hb stamp` replaces them without --accept once the text is written.
PLACEHOLDER = {"zh": "待填写", "en": "To be written"}
PLACEHOLDER_STAMPS = {zh_hash(PLACEHOLDER["zh"] + suffix) for suffix in ["", *"123456789"]}
