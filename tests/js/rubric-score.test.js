// Unit tests of the rubric scoring and saved data: node --test tests/js/
// Every expected total below is worked out by hand in the comment beside it.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Score = require("../../docs/assets/js/rubric-score.js");

const RUBRIC = {
  id: "r", title: "Rubric", version: "v1",
  levels: [{ id: "top", points: 100, name: "Top" }, { id: "mid", points: 60, name: "Mid" }, { id: "low", points: 0, name: "Low" }],
  bands: [{ grade: "A", min: 80, name: "Grade A" }, { grade: "B", min: 50, name: "Grade B" }, { grade: "C", min: 0, name: "Grade C" }],
  criteria: [
    { id: "x", title: "X", weight: 50, text: "fx", critical: [] },
    { id: "y", title: "Y", weight: 30, text: "fy", critical: [] },
    { id: "z", title: "Z", weight: 20, text: "fz", critical: [{ at: "low", cap: "B", because: "Z is decisive." }] },
  ],
};

function rate(x, y, z) {
  const answers = {};
  [["x", x], ["y", y], ["z", z]].forEach(([id, level]) => { if (level) answers[id] = { level }; });
  return Score.score(RUBRIC, answers);
}

test("every criterion at the top level scores 100 and the top grade", () => {
  const result = rate("top", "top", "top");
  assert.equal(result.score, 100);
  assert.equal(result.display, "100.0");
  assert.equal(result.grade, "A");
  assert.equal(result.complete, true);
});

test("every criterion at the bottom level scores 0 and the bottom grade", () => {
  const result = rate("low", "low", "low");
  assert.equal(result.score, 0);
  assert.equal(result.grade, "C");
});

test("weights: each criterion counts in proportion to its weight", () => {
  // 50×100 + 30×60 + 20×100 = 8800, over 100 → 88.0
  assert.equal(rate("top", "mid", "top").display, "88.0");
  // 50×60 + 30×100 + 20×100 = 8000 → 80.0; the same levels moved to the heavier criterion score differently:
  // 50×100 + 30×100 + 20×60 = 9200 → 92.0
  assert.equal(rate("mid", "top", "top").display, "80.0");
  assert.equal(rate("top", "top", "mid").display, "92.0");
});

test("a total exactly on a threshold takes the higher grade", () => {
  // 50×0 + 30×100 + 20×100 = 5000 → exactly 50 → B, not C
  const onEdge = rate("low", "top", "top");
  assert.equal(onEdge.display, "50.0");
  assert.equal(onEdge.grade, "B");
  // 50×60 + 30×100 + 20×100 = 8000 → exactly 80 → A
  assert.equal(rate("mid", "top", "top").grade, "A");
  // 50×0 + 30×100 + 20×60 = 4200 → 42 → C, under the B threshold
  assert.equal(rate("low", "top", "mid").grade, "C");
});

test("just under a threshold is the lower grade, and the shown total is not rounded up into it", () => {
  const rubric = Object.assign({}, RUBRIC, {
    bands: [{ grade: "A", min: 87, name: "A" }, { grade: "C", min: 0, name: "C" }],
    criteria: [{ id: "p", title: "P", weight: 2, text: "", critical: [] }, { id: "q", title: "Q", weight: 1, text: "", critical: [] }],
  });
  // (2×100 + 1×60) / 3 = 86.666… → shown 86.6 (not 86.7), and below 87 → C
  const result = Score.score(rubric, { p: { level: "top" }, q: { level: "mid" } });
  assert.equal(result.display, "86.6");
  assert.equal(result.grade, "C");
});

test("not-applicable criteria are left out and the rest rescaled", () => {
  // z not applicable: (50×100 + 30×60) / (50 + 30) = 6800 / 80 = 85.0 → A
  // (counted as 0 instead, it would be 68.0 → B)
  const result = rate("top", "mid", "na");
  assert.equal(result.display, "85.0");
  assert.equal(result.grade, "A");
  assert.equal(result.notApplicable, 1);
  assert.equal(result.complete, true);
  // x not applicable: (30×0 + 20×100) / 50 = 40.0 → C
  assert.equal(rate("na", "low", "top").display, "40.0");
});

test("a critical criterion at its level caps the grade, and says why", () => {
  // 50×100 + 30×100 + 20×0 = 8000 → 80 would be A, but z at "low" caps at B
  const result = rate("top", "top", "low");
  assert.equal(result.display, "80.0");
  assert.equal(result.byScore, "A");
  assert.equal(result.grade, "B");
  assert.deepEqual(result.capped, [{ criterion: "z", level: "low", cap: "B", because: "Z is decisive." }]);
});

test("a cap never raises a grade, and a not-applicable critical criterion caps nothing", () => {
  // 50×0 + 30×0 + 20×0 = 0 → C already, below the cap
  const low = rate("low", "low", "low");
  assert.equal(low.grade, "C");
  assert.deepEqual(low.capped, []);
  assert.equal(rate("top", "top", "na").grade, "A");
  assert.deepEqual(rate("top", "top", "mid").capped, []);
});

test("a cap applies at its level or any worse level", () => {
  const rubric = Object.assign({}, RUBRIC, { criteria: RUBRIC.criteria.map((c) =>
    c.id === "z" ? Object.assign({}, c, { critical: [{ at: "mid", cap: "B", because: "" }] }) : c) });
  assert.equal(Score.score(rubric, { x: { level: "top" }, y: { level: "top" }, z: { level: "mid" } }).grade, "B");
  assert.equal(Score.score(rubric, { x: { level: "top" }, y: { level: "top" }, z: { level: "low" } }).grade, "B");
  assert.equal(Score.score(rubric, { x: { level: "top" }, y: { level: "top" }, z: { level: "top" } }).grade, "A");
});

test("unrated criteria are listed, and the score so far is provisional", () => {
  // only x rated: 50×60 / 50 = 60.0
  const result = rate("mid", null, null);
  assert.equal(result.display, "60.0");
  assert.deepEqual(result.missing, ["y", "z"]);
  assert.equal(result.complete, false);
});

test("nothing rated, or everything not applicable, gives no score", () => {
  for (const result of [rate(null, null, null), rate("na", "na", "na")]) {
    assert.equal(result.score, null);
    assert.equal(result.grade, null);
    assert.equal(result.complete, false);
  }
  assert.equal(Score.score(RUBRIC, { x: { level: "no-such-level" } }).missing.length, 3);
});

function savedText(extra) {
  return JSON.stringify(Object.assign({ format: 1, draft: { version: "v1", fields: {}, answers: {} }, saved: [] }, extra));
}

test("nothing saved is an empty draft; corrupt saved text is an empty draft, reported", () => {
  for (const raw of [null, undefined, ""]) assert.equal(Score.parse(raw, "v1").corrupt, false);
  for (const raw of ["{oops", "[]", "7", "null", '{"format":2}', '{"draft":{}}']) {
    const { state, corrupt } = Score.parse(raw, "v1");
    assert.equal(corrupt, true, raw);
    assert.deepEqual(state.draft.answers, {}, raw);
    assert.deepEqual(state.saved, [], raw);
  }
});

test("malformed parts of a draft are dropped, and long text is cut to size", () => {
  const { state } = Score.parse(savedText({ draft: { version: "v1",
    fields: { assessor: "Wang", person: 42, context: "x".repeat(5000), evil: "y" },
    answers: { x: { level: "top", comment: "ok" }, y: "top", z: [1], w: { level: 3 } } } }), "v1");
  assert.deepEqual(Object.keys(state.draft.fields).sort(), ["assessor", "context"]);
  assert.equal(state.draft.fields.context.length, 1000);
  assert.deepEqual(state.draft.answers, { x: { level: "top", comment: "ok" } });
});

test("damaged saved assessments are left out and counted; sound ones kept", () => {
  const good = Score.finish({ fields: { person: "Li" }, answers: { x: { level: "top" } } }, RUBRIC, new Date("2026-11-24T10:00:00Z"), "a1");
  const { state, dropped, corrupt } = Score.parse(savedText({ saved: [good, { id: "a2" }, "junk", null] }), "v1");
  assert.equal(corrupt, false);
  assert.equal(dropped, 3);
  assert.deepEqual(state.saved.map((a) => a.id), ["a1"]);
});

test("reconcile keeps ratings that still mean the same and drops the rest, keeping comments", () => {
  const draft = { version: "old", fields: { person: "Li" }, answers: {
    x: { level: "top", text: "fx" },                       // same criterion: kept
    y: { level: "mid", text: "changed", comment: "note" }, // reworded since: rating dropped, comment kept
    z: { level: "gone", text: "fz" },                      // level no longer exists: dropped
    q: { level: "top", text: "fq" },                       // criterion removed: dropped silently
  } };
  const { draft: fitted, dropped } = Score.reconcile(draft, RUBRIC);
  assert.equal(fitted.version, "v1");
  assert.deepEqual(fitted.answers, { x: { level: "top", text: "fx" }, y: { comment: "note" } });
  assert.deepEqual(dropped.sort(), ["y", "z"]);
  assert.deepEqual(fitted.fields, { person: "Li" });
});

test("a finished assessment keeps its names, weights and result", () => {
  const draft = Score.emptyDraft("v1");
  Score.setField(draft, "person", "李明");
  Score.setField(draft, "assessor", "王");
  Score.setAnswer(draft, RUBRIC, "x", "top");
  Score.setAnswer(draft, RUBRIC, "y", "na");
  Score.setAnswer(draft, RUBRIC, "z", "low");
  Score.setComment(draft, "z", "说话粗鲁");
  // (50×100 + 20×0) / 70 = 71.428… → 71.4 → B (the cap at B changes nothing)
  const done = Score.finish(draft, RUBRIC, new Date("2026-11-24T10:00:00Z"), "r-1");
  assert.equal(done.result.display, "71.4");
  assert.equal(done.result.grade, "B");
  assert.equal(done.result.gradeName, "Grade B");
  assert.equal(done.savedAt, "2026-11-24T10:00:00.000Z");
  assert.deepEqual(done.criteria.map((c) => [c.id, c.level, c.levelName, c.points, c.weight, c.comment]), [
    ["x", "top", "Top", 100, 50, ""], ["y", "na", "", null, 30, ""], ["z", "low", "Low", 0, 20, "说话粗鲁"]]);
  assert.deepEqual(Score.missing(draft, RUBRIC), { fields: ["date"], criteria: [], standards: [] });
});

test("saved state reads back the same", () => {
  const state = { format: 1, draft: Score.emptyDraft("v1"), saved: [] };
  Score.setAnswer(state.draft, RUBRIC, "x", "mid");
  Score.setComment(state.draft, "x", "fine");
  state.saved.push(Score.finish(state.draft, RUBRIC, new Date("2026-11-24T10:00:00Z"), "r-2"));
  const back = Score.parse(Score.serialize(state), "v1");
  assert.deepEqual(back.state, state);
  assert.equal(back.dropped, 0);
});

test("CSV: a UTF-8 mark, one row per criterion of each assessment, safe quoting", () => {
  const one = Score.finish({ fields: { person: "Li, Ming", assessor: "=cmd()", date: "2026-11-24", context: "counter" },
    answers: { x: { level: "top", comment: 'said "hello"\nthen left' }, y: { level: "mid" }, z: { level: "na" } } },
    RUBRIC, new Date("2026-11-24T10:00:00Z"), "r-3");
  const two = Score.finish({ fields: { person: "Zhang" }, answers: {} }, RUBRIC, new Date("2026-11-25T10:00:00Z"), "r-4");
  const csv = Score.toCSV([one, two], { person: "被评估人" }, "N/A");
  assert.equal(csv.charCodeAt(0), 0xfeff);
  const lines = csv.slice(1).split("\r\n").filter(Boolean);
  assert.equal(lines.length, 1 + 2 * 3);   // a header, then three criteria for each of two assessments
  assert.ok(lines[0].includes("被评估人"));
  assert.ok(lines[1].startsWith("r-3,r,v1,2026-11-24T10:00:00.000Z,'=cmd(),\"Li, Ming\",2026-11-24,counter,"));
  // (50×100 + 30×60) / 80 = 85.0 → Grade A
  assert.ok(lines[1].includes(",85.0,Grade A,"));
  assert.ok(csv.includes('"said ""hello""\nthen left"'));
  assert.ok(lines.some((line) => line.startsWith("r-3") && line.includes(",z,Z,20,N/A,,")));
});

test("JSON export reads back to the same assessments", () => {
  const one = Score.finish({ fields: { person: "Li" }, answers: { x: { level: "top" } } }, RUBRIC, new Date("2026-11-24T10:00:00Z"), "r-5");
  const data = JSON.parse(Score.toJSON([one], RUBRIC, new Date("2026-11-26T09:00:00Z")));
  assert.deepEqual(data.rubric, { id: "r", title: "Rubric", version: "v1" });
  assert.equal(data.exported, "2026-11-26T09:00:00.000Z");
  assert.deepEqual(data.assessments, [one]);
});

// The service-attitude assessment's numbers as the rubric sets them (checklists/rubrics/01-service-attitude.yml):
// levels 100/80/60/0, bands 90/75/60/0, weights 15 each and appearance 10; every criterion 001 五（二）
// speaks of caps at the grade whose feature each of its cells quotes.
const GRADES = [["good", "G2"], ["pass", "G3"], ["fail", "G4"]];
const QUOTED = ["attitude", "language", "behaviour", "process", "satisfaction", "complaints"];
const ATTITUDE = {
  id: "service-attitude-assessment", title: "考核", version: "v",
  levels: [{ id: "excellent", points: 100, name: "优秀" }, { id: "good", points: 80, name: "良好" },
           { id: "pass", points: 60, name: "合格" }, { id: "fail", points: 0, name: "不合格" }],
  bands: [{ grade: "G1", min: 90, name: "优秀" }, { grade: "G2", min: 75, name: "良好" },
          { grade: "G3", min: 60, name: "合格" }, { grade: "G4", min: 0, name: "不合格" }],
  criteria: ["attitude", "language", "behaviour", "appearance", "process", "satisfaction", "complaints"].map((id) => ({
    id, title: id, weight: id === "appearance" ? 10 : 15, text: "f-" + id,
    critical: QUOTED.includes(id) ? GRADES.map(([at, cap]) => ({ at, cap, because: id + " at " + at })) : [] })),
};

function rateAttitude(levels) {
  const answers = {};
  ATTITUDE.criteria.forEach((c) => { answers[c.id] = { level: levels[c.id] || "excellent" }; });
  return Score.score(ATTITUDE, answers);
}

test("attitude rated 不合格 with everything else 优秀: 85.0 by the score, and 不合格", () => {
  // 100 − 15 × 100/100 = 85.0, which the bands make 良好; 服务态度差 is a feature of 不合格.
  const result = rateAttitude({ attitude: "fail" });
  assert.deepEqual([result.display, result.byScore, result.grade], ["85.0", "G2", "G4"]);
  assert.deepEqual(result.capped.map((cap) => cap.because), ["attitude at fail"]);
});

test("each of the six features of 不合格 caps at 不合格; appearance, which has none, does not", () => {
  QUOTED.forEach((id) => {
    const result = rateAttitude({ [id]: "fail" });
    assert.deepEqual([result.display, result.grade], ["85.0", "G4"], id);
  });
  // appearance at 0: 100 − 10 = 90.0, 优秀, uncapped.
  const appearance = rateAttitude({ appearance: "fail" });
  assert.deepEqual([appearance.display, appearance.grade, appearance.capped], ["90.0", "G1", []]);
});

test("a feature of 良好 or 合格 caps there, and the worst cap wins", () => {
  // language at 80: 100 − 15 × 20/100 = 97.0, 优秀 by score, 良好 by 语言较规范.
  assert.deepEqual(["display", "byScore", "grade"].map((k) => rateAttitude({ language: "good" })[k]), ["97.0", "G1", "G2"]);
  // process at 60: 100 − 15 × 40/100 = 94.0, 合格 by 能完成基本的服务流程.
  assert.deepEqual(["display", "grade"].map((k) => rateAttitude({ process: "pass" })[k]), ["94.0", "G3"]);
  // satisfaction at 80 and complaints at 60: 100 − 3 − 6 = 91.0; the caps 良好 and 合格: 合格.
  const both = rateAttitude({ satisfaction: "good", complaints: "pass" });
  assert.deepEqual([both.display, both.grade], ["91.0", "G3"]);
  assert.deepEqual(both.capped.map((cap) => cap.criterion), ["complaints"], "only the cap that decides is named");
  // Everything at 良好: 80.0 and 良好 by score; the caps agree.
  const good = rateAttitude(Object.fromEntries(ATTITUDE.criteria.map((c) => [c.id, "good"])));
  assert.deepEqual([good.display, good.grade, good.capped], ["80.0", "G2", []]);
});

test("a standard the organisation has not set must be written down before the assessment is saved", () => {
  const rubric = { ...RUBRIC, criteria: RUBRIC.criteria.map((c) => c.id === "y" ? { ...c, standard: { asks: "本单位标准", value: null } } : c) };
  const draft = { fields: { assessor: "A", person: "P", date: "2026-12-06" }, answers: { x: { level: "top" }, y: { level: "mid" }, z: { level: "top" } } };
  assert.deepEqual(Score.missing(draft, rubric).standards, ["y"]);
  Score.setStandard(draft, "y", "电话20秒内接听");
  assert.deepEqual(Score.missing(draft, rubric).standards, []);
  const saved = Score.finish(draft, rubric, new Date("2026-12-06T10:00:00Z"), "r-9");
  assert.equal(saved.criteria.find((c) => c.id === "y").standard, "电话20秒内接听");
  assert.ok(Score.toCSV([saved], {}, "N/A").includes(",电话20秒内接听\r\n"));
  // Not applicable needs no standard; a standard the organisation has set needs none written down.
  assert.deepEqual(Score.missing({ ...draft, answers: { y: { level: "na" } } }, rubric).standards, []);
  const set = { ...rubric, criteria: rubric.criteria.map((c) => c.id === "y" ? { ...c, standard: { asks: "标准", value: "20秒" } } : c) };
  assert.deepEqual(Score.missing({ ...draft, answers: { y: { level: "mid" } } }, set).standards, []);
  assert.equal(Score.finish({ fields: {}, answers: { y: { level: "mid" } } }, set, new Date(), "r").criteria[1].standard, "20秒");
  // The written standard survives a reload and a rubric update.
  const back = Score.parse(Score.serialize({ format: Score.FORMAT, draft, saved: [] }), "v1").state.draft;
  assert.equal(Score.reconcile(back, rubric).draft.answers.y.standard, "电话20秒内接听");
});
