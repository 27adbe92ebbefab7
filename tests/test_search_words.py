"""checklists/search.yml: what `scripts/hb check` reports about the search words,
each at its file and line; and what the words do for a question typed in everyday
words where the handbook uses written ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
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


def test_the_handbooks_english_word_must_be_a_whole_word_of_the_text(tmp_path):
    """The word 'jewel' is only part of 'Jewellery': search would not find the handbook's word. A word of
    several may run over a line break and spaces in the text, and case does not count."""
    texts = {"zh": TEXTS["zh"], "en": "Jewellery worn by employees\n  should be   simple_ones."}
    path = tmp_path / "search.yml"
    path.write_text(
        "question_words: {zh: [], en: []}\nsynonyms:\n  - en: [jewel, gem]\n  - en: [Employees Should, staff should]\n"
        "  - en: [simple, plain]\n",
        encoding="utf-8",
    )
    problems = Problems(tmp_path)
    check_search_words(read_search_words(path, problems), texts, problems)
    found = [str(problem) for problem in problems.errors]
    assert [p.split(": error: ")[1].split(" appears")[0] for p in found] == [
        "the handbook's word 'jewel'",
        "the handbook's word 'simple'",  # only in simple_ones
    ], found


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
    assert published(words, "zh") == '{"question":["吗"],"synonyms":[["饰品","首饰"]],"present":[2]}'
    assert published(words, "en") == '{"question":["how"],"synonyms":[["answer","pick up"]],"present":[2]}'


def test_the_forms_the_text_holds_are_published_first_and_counted(tmp_path):
    """The dialog asks the index only for forms some page holds (each asked word costs a
    download); every form still names its group when typed."""
    path = tmp_path / "search.yml"
    path.write_text(
        "question_words:\n  zh: [吗]\n  en: [how]\nsynonyms:\n"
        "  - zh: [饰品, 珠宝, 首饰]\n    en: [jewellery, name badge, earrings, well-groomed, jewelry]\n",
        encoding="utf-8",
    )
    words = read_search_words(path, Problems(tmp_path))
    zh = json.loads(published(words, "zh", "不佩戴夸张的饰品和首饰。"))
    assert zh["synonyms"] == [["饰品", "首饰", "珠宝"]] and zh["present"] == [2]
    en = json.loads(published(words, "en", "No Jewellery. Staff are well groomed; a name-badge is worn."))
    assert en["synonyms"] == [["jewellery", "name badge", "well-groomed", "earrings", "jewelry"]]
    assert en["present"] == [3]


def test_the_benchmark_query_sets_name_real_sections_and_keep_the_held_out_sets_apart():
    """Every query set loads, with as many queries of each kind as it was written with; every
    answer is a section of the handbook; each set is reported as its own (scripts/bench holds each
    to the budget); scripts/bench asks every set but the one written for the next round; and the
    sets tuned on are the tuned, development and training sets and the spent held-out sets."""
    from benchmark.search import ASKED, QUERY_SETS, TUNED_ON, answering_pages, load_queries

    files = [query_set.path for query_set in QUERY_SETS]
    queries = load_queries(*files, keep_shared=True)
    pages = answering_pages(ROOT / "checklists")
    unknown = [(q.text, a) for q in queries for a in q.answers if a not in pages]
    assert not unknown, unknown
    assert len([q for q in queries if not q.set]) == 160
    sets = {
        # set: (questions, keywords) per language
        "dev": (50, 20),
        "held-out": (30, 0),
        "new held-out": (24, 0),
        "third held-out": (40, 0),
        "fourth held-out": (50, 20),
        "fifth held-out": (50, 20),
        "sixth held-out": (50, 20),
        "seventh held-out": (50, 20),
        "eighth held-out": (50, 20),
        "ninth held-out": (50, 20),  # not yet run: loaded here, never asked of the search
    }
    for name, (questions, keywords) in sets.items():
        held_out = [q for q in queries if q.set == name]
        for lang in ("zh", "en"):
            kinds = [q.kind for q in held_out if q.lang == lang]
            expected = questions[lang] if isinstance(questions, dict) else questions
            assert (kinds.count("question"), kinds.count("keyword")) == (expected, keywords), (name, lang)
    assert set(TUNED_ON) == {
        "",
        "dev",
        "held-out",
        "new held-out",
        "third held-out",
        "fourth held-out",
        "fifth held-out",
        "sixth held-out",
        "seventh held-out",
    }
    assert [s.file for s in QUERY_SETS if s.path not in ASKED] == ["questions-heldout-9.yml"]


def test_every_section_that_has_text_lists_questions_staff_ask_in_both_languages(real_handbook):
    """Search finds a section by the questions its page lists (checklists/asked): a section added
    without them is found by its own words only (CONTRIBUTING, 7.9)."""
    for lang in ("zh", "en"):
        few = [
            s.id
            for s in real_handbook.sections()
            if s.published and sum(q.lang == lang for q in real_handbook.index.asked_by_section.get(s.id, ())) < 3
        ]
        assert not few, f"add {lang} questions staff ask for {few} to checklists/asked (three or more each)"


def _held_out_set():
    """The set the benchmark holds out this round (its file name is what load_queries knows it by)."""
    from benchmark.search import QUERY_SETS

    return next(query_set for query_set in QUERY_SETS if not query_set.tuned_on)


def test_no_query_the_benchmark_holds_out_is_a_question_a_page_lists(tmp_path):
    """A question a section's page lists is found by its own words: a held-out query that is one
    of them (written apart, word for word, or but for punctuation) measures nothing and is left
    out; a set tuned on keeps it."""
    from benchmark.search import load_queries

    held_out = _held_out_set()
    (tmp_path / "asked").mkdir()
    (tmp_path / "asked" / "000.yml").write_text(
        "zh:\n  - {q: 上班能戴首饰吗？, answers: [000-6.1]}\n  - {q: 可以染头发吗, answers: [000-6.1]}\n",
        encoding="utf-8",
    )
    held = tmp_path / held_out.file
    held.write_text(
        "zh:\n  question:\n    - {q: 上班能戴首饰吗, answers: [000-6.1]}\n    - {q: 工牌要戴在哪, answers: [000-6.1]}\n",
        encoding="utf-8",
    )
    tuned = tmp_path / "queries.yml"
    tuned.write_text("zh:\n  question:\n    - {q: 可以染头发吗, answers: [000-6.1]}\n", encoding="utf-8")
    measured = [(q.text, q.set) for q in load_queries(tuned, held, content=tmp_path)]
    assert measured == [("可以染头发吗", ""), ("工牌要戴在哪", held_out.name)]


def test_a_held_out_query_that_a_set_tuned_on_also_holds_is_left_out_of_the_held_out_set(tmp_path):
    """Writers working apart write some of the same queries (two wrote 岗前培训): such a query was
    tuned on, so it does not count as held out."""
    from benchmark.search import load_queries

    held_out = _held_out_set()
    tuned = tmp_path / "queries.yml"
    tuned.write_text("zh:\n  keyword:\n    - {q: 岗前培训, answers: [001-4.1]}\n", encoding="utf-8")
    held = tmp_path / held_out.file
    held.write_text(
        "zh:\n  keyword:\n    - {q: 岗前培训, answers: [001-4.1]}\n    - {q: 工牌, answers: [000-6.1]}\n",
        encoding="utf-8",
    )
    measured = [(q.text, q.set) for q in load_queries(tuned, held)]
    assert measured == [("岗前培训", ""), ("工牌", held_out.name)]
    kept = [(q.text, q.set) for q in load_queries(tuned, held, keep_shared=True)]
    assert ("岗前培训", held_out.name) in kept


# Everyday words staff type for what a section says in the handbook's written words,
# each with the section that answers (written from the manuals, both languages).
EVERYDAY = [
    ("zh", "礼物", "客户送的礼物能收吗", "000-6.4"),  # 不接受客户礼品
    ("zh", "无理", "客户提无理要求怎么办", "001-2.1"),  # 不合理要求
    ("zh", "道别", "跟客户道别说什么", "001-2.1"),  # 再见
    ("zh", "晕倒", "客户生病晕倒了怎么办", "000-5.1"),  # 突发疾病
    ("zh", "坐轮椅", "坐轮椅的客户怎么接待", "000-5.2"),  # 残障人士
    ("zh", "开除", "考试不及格会被开除吗", "001-5.3"),  # 辞退
    ("zh", "管哪些人", "这个制度管哪些人", "001-1.2"),  # 适用范围
    ("zh", "顾客就是上帝", "顾客就是上帝体现在哪", "001-1.3"),  # 客户至上
    ("zh", "白纸黑字", "订单状态要白纸黑字发给客户吗", "000-2.5"),  # 书面
    ("zh", "甩锅", "工作出错了能甩锅吗", "003-4.2.3"),  # 承担责任
    ("zh", "上报", "发现流程有问题怎么上报", "003-3.3"),  # 汇报
    ("zh", "本事", "客服要会哪些本事", "003-4.1.1"),  # 技能
    ("zh", "言外之意", "客户说话有言外之意怎么办", "003-2.2"),  # 隐性需求
    ("en", "ridiculous", "what if a customer makes a ridiculous demand", "001-2.1"),  # unreasonable
    ("en", "mobile", "can I use my mobile at work", "001-2.2"),  # playing on their phone
    ("en", "faints", "what if a customer faints", "000-5.1"),  # falling ill
    ("en", "retake", "can I retake the test", "001-4.3"),  # resit
    ("en", "told off", "will I be told off for getting complaints", "001-4.3"),  # criticised
    ("en", "inquiries", "who answers inquiries", "001-3.1"),  # enquiries: the American spelling
    ("zh", "花哨", "上班穿得花哨一点可以吗", "001-2.3"),  # 夸张
    ("zh", "黑客", "客户资料被黑客偷了怎么办", "000-5.5"),  # 信息安全
    ("zh", "留痕", "服务记录要留痕吗", "000-4.4"),  # 可追溯
    ("zh", "师傅", "维修师傅要多久上门", "001-3.3"),  # 维修人员
    ("zh", "记过", "考核不合格会被记过吗", "001-5.3"),  # 警告
    ("zh", "小费", "客户给小费能拿吗", "000-6.4"),  # 礼品
    ("zh", "冷冰冰", "对客户态度冷冰冰行不行", "000-6.3"),  # 冷漠
    ("zh", "拖后腿", "怎么找出服务里拖后腿的环节", "000-7.3"),  # 薄弱环节
    ("zh", "怼回去", "客户骂我能怼回去吗", "000-3.1"),  # 情绪
    ("zh", "留几年", "客户的个人信息要留几年", "000-5.4"),  # 存储期限
    ("zh", "三个月一次", "服务质量是不是三个月一次评估", "000-7.1"),  # 每季度
    ("zh", "卡在哪", "服务流程到底卡在哪", "003-3.2"),  # 瓶颈
    ("zh", "拜访", "要不要上门拜访客户", "003-2.1"),  # 走访
    ("zh", "没动力", "员工干活没动力怎么办", "003-7.3"),  # 积极性
    ("zh", "重演", "怎么避免同样的事故重演", "003-9.3"),  # 再次发生
    ("zh", "老是被投诉", "老是被投诉的人会怎么样", "001-4.3"),  # 投诉较多
    ("zh", "过时", "服务标准过时了要不要改", "002-1.8"),  # 更新
    ("zh", "披着头发", "女员工能披着头发上班吗", "001-2.3"),  # 束起
    ("zh", "比同行强", "怎样做服务才能比同行强", "002-1.1"),  # 竞争力
    ("en", "flashy", "can I wear flashy clothes to work", "000-6.1"),  # flamboyant
    ("en", "hackers", "what if hackers get into our system", "000-5.5"),  # security
    ("en", "final warning", "will I get a final warning if I fail the assessment", "001-5.3"),  # warning
    ("en", "technician", "how soon does the technician have to turn up for a repair", "001-3.3"),  # repair staff
    ("en", "under pressure", "how do I keep my cool under pressure", "000-1.1"),  # psychological
    ("en", "tipping", "is tipping allowed if a customer insists", "000-6.4"),  # gifts
    ("en", "weak spots", "where are the weak spots in how we serve customers", "000-7.3"),  # weak points
    ("en", "quarterly", "is service quality reviewed quarterly", "000-7.1"),  # quarter
    ("en", "double-booked", "what if two appointments are double-booked", "000-1.3"),  # clashing
    (
        "en",
        "tampering",
        "how do we stop anyone tampering with the information we send customers",
        "000-2.5",
    ),  # tampered
    ("en", "overheads", "how do we keep overheads down", "003-11.2"),  # indirect costs
    ("en", "appraised", "what will I be appraised on", "003-4.3.2"),  # assessment
    ("en", "morale", "how do we lift morale", "003-7.3"),  # enthusiasm
    ("en", "happening again", "how do we stop an incident happening again", "003-9.3"),  # occurring again
    ("en", "swap", "a customer wants to swap something on their order", "001-3.2"),  # change
    ("en", "out of date", "our service standards are out of date", "002-1.8"),  # updated
    ("en", "guys", "how long can guys wear their hair", "001-2.3"),  # men
    ("en", "core values", "what are our core values", "001-1.3"),  # basic principles
    ("zh", "提意见", "服务团队内部怎么互相提意见", "000-3.5"),  # 反馈
    ("zh", "哪一类", "客户的需求可以分成哪一类", "003-2.2"),  # 分类
    ("zh", "服务做好", "服务做好了对公司有什么好处", "003-1.2"),  # 服务质量
    ("en", "goes into", "what goes into our service standards", "002-1.10"),  # contain
    ("en", "raise the standard", "how do we raise the standard of our service staff", "003-4.3"),  # improve
    ("zh", "客户调查", "客户调查分哪几步", "003-8.3"),  # 满意度调查
    ("zh", "检查质量", "服务流程中哪些环节要检查质量", "000-3.4"),  # 检查点
    ("en", "what to expect", "tell the customer what to expect before the service", "000-1.3"),  # expectations
    ("zh", "客诉", "接到客诉以后先要记下哪些内容", "001-6.1"),  # 投诉
    ("zh", "调整", "服务标准要不要定期调整", "002-1.8"),  # 更新
    ("zh", "满不满意", "怎么调查客户满不满意", "003-8.3"),  # 满意度
    ("zh", "提高", "提高服务的措施怎么制定", "003-12.1"),  # 改进
    ("zh", "见客户前", "见客户前要准备哪些资料", "000-1.2"),  # 服务前
    ("en", "write it up", "once the job is done do I have to write it up", "000-4.4"),  # record
    ("en", "whose fault", "how do I decide whose fault a customer's problem is", "000-2.3"),  # lies with
    ("en", "audited", "is our service quality audited by anyone from outside", "000-7.2"),  # external supervision
    ("en", "two hours", "after a severe system failure do we update customers within two hours", "000-5.1"),  # 2 hours
    (
        "en",
        "who does what",
        "before the service do we agree with the customer who does what",
        "000-1.3",
    ),  # division of work
    ("en", "skip steps", "can I skip steps to serve customers quicker", "003-4.2.3"),  # strictly
    ("en", "too much stock", "we have too much stock, how do we cut the waste", "003-11.2"),  # stock backlogs
    ("en", "purchase history", "can purchase history show what customers need", "003-2.1"),  # purchasing behaviour
    ("en", "spread the word", "will customers spread the word if our service is good", "003-1.2"),  # reputation
    ("en", "fast learner", "do I need to be a fast learner for this job", "003-4.1.2"),  # learning ability
    ("en", "belongings", "is keeping customers' belongings safe our job", "003-7.2"),  # persons and property
    ("en", "dedicated person", "do we need a dedicated person for the service standards", "002-1.5"),  # dedicated staff
    ("en", "referrals", "how do service standards bring in more referrals", "002-1.11"),  # referral
    ("en", "marital status", "can I ask a customer about their marital status", "001-2.2"),  # privacy
    ("en", "sales pitch", "how should my sales pitch go for a new customer", "001-3.1"),  # product introduction
    ("zh", "反复出现", "怎么防止风险事件反复出现", "003-9.3"),  # 再次发生 (000: 重复发生)
    ("zh", "发现", "服务流程里发现问题要向谁汇报", "003-3.3"),  # 发觉 (003's word)
    ("zh", "用户", "用户打电话来投诉要记下哪些内容", "001-6.1"),  # 客户
    ("zh", "素养", "怎样提高服务人员的素养", "003-4.3"),  # 素质
    ("zh", "越做越好", "服务结束以后怎样才能越做越好", "000-4.5"),  # 持续改进
    ("zh", "出大事", "服务中出大事了先按什么原则来", "000-8.1"),  # 突发事件
    ("zh", "两个小时", "系统严重故障两个小时内要通报客户吗", "000-5.1"),  # 2小时
    ("zh", "戴明环", "戴明环在服务质量改进里怎么用", "000-7.3"),  # PDCA
    ("zh", "耐着性子", "客户有疑问要耐着性子解答吗", "003-4.2.1"),  # 耐心
    ("zh", "走捷径", "办业务能走捷径吗", "003-4.2.3"),  # 严格按照
    ("zh", "拉新", "服务好对拉新有帮助吗", "003-1.2"),  # 潜在客户
    ("zh", "购买记录", "怎么从客户的购买记录找出需求", "003-2.1"),  # 购买行为
    ("zh", "随身物品", "客户的随身物品丢了我们要负责吗", "003-7.2"),  # 人身和财产
    ("zh", "好点子", "员工的好点子公司会奖励吗", "003-10.3"),  # 创新
    ("zh", "专门安排一个人", "客服标准要不要专门安排一个人来管", "002-1.5"),  # 专人
    ("zh", "回头率", "怎么提高客户的回头率", "002-1.11"),  # 忠诚度
    ("zh", "婉拒", "客户的要求办不到，怎么婉拒", "001-2.1"),  # 委婉
    ("zh", "介绍朋友", "服务标准能让客户介绍朋友来吗", "002-1.11"),  # 推荐率
    ("zh", "凶巴巴", "客户凶巴巴的我该怎么应对", "000-3.1"),  # 情绪
    ("zh", "接待前", "接待前要检查哪些设备", "000-1.4"),  # 服务前
    ("zh", "齐全", "我们的服务项目够不够齐全", "003-7.1"),  # 完整性
    ("zh", "几段", "标准化的服务流程分成几段", "000-3.4"),  # 环节
    ("en", "get stuck", "where does our service process get stuck", "003-3.2"),  # bottlenecks
    ("en", "keep things from", "is it ever okay to keep things from a customer", "001-1.3"),  # conceal
    ("en", "what do i say", "what do I say to make a customer feel welcome", "000-2.1"),  # courteous language
    ("en", "really mean", "what does service quality really mean", "003-1.1"),  # definition
    ("en", "customer-centric", "are we supposed to be customer-centric", "001-1.3"),  # customer-first
    ("en", "after the visit", "what happens to the customer's problem after the visit", "000-4.2"),  # after service
]


def _holds(text: str, word: str, lang: str) -> bool:
    if lang == "zh":
        return word in text
    return (
        re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, word.lower().split())) + r"(?!\w)", text.lower()) is not None
    )


@pytest.fixture(scope="module")
def real_search_words():
    """checklists/search.yml, read once for the many everyday cases."""
    return read_search_words(ROOT / "checklists" / "search.yml", Problems(ROOT))


@pytest.mark.parametrize("lang, everyday, question, section_id", EVERYDAY)
def test_an_everyday_word_leads_to_the_word_its_section_is_written_in(
    real_handbook, real_search_words, lang, everyday, question, section_id
):
    """The everyday word is in a synonym group whose handbook word the answering section holds."""
    words = real_search_words
    section = next(s for s in real_handbook.sections() if s.id == section_id)
    text = "\n".join(t[lang] for t in section.texts())
    assert not _holds(text, everyday, lang), "pick a word the section does not use"
    group = next((g[lang] for g in words.synonyms if everyday in g.get(lang, [])), None)
    assert group, f"{everyday!r} is in no {lang} synonym group"
    assert _holds(text, group[0], lang), f"{section_id} does not hold {group[0]!r}"


# The dialog's own search (the built site, its Pagefind index and search-query.js).
_ASK = """async (q) => {
  const found = await window.HbSearch.query(q);
  return Promise.all(found.slice(0, 3).map(f => f.result.data().then(d => d.url)));
}"""


@pytest.fixture(scope="module")
def answers():
    from benchmark.search import answering_pages

    return answering_pages(ROOT / "checklists")


@pytest.mark.parametrize("lang, everyday, question, section_id", EVERYDAY)
def test_a_question_in_everyday_words_finds_the_section_in_the_top_three(
    page, base, answers, lang, everyday, question, section_id
):
    root = "en/" if lang == "en" else ""
    page.goto(base + root)
    urls = page.evaluate(_ASK, question)
    found = [url.split("?")[0].split("#")[0].removeprefix("/").removeprefix(root) for url in urls]
    assert set(found) & answers[section_id], (question, found)


@pytest.mark.parametrize(
    "lang, question, section_id",
    [
        # A group's form typed with a character added inside it (the list has 送我东西).
        ("zh", "客户硬要送我点东西能收吗", "000-6.4"),  # 不接受客户礼品
        # A group's form typed with its small words changed (the list has "end the call").
        ("en", "what do I say at the end of a call", "001-2.1"),  # the closing courtesy phrases
    ],
)
def test_a_form_typed_with_a_word_added_or_changed_still_finds_its_section(
    page, base, answers, lang, question, section_id
):
    root = "en/" if lang == "en" else ""
    page.goto(base + root)
    urls = page.evaluate(_ASK, question)
    found = [url.split("?")[0].split("#")[0].removeprefix("/").removeprefix(root) for url in urls]
    assert set(found) & answers[section_id], (question, found)


@pytest.mark.parametrize("lang, word", [("zh", "饰品"), ("en", "jewellery")])
def test_a_rules_own_word_finds_the_pages_that_state_it_before_the_checklist_that_lists_it(page, base, lang, word):
    """The appearance checklist repeats the jewellery rules word for word; the section and
    topic that state them come first (the checklist is weighted down in the index)."""
    root = "en/" if lang == "en" else ""
    page.goto(base + root)
    urls = page.evaluate(_ASK.replace("slice(0, 3)", "slice(0, 10)"), word)
    found = [url.split("?")[0].split("#")[0].removeprefix("/").removeprefix(root) for url in urls]
    assert found[0].startswith(("manuals/", "topics/")), found
    assert "checklists/appearance-check/" in found, found  # still found, by its rules


@pytest.mark.parametrize(
    "lang, question, boilerplate",
    [
        ("zh", "客户要求退款怎么办", "每条都有固定编号"),
        ("en", "what are the requirements for complaints", "Each has a fixed id"),
    ],
)
def test_excerpts_show_what_a_section_says_not_the_words_every_section_repeats(page, base, lang, question, boilerplate):
    """The intro above every section's rules (and above its sources) is not indexed: a
    question holding 要求 / requirements shows the section's rule, not that sentence."""
    page.goto(base + ("en/" if lang == "en" else ""))
    excerpts = page.evaluate(
        """async (q) => {
             const found = await window.HbSearch.query(q);
             const data = await Promise.all(found.slice(0, 3).map(f => f.shown().then(r => r.data())));
             return data.map(d => [d.excerpt].concat(d.sub_results.map(s => s.excerpt)).join(" "));
           }""",
        question,
    )
    assert len(excerpts) == 3 and not [e for e in excerpts if boilerplate in e], excerpts


@pytest.mark.parametrize(
    "lang, question, kept",
    [
        ("zh", "客户提无理要求咋办", ["客户", "提", "无理", "要求"]),
        ("zh", "上班允不允许玩手机呢", ["上班", "玩手机"]),
        ("en", "am I permitted to wear earrings", ["wear", "earrings"]),
        ("en", "what kind of clothes shouldn't I wear", ["clothes", "wear"]),
        # Words that carry no topic of their own: 具体, 到什么程度, 让, 觉得, 很; take, mean.
        ("zh", "礼仪培训具体要学到什么程度", ["礼仪培训", "学"]),
        ("zh", "怎么让客户觉得服务很专业", ["客户", "服务", "专业"]),
        ("en", "can I take a gift from a customer", ["gift", "customer"]),
        ("en", "what does first contact resolution mean", ["first contact resolution"]),
    ],
)
def test_everyday_question_forms_are_dropped_and_the_content_words_kept(page, base, lang, question, kept):
    page.goto(base + ("en/" if lang == "en" else ""))
    terms = page.evaluate(
        """async ([q, lang]) => {
             const words = await (await fetch("assets/search-words.json")).json();
             return window.HbSearchQuery.prepare(q, lang, words).map(t => t.typed);
           }""",
        [question, lang],
    )
    assert terms == kept
