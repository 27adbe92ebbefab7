/* Best scores and onboarding progress, read from what the quiz widget saved:
 * fills every [data-hb-best] and [data-hb-status] on the page (the quiz index,
 * the onboarding path), and keeps the completion record's name and date. */
(function () {
  "use strict";
  var W = window.HbWidget, PREFIX = "handbook.quiz.", RECORD = "handbook.onboarding";

  W.onEachPage(".md-content", function (content) {
    if (content.querySelector("[data-hb-best]")) fill(content, content.querySelector(".hb-onboarding"));
  });

  /* A quiz's best exam score, or null where none is saved or it cannot be read. */
  function best(storage, id) {
    try {
      var saved = JSON.parse(storage.getItem(PREFIX + id)), b = saved && saved.best;
      return b && typeof b.right === "number" && b.total > 0 ? b : null;
    } catch (error) {
      return null;
    }
  }

  function fill(scope, root) {
    var storage = W.openStorage(PREFIX);
    var settings = root ? JSON.parse(root.getAttribute("data-hb-onboarding")) : null;
    var words = root ? JSON.parse(root.getAttribute("data-hb-strings")) : {};
    var passed = 0;
    Array.prototype.forEach.call(scope.querySelectorAll("[data-hb-best]"), function (cell) {
      var id = cell.getAttribute("data-hb-best"), score = storage ? best(storage, id) : null;
      var ok = !!score && (settings ? score.right * 100 >= settings.pass * score.total : score.passed);
      cell.textContent = score ? Math.floor(score.right * 1000 / score.total) / 10 + "% (" + score.right + "/" + score.total + ")" : "—";
      var status = scope.querySelector('[data-hb-status="' + id + '"]');
      if (status) {
        var tried = storage && storage.getItem(PREFIX + id);
        status.textContent = words[ok ? "passed" : tried ? "tried" : "todo"] || "";
        status.className = "hb-status hb-status-" + (ok ? "passed" : tried ? "tried" : "todo");
      }
      if (ok && settings && settings.quizzes.indexOf(id) >= 0) passed += 1;
    });
    if (!settings) return;
    var total = settings.quizzes.length, final = storage ? best(storage, settings.final) : null;
    var finalPassed = !!final && final.right * 100 >= settings.pass * final.total;
    var line = root.querySelector("[data-hb-progress]"), bar = W.element("progress");
    bar.max = total + 1;
    bar.value = passed + (finalPassed ? 1 : 0);
    line.textContent = W.format(words.progress, { n: passed, total: total }) + " · " +
      W.format(words.final, { result: final ? words[finalPassed ? "passed" : "tried"] : words.final_none }) +
      (passed === total && finalPassed ? " · " + words.complete : "");
    line.insertBefore(bar, line.firstChild);
    record(root, storage);
  }

  /* The name and date on the completion record, kept for the next visit. */
  function record(root, storage) {
    var saved = {};
    try { saved = JSON.parse(storage && storage.getItem(RECORD)) || {}; } catch (error) { saved = {}; }
    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-field]"), function (input) {
      var name = input.getAttribute("data-hb-field");
      var line = root.querySelector('[data-hb-print="field_' + name + '"]');
      if (typeof saved[name] === "string") input.value = saved[name];
      if (line) line.textContent = input.value;
      input.addEventListener("input", function () {
        saved[name] = input.value;
        if (line) line.textContent = input.value;
        try { if (storage) storage.setItem(RECORD, JSON.stringify(saved)); } catch (error) { /* keep going */ }
      });
    });
  }
})();
