"""Make Chinese search find words inside compounds.

Material segments Chinese with jieba's accurate mode, so 客户服务 is indexed as
one token and a search for 服务 or 胡须 (inside 留胡须) finds nothing. We add a
`keywords` field to each search document holding the sub-words that jieba's
search mode yields and the accurate mode does not; the field is indexed but
never shown, so result snippets stay the page's own text.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)

HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
TAG = re.compile(r"<[^>]+>")
KEYWORDS_FIELD = "keywords"


def add_terms(terms: list[str]) -> None:
    """Keep domain terms whole when segmenting (首次解决率, 工号牌)."""
    for term in terms:
        jieba.add_word(term, freq=max(jieba.get_FREQ(term) or 0, 20000))
    _run_subwords.cache_clear()


def subwords(text: str) -> list[str]:
    """Words inside the text's compounds that the accurate mode hides."""
    plain = TAG.sub(" ", text).replace("\u200b", "")
    found: dict[str, None] = {}
    for run in HAN_RUN.findall(plain):
        found.update(dict.fromkeys(_run_subwords(run)))
    return list(found)


@lru_cache(maxsize=65536)
def _run_subwords(run: str) -> tuple[str, ...]:
    """What jieba's search mode adds to its accurate mode for one run of Han
    characters: the dictionary words of two and three characters inside each
    longer word (as jieba.cut_for_search finds them), less the run's own words.
    One segmentation instead of two, and repeated runs only once."""
    words = jieba.lcut(run)
    whole = set(words)
    found: dict[str, None] = {}
    for word in words:
        for size in (2, 3):
            if len(word) > size:
                for start in range(len(word) - size + 1):
                    gram = word[start:start + size]
                    if gram not in whole and jieba.get_FREQ(gram):
                        found[gram] = None
    return tuple(found)


def add_keywords(index: dict) -> dict:
    """Add the `keywords` field to every document of a Material search index."""
    for doc in index.get("docs", []):
        words = subwords(doc.get("title", "") + " " + doc.get("text", ""))
        if words:
            doc[KEYWORDS_FIELD] = " ".join(words)
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields.setdefault(KEYWORDS_FIELD, {"boost": 1.0})
    return index
