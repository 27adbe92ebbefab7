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
    exporter(scope, root, storage, settings, words);
  }

  /* The last submitted exam of a quiz, with its questions, from what quiz.js saved. */
  function lastExam(storage, id) {
    var data = null;
    try { data = JSON.parse(storage && storage.getItem(PREFIX + id)); } catch (error) { data = null; }
    var result = data && data.exam && data.exam.result;
    if (!result || typeof result !== "object" || !Array.isArray(result.items)) return null;
    return { submitted: result.at, seed: data.exam.seed, score: { right: result.right, total: result.total, pct: result.pct, passed: result.passed },
             items: result.items };
  }

  /* A button that downloads the record: the learner, each quiz's best score and its last
   * submitted exam question by question, for the trainer's statistics (scripts/hb item-stats). */
  function exporter(scope, root, storage, settings, words) {
    var print = scope.querySelector("#record ~ p [data-hb-print-page]") || scope.querySelector("[data-hb-print-page]");
    if (!print || scope.querySelector("[data-hb-export-record]")) return;
    var button = W.button(words.export_record, function () {
      var saved = {};
      try { saved = JSON.parse(storage && storage.getItem(RECORD)) || {}; } catch (error) { saved = {}; }
      var ids = settings.quizzes.concat([settings.final]);
      var data = { format: "handbook-onboarding-record", version: 1, learner: saved.learner || "",
                   date: saved.record_date || "", exported: new Date().toISOString(), pass: settings.pass,
                   quizzes: ids.map(function (id) {
                     return { quiz: id, final: id === settings.final, best: best(storage, id), exam: lastExam(storage, id) };
                   }) };
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      link.download = "onboarding-record" + (data.learner ? "-" + data.learner.replace(/[\\/:*?"<>|\s]+/g, "_") : "") + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
    button.setAttribute("data-hb-export-record", "");
    print.parentNode.appendChild(document.createTextNode(" "));
    print.parentNode.appendChild(button);
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
