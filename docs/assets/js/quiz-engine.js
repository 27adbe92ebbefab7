/* Quizzes as plain data: marking, shuffling, the final assessment's draw, and the
 * saved progress with its repair. No DOM, so Node can test it.
 *
 * A question (from the page's JSON): {id, type: single|multiple|true-false|ordering,
 *   h: fingerprint, ch: chapter, o: [{t, c, f}] options (c: 1 when right),
 *   a: true|false (true-false), steps: [...] in the right order (ordering)}.
 * An answer: single: option index; multiple: sorted option indices;
 *   true-false: true|false; ordering: step indices in the order given.
 * Indices are the question's own (the YAML order, which the paper quiz prints):
 * an answer names options, never the places they were shown in.
 *
 * Each attempt has a seed, saved with it: the question order, the final
 * assessment's draw and every question's option order follow from it, so a
 * reload shows the same order and a new attempt (a new seed) a new one.
 * `perm` holds the order the options are shown in; `rounds` counts the
 * re-shuffles of a question tried again in practice.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.HbQuiz = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = 1;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function range(n) {
    for (var list = [], i = 0; i < n; i++) list.push(i);
    return list;
  }

  /* A small seeded generator (mulberry32): the same seed gives the same sequence. */
  function seeded(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* The seed of one question's shuffle: the attempt's seed mixed with the question's id (FNV-1a). */
  function mix(seed, text) {
    var h = (2166136261 ^ seed) >>> 0;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h;
  }

  function isSeed(value) {
    return typeof value === "number" && value >= 0 && value < 4294967296 && value % 1 === 0;
  }

  function newSeed(rand) {
    return Math.floor(rand() * 4294967296) >>> 0;
  }

  /* The order `run` shows question `q`'s options (or steps) in: its seed's, for this round. */
  function permFor(run, q) {
    return arrange(q, seeded(mix(run.seed, q.id + "#" + (run.rounds[q.id] || 0))));
  }

  /* Shuffle one question again (tried again in practice), keeping it reproducible. */
  function reshuffle(run, q) {
    run.rounds[q.id] = (run.rounds[q.id] || 0) + 1;
    run.perm[q.id] = permFor(run, q);
  }

  function shuffle(list, rand) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1)), swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  function inOrder(list) {
    return list.every(function (value, i) { return value === i; });
  }

  /* The order to show a question's options (or, for ordering, its steps) in.
   * True-false keeps true before false: there the order is not a clue. */
  function arrange(q, rand) {
    if (q.type === "true-false") return [];
    if (q.type === "ordering") {
      var steps = range(q.steps.length), order;
      do { order = shuffle(steps, rand); } while (inOrder(order));
      return order;
    }
    return shuffle(range(q.o.length), rand);
  }

  function isPermutation(list, n) {
    return Array.isArray(list) && list.length === n &&
      list.slice().sort(function (a, b) { return a - b; }).every(function (v, i) { return v === i; });
  }

  /* Whether `answer` is a well-formed answer to `q` (not whether it is right). */
  function isAnswer(q, answer) {
    if (q.type === "true-false") return typeof answer === "boolean";
    if (q.type === "ordering") return isPermutation(answer, q.steps.length);
    if (q.type === "single") return typeof answer === "number" && answer >= 0 && answer < q.o.length && answer % 1 === 0;
    return Array.isArray(answer) && answer.length > 0 && answer.every(function (i, n) {
      return typeof i === "number" && i >= 0 && i < q.o.length && i % 1 === 0 && (n === 0 || i > answer[n - 1]);
    });
  }

  function isRight(q, answer) {
    if (!isAnswer(q, answer)) return false;
    if (q.type === "true-false") return answer === q.a;
    if (q.type === "ordering") return inOrder(answer);
    if (q.type === "single") return !!q.o[answer].c;
    var right = range(q.o.length).filter(function (i) { return q.o[i].c; });
    return right.length === answer.length && right.every(function (i, n) { return answer[n] === i; });
  }

  /* Right answers out of `ids`, and whether that reaches `pass` percent. The
   * comparison is in whole numbers, so 4 of 5 passes at 80; the percentage
   * shown is cut, not rounded, so it never shows a pass mark not reached. */
  function mark(questions, ids, answers, pass) {
    var right = ids.filter(function (id) { return questions[id] && isRight(questions[id], answers[id]); }).length;
    var total = ids.length;
    return { right: right, total: total, pct: total ? Math.floor(right * 1000 / total) / 10 : 0,
             passed: total > 0 && right * 100 >= pass * total };
  }

  /* `count` questions at random: one from every chapter first, then from all the rest. */
  function draw(list, count, rand) {
    var chapters = {}, picked = [];
    shuffle(list, rand).forEach(function (q) {
      if (!chapters[q.ch]) { chapters[q.ch] = true; picked.push(q.id); }
    });
    picked = shuffle(picked, rand).slice(0, count);
    shuffle(list, rand).forEach(function (q) {
      if (picked.length < count && picked.indexOf(q.id) < 0) picked.push(q.id);
    });
    return shuffle(picked, rand);
  }

  /* A fresh attempt with a new seed: the questions in its order (or its draw), options shuffled. */
  function attempt(list, rand, count, seed) {
    var byId = index(list);
    seed = isSeed(seed) ? seed : newSeed(rand);
    var from = seeded(seed);
    var order = count ? draw(list, count, from) : shuffle(list.map(function (q) { return q.id; }), from);
    var run = { seed: seed, rounds: {}, order: order, perm: {}, answers: {}, checked: {}, only: null, result: null };
    order.forEach(function (id) { run.perm[id] = permFor(run, byId[id]); });
    return run;
  }

  function index(list) {
    var byId = {};
    list.forEach(function (q) { byId[q.id] = q; });
    return byId;
  }

  function fresh(list, rand, count) {
    return { v: FORMAT, mode: count ? "exam" : "practice",
             practice: count ? null : attempt(list, rand), exam: attempt(list, rand, count), best: null };
  }

  /* Saved progress, repaired against the questions as they are now. Answers to a
   * question that changed (its fingerprint) or went are dropped and counted;
   * a new question joins the chapter quiz's attempts (a final assessment keeps its draw).
   * Returns {state, corrupt, dropped}. */
  function parse(text, list, rand, count) {
    var byId = index(list), dropped = 0, data = null;
    if (text) { try { data = JSON.parse(text); } catch (error) { data = null; } }
    if (!isObject(data) || data.v !== FORMAT) {
      return { state: fresh(list, rand, count), corrupt: !!text, dropped: 0 };
    }
    var state = fresh(list, rand, count);
    state.mode = count ? "exam" : data.mode === "exam" ? "exam" : "practice";
    ["practice", "exam"].forEach(function (name) {
      var saved = data[name];
      if (!state[name] || !isObject(saved) || !Array.isArray(saved.order)) return;
      var kept = state[name], seen = {}, before = dropped;
      // Saved before seeds were: keep its option orders as they were saved.
      var bySeed = isSeed(saved.seed);
      if (bySeed) kept.seed = saved.seed;
      kept.rounds = {};
      if (isObject(saved.rounds)) Object.keys(saved.rounds).forEach(function (id) {
        var n = saved.rounds[id];
        if (byId[id] && typeof n === "number" && n > 0 && n < 1e6 && n % 1 === 0) kept.rounds[id] = n;
      });
      kept.order = saved.order.filter(function (id) {
        var ok = typeof id === "string" && byId[id] && !seen[id];
        seen[id] = true;
        return ok;
      });
      if (!count) list.forEach(function (q) { if (!seen[q.id]) kept.order.push(q.id); });
      if (isObject(saved.answers)) Object.keys(saved.answers).forEach(function (id) { if (!byId[id]) dropped += 1; });
      if (!kept.order.length) { state[name] = attempt(list, rand, count); return; }
      kept.order.forEach(function (id) {
        var q = byId[id], p = isObject(saved.perm) ? saved.perm[id] : null;
        kept.perm[id] = q.type === "true-false" ? [] : bySeed ? permFor(kept, q) :
          isPermutation(p, q.type === "ordering" ? q.steps.length : q.o.length) ? p : permFor(kept, q);
        var a = isObject(saved.answers) ? saved.answers[id] : null;
        if (isObject(a) && a.h === q.h && isAnswer(q, a.v)) {
          kept.answers[id] = a.v;
          if (isObject(saved.checked) && typeof saved.checked[id] === "boolean") kept.checked[id] = isRight(q, a.v);
        } else if (a !== null && a !== undefined) {
          dropped += 1;
        }
      });
      if (Array.isArray(saved.only)) {
        kept.only = saved.only.filter(function (id) { return kept.order.indexOf(id) >= 0; });
        if (!kept.only.length) kept.only = null;
      }
      // A submitted exam is kept only if every question it marked is unchanged.
      if (isObject(saved.result) && dropped === before && kept.order.length === saved.order.length) kept.result = saved.result;
    });
    state.best = bestOf(data);
    return { state: state, corrupt: false, dropped: dropped };
  }

  /* The best exam score in saved progress (parsed, or its text), or null: what the
   * onboarding path and the quiz index show without the questions. */
  function bestOf(data) {
    if (typeof data === "string" || data === null) {
      try { data = JSON.parse(data); } catch (error) { return null; }
    }
    var best = isObject(data) && data.v === FORMAT ? data.best : null;
    if (!isObject(best) || typeof best.right !== "number" || typeof best.total !== "number" || best.total <= 0 ||
        best.right < 0 || best.right > best.total) return null;
    return { right: best.right, total: best.total, pct: Math.floor(best.right * 1000 / best.total) / 10,
             passed: !!best.passed, at: typeof best.at === "string" ? best.at : "" };
  }

  function serialize(state, list) {
    var byId = index(list);
    function pack(run) {
      if (!run) return null;
      var answers = {};
      Object.keys(run.answers).forEach(function (id) {
        if (byId[id]) answers[id] = { h: byId[id].h, v: run.answers[id] };
      });
      return { seed: run.seed, rounds: run.rounds, order: run.order, perm: run.perm, answers: answers,
               checked: run.checked, only: run.only, result: run.result };
    }
    return JSON.stringify({ v: FORMAT, mode: state.mode, practice: pack(state.practice), exam: pack(state.exam), best: state.best });
  }

  var LETTERS = "ABCDEFGHIJ";

  /* What was chosen, by identity: options by their letter in the YAML (and paper)
   * order, true/false as such, ordering as the handbook's step numbers in the
   * order given. */
  function chosen(q, answer) {
    if (!isAnswer(q, answer)) return [];
    if (q.type === "true-false") return [String(answer)];
    if (q.type === "ordering") return answer.map(function (i) { return String(i + 1); });
    return (q.type === "single" ? [answer] : answer).map(function (i) { return LETTERS.charAt(i); });
  }

  /* Each question of a run as the trainers' statistics read it. */
  function items(run, list) {
    var byId = index(list);
    return run.order.filter(function (id) { return byId[id]; }).map(function (id) {
      var q = byId[id], answer = run.answers[id];
      return { id: id, h: q.h, type: q.type, answered: isAnswer(q, answer), right: isRight(q, answer),
               chosen: chosen(q, answer) };
    });
  }

  var RESULT_FORMAT = "handbook-quiz-result", RESULT_VERSION = 1;

  /* The submitted exam as an exported file: the score, and each question's id, whether it
   * was answered right and which options were chosen (scripts/hb item-stats reads it). */
  function exportResult(state, list, about) {
    var run = state.exam, result = run.result;
    if (!result) return null;
    return { format: RESULT_FORMAT, version: RESULT_VERSION, quiz: about.quiz, title: about.title || "",
             lang: about.lang || "", final: !!about.final, pass: about.pass, exported: about.now,
             submitted: result.at, seed: run.seed,
             score: { right: result.right, total: result.total, pct: result.pct, passed: result.passed },
             items: result.items || items(run, list) };
  }

  /* Submit the exam: its result, and the best score if this one is better. */
  function submit(state, list, pass, now) {
    var run = state.exam;
    var result = mark(index(list), run.order, run.answers, pass);
    result.at = now;
    result.items = items(run, list);
    run.result = result;
    if (!state.best || result.right * state.best.total > state.best.right * result.total) {
      state.best = { right: result.right, total: result.total, pct: result.pct, passed: result.passed, at: result.at };
    }
    return result;
  }

  function wrong(run, list) {
    var byId = index(list);
    return run.order.filter(function (id) {
      return run.result ? !isRight(byId[id], run.answers[id]) : run.checked[id] === false;
    });
  }

  return { items: items, chosen: chosen, exportResult: exportResult, RESULT_FORMAT: RESULT_FORMAT,
           RESULT_VERSION: RESULT_VERSION, seeded: seeded, reshuffle: reshuffle, permFor: permFor, shuffle: shuffle, arrange: arrange, isAnswer: isAnswer, isRight: isRight, mark: mark, draw: draw,
           attempt: attempt, fresh: fresh, parse: parse, bestOf: bestOf, serialize: serialize, submit: submit, wrong: wrong, FORMAT: FORMAT };
});
