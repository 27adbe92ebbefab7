/* A rule's "changed" mark shows for N days after the change (changes.yml: recent_days). The
 * build shows the marks of its own last N days; a page read later hides those that expired. */
(function () {
  "use strict";
  window.HbWidget.onEachPage("[data-hb-changed-on]", function (mark) {
    var days = Number(mark.getAttribute("data-recent-days")) || 30;
    var changed = Date.parse(mark.getAttribute("data-hb-changed-on") + "T00:00:00Z");
    if (!isNaN(changed) && Date.now() - changed > (days + 1) * 86400000) mark.hidden = true;
  });
})();
