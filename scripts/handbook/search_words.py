"""The search words (checklists/search.yml): the question words and particles
search drops from a query, and the groups of words it treats as the same, per
language. Read and checked with the rest of the content; published to each
language's site as assets/search-words.json (handbook_site.search_words), which the search dialog fetches
when it is first opened (docs/assets/js/search-query.js uses it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problems
from .reading import read_checked
from .yamlsource import YamlDoc, load_yaml

LANGS = ("zh", "en")


@dataclass
class SearchWords:
    doc: YamlDoc
    question: dict[str, list[str]] = field(default_factory=dict)  # lang → words
    synonyms: list[dict[str, list[str]]] = field(default_factory=list)  # group: lang → forms

    def line(self, *where) -> int:
        return self.doc.line(where)


def read_search_words(path: Path, problems: Problems) -> SearchWords | None:
    """The search words, or None when the content has none (search then drops nothing)."""
    if not path.exists():
        return None
    doc = load_yaml(path, problems)
    if doc is None or read_checked(doc, "search", problems):
        return None
    data = doc.data
    return SearchWords(
        doc=doc,
        question={lang: list(data["question_words"][lang]) for lang in LANGS},
        synonyms=[{lang: list(group[lang]) for lang in LANGS if lang in group} for group in data["synonyms"]],
    )


def _key(word: str) -> str:
    return " ".join(word.lower().split())


def check_search_words(words: SearchWords | None, texts: dict[str, str], problems: Problems) -> None:
    """Problems a schema cannot see: blank or repeated words, a word that is both
    dropped and a synonym, and a handbook word that is in none of the handbook's
    text (`texts`: all of each language's text, joined)."""
    if words is None:
        return
    path = words.doc.path
    # English lowered and its spaces made single once: each handbook word is then a plain find.
    texts = {lang: text if lang == "zh" else " ".join(text.lower().split()) for lang, text in texts.items()}
    for lang in LANGS:
        seen: dict[str, int] = {}
        for i, word in enumerate(words.question[lang]):
            line = words.line("question_words", lang, i)
            if not word.strip():
                problems.add(path, line, f"empty {lang} question word", "remove it or write the word")
            elif _key(word) in seen:
                problems.add(
                    path,
                    line,
                    f"question word '{word}' is listed twice in {lang}",
                    f"already at line {seen[_key(word)]}; remove one",
                )
            else:
                seen[_key(word)] = line
        dropped = seen
        forms: dict[str, int] = {}
        for g, group in enumerate(words.synonyms):
            for i, form in enumerate(group.get(lang, [])):
                line = words.line("synonyms", g, lang, i)
                key = _key(form)
                if not key:
                    problems.add(path, line, f"empty {lang} synonym", "remove it or write the word")
                    continue
                if key in forms:
                    problems.add(
                        path,
                        line,
                        f"'{form}' is in more than one {lang} synonym group (or twice in one)",
                        f"already at line {forms[key]}; a word belongs to one group",
                    )
                else:
                    forms[key] = line
                if key in dropped:
                    problems.add(
                        path,
                        line,
                        f"'{form}' is both a {lang} synonym and a question word (line "
                        f"{dropped[key]}), so search would drop it",
                        "remove it from one of the lists",
                    )
                if i == 0 and not _occurs(form, texts.get(lang, ""), lang):
                    problems.add(
                        path,
                        line,
                        f"the handbook's word '{form}' appears nowhere in the {lang} text",
                        "put first the word the handbook uses; everyday words follow it",
                    )


def _occurs(word: str, text: str, lang: str) -> bool:
    """Whether `word` is in `text` as a word (English `text` is already in lower case, with
    single spaces): a plain find, then a look at the characters either side, because a regular
    expression over the whole handbook for each of some 450 words took a second per load."""
    if lang == "zh":
        return word in text
    phrase = " ".join(word.lower().split())
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if not (at and _in_word(text[at - 1])) and not (end < len(text) and _in_word(text[end])):
            return True
        at = text.find(phrase, at + 1)
    return False


def _in_word(char: str) -> bool:
    """What a regular expression's \\w matches."""
    return char.isalnum() or char == "_"
