// Unit tests of quiz marking, shuffling, the final draw and saved progress: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Quiz = require("../../docs/assets/js/quiz-engine.js");

const SINGLE = { id: "s1", type: "single", h: "h-s1", ch: "c1", o: [{ t: "a" }, { t: "b", c: 1 }, { t: "c" }] };
const MULTI = { id: "m1", type: "multiple", h: "h-m1", ch: "c1", o: [{ t: "a", c: 1 }, { t: "b" }, { t: "c", c: 1 }, { t: "d" }] };
const TF = { id: "t1", type: "true-false", h: "h-t1", ch: "c2", a: false };
const ORDER = { id: "o1", type: "ordering", h: "h-o1", ch: "c2", steps: ["first", "second", "third"] };
const BANK = [SINGLE, MULTI, TF, ORDER];

// A repeatable random sequence, so a shuffle can be checked.
function seeded(seed) {
  let x = seed;
  return () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
}

test("single choice is right only with the right option", () => {
  assert.equal(Quiz.isRight(SINGLE, 1), true);
  assert.equal(Quiz.isRight(SINGLE, 0), false);
  assert.equal(Quiz.isRight(SINGLE, 7), false, "an index out of range is not an answer");
  assert.equal(Quiz.isRight(SINGLE, "1"), false, "a string is not an option index");
});

test("multiple choice needs every right option and no wrong one", () => {
  assert.equal(Quiz.isRight(MULTI, [0, 2]), true);
  assert.equal(Quiz.isRight(MULTI, [0]), false, "one right option missing");
  assert.equal(Quiz.isRight(MULTI, [0, 1, 2]), false, "a wrong option added");
  assert.equal(Quiz.isAnswer(MULTI, []), false, "nothing chosen is no answer");
  assert.equal(Quiz.isAnswer(MULTI, [2, 0]), false, "answers are kept sorted");
});

test("true-false compares the judgement, and ordering the whole sequence", () => {
  assert.equal(Quiz.isRight(TF, false), true);
  assert.equal(Quiz.isRight(TF, true), false);
  assert.equal(Quiz.isRight(ORDER, [0, 1, 2]), true);
  assert.equal(Quiz.isRight(ORDER, [1, 0, 2]), false);
  assert.equal(Quiz.isAnswer(ORDER, [0, 0, 2]), false, "a step twice is no order");
});

test("an ordering question never starts in the right order, and true-false keeps its order", () => {
  for (let seed = 1; seed < 200; seed++) {
    const order = Quiz.arrange(ORDER, seeded(seed));
    assert.notDeepEqual(order, [0, 1, 2]);
    assert.deepEqual(order.slice().sort(), [0, 1, 2]);
  }
  assert.deepEqual(Quiz.arrange(TF, Math.random), []);
});

test("attempts shuffle question and option order, and differ between attempts", () => {
  const orders = new Set(), options = new Set();
  for (let seed = 1; seed < 60; seed++) {
    const attempt = Quiz.attempt(BANK, seeded(seed));
    assert.deepEqual(attempt.order.slice().sort(), ["m1", "o1", "s1", "t1"]);
    orders.add(attempt.order.join());
    options.add(attempt.perm.m1.join());
  }
  assert.ok(orders.size > 10, `only ${orders.size} question orders in 59 attempts`);
  assert.ok(options.size > 10, `only ${options.size} option orders in 59 attempts`);
});

test("the score compares whole numbers with the pass mark: 4 of 5 passes at 80%, 3 of 4 does not", () => {
  const five = [1, 2, 3, 4, 5].map((n) => ({ ...SINGLE, id: "q" + n }));
  const answers = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 0 };
  // 4/5 = 80% exactly: on the mark passes.
  assert.deepEqual(Quiz.mark(Object.fromEntries(five.map((q) => [q.id, q])), ["q1", "q2", "q3", "q4", "q5"], answers, 80),
                   { right: 4, total: 5, pct: 80, passed: true });
  // 3/4 = 75%: under the mark.
  const result = Quiz.mark(Object.fromEntries(five.map((q) => [q.id, q])), ["q1", "q2", "q3", "q5"], answers, 80);
  assert.equal(result.passed, false);
  assert.equal(result.pct, 75);
  // 2/3 = 66.66…% is shown cut to 66.6, not rounded up to 66.7.
  assert.equal(Quiz.mark({ q1: five[0], q2: five[1], q5: five[4] }, ["q1", "q2", "q5"], answers, 60).pct, 66.6);
  // Unanswered questions count as wrong.
  assert.equal(Quiz.mark({ s1: SINGLE, t1: TF }, ["s1", "t1"], { s1: 1 }, 80).right, 1);
});

test("the final draw takes one question from every chapter, then fills up from all banks", () => {
  const bank = [];
  ["a", "b", "c", "d"].forEach((ch) => { for (let n = 0; n < 10; n++) bank.push({ ...SINGLE, id: ch + n, ch }); });
  for (let seed = 1; seed < 50; seed++) {
    const picked = Quiz.draw(bank, 6, seeded(seed));
    assert.equal(picked.length, 6);
    assert.equal(new Set(picked).size, 6, "no question twice");
    ["a", "b", "c", "d"].forEach((ch) => assert.ok(picked.some((id) => id[0] === ch), `chapter ${ch} missing`));
  }
  assert.equal(Quiz.draw(bank, 2, seeded(3)).length, 2, "fewer asked than chapters: as many as asked");
});

test("submitting keeps the best score, compared as fractions", () => {
  const state = Quiz.fresh(BANK, seeded(1));
  state.exam.answers = { s1: 1, m1: [0, 2], t1: true, o1: [1, 0, 2] };   // 2 of 4
  let result = Quiz.submit(state, BANK, 80, "2026-11-24");
  assert.deepEqual([result.right, result.total, result.passed], [2, 4, false]);
  assert.equal(state.best.right, 2);
  state.exam = Quiz.attempt(BANK, seeded(2));
  state.exam.answers = { s1: 0 };                                          // 0 of 4: not better
  Quiz.submit(state, BANK, 80, "2026-11-25");
  assert.equal(state.best.right, 2);
  assert.equal(state.best.at, "2026-11-24");
  state.exam = Quiz.attempt(BANK, seeded(3));
  state.exam.answers = { s1: 1, m1: [0, 2], t1: false, o1: [0, 1, 2] };    // 4 of 4
  result = Quiz.submit(state, BANK, 80, "2026-11-26");
  assert.equal(result.passed, true);
  assert.equal(state.best.pct, 100);
});

test("saved progress reads back the same", () => {
  const state = Quiz.fresh(BANK, seeded(4));
  state.practice.answers = { s1: 0, o1: [2, 1, 0] };
  state.practice.checked = { s1: false };
  state.mode = "exam";
  state.exam.answers = { t1: false };
  const back = Quiz.parse(Quiz.serialize(state, BANK), BANK, seeded(5)).state;
  assert.equal(back.mode, "exam");
  assert.deepEqual(back.practice.order, state.practice.order);
  assert.deepEqual(back.practice.perm, state.practice.perm);
  assert.deepEqual(back.practice.answers, { s1: 0, o1: [2, 1, 0] });
  assert.deepEqual(back.practice.checked, { s1: false });
  assert.deepEqual(Quiz.wrong(back.practice, BANK), ["s1"]);
  assert.deepEqual(back.exam.answers, { t1: false });
});

test("corrupt or foreign saved state starts afresh and says so", () => {
  for (const text of ["{not json", "[]", "null", JSON.stringify({ v: 99 }), JSON.stringify({ v: 1, practice: "x", exam: 5 })]) {
    const { state, corrupt } = Quiz.parse(text, BANK, seeded(6));
    assert.equal(state.practice.order.length, 4, text);
    assert.deepEqual(state.practice.answers, {}, text);
    assert.equal(corrupt, !text.includes('"v":1'), text);
  }
  assert.equal(Quiz.parse(null, BANK, seeded(6)).corrupt, false, "nothing saved is not corrupt");
});

test("answers to changed or removed questions are dropped and counted; new questions join", () => {
  const state = Quiz.fresh(BANK, seeded(7));
  state.practice.answers = { s1: 1, t1: true, m1: [0, 2] };
  state.practice.checked = { s1: true, t1: false };
  const saved = Quiz.serialize(state, BANK);
  const changed = { ...TF, h: "h-t1-reworded" };
  const added = { ...SINGLE, id: "s2", h: "h-s2" };
  const bank = [SINGLE, changed, ORDER, added];          // m1 removed, t1 changed, s2 new
  const { state: back, dropped } = Quiz.parse(saved, bank, seeded(8));
  assert.equal(dropped, 2);
  assert.deepEqual(back.practice.answers, { s1: 1 });
  assert.deepEqual(back.practice.checked, { s1: true });
  assert.deepEqual(back.practice.order.slice().sort(), ["o1", "s1", "s2", "t1"]);
  assert.ok(Array.isArray(back.practice.perm.s2) && back.practice.perm.s2.length === 3);
});

test("a malformed saved answer or option order is repaired, not trusted", () => {
  const saved = JSON.stringify({ v: 1, mode: "practice", best: { right: "x" },
    practice: { order: ["s1", "s1", 5, "gone", "o1"], perm: { s1: [0, 0, 1], o1: [2, 0, 1] },
                answers: { s1: { h: "h-s1", v: 9 }, o1: { h: "h-o1", v: [2, 0, 1] } }, checked: { s1: "yes" } } });
  const { state, dropped } = Quiz.parse(saved, BANK, seeded(9));
  assert.deepEqual(state.practice.order.slice(0, 2), ["s1", "o1"], "duplicates and unknown ids removed, order kept");
  assert.deepEqual(state.practice.perm.s1.slice().sort(), [0, 1, 2], "a broken option order is replaced");
  assert.deepEqual(state.practice.perm.o1, [2, 0, 1]);
  assert.deepEqual(state.practice.answers, { o1: [2, 0, 1] });
  assert.equal(dropped, 1);
  assert.equal(state.best, null, "a best score that is not a number is dropped");
});

test("a submitted exam survives a reload, but not a change to a question it marked", () => {
  const state = Quiz.fresh(BANK, seeded(10));
  state.exam.answers = { s1: 1 };
  Quiz.submit(state, BANK, 80, "2026-11-24");
  const saved = Quiz.serialize(state, BANK);
  assert.equal(Quiz.parse(saved, BANK, seeded(11)).state.exam.result.right, 1);
  const reworded = [{ ...SINGLE, h: "new" }, MULTI, TF, ORDER];
  const back = Quiz.parse(saved, reworded, seeded(11)).state;
  assert.equal(back.exam.result, null);
  assert.equal(back.best.right, 1, "the best score is history and stays");
});

test("a final assessment keeps its draw across reloads", () => {
  const bank = [];
  ["a", "b", "c"].forEach((ch) => { for (let n = 0; n < 5; n++) bank.push({ ...SINGLE, id: ch + n, ch, h: "h" }); });
  const state = Quiz.fresh(bank, seeded(12), 4);
  assert.equal(state.practice, null);
  assert.equal(state.exam.order.length, 4);
  const back = Quiz.parse(Quiz.serialize(state, bank), bank, seeded(13), 4).state;
  assert.deepEqual(back.exam.order, state.exam.order);
  assert.equal(back.mode, "exam");
});

test("the best score is read from saved progress on its own, and a damaged one is none", () => {
  const state = Quiz.fresh(BANK, seeded(14));
  state.exam.answers = { s1: 1, t1: false, m1: [0, 2] };                    // 3 of 4
  Quiz.submit(state, BANK, 80, "2026-11-24");
  assert.deepEqual(Quiz.bestOf(Quiz.serialize(state, BANK)),
                   { right: 3, total: 4, pct: 75, passed: false, at: "2026-11-24" });
  for (const text of [null, "{not json", "[]", JSON.stringify({ v: 2, best: { right: 1, total: 1 } }),
                      JSON.stringify({ v: 1, best: { right: 5, total: 4 } }), JSON.stringify({ v: 1, best: { right: 1, total: 0 } })]) {
    assert.equal(Quiz.bestOf(text), null, text);
  }
});

test("an attempt's order follows from its seed: the same seed the same order, a new seed a new one", () => {
  const a = Quiz.attempt(BANK, seeded(1), 0, 12345), b = Quiz.attempt(BANK, seeded(99), 0, 12345);
  assert.equal(a.seed, 12345);
  assert.deepEqual([a.order, a.perm], [b.order, b.perm], "the seed alone decides the order");
  const orders = new Set();
  for (let seed = 1; seed < 40; seed++) orders.add(JSON.stringify(Quiz.attempt(BANK, Math.random, 0, seed * 7919).perm));
  assert.ok(orders.size > 20, `only ${orders.size} option orders from 39 seeds`);
  // An ordering question never starts in the right order, whatever the seed.
  for (let seed = 0; seed < 300; seed++) assert.notDeepEqual(Quiz.attempt([ORDER], Math.random, 0, seed).perm.o1, [0, 1, 2]);
});

test("a reload shows the attempt as it was: the seed is saved and the order recomputed from it", () => {
  const state = Quiz.fresh(BANK, seeded(8));
  const text = Quiz.serialize(state, BANK);
  const saved = JSON.parse(text);
  assert.equal(saved.practice.seed, state.practice.seed);
  // Even with the saved option orders gone, the seed gives them back.
  delete saved.practice.perm;
  delete saved.exam.perm;
  const back = Quiz.parse(JSON.stringify(saved), BANK, seeded(9)).state;
  assert.deepEqual(back.practice.perm, state.practice.perm);
  assert.deepEqual(back.exam.perm, state.exam.perm);
  // A question tried again in practice is shuffled anew, and that too survives a reload.
  const before = state.practice.perm.m1.join();
  let tries = 0;
  while (state.practice.perm.m1.join() === before && tries++ < 20) Quiz.reshuffle(state.practice, MULTI);
  assert.notEqual(state.practice.perm.m1.join(), before);
  const again = Quiz.parse(Quiz.serialize(state, BANK), BANK, seeded(10)).state;
  assert.deepEqual(again.practice.perm.m1, state.practice.perm.m1);
  // A new attempt draws a new seed.
  assert.notEqual(Quiz.attempt(BANK, seeded(11)).seed, state.exam.seed);
});

test("marking is by option identity: the right option is right wherever it is shown", () => {
  for (let seed = 0; seed < 30; seed++) {
    const run = Quiz.attempt([SINGLE, MULTI], Math.random, 0, seed);
    // The option shown in place p is SINGLE.o[run.perm.s1[p]]: choose the right one by its text.
    const place = run.perm.s1.findIndex((i) => SINGLE.o[i].t === "b");
    assert.equal(Quiz.isRight(SINGLE, run.perm.s1[place]), true);
    // Choosing whatever is shown first is right only when "b" happens to be shown first.
    assert.equal(Quiz.isRight(SINGLE, run.perm.s1[0]), place === 0);
    const rights = run.perm.m1.filter((i) => MULTI.o[i].c).sort();
    assert.equal(Quiz.isRight(MULTI, rights), true);
  }
});

test("the exported result names each question, whether it was right and the options chosen", () => {
  const state = Quiz.fresh(BANK, seeded(12), 4);
  state.exam.answers = { s1: 1, m1: [0, 1], t1: false, o1: [1, 0, 2] };
  Quiz.submit(state, BANK, 80, "2026-12-06");
  const data = Quiz.exportResult(state, BANK, { quiz: "final", lang: "zh", final: true, pass: 80, now: "2026-12-06T05:00:00Z" });
  assert.equal(data.format, "handbook-quiz-result");
  assert.equal(data.version, 1);
  assert.equal(data.seed, state.exam.seed);
  assert.deepEqual(data.score, { right: 2, total: 4, pct: 50, passed: false });
  const byId = Object.fromEntries(data.items.map((item) => [item.id, item]));
  assert.deepEqual(byId.s1, { id: "s1", h: "h-s1", type: "single", answered: true, right: true, chosen: ["B"] });
  assert.deepEqual(byId.m1.chosen, ["A", "B"]);
  assert.equal(byId.m1.right, false);
  assert.deepEqual([byId.t1.chosen, byId.t1.right], [["false"], true]);
  assert.deepEqual([byId.o1.chosen, byId.o1.right], [["2", "1", "3"], false]);
  assert.deepEqual(data.items.map((item) => item.id), state.exam.order, "in the order asked");
  // The result is kept with the saved progress, so it can be exported after a reload.
  const back = Quiz.parse(Quiz.serialize(state, BANK), BANK, seeded(13), 4).state;
  assert.deepEqual(Quiz.exportResult(back, BANK, { quiz: "final", now: "x" }).items, data.items);
  assert.equal(Quiz.exportResult(Quiz.fresh(BANK, seeded(14)), BANK, { quiz: "x" }), null, "nothing submitted, nothing to export");
});
