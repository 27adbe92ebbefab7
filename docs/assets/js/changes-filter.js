/* The what-changed page and the printable change notice: filter the changes by manual, by
 * date range and (from the "since your last visit" notice) by version. The filters are read
 * from the address (?manual=&from=&to=&since=); the form's buttons load the page without
 * them, or the printable notice with them. Without JavaScript every change is listed (the
 * notice: the default period). */
(function () {
  "use strict";
  var kit = window.HbWidget;

  kit.onEachPage("[data-hb-changes]", function (root) {
    var words = JSON.parse(root.getAttribute("data-words"));
    var form = root.querySelector("form");
    var fields = form.elements;
    var params = new URLSearchParams(location.search);
    var since = root.querySelector("[data-version='" + (params.get("since") || "").replace(/\W/g, "") + "']");
    var sinceSeq = since ? +since.getAttribute("data-seq") : -1;
    ["manual", "from", "to"].forEach(function (name) {   // the page's defaults (the notice's period) unless asked
      if (params.has(name) || since) fields[name].value = params.get(name) || "";
    });

    function each(selector, parent, fn) {
      (parent || root).querySelectorAll(selector).forEach(fn);
    }

    function apply() {
      var manual = fields.manual.value, from = fields.from.value, to = fields.to.value;
      var shown = 0, total = 0;
      each("section[data-version]", null, function (version) {
        var date = version.getAttribute("data-date");
        var inRange = (!from || date >= from) && (!to || date <= to) && +version.getAttribute("data-seq") > sinceSeq;
        var any = false;
        each("[data-hb-change]", version, function (entry) {
          entry.hidden = !(inRange && (!manual || entry.getAttribute("data-manual") === manual));
          any = any || !entry.hidden;
          if (!entry.closest("details")) {
            total += 1;
            shown += entry.hidden ? 0 : 1;
          }
        });
        version.hidden = !any;
      });
      each(".hb-change-day", null, function (day) { day.hidden = !day.querySelector("section:not([hidden])"); });
      root.querySelector("[data-hb-change-count]").textContent = kit.format(words.count, { shown: shown, total: total });
      root.querySelector("[data-hb-change-since]").hidden = !since;
      each("[data-hb-notice-period]", document, function (period) {
        period.textContent = kit.format(words.range, { from: from || words.any, to: to || words.any });
      });
    }

    form.addEventListener("input", apply);
    form.hidden = false;
    apply();
  });
})();
