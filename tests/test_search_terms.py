"""Chinese search finds words inside compounds and keeps domain terms whole."""

from __future__ import annotations

from pathlib import Path

import jieba
import material
import pytest

from handbook.search_terms import add_keywords, add_terms, subwords
from handbook.search_worker import FIXES, WorkerChanged, patch_search_worker


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


def worker_site(tmp_path, code: str):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.abc.min.js").write_text(code, encoding="utf-8")
    return workers / "search.abc.min.js"


def test_the_search_worker_is_patched_to_look_up_the_last_word_of_a_chinese_query(tmp_path):
    installed = next(Path(material.__file__).parent.glob("templates/assets/javascripts/workers/search.*.min.js"))
    worker = worker_site(tmp_path, installed.read_text(encoding="utf-8"))
    patch_search_worker(tmp_path)
    code = worker.read_text(encoding="utf-8")
    assert all(fixed in code and broken not in code for broken, fixed in FIXES)
    patch_search_worker(tmp_path)            # a second build over the same site changes nothing
    assert worker.read_text(encoding="utf-8") == code


def test_a_changed_search_worker_stops_the_build_with_a_reason(tmp_path):
    worker_site(tmp_path, "function search(){}")
    with pytest.raises(WorkerChanged, match="segmenter changed"):
        patch_search_worker(tmp_path)
