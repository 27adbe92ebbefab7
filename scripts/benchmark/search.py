"""Search quality: the query sets in tests/search/ (QUERY_SETS: those the word
lists and the ranking were tuned on, and the one held out from tuning), asked
of the site's search and of Material's built-in search, side by side in one run.

The site's search is asked through its real front end in headless Chromium:
HbSearch.query, the function the search dialog renders from (question words
dropped, synonyms, pages ranked by their best passage, Pagefind in the browser).
Material's search is asked by typing each query into Material's own dialog on
a variant of the same site built with Material's search plugin and templates
(its lunr index and ranking, with jieba for Chinese as Material uses it).

A query is answered in the top 3 when one of its first three result pages is
one of its answer sections' pages, or a topic page that gathers one of them.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook import load_handbook
from handbook.asked import question_key, read_asked
from handbook.generate.paths import page_url, section_path, topic_path
from handbook.handwritten import DOCS
from handbook.loader import CONTENT
from handbook.problems import Problems

from .builds import ROOT, Run, timed

SEARCH_SETS = ROOT / "tests" / "search"


@dataclass(frozen=True)
class QuerySet:
    """One query file, as the report names it, and whether the word lists or the ranking were
    tuned on it. Each is written by someone who had seen no search output for it; a held-out set
    is spent once its misses are read (words found on them go into the lists), and is tuned on
    from then on. A set written for the next round is not asked until that round asks it first."""

    file: str
    name: str  # "" for the tuned set
    tuned_on: bool
    asked: bool = True  # asked by scripts/bench unless --queries says otherwise

    @property
    def path(self) -> Path:
        return SEARCH_SETS / self.file


QUERY_SETS = (
    QuerySet("queries.yml", "", tuned_on=True),
    # Issue 17's fourth round: written by someone who had seen neither the word lists nor the search.
    QuerySet("questions-dev.yml", "dev", tuned_on=True),
    # The training sets of issue 17's fifth and sixth rounds (questions for every section, written
    # before their writers read the word lists) became content in its seventh: the questions each
    # section's page lists, which search finds it by (checklists/asked). A query of a held-out set
    # that a page lists is not held out (load_queries).
    # Held out when written, committed before their first run; spent in rounds two to four.
    QuerySet("questions-heldout.yml", "held-out", tuned_on=True),
    QuerySet("questions-heldout-2.yml", "new held-out", tuned_on=True),
    QuerySet("questions-heldout-3.yml", "third held-out", tuned_on=True),
    QuerySet("questions-heldout-4.yml", "fourth held-out", tuned_on=True),
    # Written in the fourth round by someone who had seen neither the word lists nor the search;
    # held out in the fifth (asked first, before anything was changed); spent at its end.
    QuerySet("questions-heldout-5.yml", "fifth held-out", tuned_on=True),
    # Written in the fifth round for the sixth by someone who had seen neither; held out in the
    # sixth (asked first, before anything was changed); spent at its end.
    QuerySet("questions-heldout-6.yml", "sixth held-out", tuned_on=True),
    # Written in the sixth round for the seventh by someone who had seen neither; held out in the
    # seventh (asked first, before anything was changed); spent at its end.
    QuerySet("questions-heldout-7.yml", "seventh held-out", tuned_on=True),
    # Written in the seventh round for the eighth by someone who had seen neither the word lists nor
    # the pages' questions; first asked at the start of the eighth, before anything was changed;
    # never tuned on.
    QuerySet("questions-heldout-8.yml", "eighth held-out", tuned_on=False),
    # Written in the eighth round for the ninth by someone who had seen neither the word lists nor
    # the pages' questions: not asked until that round asks it first (--queries).
    QuerySet("questions-heldout-9.yml", "ninth held-out", tuned_on=False, asked=False),
)
QUERIES = QUERY_SETS[0].path
# What scripts/bench asks by default: every set but the one written for the next round.
ASKED = tuple(query_set.path for query_set in QUERY_SETS if query_set.asked)
TUNED_ON = tuple(query_set.name for query_set in QUERY_SETS if query_set.tuned_on)
LANGS = ("zh", "en")
KINDS = ("keyword", "question")
ENGINES = ("Pagefind + question handling", "Material (lunr)")
RANKED = 10  # results read per query, for the reciprocal rank
# Material's templates that the site replaces for its own search.
OVERRIDDEN_FOR_SEARCH = ("partials/header.html", "partials/search.html")


@dataclass
class Query:
    text: str
    lang: str
    kind: str
    answers: list[str]
    set: str = ""  # "" for the tuned set (queries.yml); otherwise the held-out file's name

    @property
    def label(self) -> str:
        """The kind, with the set when it is not the tuned one: "question", "question (held-out)"."""
        return f"{self.kind} ({self.set})" if self.set else self.kind


@dataclass
class Asked:
    query: Query
    ranked: list[str]  # result pages, as paths below the language's root
    rank: int | None  # 1-based rank of the first answering page, within RANKED

    @property
    def top3(self) -> bool:
        return self.rank is not None and self.rank <= 3


@dataclass
class Quality:
    asked: dict[str, list[Asked]] = field(default_factory=dict)  # engine →

    def cell(self, engine: str, lang: str, kind: str, set: str = "") -> list[Asked]:
        return [
            a
            for a in self.asked.get(engine, [])
            if a.query.lang == lang and a.query.kind == kind and a.query.set == set
        ]

    def sets(self) -> list[str]:
        """The query sets asked, the tuned one ("") first, the others in the order they were given."""
        seen = dict.fromkeys(a.query.set for asked in self.asked.values() for a in asked)
        return sorted(seen, key=lambda name: name != "")


def top3_share(asked: list[Asked]) -> float:
    return sum(a.top3 for a in asked) / len(asked) if asked else 0.0


def mrr(asked: list[Asked]) -> float:
    return sum(1 / a.rank for a in asked if a.rank) / len(asked) if asked else 0.0


def zero_results(asked: list[Asked]) -> list[Asked]:
    return [a for a in asked if not a.ranked]


def set_name(path: Path) -> str:
    """The name the report gives the set a query file holds ("" for the tuned queries.yml); a file
    not in QUERY_SETS is named by its stem."""
    return next((query_set.name for query_set in QUERY_SETS if query_set.path.name == path.name), path.stem)


def load_queries(*paths: Path, keep_shared: bool = False, content: Path = CONTENT) -> list[Query]:
    """Each file's queries, per language and kind (a file may hold only some kinds). A query of a
    held-out set that a set tuned on also holds (writers working apart both wrote 岗前培训), or
    that a section's page lists among the questions it answers (`content`/asked), is left out of
    the held-out set, unless `keep_shared`: search has seen it, so it is not held out."""
    queries = []
    for path in paths or (QUERIES,):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        queries += [
            Query(str(item["q"]), lang, kind, [str(a) for a in item["answers"]], set_name(path))
            for lang in LANGS
            for kind in KINDS
            for item in (data.get(lang) or {}).get(kind) or []
        ]
    if keep_shared:
        return queries
    listed = listed_on_pages(content)
    return [
        q
        for q in queries
        if not shared_with_tuned(q, queries) and (q.set in TUNED_ON or (q.lang, question_key(q.text)) not in listed)
    ]


def listed_on_pages(content: Path) -> set[tuple[str, str]]:
    """The questions the sections' pages list (checklists/asked), as compared for repeats."""
    return {(q.lang, question_key(q.text)) for q in read_asked(content / "asked", Problems(ROOT))}


def shared_with_tuned(query: Query, queries: list[Query]) -> bool:
    """Whether `query`, of a held-out set, is also a query of a set the search was tuned on."""
    key = (query.lang, query.text.strip().lower())
    return query.set not in TUNED_ON and any(
        q.set in TUNED_ON and (q.lang, q.text.strip().lower()) == key for q in queries
    )


def answering_pages(content: Path) -> dict[str, set[str]]:
    """Each section id → the pages that answer with it: its own, and the topic pages gathering it."""
    handbook, _ = load_handbook(content, strict=False)
    pages = {section.id: {page_url(section_path(section))} for section in handbook.sections()}
    for topic in handbook.topics:
        for section_id in topic.sections:
            pages.setdefault(section_id, set()).add(page_url(topic_path(topic)))
    return pages


def judge(query: Query, ranked: list[str], pages: dict[str, set[str]]) -> Asked:
    wanted = set().union(*(pages.get(answer, set()) for answer in query.answers))
    rank = next((i + 1 for i, path in enumerate(ranked[:RANKED]) if path in wanted), None)
    return Asked(query, ranked, rank)


def _path(url: str, root: str) -> str:
    path = url.split("#", 1)[0].split("?", 1)[0]
    path = path.split("://", 1)[-1]
    path = "/" + path.split("/", 1)[1] if "/" in path else "/"
    return path[len(root) :] if path.startswith(root) else path.lstrip("/")


# --- the site's search, through its front end ----------------------------------------------

_ASK_SITE = """async ([query, limit]) => {
  const found = await window.HbSearch.query(query);
  const data = await Promise.all(found.slice(0, limit).map(f => f.result.data()));
  return data.map(d => d.url);
}"""


def ask_site(browser, base: str, queries: list[Query], pages: dict[str, set[str]]) -> list[Asked]:
    asked = []
    for lang in LANGS:
        root = "/en/" if lang == "en" else "/"
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + root.lstrip("/"), wait_until="networkidle")
        for query in (q for q in queries if q.lang == lang):
            urls = page.evaluate(_ASK_SITE, [query.text, RANKED])
            asked.append(judge(query, [_path(u, root) for u in urls], pages))
        context.close()
    return asked


# --- Material's built-in search, on a variant of the site ---------------------------------


def build_material_variant(work: Path, content: Path | None, site_url: str) -> tuple[Path, Run]:
    """The same site built with Material's search plugin and its own header and
    search templates: what the handbook's search was before Pagefind."""
    work = work.resolve()
    overrides = work / "material-overrides"
    if overrides.exists():
        shutil.rmtree(overrides)
    shutil.copytree(DOCS / "overrides", overrides)
    for name in OVERRIDDEN_FOR_SEARCH:
        (overrides / name).unlink()
    configs = {}
    for lang, inherited in (("zh", ROOT / "mkdocs.yml"), ("en", ROOT / "mkdocs.en.yml")):
        config = {
            "INHERIT": str(inherited),
            "docs_dir": str(DOCS / lang),
            "watch": [],
            "theme": {"custom_dir": str(overrides)},
            "plugins": [
                {"handbook": {"language": lang, "content": str(content or ROOT / "checklists")}},
                {"search": {"lang": lang}},
            ],
        }
        configs[lang] = work / f"material-search.{lang}.yml"
        configs[lang].write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = work / "material-site"
    env = dict(
        os.environ,
        HANDBOOK_SITE_URL=site_url,
        PYTHONPATH=os.pathsep.join([str(ROOT / "scripts"), os.environ.get("PYTHONPATH", "")]),
    )
    if content:
        env["HANDBOOK_CONTENT"] = str(content)
    run = timed(
        [
            sys.executable,
            "-m",
            "handbook_site.build",
            str(configs["zh"]),
            str(out),
            str(configs["en"]),
            str(out / "en"),
        ],
        env,
    )
    return out, run


_MATERIAL_RESULTS = """() => Array.from(document.querySelectorAll('.md-search-result__item'))
  .map(item => item.querySelector('a.md-search-result__link').getAttribute('href'))"""


def ask_material(browser, base: str, queries: list[Query], pages: dict[str, set[str]]) -> list[Asked]:
    asked = []
    for lang in LANGS:
        root = "/en/" if lang == "en" else "/"
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(base + root.lstrip("/"), wait_until="networkidle")
        box = page.locator("input.md-search__input")
        box.click()
        meta = page.locator(".md-search-result__meta")
        placeholder = None
        for query in (q for q in queries if q.lang == lang):
            box.fill("")
            box.press("End")
            page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=10_000)
            placeholder = placeholder or meta.inner_text()
            box.fill(query.text)
            box.press("End")
            page.wait_for_function(
                "p => document.querySelector('.md-search-result__meta').innerText !== p",
                arg=placeholder,
                timeout=15_000,
            )
            page.wait_for_timeout(150)  # Material renders results in batches
            hrefs = page.evaluate(_MATERIAL_RESULTS)
            urls = [page.evaluate("h => new URL(h, location.href).href", h) for h in hrefs[:RANKED]]
            asked.append(judge(query, [_path(u, root) for u in urls], pages))
        context.close()
    return asked
