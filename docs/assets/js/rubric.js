/* Rubric pages: the live total and grade, the draft kept in this browser,
 * finished assessments saved, listed and exported (CSV, JSON), and printing
 * a blank observation sheet or the filled result.
 *
 * Without this script the page is still a form of radio buttons that can be
 * filled in and printed; the scoring rules are written out on the page.
 * The scoring and the saved data are in rubric-score.js.
 */
(function () {
  "use strict";

  var Score = window.HbRubricScore;
  var Kit = window.HbWidget;
  var format = Kit.format, element = Kit.element, button = Kit.button;
  var PREFIX = "handbook.rubric.";

  function init(root) {
    if (root.getAttribute("data-hb-ready")) return;
    root.setAttribute("data-hb-ready", "true");
    var rubric = JSON.parse(root.getAttribute("data-hb-config"));
    var words = JSON.parse(root.getAttribute("data-hb-strings"));
    var zh = root.getAttribute("data-hb-lang") === "zh";
    var locale = zh ? "zh-CN" : "en-GB";
    var key = PREFIX + rubric.id;
    var criteria = {};
    rubric.criteria.forEach(function (criterion) {
      criteria[criterion.id] = root.querySelector('fieldset[data-hb-criterion="' + criterion.id + '"]');
    });
    var fields = Array.prototype.slice.call(root.querySelectorAll("input[data-hb-field]"));
    var comments = Array.prototype.slice.call(root.querySelectorAll("textarea[data-hb-comment]"));
    var standards = Array.prototype.slice.call(root.querySelectorAll("input[data-hb-standard]"));

    var storage = Kit.openStorage(PREFIX);
    var raw = null;
    try { raw = storage ? storage.getItem(key) : null; } catch (error) { storage = null; }
    var loaded = Score.parse(raw, rubric.version);
    var state = loaded.state;
    var fitted = Score.reconcile(state.draft, rubric);
    state.draft = fitted.draft;

    // The bar: total and grade (announced), why a grade is capped, actions, notices.
    var bar = element("div", "hb-rubric-bar");
    var status = element("p", "hb-score");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var capNote = element("p", "hb-cap-note");
    var actions = element("div", "hb-checklist-actions");
    var saveButton = button(words.save, saveAssessment);
    var resetter = Kit.resetControl(words, "hb-reset-" + rubric.id, resetDraft);
    actions.appendChild(saveButton);
    actions.appendChild(button(words.print_filled, function () { print(true); }));
    actions.appendChild(button(words.print_blank, function () { print(false); }));
    actions.appendChild(resetter.button);
    var notice = element("p", "hb-notice");
    notice.setAttribute("role", "alert");
    var kept = element("p", "hb-meta hb-saved-note", storage ? words.draft_kept : "");
    [capNote, actions, resetter.box, notice, kept].forEach(function (node) { bar.appendChild(node); });
    var fieldsBox = root.querySelector(".hb-assessment-fields");
    root.insertBefore(bar, fieldsBox.nextSibling);
    root.insertBefore(status, bar);

    var savedBox = element("section", "hb-saved-assessments");
    savedBox.setAttribute("aria-labelledby", "hb-saved-" + rubric.id);
    var savedHeading = element("h2", "", words.saved_heading);
    savedHeading.id = "hb-saved-" + rubric.id;
    var savedCount = element("p", "hb-meta");
    var table = element("table", "hb-saved-table");
    var exportRow = element("div", "hb-checklist-actions");
    exportRow.appendChild(button(words.export_csv, function () { exportAll("csv"); }));
    exportRow.appendChild(button(words.export_json, function () { exportAll("json"); }));
    [savedHeading, savedCount, table, exportRow].forEach(function (node) { savedBox.appendChild(node); });
    root.parentNode.insertBefore(savedBox, root.nextSibling);

    var messages = [];
    if (!storage) messages.push(words.no_storage);
    else if (loaded.corrupt) messages.push(words.corrupt);
    if (loaded.dropped) messages.push(format(words.dropped, { n: loaded.dropped }));
    if (fitted.dropped.length) messages.push(format(words.changed, { n: fitted.dropped.length }));
    fitted.dropped.forEach(function (id) {
      Kit.flag(criteria[id], criteria[id].querySelector(".hb-criterion-title"), words.recheck);
    });
    showNotice(messages.join(" "));
    if (storage && (loaded.corrupt || loaded.dropped || fitted.dropped.length)) save();

    Object.keys(criteria).forEach(function (id) {
      Array.prototype.forEach.call(criteria[id].querySelectorAll("input[type=radio]"), function (radio) {
        radio.addEventListener("change", function () {
          if (!radio.checked) return;
          Score.setAnswer(state.draft, rubric, id, radio.value);
          Kit.unflag(criteria[id]);
          save();
          render();
        });
      });
    });
    comments.forEach(function (box) {
      box.addEventListener("input", function () {
        Score.setComment(state.draft, box.getAttribute("data-hb-comment"), box.value);
        save();
      });
    });
    fields.forEach(function (input) {
      input.addEventListener("input", function () {
        Score.setField(state.draft, input.getAttribute("data-hb-field"), input.value);
        save();
      });
    });
    standards.forEach(function (input) {
      input.addEventListener("input", function () {
        Score.setStandard(state.draft, input.getAttribute("data-hb-standard"), input.value);
        save();
      });
    });
    render();
    renderSaved();

    function showNotice(text) {
      notice.textContent = text;
      notice.hidden = !text;
    }

    function save() {
      if (!storage) return;
      try {
        storage.setItem(key, Score.serialize(state));
      } catch (error) {
        storage = null;
        showNotice(words.no_storage);
        kept.textContent = "";
      }
    }

    function bandName(grade) {
      for (var i = 0; i < rubric.bands.length; i++) if (rubric.bands[i].grade === grade) return rubric.bands[i].name;
      return "";
    }

    function levelName(id) {
      for (var i = 0; i < rubric.levels.length; i++) if (rubric.levels[i].id === id) return rubric.levels[i].name;
      return "";
    }

    function titleOf(id) {
      for (var i = 0; i < rubric.criteria.length; i++) if (rubric.criteria[i].id === id) return rubric.criteria[i].title;
      return id;
    }

    function capText(result) {
      return result.capped.map(function (cap) {
        return format(words.capped, { by_score: bandName(result.byScore), criterion: titleOf(cap.criterion),
                                      level: levelName(cap.level), grade: bandName(cap.cap), because: cap.because });
      }).join(" ");
    }

    function render() {
      var answers = state.draft.answers;
      Object.keys(criteria).forEach(function (id) {
        var level = answers[id] && answers[id].level;
        Array.prototype.forEach.call(criteria[id].querySelectorAll("input[type=radio]"), function (radio) {
          radio.checked = radio.value === level;
        });
        criteria[id].classList.toggle("hb-rated", !!level);
      });
      comments.forEach(function (box) {
        var answer = answers[box.getAttribute("data-hb-comment")];
        var value = (answer && answer.comment) || "";
        if (box.value !== value) box.value = value;
      });
      fields.forEach(function (input) {
        var value = state.draft.fields[input.getAttribute("data-hb-field")] || "";
        if (input.value !== value) input.value = value;
      });
      standards.forEach(function (input) {
        var answer = answers[input.getAttribute("data-hb-standard")];
        var value = (answer && answer.standard) || "";
        if (input.value !== value) input.value = value;
      });
      var result = Score.score(rubric, answers);
      var parts = [];
      if (result.score === null) {
        parts.push(result.notApplicable === rubric.criteria.length ? words.all_na : words.no_score);
      } else {
        parts.push(format(words.score, { score: result.display }));
        parts.push(format(words.grade, { grade: bandName(result.grade) }));
      }
      var counted = format(words.rated, { done: result.rated + result.notApplicable, total: rubric.criteria.length });
      if (result.notApplicable) counted += (zh ? "（" : " (") + format(words.na, { n: result.notApplicable }) + (zh ? "）" : ")");
      parts.push(counted);
      if (result.score !== null && result.missing.length) parts.push(format(words.provisional, { n: result.missing.length }));
      status.textContent = parts.join(" · ");
      capNote.textContent = capText(result);
      capNote.hidden = !result.capped.length;
      root.classList.toggle("hb-scored", result.complete);
    }

    function fillPrint(filled) {
      var result = Score.score(rubric, state.draft.answers);
      var values = { field_assessor: state.draft.fields.assessor, field_person: state.draft.fields.person,
                     field_date: state.draft.fields.date, field_context: state.draft.fields.context,
                     total_score: result.display ? result.display + " / 100" : "",
                     final_grade: result.grade ? bandName(result.grade) : "", cap_note: capText(result) };
      Array.prototype.forEach.call(root.querySelectorAll("[data-hb-print]"), function (line) {
        var name = line.getAttribute("data-hb-print");
        var value = name.indexOf("comment-") === 0 ? ((state.draft.answers[name.slice(8)] || {}).comment) : values[name];
        line.textContent = filled ? (value || "") : "";
      });
    }

    root.hbFillPrint = fillPrint;

    function print(filled) {
      fillPrint(filled);
      root.classList.toggle("hb-print-blank", !filled);
      window.print();
    }

    function saveAssessment() {
      var gaps = Score.missing(state.draft, rubric);
      if (gaps.fields.length || gaps.criteria.length || gaps.standards.length) {
        var what = [];
        if (gaps.fields.length) {
          what.push(format(words.missing_fields, { fields: gaps.fields.map(function (name) {
            return root.querySelector('label[for="' + fieldId(name) + '"]').textContent;
          }).join(zh ? "、" : ", ") }));
        }
        if (gaps.criteria.length) what.push(format(words.missing_criteria, { n: gaps.criteria.length }));
        gaps.standards.forEach(function (id) { what.push(format(words.missing_standard, { criterion: titleOf(id) })); });
        showNotice(format(words.missing, { what: what.join(zh ? "；" : "; ") }));
        var first = gaps.fields.length ? document.getElementById(fieldId(gaps.fields[0]))
          : gaps.criteria.length ? criteria[gaps.criteria[0]].querySelector("input[type=radio]")
          : root.querySelector('input[data-hb-standard="' + gaps.standards[0] + '"]');
        first.focus();
        return;
      }
      var now = new Date();
      var assessment = Score.finish(state.draft, rubric, now, rubric.id + "-" + now.getTime().toString(36));
      state.saved.push(assessment);
      state.draft = Score.emptyDraft(rubric.version);
      save();
      render();
      renderSaved();
      showNotice("");
      status.textContent = format(words.saved, { person: assessment.fields.person, grade: assessment.result.gradeName });
    }

    function fieldId(name) {
      return "hb-" + rubric.id + "-" + name;
    }

    function renderSaved() {
      var saved = state.saved;
      savedCount.textContent = saved.length ? format(words.saved_count, { n: saved.length }) : words.saved_none;
      table.hidden = exportRow.hidden = !saved.length;
      table.textContent = "";
      if (!saved.length) return;
      var head = element("tr");
      ["col_date", "col_person", "col_assessor", "col_score", "col_grade", "col_actions"].forEach(function (name) {
        var cell = element("th", "", words[name]);
        cell.scope = "col";
        head.appendChild(cell);
      });
      var thead = element("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var body = element("tbody");
      saved.forEach(function (assessment, index) {
        var row = element("tr");
        [assessment.fields.date || assessment.savedAt.slice(0, 10), assessment.fields.person, assessment.fields.assessor,
         assessment.result.display, assessment.result.gradeName].forEach(function (value) {
          row.appendChild(element("td", "", value || ""));
        });
        var cell = element("td");
        cell.appendChild(button(words.download_json, function () {
          download(assessment.id + ".json", "application/json", Score.toJSON([assessment], rubric, new Date()));
        }));
        var remove = button(words.delete, function () {
          if (remove.getAttribute("data-armed")) {
            state.saved.splice(index, 1);
            save();
            renderSaved();
            status.textContent = format(words.deleted, { person: assessment.fields.person });
            savedHeading.tabIndex = -1;
            savedHeading.focus();
          } else {
            remove.setAttribute("data-armed", "true");
            remove.textContent = words.delete_confirm;
          }
        });
        cell.appendChild(remove);
        row.appendChild(cell);
        body.appendChild(row);
      });
      table.appendChild(body);
    }

    function exportAll(kind) {
      var stamp = new Date();
      var name = rubric.id + "-" + stamp.toISOString().slice(0, 10);
      if (kind === "csv") {
        var columns = {};
        ["assessment", "rubric", "version", "saved", "capped", "criterion", "criterion_id", "weight", "level",
         "points", "comment", "standard"].forEach(function (column) { columns[column] = words["csv_" + column]; });
        columns.assessor = words.col_assessor;
        columns.person = words.col_person;
        columns.date = words.col_date;
        columns.context = root.querySelector('label[for="' + fieldId("context") + '"]').textContent;
        columns.score = words.col_score;
        columns.grade = words.col_grade;
        download(name + ".csv", "text/csv;charset=utf-8", Score.toCSV(state.saved, columns,
          root.querySelector(".hb-level-na .hb-level-name").textContent));
      } else {
        download(name + ".json", "application/json", Score.toJSON(state.saved, rubric, stamp));
      }
    }

    function download(filename, type, content) {
      var url = URL.createObjectURL(new Blob([content], { type: type }));
      var link = element("a");
      link.href = url;
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }

    function resetDraft() {
      state.draft = Score.emptyDraft(rubric.version);
      save();
      Object.keys(criteria).forEach(function (id) { Kit.unflag(criteria[id]); });
      showNotice("");
      render();
      status.textContent = words.reset_done + " " + status.textContent;
    }
  }

  // Printed from the browser's menu rather than a button: print the result as filled in.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".hb-rubric[data-hb-ready]"), function (root) {
      if (!root.classList.contains("hb-print-blank") && root.hbFillPrint) root.hbFillPrint(true);
    });
  });

  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".hb-rubric.hb-print-blank"), function (root) {
      root.classList.remove("hb-print-blank");
    });
  });

  Kit.onEachPage(".hb-rubric[data-hb-rubric]", init);
})();
