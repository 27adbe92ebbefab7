"""Which version of the Chinese an English text translates."""

from __future__ import annotations

import hashlib
import unicodedata


def zh_hash(zh: str) -> str:
    """A short, stable fingerprint of a Chinese text (8 hex digits)."""
    normal = unicodedata.normalize("NFC", zh.strip())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]
