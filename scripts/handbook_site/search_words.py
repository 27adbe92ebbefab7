"""The search words published to each language's site: the question words and
synonyms (checklists/search.yml, read and checked by handbook.search_words)
that the search dialog fetches when it is first opened
(docs/assets/js/search-query.js).

Each synonym group is published with the forms the language's text holds first
(the handbook's own word always first) and, in `present`, how many they are: the
dialog recognises every form in a question but asks the index only for those,
since a word no page holds finds nothing, and each asked word costs a download
of the part of the index it would be in (at 100x content, about 25 KB each).

The English data also carries the text's `vocabulary` (its words, sorted, in one
string): the dialog asks the index for a word typed, with the words it begins,
only when some word of the text begins as it does. Pagefind falls back to the
longest indexed word a missing word begins with (angry: an), which would find
and mark every page holding "an"."""

from __future__ import annotations

import json
import re

from handbook.search_words import SearchWords

PUBLISHED = "assets/search-words.json"
WORD = re.compile(r"\w+")


def published(words: SearchWords | None, lang: str, text: str = "") -> str:
    """One language's search words as the dialog reads them; `text` is all the
    language's text (without it, every form counts as held)."""
    if words is None:
        return json.dumps({"question": [], "synonyms": [], "present": []})
    # English is split into its words once: for the forms held, and for the vocabulary.
    text_words = WORD.findall(text.lower()) if lang == "en" else []
    holds = _holder(text, lang, text_words) if text else (lambda form: True)
    groups, present = [], []
    for group in (g[lang] for g in words.synonyms if lang in g):
        held = [group[0], *(form for form in group[1:] if holds(form))]
        groups.append(held + [form for form in group[1:] if form not in held])
        present.append(len(held))
    data = {"question": words.question[lang], "synonyms": groups, "present": present}
    if text_words:
        data["vocabulary"] = " ".join(sorted(set(text_words)))
    return json.dumps(
        data,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _holder(text: str, lang: str, words: list[str]):
    """Whether the text holds a form: as written (Chinese), or as a run of words
    (English, case and punctuation aside: 'well-groomed' is held by 'well groomed'),
    in `words`, the English text's words, lower-cased."""
    if lang == "zh":
        pairs = {text[at : at + 2] for at in range(len(text) - 1)}  # most forms are ruled out by these
        return lambda form: (len(form) < 2 or form[:2] in pairs) and form in text
    places: dict[str, list[int]] = {}
    for at, word in enumerate(words):
        places.setdefault(word, []).append(at)

    def holds(form: str) -> bool:
        run = WORD.findall(form.lower())
        return bool(run) and any(words[at : at + len(run)] == run for at in places.get(run[0], ()))

    return holds
