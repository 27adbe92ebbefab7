/* What a page shows depending on the day it is read, on a site built before that day: its
 * "review overdue" notice once its manual's review date has passed, and a rule's "changed"
 * mark only for the N days after the change (changes.yml: recent_days). */
(function () {
  "use strict";
  var kit = window.HbWidget;
  var today = new Date().toISOString().slice(0, 10);
  kit.onEachPage("[data-hb-review-by]", function (notice) {
    if (notice.getAttribute("data-hb-review-by") < today) notice.hidden = false;
  });
  kit.onEachPage("[data-hb-changed-on]", function (mark) {
    var until = new Date(mark.getAttribute("data-hb-changed-on"));
    until.setDate(until.getDate() + +mark.getAttribute("data-recent-days"));
    if (until.toISOString().slice(0, 10) < today) mark.hidden = true;
  });
})();
