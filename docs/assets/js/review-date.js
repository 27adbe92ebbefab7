/* Shows a page's "review overdue" notice once its manual's review date has passed,
 * on a site built before that date. */
(function () {
  "use strict";
  window.HbWidget.onEachPage("[data-hb-review-by]", function (notice) {
    var today = new Date().toISOString().slice(0, 10);
    if (notice.getAttribute("data-hb-review-by") < today) notice.hidden = false;
  });
})();
