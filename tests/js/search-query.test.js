// Unit tests of the search query handling: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Q = require("../../docs/assets/js/search-query.js");

// A small slice of checklists/search.yml's shape (the real lists are content, checked by hb check).
const ZH = {
  question: ["怎么办", "怎么", "什么", "可以", "应该", "哪里", "吗", "能", "要", "的"],
  synonyms: [["饰品", "首饰", "珠宝"], ["接听", "接电话"], ["工号牌", "工牌"], ["补偿", "赔偿", "退款"]],
};
const EN = {
  question: ["can", "i", "at", "what", "do", "when", "the", "how", "how long", "a", "to", "have"],
  synonyms: [["jewellery", "jewelry", "earrings"], ["answer", "pick up"], ["badge", "name badge"]],
};

function typed(terms) { return terms.map((t) => t.typed); }

test("Chinese: question words and particles are dropped, the rest segmented", () => {
  const terms = Q.prepare("上班能戴首饰吗", "zh", ZH);
  assert.deepEqual(typed(terms), ["上班", "戴", "首饰"]);
});

test("Chinese: a multi-character question word is cut out wherever it is, a one-character one only as a word", () => {
  assert.deepEqual(typed(Q.prepare("客户要求退款怎么办", "zh", ZH)), ["客户", "要求", "退款"]);
  // 要 inside 要求 stays; 要 on its own goes.
  assert.ok(typed(Q.prepare("投诉多久要回复", "zh", ZH)).every((w) => w !== "要"));
});

test("Chinese: an everyday word brings the handbook's word, first, and the reverse", () => {
  const [term] = Q.prepare("首饰", "zh", ZH);
  assert.deepEqual(Array.from(term), ["饰品", "首饰", "珠宝"]);
  assert.equal(term.typed, "首饰");
  const [written] = Q.prepare("饰品", "zh", ZH);
  assert.deepEqual(Array.from(written), ["饰品", "首饰", "珠宝"]);
});

test("Chinese: a synonym the segmenter would split is kept whole", () => {
  // Intl.Segmenter splits 工牌 into 工 + 牌 and 接电话 into 接 + 电话.
  assert.deepEqual(typed(Q.prepare("工牌应该戴在哪里", "zh", ZH))[0], "工牌");
  assert.deepEqual(typed(Q.prepare("接电话时", "zh", ZH))[0], "接电话");
});

test("English: question words dropped, several-word entries matched word by word, possessives trimmed", () => {
  assert.deepEqual(typed(Q.prepare("Can I wear jewellery at work?", "en", EN)), ["wear", "jewellery", "work"]);
  assert.deepEqual(typed(Q.prepare("what do I say when I pick up the phone", "en", EN)), ["say", "pick up", "phone"]);
  assert.deepEqual(typed(Q.prepare("how long have I to reply", "en", EN)), ["reply"]);
  assert.deepEqual(typed(Q.prepare("the customer’s badge", "en", EN)), ["customer", "badge"]);
  const [, badge] = Q.prepare("a name badge", "en", EN);
  assert.equal(badge, undefined);          // "name badge" is one term, not two
});

test("Chinese: a form typed with a character added inside it still brings its group; a negation never", () => {
  const words = {
    question: ["能", "吗"],
    synonyms: [["礼品", "送我东西"], ["定期", "多久一次"], ["满意", "客户满意"], ["饰品", "首饰"]],
  };
  const [, gift, kept] = Q.prepare("客户送我点东西能收吗", "zh", words);
  assert.equal(gift.typed, "送我点东西");
  assert.equal(gift[0], "礼品");
  assert.ok(gift.absent);                       // asked only as written; its group brings 礼品
  assert.equal(kept.typed, "点");              // the added character is a word of its own
  // 多久评一次: the group of 定期, and 评, which says what is done so often.
  assert.deepEqual(typed(Q.prepare("多久评一次", "zh", words)), ["多久评一次", "评"]);
  // 客户不满意 is not 客户满意.
  assert.ok(!Q.prepare("客户不满意", "zh", words).some((term) => term[0] === "满意" && term.typed !== "满意"));
  // A two-character form is never matched with a character inside (首x饰 is not 首饰).
  assert.ok(!Q.prepare("首先装饰", "zh", words).some((term) => term[0] === "饰品"));
});

test("English: a form typed with small words added, dropped or changed inside it still brings its group", () => {
  const words = {
    question: ["what", "do", "i", "say", "at", "the", "a", "of", "when", "are", "we", "allowed", "to", "things", "from"],
    synonyms: [["goodbye", "end the call"], ["arrive", "walk in"], ["retention", "keep customers"], ["privacy", "customer data"]],
  };
  const [end] = Q.prepare("at the end of a call", "en", words);
  assert.equal(end.typed, "end of a call");
  assert.equal(end[0], "goodbye");
  assert.ok(end.absent);
  assert.equal(Q.prepare("when a customer walks in", "en", words).find((t) => t[0] === "arrive").typed, "walks in");
  // Only small words (the, a, of, our …) may come between: keep things from customers is not keep customers.
  assert.ok(!Q.prepare("are we allowed to keep things from customers", "en", words).some((t) => t[0] === "retention"));
  // A form as written is taken first: keep customer data is customer data, not keep customer(s).
  assert.deepEqual(typed(Q.prepare("keep customer data safe", "en", words)), ["keep", "customer data", "safe"]);
});

test("a query of nothing but question words still searches its words", () => {
  assert.deepEqual(typed(Q.prepare("怎么办", "zh", ZH)), ["怎么", "办"]);
  assert.deepEqual(typed(Q.prepare("what", "en", EN)), ["what"]);
  assert.deepEqual(Q.prepare("   ", "en", EN), []);
});

test("without search words, nothing is dropped", () => {
  assert.deepEqual(typed(Q.prepare("can I", "en", {})), ["can", "i"]);
});

test("combinations put the handbook's words first and stop at eight", () => {
  const terms = Q.prepare("首饰 工牌", "zh", ZH);
  const combos = Q.combinations(terms);
  assert.equal(combos[0], "饰品 工号牌");
  const many = [["a", "b", "c"], ["d", "e", "f"], ["g", "h"]];
  assert.equal(Q.combinations(many).length, 8);
});

// A stand-in for Pagefind: pages hold words; a search finds the pages holding all of them.
function fakePagefind(pages, { fallback: fallsBack = false } = {}) {
  const searched = [];
  return {
    searched,
    async search(query) {
      searched.push(query);
      // Like Pagefind: a word's stem matches as a prefix (hands: hand…); a quoted word only as written.
      const quoted = /^".*"$/.test(query);
      const words = query.replace(/"/g, "").split(" ");
      const stemOf = (w) => w.replace(/s$/, "");
      // Pagefind's fallback: a word no token begins with matches the longest token it begins with (angry: an).
      const fallback = (w) => {
        if (!fallsBack) return null;
        const all = Object.values(pages).flatMap((text) => text.split(" "));
        if (all.some((x) => x.startsWith(stemOf(w)))) return null;
        return all.filter((x) => stemOf(w).startsWith(x)).sort((a, b) => b.length - a.length)[0] || null;
      };
      const matches = (token, w) => {
        if (quoted) return token === w;
        const shorter = fallback(w);
        return shorter ? token === shorter : token.startsWith(stemOf(w));
      };
      // A quoted phrase only where its words stand one after another.
      const inOrder = (tokens) => tokens.some((_, i) => words.every((w, k) => matches(tokens[i + k] || "", w)));
      const results = Object.entries(pages)
        .filter(([, text]) => words.every((w) => text.split(" ").some((x) => matches(x, w))))
        .filter(([, text]) => !quoted || inOrder(text.split(" ")))
        .map(([id, text]) => {
          const tokens = text.split(" ");
          const at = tokens.flatMap((x, i) => (words.some((w) => matches(x, w)) ? [i] : []));
          return { id, score: at.length, words: at };
        });
      return { results: results.sort((a, b) => b.score - a.score) };
    },
  };
}

const apart = (...words) => words.join(" " + "填充 ".repeat(40));   // words 40 apart: in different rules

test("pages holding every word rank by their words' scores", async () => {
  const pf = fakePagefind({ a: "饰品 上班 戴", b: "饰品 上班 戴 饰品", c: "上班 戴", d: "客户" });
  const found = await Q.search(pf, "上班能戴首饰吗", "zh", ZH);
  assert.deepEqual(found.results.map((r) => r.result.id), ["b", "a", "c"]);
  assert.deepEqual(found.results[0].missing, []);
  assert.deepEqual(found.results[2].missing, ["首饰"]);          // as typed, not the handbook's word
});

test("the words together in one passage outrank the same words scattered over a long page", async () => {
  const pf = fakePagefind({ topic: apart("上班 上班", "戴 戴", "饰品 饰品"), section: "上班 戴 饰品" });
  const found = await Q.search(pf, "上班能戴首饰吗", "zh", ZH);
  assert.deepEqual(found.results.map((r) => r.result.id), ["section", "topic"]);
});

test("a word as written outranks other words that only share its stem", async () => {
  const pf = fakePagefind({ handling: "complaint handling", rule: "hands hang naturally" });
  const found = await Q.search(pf, "hands", "en", EN);
  assert.deepEqual(found.results.map((r) => r.result.id), ["rule", "handling"]);
});

test("the words one after another, as in a section's title, outrank the same words apart", async () => {
  const pf = fakePagefind({ apart: "标准 考核 考核 标准 考核", title: "考核标准 考核 标准" });
  pf.search = ((search) => async (query) => {
    if (query === '"考核 标准"') return { results: [{ id: "title", score: 1, words: [1, 2] }] };
    return search(query);
  })(pf.search);
  const found = await Q.search(pf, "考核 标准", "zh", ZH);
  assert.deepEqual(found.results.map((r) => r.result.id), ["title", "apart"]);
});

test("a page lacking a word follows those holding all, and names the words it lacks", async () => {
  const pf = fakePagefind({ all: "上班 戴 饰品", two: "戴 饰品 戴 饰品", one: "上班", none: "客户" });
  const found = await Q.search(pf, "上班能戴首饰吗", "zh", ZH);
  assert.deepEqual(found.results.map((r) => r.result.id), ["all", "two", "one"]);
  assert.deepEqual(found.results[1].missing, ["上班"]);
  assert.deepEqual(found.results[2].missing, ["戴", "首饰"]);
});

test("a synonym finds the page that uses the handbook's word", async () => {
  const pf = fakePagefind({ rule: "补偿 道歉", other: "客户" });
  const found = await Q.search(pf, "退款", "zh", ZH);
  assert.deepEqual(found.results.map((r) => r.result.id), ["rule"]);
  assert.ok(pf.searched.includes("补偿"));
});

test("English words are searched as typed, lower-cased", async () => {
  const pf = fakePagefind({ rule: "jewellery wear work", other: "work" });
  const found = await Q.search(pf, "Can I wear JEWELRY at work", "en", EN);
  assert.equal(found.results[0].result.id, "rule");
  assert.equal(found.results.length, 2);
});

test("a group's other everyday words count only as written: no page through a stem they share", async () => {
  const words = { question: ["can", "i", "a"], synonyms: [["shaven", "beard", "mustache"], ["interrupt", "cut in"]] };
  const pf = fakePagefind({ rule: "men clean shaven", must: "staff must wear", cost: "cut costs in time" });
  const beard = await Q.search(pf, "beard", "en", words);
  assert.deepEqual(beard.results.map((r) => r.result.id), ["rule"]);     // not "must" (mustache: must…)
  assert.ok(pf.searched.includes("shaven") && pf.searched.includes("beard"));
  assert.ok(pf.searched.includes('"mustache"') && !pf.searched.includes("mustache"));
  const interrupt = await Q.search(pf, "can I interrupt", "en", words);
  assert.deepEqual(interrupt.results.map((r) => r.result.id), []);        // not "cost" (cut … in)
});

test("only the forms the handbook holds are asked of the index, and the word as typed", async () => {
  // search-words.json puts the forms some page holds first and counts them in `present`.
  const words = { question: ["can", "i", "at"], synonyms: [["jewellery", "jewelry", "earrings", "necklace"]], present: [2] };
  const pf = fakePagefind({ rule: "no jewellery at work", ring: "jewelry ring" });
  const found = await Q.search(pf, "can I wear earrings at work", "en", words);
  assert.deepEqual(found.results.map((r) => r.result.id).sort(), ["ring", "rule"]);
  assert.ok(pf.searched.includes("jewellery") && pf.searched.includes('"jewelry"'));
  // The word typed is asked too; as written only, since no page holds it (its group brings jewellery).
  assert.ok(pf.searched.includes('"earrings"') && !pf.searched.includes("earrings"));
  assert.ok(!pf.searched.some((query) => query.includes("necklace")), "no page holds it: not asked");
  // A group is still recognised by a form no page holds, and brings the handbook's word.
  const [term] = Q.prepare("necklace", "en", words);
  assert.deepEqual(Array.from(term), ["jewellery", "necklace", "jewelry"]);
});

test("a word no page holds finds no page through a shorter word it begins with (angry: an)", async () => {
  const pf = fakePagefind({ rule: "stay calm with an emotional customer", other: "staff answer the phone" }, { fallback: true });
  // Pagefind alone falls back to "an" and finds the page for it.
  assert.deepEqual((await Q.search(pf, "angry", "en", EN)).results.map((r) => r.result.id), ["rule"]);
  // With the text's words (search-words.json), a word none of them begins like is asked only as written.
  const words = Object.assign({}, EN, { vocabulary: "an answer calm customer emotional phone staff stay the with" });
  pf.searched.length = 0;
  const angry = await Q.search(pf, "angry customer", "en", words);
  assert.deepEqual(angry.results.map((r) => r.result.id), ["rule"]);
  assert.deepEqual(angry.results[0].missing, ["angry"]);
  assert.ok(!pf.searched.includes("angry") && pf.searched.includes('"angry"'));
  // A word the text holds with another ending is still asked loosely: its stem finds the page.
  assert.ok(Q.held("customers", words.vocabulary.split(" ")) && Q.held("answering", words.vocabulary.split(" ")));
  assert.ok(!Q.held("angry", words.vocabulary.split(" ")) && !Q.held("upset", words.vocabulary.split(" ")));
  assert.ok(Q.held("complaining", ["complaint"]) && Q.held("apologize", ["apologise"]));
  assert.ok(Q.held("angry", null), "without a vocabulary (Chinese) every word is asked loosely");
});

test("a group's form that no page holds, typed, is asked only as written: its words are not found apart", async () => {
  const words = { question: ["how", "do", "i"], synonyms: [["complaints", "keep getting complaints"]], present: [1] };
  // The long page holds "keep", "getting" and "complaints" apart; the rule holds the handbook's word.
  const pf = fakePagefind({ long: apart("keep calm", "getting there", "complaints"), rule: "frequent complaints" });
  const found = await Q.search(pf, "keep getting complaints", "en", words);
  assert.ok(pf.searched.includes('"keep getting complaints"') && !pf.searched.includes("keep getting complaints"));
  assert.deepEqual(found.results.map((r) => r.result.id).sort(), ["long", "rule"]);   // both hold "complaints"
  const [term] = Q.prepare("keep getting complaints", "en", words);
  assert.ok(term.absent && !Q.prepare("complaints", "en", words)[0].absent);
  // An English form is compared word by word, as typed: after-sale is held as "after sale".
  const sale = { question: [], synonyms: [["after-sale", "after sales"]], present: [1] };
  assert.ok(!Q.prepare("after-sale service", "en", sale)[0].absent);
});

test("an id from a checklist or sheet is one word, kept whole; a standard's number is not an id", () => {
  const terms = Q.prepare("000-2.4-r1什么要求", "zh", ZH);
  assert.deepEqual(typed(terms), ["000-2.4-r1", "要求"]);
  assert.ok(terms[0].id);
  assert.deepEqual(typed(Q.prepare("what do 003-4.1.2-p1-s2", "en", EN)), ["003-4.1.2-p1-s2"]);
  assert.ok(!Q.prepare("GB/T 19001-2016", "en", EN).some((t) => t.id));
  assert.deepEqual(Q.idPlace("000-2.4-r1"), { path: "manuals/000/2/2.4/", anchor: "#000-2.4-r1" });
  assert.deepEqual(Q.idPlace("003-4.1.2-p1-s2"), { path: "manuals/003/4/4.1.2/", anchor: "#003-4.1.2-p1-s2" });
  assert.deepEqual(Q.idPlace("001-2.2"), { path: "manuals/001/2/2.2/", anchor: "" });
});

test("an id typed brings its own section first, opened at the rule, before the pages that list it", async () => {
  const urls = { topic: "/topics/complaints/", section: "/manuals/000/2/2.4/?h=x", sheet: "/checklists/complaint/" };
  const pf = fakePagefind({ topic: "000-2.4-r1 000-2.4-r1 000-2.4-r1", sheet: "000-2.4-r1 000-2.4-r1", section: "000-2.4-r1" });
  pf.search = ((search) => async (query) => {
    const answer = await search(query);
    answer.results.forEach((r) => { r.data = async () => ({ url: urls[r.id] }); });
    return answer;
  })(pf.search);
  const found = await Q.search(pf, "000-2.4-r1", "en", EN);
  assert.deepEqual(found.results.map((r) => r.result.id), ["section", "topic", "sheet"]);
  assert.deepEqual(found.results.map((r) => r.anchor), ["#000-2.4-r1", "", ""]);
});
