"""checklists/search.yml: what `scripts/hb check` reports about the search words,
each at its file and line."""

from __future__ import annotations

from pathlib import Path

from handbook_site.search_words import published

from conftest import ROOT
from handbook.problems import Problems
from handbook.search_words import check_search_words, read_search_words

TEXTS = {"zh": "员工佩戴的饰品应简洁大方。电话铃响三声内接听。", "en": "Jewellery worn by employees should be simple."}


def problems_in(tmp_path: Path, yaml_text: str) -> list[str]:
    path = tmp_path / "search.yml"
    path.write_text(yaml_text, encoding="utf-8")
    problems = Problems(tmp_path)
    words = read_search_words(path, problems)
    check_search_words(words, TEXTS, problems)
    return [str(problem) for problem in problems.errors]


def test_the_real_search_words_have_no_problem():
    problems = Problems(ROOT)
    words = read_search_words(ROOT / "checklists" / "search.yml", problems)
    from handbook import load_handbook

    handbook, _ = load_handbook()
    texts = handbook.texts()
    check_search_words(words, {"zh": "\n".join(t.zh for t in texts), "en": "\n".join(t.en for t in texts)}, problems)
    assert problems.errors == [] and len(words.synonyms) >= 20
    assert {"吗", "怎么办"} <= set(words.question["zh"]) and {"how", "what"} <= set(words.question["en"])


def test_a_good_file_has_no_problem(tmp_path):
    assert (
        problems_in(
            tmp_path,
            "question_words:\n  zh: [吗]\n  en: [how]\nsynonyms:\n  - zh: [饰品, 首饰]\n    en: [jewellery, jewelry]\n",
        )
        == []
    )


def test_a_word_listed_twice_is_named_at_its_line(tmp_path):
    found = problems_in(tmp_path, "question_words:\n  zh:\n    - 吗\n    - 吗\n  en: [how, How]\nsynonyms: []\n")
    assert any(p.startswith("search.yml:4: error: question word '吗' is listed twice in zh") for p in found), found
    assert any(p.startswith("search.yml:5: error: question word 'How' is listed twice in en") for p in found), found


def test_a_word_in_two_synonym_groups_is_an_error(tmp_path):
    found = problems_in(
        tmp_path, "question_words: {zh: [], en: []}\nsynonyms:\n  - zh: [饰品, 首饰]\n  - zh: [接听, 首饰]\n"
    )
    assert any(p.startswith("search.yml:4: error: '首饰' is in more than one zh synonym group") for p in found), found


def test_a_synonym_that_is_also_a_question_word_is_an_error(tmp_path):
    found = problems_in(tmp_path, "question_words: {zh: [首饰], en: []}\nsynonyms:\n  - zh: [饰品, 首饰]\n")
    assert any("'首饰' is both a zh synonym and a question word" in p for p in found), found


def test_the_handbooks_word_must_be_in_the_handbook(tmp_path):
    found = problems_in(
        tmp_path, "question_words: {zh: [], en: []}\nsynonyms:\n  - zh: [首饰, 饰品]\n    en: [jewelry, jewellery]\n"
    )
    assert any(
        p.startswith("search.yml:3: error: the handbook's word '首饰' appears nowhere in the zh text") for p in found
    ), found
    assert any(
        p.startswith("search.yml:4: error: the handbook's word 'jewelry' appears nowhere in the en text") for p in found
    ), found


def test_blank_words_and_a_group_of_one_are_errors(tmp_path):
    found = problems_in(tmp_path, "question_words: {zh: ['  '], en: []}\nsynonyms:\n  - zh: [饰品, ' ']\n")
    assert any(p.startswith("search.yml:1: error: empty zh question word") for p in found), found
    assert any(p.startswith("search.yml:3: error: empty zh synonym") for p in found), found
    found = problems_in(tmp_path, "question_words: {zh: [], en: []}\nsynonyms:\n  - zh: [饰品]\n")
    assert any(p.startswith("search.yml:3: error:") and "needs at least 2" in p for p in found), found


def test_each_language_publishes_only_its_own_words(tmp_path):
    path = tmp_path / "search.yml"
    path.write_text(
        "question_words:\n  zh: [吗]\n  en: [how]\nsynonyms:\n  - zh: [饰品, 首饰]\n  - en: [answer, pick up]\n",
        encoding="utf-8",
    )
    words = read_search_words(path, Problems(tmp_path))
    assert published(words, "zh") == '{"question":["吗"],"synonyms":[["饰品","首饰"]]}'
    assert published(words, "en") == '{"question":["how"],"synonyms":[["answer","pick up"]]}'


def test_the_benchmark_query_sets_name_real_sections_and_keep_the_held_out_sets_apart():
    """Every query set loads; every answer is a section of the handbook; each held-out set is
    reported as its own set (scripts/bench holds each to the budget), and none of its questions
    is one of the tuned set's. (Two of the third set's were also written, word for word, by the
    second set's writer: held-out sets may share a question, never with the tuned set.)"""
    from benchmark.search import HELDOUT, HELDOUT_2, HELDOUT_3, QUERIES, answering_pages, load_queries

    queries = load_queries(QUERIES, HELDOUT, HELDOUT_2, HELDOUT_3)
    pages = answering_pages(ROOT / "checklists")
    unknown = [(q.text, a) for q in queries for a in q.answers if a not in pages]
    assert not unknown, unknown
    tuned = {q.text for q in queries if not q.set}
    assert len([q for q in queries if not q.set]) == 160
    for name, per_language in (("held-out", 30), ("new held-out", 24), ("third held-out", 40)):
        held_out = [q for q in queries if q.set == name]
        assert [q.lang for q in held_out].count("zh") == per_language, name
        assert [q.lang for q in held_out].count("en") == per_language, name
        assert {q.label for q in held_out} == {f"question ({name})"}
        assert not {q.text for q in held_out} & tuned, name
