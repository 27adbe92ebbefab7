/* The what-changed page and the printable change notice: filter the changes by manual, by
 * date range and (from the "since your last visit" notice) by version. The filters live in
 * the address (?manual=&from=&to=&since=), so a filtered list can be shared, printed or
 * reloaded. Without JavaScript every change is listed (the notice: the default period). */
(function () {
  "use strict";
  var kit = window.HbWidget;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  kit.onEachPage("[data-hb-changes]", function (root) {
    if (root.hbStarted) return;
    root.hbStarted = true;
    var words = {};
    try {
      words = JSON.parse(root.getAttribute("data-words") || "{}");
    } catch (error) { /* the words are the build's own: never corrupt in practice */ }
    var form = root.querySelector("[data-hb-change-filter]");
    var count = root.querySelector("[data-hb-change-count]");
    var sinceLine = root.querySelector("[data-hb-change-since]");
    var notice = root.hasAttribute("data-hb-notice");
    var versions = all(root, "section[data-version]");
    var params = new URLSearchParams(location.search);
    var seqOf = {};
    versions.forEach(function (version) {
      seqOf[version.getAttribute("data-version")] = Number(version.getAttribute("data-seq"));
    });
    var since = params.get("since");
    if (!Object.prototype.hasOwnProperty.call(seqOf, since)) since = null;
    var defaults = notice ? { from: root.getAttribute("data-default-from"), to: root.getAttribute("data-default-to") }
                          : { from: "", to: "" };
    form.elements.manual.value = params.get("manual") || "";
    form.elements.from.value = params.get("from") || (since ? "" : defaults.from);
    form.elements.to.value = params.get("to") || (since ? "" : defaults.to);

    function apply() {
      var manual = form.elements.manual.value;
      var from = form.elements.from.value;
      var to = form.elements.to.value;
      var shown = 0;
      var total = 0;
      versions.forEach(function (version) {
        var date = version.getAttribute("data-date");
        var inRange = (!from || date >= from) && (!to || date <= to) &&
                      (since === null || Number(version.getAttribute("data-seq")) > seqOf[since]);
        var any = false;
        all(version, "[data-hb-change]").forEach(function (entry) {
          var translation = !!entry.closest(".hb-change-translations");
          var visible = inRange && (!manual || entry.getAttribute("data-manual") === manual);
          entry.hidden = !visible;
          if (!translation) {
            total += 1;
            if (visible) shown += 1;
          }
          any = any || visible;
        });
        all(version, "details[data-hb-change-group]").forEach(function (group) {
          group.hidden = !group.querySelector("[data-hb-change]:not([hidden])");
        });
        version.hidden = !any;
      });
      all(root, "section.hb-change-day").forEach(function (day) {
        day.hidden = !day.querySelector("section[data-version]:not([hidden])");
      });
      count.textContent = kit.format(words.count || "{shown} / {total}", { shown: shown, total: total });
      sinceLine.hidden = since === null;
      if (since !== null) sinceLine.textContent = kit.format(words.since || "", { version: since });
      var query = new URLSearchParams();
      if (manual) query.set("manual", manual);
      if (from) query.set("from", from);
      if (to) query.set("to", to);
      if (since !== null) query.set("since", since);
      var search = query.toString() ? "?" + query.toString() : "";
      history.replaceState(history.state, "", location.pathname + search + location.hash);
      var link = root.querySelector("[data-hb-notice-link]");
      if (link) link.search = search;
      var period = document.querySelector("[data-hb-notice-period]");
      if (period) {
        period.textContent = from || to
          ? kit.format(words.range, { from: from || words.any, to: to || words.any })
          : words.range_all;
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      since = null;
      setTimeout(apply, 0);   // after the browser has cleared the fields
    });
    form.hidden = false;
    var print = document.querySelector("[data-hb-print]");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
    apply();
  });
})();
