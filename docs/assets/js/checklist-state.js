/* The saved state of one checklist, as plain data: no DOM, so Node can test it.
 *
 * Saved state: {format: 1, version, items: {id: {on: true, text: fingerprint}},
 *               fields: {name, staff, date}, completedAt: ISO time or null}
 * Items are matched by id, so state saved from an older version of a
 * checklist keeps what still applies: removed items are dropped, new items
 * start unticked, and an item whose rule was reworded is unticked and
 * reported, because the tick was given to the old wording.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.HbChecklistState = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = 1;
  var FIELDS = ["name", "staff", "date"];

  function empty(version) {
    return { format: FORMAT, version: version, items: {}, fields: {}, completedAt: null };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Read saved text. Returns {state, corrupt}: anything unreadable gives an empty state. */
  function parse(raw, version) {
    if (raw === null || raw === undefined || raw === "") return { state: empty(version), corrupt: false };
    var data;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      return { state: empty(version), corrupt: true };
    }
    if (!isObject(data) || data.format !== FORMAT || !isObject(data.items)) {
      return { state: empty(version), corrupt: true };
    }
    var state = empty(typeof data.version === "string" ? data.version : null);
    Object.keys(data.items).forEach(function (id) {
      var item = data.items[id];
      if (isObject(item) && item.on === true) {
        state.items[id] = { on: true, text: typeof item.text === "string" ? item.text : "" };
      }
    });
    if (isObject(data.fields)) {
      FIELDS.forEach(function (name) {
        if (typeof data.fields[name] === "string") state.fields[name] = data.fields[name].slice(0, 200);
      });
    }
    if (typeof data.completedAt === "string" && !isNaN(Date.parse(data.completedAt))) {
      state.completedAt = data.completedAt;
    }
    return { state: state, corrupt: false };
  }

  /* Fit saved state to the checklist on the page: items = [{id, text, required}]. */
  function reconcile(state, items, version) {
    var changes = { added: [], removed: [], reworded: [] };
    var result = empty(version);
    result.fields = state.fields;
    result.completedAt = state.completedAt;
    // "New" only means something to someone who had started an older version.
    var startedOlder = state.version !== version && Object.keys(state.items).length > 0;
    var known = {};
    items.forEach(function (item) {
      known[item.id] = true;
      var saved = state.items[item.id];
      if (!saved) {
        if (startedOlder) changes.added.push(item.id);
      } else if (saved.text !== item.text) {
        changes.reworded.push(item.id);
      } else {
        result.items[item.id] = saved;
      }
    });
    Object.keys(state.items).forEach(function (id) {
      if (!known[id]) changes.removed.push(id);
    });
    if (!progress(result, items).complete) result.completedAt = null;
    return { state: result, changes: changes };
  }

  function progress(state, items) {
    var done = 0;
    var requiredLeft = 0;
    items.forEach(function (item) {
      var on = !!(state.items[item.id] && state.items[item.id].on);
      if (on) done += 1;
      else if (item.required) requiredLeft += 1;
    });
    return { done: done, total: items.length, requiredLeft: requiredLeft, complete: requiredLeft === 0 };
  }

  /* Tick or untick an item; the checklist is completed when the last required item is ticked. */
  function setItem(state, items, id, on, now) {
    var item = items.filter(function (candidate) { return candidate.id === id; })[0];
    if (!item) return state;
    if (on) state.items[id] = { on: true, text: item.text };
    else delete state.items[id];
    var complete = progress(state, items).complete;
    if (!complete) state.completedAt = null;
    else if (!state.completedAt) state.completedAt = (now || new Date()).toISOString();
    return state;
  }

  function setField(state, name, value) {
    if (FIELDS.indexOf(name) !== -1) state.fields[name] = String(value).slice(0, 200);
    return state;
  }

  function serialize(state) {
    return JSON.stringify(state);
  }

  return {
    FORMAT: FORMAT, empty: empty, parse: parse, reconcile: reconcile,
    progress: progress, setItem: setItem, setField: setField, serialize: serialize
  };
});
