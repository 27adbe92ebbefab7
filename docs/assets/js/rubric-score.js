/* Grading rubrics as plain data: the score, the saved draft and assessments,
 * and the CSV and JSON exports. No DOM, so Node can test it.
 *
 * A rubric (the page's data-hb-config):
 *   {id, title, version, levels: [{id, points, name}] best first,
 *    bands: [{grade, min, name}] best first, the last starting at 0,
 *    criteria: [{id, title, weight, text, critical: [{at, cap, because}],
 *                standard: {asks, value} for a standard the organisation sets (value null until set)}]}
 * Answers: {criterionId: {level: levelId | "na", comment, standard}}; `standard` is
 * the standard the scorer applied where the organisation has not set one.
 *
 * Weights and points are whole numbers, so a band is chosen by comparing
 * whole numbers (sum of weight × points against min × sum of weights):
 * a total exactly on a threshold is never pushed below it by rounding.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.HbRubricScore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = 1;
  var NA = "na";
  var FIELDS = ["assessor", "person", "date", "context"];
  var MAX_TEXT = 1000;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function indexOf(list, key, value) {
    for (var i = 0; i < list.length; i++) if (list[i][key] === value) return i;
    return -1;
  }

  /* The total and grade of `answers`. Unrated criteria are listed in `missing`;
   * the score so far is still given, as a provisional one. */
  function score(rubric, answers) {
    var sum = 0, weights = 0, rated = 0, notApplicable = 0, missing = [];
    var caps = [];
    rubric.criteria.forEach(function (criterion) {
      var answer = isObject(answers) ? answers[criterion.id] : null;
      var level = answer && answer.level;
      if (level === NA) { notApplicable += 1; return; }
      var at = indexOf(rubric.levels, "id", level);
      if (at < 0) { missing.push(criterion.id); return; }
      rated += 1;
      sum += criterion.weight * rubric.levels[at].points;
      weights += criterion.weight;
      (criterion.critical || []).forEach(function (cap) {
        if (at >= indexOf(rubric.levels, "id", cap.at)) {
          caps.push({ criterion: criterion.id, level: level, cap: cap.cap, because: cap.because,
                      band: indexOf(rubric.bands, "grade", cap.cap) });
        }
      });
    });
    var result = { rated: rated, notApplicable: notApplicable, missing: missing,
                   complete: missing.length === 0 && rated > 0,
                   score: null, display: null, grade: null, byScore: null, capped: [] };
    if (weights === 0) return result;
    var byScore = rubric.bands.length - 1;
    for (var b = 0; b < rubric.bands.length; b++) {
      if (sum >= rubric.bands[b].min * weights) { byScore = b; break; }
    }
    var final = byScore;
    caps.forEach(function (cap) { if (cap.band > final) final = cap.band; });
    result.score = sum / weights;
    // Shown to one decimal, dropping further digits: 89.96 shows as 89.9, never as a 90 it is not.
    result.display = (Math.floor(sum * 10 / weights) / 10).toFixed(1);
    result.byScore = rubric.bands[byScore].grade;
    result.grade = rubric.bands[final].grade;
    if (final > byScore) {
      result.capped = caps.filter(function (cap) { return cap.band === final; }).map(function (cap) {
        return { criterion: cap.criterion, level: cap.level, cap: cap.cap, because: cap.because };
      });
    }
    return result;
  }

  function text(value) {
    return typeof value === "string" ? value.slice(0, MAX_TEXT) : "";
  }

  function readFields(data) {
    var fields = {};
    if (isObject(data)) FIELDS.forEach(function (name) { if (typeof data[name] === "string") fields[name] = text(data[name]); });
    return fields;
  }

  function readAnswers(data) {
    var answers = {};
    if (!isObject(data)) return answers;
    Object.keys(data).forEach(function (id) {
      var answer = data[id];
      if (!isObject(answer)) return;
      var kept = {};
      if (typeof answer.level === "string") kept.level = answer.level;
      if (typeof answer.text === "string") kept.text = answer.text;
      if (typeof answer.comment === "string" && answer.comment) kept.comment = text(answer.comment);
      if (typeof answer.standard === "string" && answer.standard) kept.standard = text(answer.standard);
      if (kept.level || kept.comment || kept.standard) answers[id] = kept;
    });
    return answers;
  }

  function emptyDraft(version) {
    return { version: version, fields: {}, answers: {} };
  }

  function empty(version) {
    return { format: FORMAT, draft: emptyDraft(version), saved: [] };
  }

  function validAssessment(item) {
    return isObject(item) && typeof item.id === "string" && typeof item.savedAt === "string" &&
      !isNaN(Date.parse(item.savedAt)) && isObject(item.fields) && isObject(item.result) &&
      Array.isArray(item.criteria) && item.criteria.every(isObject);
  }

  /* Read saved text: {state, corrupt, dropped}. Unreadable text gives an empty
   * state; saved assessments that are damaged are left out and counted. */
  function parse(raw, version) {
    if (raw === null || raw === undefined || raw === "") return { state: empty(version), corrupt: false, dropped: 0 };
    var data;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      return { state: empty(version), corrupt: true, dropped: 0 };
    }
    if (!isObject(data) || data.format !== FORMAT) return { state: empty(version), corrupt: true, dropped: 0 };
    var state = empty(version);
    if (isObject(data.draft)) {
      state.draft = { version: typeof data.draft.version === "string" ? data.draft.version : null,
                      fields: readFields(data.draft.fields), answers: readAnswers(data.draft.answers) };
    }
    var saved = Array.isArray(data.saved) ? data.saved : [];
    state.saved = saved.filter(validAssessment);
    return { state: state, corrupt: false, dropped: saved.length - state.saved.length };
  }

  /* Fit a draft to the rubric on the page. A rating is kept only while the
   * criterion means what it meant when rated (its `text` fingerprint) and its
   * level still exists; the criteria whose rating was dropped are returned. */
  function reconcile(draft, rubric) {
    var result = { version: rubric.version, fields: draft.fields, answers: {} };
    var dropped = [];
    rubric.criteria.forEach(function (criterion) {
      var answer = draft.answers[criterion.id];
      if (!answer) return;
      var kept = {};
      if (answer.comment) kept.comment = answer.comment;
      if (answer.standard) kept.standard = answer.standard;
      var known = answer.level === NA || indexOf(rubric.levels, "id", answer.level) >= 0;
      var same = !answer.text || answer.text === criterion.text;
      if (answer.level && known && same) {
        kept.level = answer.level;
        kept.text = criterion.text;
      } else if (answer.level) {
        dropped.push(criterion.id);
      }
      if (kept.level || kept.comment || kept.standard) result.answers[criterion.id] = kept;
    });
    return { draft: result, dropped: dropped };
  }

  function setAnswer(draft, rubric, criterionId, level) {
    var criterion = rubric.criteria[indexOf(rubric.criteria, "id", criterionId)];
    var answer = draft.answers[criterionId] || {};
    answer.level = level;
    answer.text = criterion ? criterion.text : "";
    draft.answers[criterionId] = answer;
    return draft;
  }

  function setComment(draft, criterionId, comment) {
    var answer = draft.answers[criterionId] || {};
    if (comment) answer.comment = text(comment); else delete answer.comment;
    if (answer.level || answer.comment) draft.answers[criterionId] = answer; else delete draft.answers[criterionId];
    return draft;
  }

  /* The standard the scorer applied, for a criterion whose standard the organisation has not set. */
  function setStandard(draft, criterionId, value) {
    var answer = draft.answers[criterionId] || {};
    if (value) answer.standard = text(value); else delete answer.standard;
    if (answer.level || answer.comment || answer.standard) draft.answers[criterionId] = answer;
    else delete draft.answers[criterionId];
    return draft;
  }

  /* The standard a criterion was scored against: the organisation's, or the one the scorer wrote down. */
  function standardOf(criterion, answer) {
    if (!criterion.standard) return "";
    return criterion.standard.value || (answer && answer.standard) || "";
  }

  function setField(draft, name, value) {
    if (FIELDS.indexOf(name) >= 0) {
      if (value) draft.fields[name] = text(value); else delete draft.fields[name];
    }
    return draft;
  }

  /* What stops the draft from being saved: unfilled fields, unrated criteria, and rated
   * criteria whose standard is the organisation's but is neither set nor written down. */
  function missing(draft, rubric, required) {
    return {
      fields: (required || ["assessor", "person", "date"]).filter(function (name) { return !draft.fields[name]; }),
      criteria: score(rubric, draft.answers).missing,
      standards: rubric.criteria.filter(function (criterion) {
        var answer = draft.answers[criterion.id];
        return criterion.standard && answer && answer.level && answer.level !== NA && !standardOf(criterion, answer);
      }).map(function (criterion) { return criterion.id; })
    };
  }

  /* A finished assessment, complete in itself: it keeps the names, weights and
   * levels it was scored with, so it still reads right after the rubric changes. */
  function finish(draft, rubric, now, id) {
    var result = score(rubric, draft.answers);
    var bandName = function (grade) { var i = indexOf(rubric.bands, "grade", grade); return i < 0 ? "" : rubric.bands[i].name; };
    return {
      id: id, savedAt: now.toISOString(), rubric: rubric.id, version: rubric.version,
      fields: readFields(draft.fields),
      result: { score: result.score, display: result.display, grade: result.grade, gradeName: bandName(result.grade),
                byScore: result.byScore, capped: result.capped },
      criteria: rubric.criteria.map(function (criterion) {
        var answer = draft.answers[criterion.id] || {};
        var at = indexOf(rubric.levels, "id", answer.level);
        return { id: criterion.id, title: criterion.title, weight: criterion.weight,
                 level: answer.level === NA ? NA : (at >= 0 ? answer.level : null),
                 levelName: at >= 0 ? rubric.levels[at].name : "",
                 points: at >= 0 ? rubric.levels[at].points : null,
                 comment: answer.comment || "", standard: standardOf(criterion, answer) };
      })
    };
  }

  function serialize(state) {
    return JSON.stringify({ format: FORMAT, draft: state.draft, saved: state.saved });
  }

  // A spreadsheet runs a cell starting with = + - @ as a formula: such typed text is kept as text.
  function csvCell(value) {
    var cell = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
    return /[",\r\n]/.test(cell) || cell !== cell.trim() ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }

  /* One row per criterion of each assessment, so that assessments made with
   * different versions of a rubric sit in one table. `words` names the columns;
   * `notApplicable` is the word for a criterion left out. */
  function toCSV(assessments, words, notApplicable) {
    var head = ["assessment", "rubric", "version", "saved", "assessor", "person", "date", "context", "score", "grade",
                "capped", "criterion_id", "criterion", "weight", "level", "points", "comment", "standard"];
    var rows = [head.map(function (key) { return csvCell(words[key] || key); }).join(",")];
    assessments.forEach(function (a) {
      var capped = (a.result.capped || []).map(function (cap) { return cap.because; }).join(" ");
      a.criteria.forEach(function (c) {
        rows.push([a.id, a.rubric, a.version, a.savedAt, a.fields.assessor, a.fields.person, a.fields.date,
                   a.fields.context, a.result.display, a.result.gradeName, capped, c.id, c.title, c.weight,
                   c.level === NA ? notApplicable : c.levelName, c.points, c.comment, c.standard || ""].map(csvCell).join(","));
      });
    });
    // The byte-order mark tells spreadsheet programs the file is UTF-8, so Chinese opens intact.
    return "\ufeff" + rows.join("\r\n") + "\r\n";
  }

  function toJSON(assessments, rubric, now) {
    return JSON.stringify({ rubric: { id: rubric.id, title: rubric.title, version: rubric.version },
                            exported: now.toISOString(), assessments: assessments }, null, 2);
  }

  return { FORMAT: FORMAT, NA: NA, FIELDS: FIELDS, score: score, parse: parse, reconcile: reconcile,
           emptyDraft: emptyDraft, setAnswer: setAnswer, setComment: setComment, setField: setField,
           setStandard: setStandard, standardOf: standardOf,
           missing: missing, finish: finish, serialize: serialize, toCSV: toCSV, toJSON: toJSON, csvCell: csvCell };
});
