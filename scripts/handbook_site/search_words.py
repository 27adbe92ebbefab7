"""The search words published to each language's site: the question words and
synonyms (checklists/search.yml, read and checked by handbook.search_words)
that the search dialog fetches when it is first opened
(docs/assets/js/search-query.js)."""

from __future__ import annotations

import json

from handbook.search_words import SearchWords

PUBLISHED = "assets/search-words.json"


def published(words: SearchWords | None, lang: str) -> str:
    """One language's search words as the dialog reads them."""
    if words is None:
        return json.dumps({"question": [], "synonyms": []})
    return json.dumps(
        {"question": words.question[lang], "synonyms": [group[lang] for group in words.synonyms if lang in group]},
        ensure_ascii=False,
        separators=(",", ":"),
    )
