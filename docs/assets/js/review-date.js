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
  kit.onEachPage("[data-hb-marked-until]", function (mark) {
    if (mark.getAttribute("data-hb-marked-until") < today) mark.hidden = true;
  });
})();
