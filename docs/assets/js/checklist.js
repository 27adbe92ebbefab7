/* Checklist pages: keep ticks and sign-off fields in this browser, show
 * progress and completion, reset on request, print blank or as ticked.
 *
 * The page works without this script: its items are real checkboxes (task
 * lists) that can be ticked and printed. The state logic is in
 * checklist-state.js; this file only connects it to the page.
 */
(function () {
  "use strict";

  var State = window.HbChecklistState;
  var PREFIX = "handbook.checklist.";

  var Kit = window.HbWidget;
  var format = Kit.format, element = Kit.element, button = Kit.button;

  function init(root) {
    if (root.getAttribute("data-hb-ready")) return;
    root.setAttribute("data-hb-ready", "true");
    var words = JSON.parse(root.getAttribute("data-hb-strings"));
    var key = PREFIX + root.getAttribute("data-hb-checklist");
    var version = root.getAttribute("data-hb-version");
    var locale = root.getAttribute("data-hb-lang") === "zh" ? "zh-CN" : "en-GB";
    var rows = Array.prototype.slice.call(root.querySelectorAll("li[data-hb-item]"));
    var items = rows.map(function (row) {
      return { id: row.getAttribute("data-hb-item"), text: row.getAttribute("data-hb-text"),
               required: row.getAttribute("data-hb-required") === "true" };
    });
    var boxes = {};
    rows.forEach(function (row) { boxes[row.getAttribute("data-hb-item")] = row.querySelector("input[type=checkbox]"); });
    var fields = Array.prototype.slice.call(root.querySelectorAll("input[data-hb-field]"));

    // Paper says where the form came from: the address this page was opened at.
    var address = root.querySelector(".hb-print-url");
    if (address) address.textContent = location.origin + location.pathname;

    var storage = Kit.openStorage(PREFIX);
    var raw = null;
    try { raw = storage ? storage.getItem(key) : null; } catch (error) { storage = null; }
    var loaded = State.parse(raw, version);
    var fitted = State.reconcile(loaded.state, items, version);
    var state = fitted.state;

    // The bar: progress (announced to screen readers), completion, actions, notices.
    var bar = element("div", "hb-checklist-bar");
    var status = element("p", "hb-progress");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var meter = element("progress", "hb-meter");
    meter.max = items.length;
    meter.setAttribute("aria-hidden", "true");
    var actions = element("div", "hb-checklist-actions");
    var resetter = Kit.resetControl(words, key.replace(/\W/g, "-") + "-confirm", reset);
    actions.appendChild(button(words.print_ticked, function () { print(false); }));
    actions.appendChild(button(words.print_blank, function () { print(true); }));
    actions.appendChild(resetter.button);
    var notice = element("p", "hb-notice");
    notice.setAttribute("role", "alert");
    var saved = element("p", "hb-meta hb-saved-note", storage ? words.saved_here : "");
    bar.appendChild(meter);
    bar.appendChild(actions);
    bar.appendChild(resetter.box);
    bar.appendChild(notice);
    bar.appendChild(saved);
    var slot = root.querySelector(".hb-checklist-slot");
    slot.appendChild(status);
    slot.appendChild(bar);

    var messages = [];
    if (!storage) messages.push(words.no_storage);
    else if (loaded.corrupt) messages.push(words.corrupt);
    var changes = fitted.changes;
    var details = [];
    if (changes.added.length) details.push(format(words.added, { n: changes.added.length }));
    if (changes.removed.length) details.push(format(words.removed, { n: changes.removed.length }));
    if (changes.reworded.length) details.push(format(words.reworded, { n: changes.reworded.length }));
    if (details.length) messages.push(format(words.changed, { details: details.join(locale === "zh-CN" ? "，" : ", ") }));
    function flag(ids, text) {
      ids.forEach(function (id) {
        var row = root.querySelector('li[data-hb-item="' + id + '"]');
        Kit.flag(row, row.querySelector(".hb-item-text"), text);
      });
    }
    flag(changes.added, words.item_new);
    flag(changes.reworded, words.item_changed);
    notice.textContent = messages.join(" ");
    notice.hidden = !messages.length;
    if (storage && (loaded.corrupt || details.length)) save();

    rows.forEach(function (row) {
      var id = row.getAttribute("data-hb-item");
      boxes[id].addEventListener("change", function () {
        State.setItem(state, items, id, boxes[id].checked, new Date());
        save();
        render();
      });
    });
    fields.forEach(function (input) {
      input.addEventListener("input", function () {
        State.setField(state, input.getAttribute("data-hb-field"), input.value);
        save();
        render();
      });
    });
    render();

    function save() {
      if (!storage) return;
      try {
        storage.setItem(key, State.serialize(state));
      } catch (error) {
        storage = null;
        notice.textContent = words.no_storage;
        notice.hidden = false;
        saved.textContent = "";
      }
    }

    function completedText() {
      return state.completedAt ? new Date(state.completedAt).toLocaleString(locale, {
        year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "";
    }

    function render() {
      items.forEach(function (item) {
        var on = !!state.items[item.id];
        boxes[item.id].checked = on;
        boxes[item.id].closest("li").classList.toggle("hb-done", on);
      });
      fields.forEach(function (input) {
        var value = state.fields[input.getAttribute("data-hb-field")] || "";
        if (input.value !== value) input.value = value;
      });
      var counts = State.progress(state, items);
      var text = format(words.progress, { done: counts.done, total: counts.total }) + " · " +
        (counts.requiredLeft ? format(words.required_left, { n: counts.requiredLeft }) : words.required_done);
      if (state.completedAt) text += " · " + format(words.completed, { time: completedText() });
      status.textContent = text;
      meter.value = counts.done;
      root.classList.toggle("hb-complete", !!state.completedAt);
      var printed = { field_completed: completedText(), field_name: state.fields.name,
                      field_staff: state.fields.staff, field_date: state.fields.date };
      Object.keys(printed).forEach(function (name) {
        var line = root.querySelector('[data-hb-print="' + name + '"]');
        if (line) line.textContent = printed[name] || "";
      });
    }

    function reset() {
      state = State.empty(version);
      if (storage) {
        try { storage.removeItem(key); } catch (error) { /* nothing saved to remove */ }
      }
      rows.forEach(Kit.unflag);
      notice.hidden = true;
      render();
      status.textContent = words.reset_done + " " + status.textContent;
    }

    function print(blank) {
      root.classList.toggle("hb-print-blank", blank);
      window.print();
    }
  }

  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".hb-print-blank"), function (root) {
      root.classList.remove("hb-print-blank");
    });
  });

  Kit.onEachPage(".hb-checklist[data-hb-checklist]", init);
})();
