"""Chinese search finds words inside compounds and keeps domain terms whole."""

from __future__ import annotations

import jieba

from handbook.search_terms import add_keywords, add_terms, subwords


def test_words_inside_compounds_become_keywords():
    assert "胡须" in subwords("男员工不得留胡须")
    assert {"客户", "服务"} <= set(subwords("客户服务"))
    assert "保护法" in subwords("根据《消费者权益保护法》")


def test_markup_and_separators_do_not_leak_into_keywords():
    words = subwords('<p class="x">客户\u200b服务</p>')
    assert all("<" not in w and "\u200b" not in w for w in words)


def test_glossary_terms_stay_whole():
    add_terms(["首次解决率", "服务监督小组"])
    assert "首次解决率" in jieba.lcut("提高首次解决率")
    assert "服务监督小组" in jieba.lcut("由服务监督小组检查")


def test_index_gets_a_hidden_keywords_field():
    index = {"config": {"lang": ["zh"], "fields": {"title": {"boost": 1000}}},
             "docs": [{"location": "a/", "title": "着装", "text": "男员工不得留胡须"},
                      {"location": "b/", "title": "Intro", "text": "English only"}]}
    result = add_keywords(index)
    assert "胡须" in result["docs"][0]["keywords"].split()
    assert "keywords" not in result["docs"][1]
    assert result["config"]["fields"]["keywords"] == {"boost": 1.0}
    assert result["config"]["fields"]["title"] == {"boost": 1000}
