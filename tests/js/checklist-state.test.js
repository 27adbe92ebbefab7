// Unit tests of the checklist state logic: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const State = require("../../docs/assets/js/checklist-state.js");

const ITEMS = [
  { id: "a", text: "h-a", required: true },
  { id: "b", text: "h-b", required: true },
  { id: "c", text: "h-c", required: false },
];

function saved(items, extra) {
  return JSON.stringify(Object.assign({ format: 1, version: "v1", items: items, fields: {}, completedAt: null }, extra));
}

test("nothing saved: an empty checklist, not reported as corrupt", () => {
  for (const raw of [null, undefined, ""]) {
    const { state, corrupt } = State.parse(raw, "v1");
    assert.equal(corrupt, false);
    assert.deepEqual(state.items, {});
  }
});

test("corrupt saved text gives an empty checklist and says so", () => {
  for (const raw of ["{not json", "[]", "42", "null", '{"format":1}', '{"format":99,"items":{}}',
                     '{"format":1,"items":[1,2]}']) {
    const { state, corrupt } = State.parse(raw, "v1");
    assert.equal(corrupt, true, raw);
    assert.deepEqual(state.items, {}, raw);
    assert.equal(state.version, "v1");
  }
});

test("malformed entries inside valid state are dropped, the rest kept", () => {
  const raw = saved({ a: { on: true, text: "h-a" }, b: "yes", c: { on: "true" } },
                    { fields: { name: "王小明", staff: 7, date: "2026-11-24" }, completedAt: "not a time" });
  const { state, corrupt } = State.parse(raw, "v1");
  assert.equal(corrupt, false);
  assert.deepEqual(Object.keys(state.items), ["a"]);
  assert.deepEqual(state.fields, { name: "王小明", date: "2026-11-24" });
  assert.equal(state.completedAt, null);
});

test("progress counts ticked items and required items left", () => {
  const state = State.empty("v1");
  assert.deepEqual(State.progress(state, ITEMS), { done: 0, total: 3, requiredLeft: 2, complete: false });
  State.setItem(state, ITEMS, "c", true);
  assert.deepEqual(State.progress(state, ITEMS), { done: 1, total: 3, requiredLeft: 2, complete: false });
});

test("ticking the last required item completes the checklist at that time; unticking undoes it", () => {
  const state = State.empty("v1");
  const first = new Date("2026-11-24T06:30:00Z");
  State.setItem(state, ITEMS, "a", true, first);
  assert.equal(state.completedAt, null);
  State.setItem(state, ITEMS, "b", true, first);
  assert.equal(state.completedAt, "2026-11-24T06:30:00.000Z");
  State.setItem(state, ITEMS, "c", true, new Date("2026-11-24T07:00:00Z"));
  assert.equal(state.completedAt, "2026-11-24T06:30:00.000Z", "an optional item does not move the time");
  State.setItem(state, ITEMS, "a", false);
  assert.equal(state.completedAt, null);
});

test("an id that is not on the checklist is ignored", () => {
  const state = State.empty("v1");
  State.setItem(state, ITEMS, "zzz", true);
  assert.deepEqual(state.items, {});
});

test("same version: saved ticks come back, nothing reported", () => {
  const { state } = State.parse(saved({ a: { on: true, text: "h-a" } }), "v1");
  const fitted = State.reconcile(state, ITEMS, "v1");
  assert.deepEqual(Object.keys(fitted.state.items), ["a"]);
  assert.deepEqual(fitted.changes, { added: [], removed: [], reworded: [] });
});

test("older version: ticks matched by id; removed, added and reworded items reported", () => {
  const old = saved({ a: { on: true, text: "h-a" }, b: { on: true, text: "old wording" }, gone: { on: true, text: "x" } },
                    { version: "v0", completedAt: "2026-11-01T08:00:00.000Z" });
  const items = ITEMS.concat([{ id: "d", text: "h-d", required: true }]);
  const fitted = State.reconcile(State.parse(old, "v2").state, items, "v2");
  assert.deepEqual(Object.keys(fitted.state.items), ["a"], "the reworded item is unticked, the removed one dropped");
  assert.deepEqual(fitted.changes, { added: ["c", "d"], removed: ["gone"], reworded: ["b"] });
  assert.equal(fitted.state.version, "v2");
  assert.equal(fitted.state.completedAt, null, "no longer complete: required items are unticked");
});

test("older version never started: no changes to report", () => {
  const fitted = State.reconcile(State.parse(saved({}, { version: "v0" }), "v1").state, ITEMS, "v1");
  assert.deepEqual(fitted.changes, { added: [], removed: [], reworded: [] });
});

test("fields are kept as text and bounded", () => {
  const state = State.empty("v1");
  State.setField(state, "name", "x".repeat(500));
  State.setField(state, "unknown", "y");
  assert.equal(state.fields.name.length, 200);
  assert.equal("unknown" in state.fields, false);
});

test("serialised state parses back to the same state", () => {
  const state = State.empty("v1");
  State.setItem(state, ITEMS, "a", true, new Date("2026-11-24T06:30:00Z"));
  State.setField(state, "staff", "A-0012");
  assert.deepEqual(State.parse(State.serialize(state), "v1"), { state: state, corrupt: false });
});
