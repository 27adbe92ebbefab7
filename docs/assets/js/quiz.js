/* The quiz widget: renders the page's questions, runs practice and exam mode,
 * and keeps progress and the best score in localStorage (quiz-engine.js does the marking). */
(function () {
  "use strict";
  var W = window.HbWidget, Q = window.HbQuiz, PREFIX = "handbook.quiz.";

  W.onEachPage(".hb-quiz", start);

  function start(root) {
    if (root.hbStarted) return;
    root.hbStarted = true;
    var words = JSON.parse(root.getAttribute("data-hb-strings"));
    var list = JSON.parse(root.querySelector(".hb-quiz-data").textContent);
    var byId = {};
    list.forEach(function (q) { byId[q.id] = q; });
    var quizId = root.getAttribute("data-hb-quiz");
    var pass = Number(root.getAttribute("data-hb-pass"));
    var count = Number(root.getAttribute("data-hb-final") || 0);
    var storage = W.openStorage(PREFIX), key = PREFIX + quizId;
    var loaded = Q.parse(storage ? storage.getItem(key) : null, list, Math.random, count);
    var state = loaded.state;
    var el = W.element;
    function say(name, values) { return W.format(words[name], values || {}); }

    var modes = el("div", "hb-quiz-modes"), modeButtons = {};
    modes.setAttribute("role", "group");
    modes.setAttribute("aria-label", words.mode);
    ["practice", "exam"].forEach(function (mode) {
      var b = W.button(words[mode], function () { state.mode = mode; save(); render(); });
      modeButtons[mode] = b;
      modes.appendChild(b);
    });
    var help = el("p", "hb-quiz-help");
    var notice = el("p", "hb-notice");
    notice.setAttribute("role", "alert");
    var status = el("p", "hb-quiz-status");
    status.setAttribute("role", "status");
    var items = el("ol", "hb-quiz-list");
    var result = el("p", "hb-quiz-result");
    result.tabIndex = -1;
    var actions = el("div", "hb-quiz-actions");
    var live = el("p", "hb-visually-hidden");
    live.setAttribute("aria-live", "polite");
    // A final assessment has one mode, which its page describes: no mode buttons, no help line.
    if (!count) [modes, help].forEach(function (node) { root.appendChild(node); });
    [notice, status, items, result, actions, live].forEach(function (node) { root.appendChild(node); });
    var problems = [];
    if (loaded.corrupt) problems.push(words.corrupt);
    if (loaded.dropped) problems.push(say("changed", { n: loaded.dropped }));
    if (!storage) problems.push(words.no_storage);
    notice.textContent = problems.join(" ");
    notice.hidden = !problems.length;
    render();
    root.setAttribute("data-hb-ready", "");   // its space was kept until now (handbook.css)
    save();    // the attempt's order (a final assessment's draw) is kept from the first view

    function run() { return state.mode === "exam" ? state.exam : state.practice; }
    function exam() { return state.mode === "exam"; }
    function shown() { var r = run(); return !exam() && r.only ? r.only : r.order; }

    function save() {
      try { if (storage) storage.setItem(key, Q.serialize(state, list)); } catch (error) { /* full: keep going */ }
    }

    function render() {
      Object.keys(modeButtons).forEach(function (mode) {
        modeButtons[mode].setAttribute("aria-pressed", String(state.mode === mode));
        modeButtons[mode].classList.toggle("md-button--primary", state.mode === mode);
      });
      help.textContent = exam() ? say("exam_help", { pass: pass }) : words.practice_help;
      items.textContent = "";
      var ids = shown();
      ids.forEach(function (id, n) { items.appendChild(question(byId[id], n, ids.length)); });
      renderActions();
      renderStatus();
    }

    function isDone(q) { return exam() ? !!state.exam.result : Object.prototype.hasOwnProperty.call(run().checked, q.id); }

    function question(q, n, total) {
      var r = run(), li = el("li", "hb-q"), set = el("fieldset"), legend = el("legend");
      li.setAttribute("data-hb-question", q.id);
      legend.appendChild(el("span", "hb-q-n", say("question", { n: n + 1, total: total })));
      var text = el("span", "hb-q-text");
      text.textContent = q.q;    // the question's data is plain text, shown as text
      legend.appendChild(text);
      set.appendChild(legend);
      var done = isDone(q);
      if (q.type === "ordering") {
        set.appendChild(steps(q, done));
      } else {
        set.appendChild(options(q, done));
      }
      li.appendChild(set);
      if (done) li.appendChild(feedback(q, r.answers[q.id]));
      if (!exam()) {
        li.appendChild(W.button(done ? words.retry : words.check, function () { done ? retry(q) : check(q, li); }));
      }
      return li;
    }

    function options(q, done) {
      var box = el("div", "hb-q-options"), answer = run().answers[q.id];
      var shownOrder = q.type === "true-false" ? [true, false] : run().perm[q.id];
      shownOrder.forEach(function (value) {
        var label = el("label", "hb-opt"), input = el("input");
        input.type = q.type === "multiple" ? "checkbox" : "radio";
        input.name = "hb-q-" + quizId + "-" + q.id;
        input.value = String(value);
        input.setAttribute("data-hb-option", String(value));
        input.checked = q.type === "multiple" ? Array.isArray(answer) && answer.indexOf(value) >= 0 : answer === value;
        input.disabled = done;
        input.addEventListener("change", function () { answerChanged(q, box); });
        var words_ = el("span", "hb-opt-text");
        if (q.type === "true-false") words_.textContent = value ? words["true"] : words["false"];
        else words_.textContent = q.o[value].t;
        label.appendChild(input);
        label.appendChild(words_);
        if (done) {
          var right = q.type === "true-false" ? value === q.a : !!q.o[value].c;
          if (right) label.classList.add("hb-opt-right");
          else if (input.checked) label.classList.add("hb-opt-wrong");
        }
        box.appendChild(label);
      });
      return box;
    }

    function answerChanged(q, box) {
      var checked = Array.prototype.filter.call(box.querySelectorAll("input"), function (i) { return i.checked; });
      var values = checked.map(function (i) { return i.value === "true" ? true : i.value === "false" ? false : Number(i.value); });
      var r = run();
      if (!values.length) delete r.answers[q.id];
      else r.answers[q.id] = q.type === "multiple" ? values.sort(function (a, b) { return a - b; }) : values[0];
      save();
      renderStatus();
    }

    function steps(q, done) {
      // Unanswered until a step is moved: the shown order, never the right one, is the attempt's.
      var order = run().answers[q.id] || run().perm[q.id], box = el("ol", "hb-order");
      order.forEach(function (step, at) {
        var item = el("li", "hb-step"), name = el("span", "hb-step-text");
        item.setAttribute("data-hb-step", String(step));
        name.textContent = q.steps[step];
        item.appendChild(name);
        if (!done) {
          [["up", -1], ["down", 1]].forEach(function (move) {
            var b = W.button(move[0] === "up" ? "↑" : "↓", function () { reorder(q, at, at + move[1], move[0]); });
            b.className = "hb-step-move";
            b.setAttribute("aria-label", words["move_" + move[0]] + ": " + name.textContent);
            b.setAttribute("data-hb-move", move[0]);
            b.disabled = at + move[1] < 0 || at + move[1] >= order.length;
            item.appendChild(b);
          });
        }
        box.appendChild(item);
      });
      return box;
    }

    function reorder(q, from, to, direction) {
      var r = run(), order = (r.answers[q.id] || r.perm[q.id]).slice(), step = order.splice(from, 1)[0];
      order.splice(to, 0, step);
      r.answers[q.id] = order;
      save();
      var li = items.querySelector('[data-hb-question="' + q.id + '"]');
      var old = li.querySelector(".hb-order");
      old.parentNode.replaceChild(steps(q, false), old);
      var moved = li.querySelectorAll(".hb-step")[to];
      var button = moved.querySelector('[data-hb-move="' + direction + '"]');
      (button.disabled ? moved.querySelector(".hb-step-move:not([disabled])") : button).focus();
      live.textContent = say("moved", { step: q.steps[step], n: to + 1 });
    }

    function feedback(q, answer) {
      var right = Q.isRight(q, answer), box = el("div", "hb-feedback " + (right ? "hb-right" : "hb-wrong"));
      var verdict = el("p");
      verdict.appendChild(el("strong", "", Q.isAnswer(q, answer) ? words[right ? "right" : "wrong"] : words.unanswered));
      box.appendChild(verdict);
      if (q.o) {
        q.o.forEach(function (option, i) {
          var chosen = q.type === "multiple" ? Array.isArray(answer) && answer.indexOf(i) >= 0 : answer === i;
          if (chosen && option.f && !option.c) box.appendChild(html("p", option.f));
        });
      }
      if (!right) {
        var correct;
        if (q.type === "true-false") correct = q.a ? words["true"] : words["false"];
        else if (q.type === "ordering") correct = q.steps.join(" → ");
        else correct = q.o.filter(function (o) { return o.c; }).map(function (o) { return o.t; }).join("；");
        box.appendChild(html("p", say(q.type === "ordering" ? "correct_order" : "correct_answer", { answer: correct })));
      }
      box.appendChild(html("p", q.e));
      // what the rules tested are (a suggestion, a disputed or superseded source), as the section page says
      (Array.isArray(q.n) ? q.n : []).forEach(function (note) {
        if (!note || typeof note.t !== "string") return;   // outdated or corrupt data: show nothing
        var p = html("p", note.t);
        p.className = "hb-quiz-note" + (/^[a-z_]+$/.test(note.k) ? " hb-note--" + note.k : "");
        box.appendChild(p);
      });
      var read = el("p"), link = el("a", "", say("read", { section: "" }));
      link.href = q.src.href;
      link.appendChild(document.createTextNode(q.src.label));
      read.appendChild(link);
      box.appendChild(read);
      return box;
    }

    function html(tag, words) {
      var node = el(tag);
      node.textContent = words;    // plain text: content never becomes markup
      return node;
    }

    function check(q, li) {
      var r = run();
      if (!Q.isAnswer(q, r.answers[q.id])) {
        var hint = li.querySelector(".hb-q-hint") || li.appendChild(el("p", "hb-q-hint"));
        hint.setAttribute("role", "status");
        hint.textContent = words.choose_first;
        return;
      }
      r.checked[q.id] = Q.isRight(q, r.answers[q.id]);
      save();
      var fresh = question(q, Array.prototype.indexOf.call(items.children, li), items.children.length);
      items.replaceChild(fresh, li);
      fresh.querySelector(".hb-feedback").setAttribute("role", "status");
      fresh.querySelector("li > .md-button").focus();
      renderActions();
      renderStatus();
    }

    function retry(q) {
      var r = run();
      delete r.checked[q.id];
      delete r.answers[q.id];
      Q.reshuffle(r, q);
      save();
      var li = items.querySelector('[data-hb-question="' + q.id + '"]');
      var fresh = question(q, Array.prototype.indexOf.call(items.children, li), items.children.length);
      items.replaceChild(fresh, li);
      fresh.querySelector("input, .hb-step-move:not([disabled])").focus();
      renderActions();
      renderStatus();
    }

    function renderStatus() {
      var r = run(), ids = shown(), text;
      if (exam()) {
        var answered = ids.filter(function (id) { return Q.isAnswer(byId[id], r.answers[id]); }).length;
        text = say("exam_status", { answered: answered, total: ids.length });
      } else {
        var checked = ids.filter(function (id) { return id in r.checked; });
        text = say("practice_status", { checked: checked.length, total: ids.length,
                                        right: checked.filter(function (id) { return r.checked[id]; }).length });
        if (r.only) text = say("wrong_only_note", { n: r.only.length }) + " " + text;
      }
      if (state.best) text += " · " + say("best", { pct: state.best.pct, date: state.best.at });
      status.textContent = text;
      result.hidden = !(exam() && state.exam.result);
      if (!result.hidden) {
        var res = state.exam.result;
        result.textContent = say("result", { right: res.right, total: res.total, pct: res.pct, pass: pass,
                                             verdict: words[res.passed ? "passed" : "failed"] });
        result.className = "hb-quiz-result " + (res.passed ? "hb-right" : "hb-wrong");
      }
    }

    function renderActions() {
      actions.textContent = "";
      var r = run();
      if (!exam()) {
        var wrongIds = Q.wrong(r, list);
        if (r.only) actions.appendChild(W.button(words.all_questions, function () { practise(null); }));
        else if (wrongIds.length) actions.appendChild(W.button(say("wrong_only", { n: wrongIds.length }), function () { practise(wrongIds); }));
        actions.appendChild(W.button(words.restart, function () {
          state.practice = Q.attempt(list, Math.random);
          save(); render(); focusFirst();
        }));
        return;
      }
      if (!r.result) {
        var submitter = W.confirmControl({ button: words.submit, yes: words.yes_submit, no: words.keep_going },
                                         "hb-submit-" + quizId, submit, function () {
          var missing = r.order.filter(function (id) { return !Q.isAnswer(byId[id], r.answers[id]); }).length;
          return missing ? say("submit_missing", { n: missing }) : "";
        });
        submitter.button.classList.add("md-button--primary");
        actions.appendChild(submitter.button);
        actions.appendChild(submitter.box);
        return;
      }
      // The result as a file for the trainer's item statistics (scripts/hb item-stats).
      actions.appendChild(W.button(words.export_result, exportResult));
      actions.appendChild(W.button(words.new_attempt, function () {
        state.exam = Q.attempt(list, Math.random, count);
        save(); render(); focusFirst();
      }));
      var missed = Q.wrong(r, list);
      if (!count && missed.length) {
        actions.appendChild(W.button(words.review_wrong, function () {
          state.mode = "practice";
          practise(missed);
        }));
      }
    }

    function practise(ids) {
      var r = state.practice;
      r.only = ids;
      (ids || []).forEach(function (id) {
        delete r.checked[id];
        delete r.answers[id];
        Q.reshuffle(r, byId[id]);
      });
      save(); render(); focusFirst();
    }

    function submit() {
      Q.submit(state, list, pass, new Date().toISOString().slice(0, 10));
      save();
      render();
      result.focus();
    }

    function exportResult() {
      var data = Q.exportResult(state, list, { quiz: quizId, lang: root.getAttribute("data-hb-lang"),
                                               title: (document.querySelector("h1") || {}).textContent || "", final: !!count, pass: pass,
                                               now: new Date().toISOString() });
      if (!data) return;
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      link.download = "quiz-result-" + quizId + "-" + String(data.submitted || "").slice(0, 10) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }

    function focusFirst() {
      var first = items.querySelector("input, .hb-step-move:not([disabled])");
      if (first) first.focus();
    }
  }

  W.onEachPage("[data-hb-print-page]", function (button) {
    button.onclick = function () { window.print(); };
  });
})();
