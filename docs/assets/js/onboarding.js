/* Best scores and onboarding progress, read from what the quiz widget saved:
 * fills every [data-hb-best] and [data-hb-status] on the page (the quiz index,
 * the onboarding path), and keeps the completion record's name and date. */
(function () {
  "use strict";
  var W = window.HbWidget, PREFIX = "handbook.quiz.", RECORD = "handbook.onboarding";

  W.onEachPage(".md-content", function (content) {
    if (content.querySelector("[data-hb-best]")) fill(content, content.querySelector(".hb-onboarding"));
  });

  function best(storage, id) {
    return storage ? window.HbQuiz.bestOf(storage.getItem(PREFIX + id)) : null;
  }

  function fill(scope, root) {
    var storage = W.openStorage(PREFIX);
    var settings = root ? JSON.parse(root.getAttribute("data-hb-onboarding")) : null;
    var words = root ? JSON.parse(root.getAttribute("data-hb-strings")) : {};
    // The path marks against today's pass mark; the quiz index shows how each attempt was marked.
    function passes(score) { return !!score && (settings ? score.right * 100 >= settings.pass * score.total : score.passed); }
    var passed = 0;
    Array.prototype.forEach.call(scope.querySelectorAll("[data-hb-best]"), function (cell) {
      var id = cell.getAttribute("data-hb-best"), score = best(storage, id), state = passes(score) ? "passed" : score ? "tried" : "todo";
      cell.textContent = score ? score.pct + "% (" + score.right + "/" + score.total + ")" : "—";
      var status = scope.querySelector('[data-hb-status="' + id + '"]');
      if (status) {
        status.textContent = words[state];
        status.className = "hb-status hb-status-" + state;
      }
      if (state === "passed" && settings && settings.quizzes.indexOf(id) >= 0) passed += 1;
    });
    if (!settings) return;
    var total = settings.quizzes.length, final = best(storage, settings.final), finalPassed = passes(final);
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
