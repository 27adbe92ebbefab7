/* Since your last visit: the browser remembers the version of the handbook its reader last saw
 * (localStorage, no server, no cookie). On a later visit a notice says how many rules changed
 * since, and links to the what-changed page filtered to those changes; dismissing it (or
 * following the link) marks them seen. A first visit records the version and shows nothing;
 * storage that is blocked or holds something unreadable shows nothing either. */
(function () {
  "use strict";
  var kit = window.HbWidget;
  var KEY = "hb-changes-seen";
  // Material's base is relative to the page first loaded; instant navigation keeps this script.
  var root = new URL(JSON.parse(document.getElementById("__config").textContent).base || ".", location.href);
  var loading;

  function seenVersion(storage) {
    try {
      var saved = JSON.parse(storage.getItem(KEY));
      return saved && saved.format === 1 && typeof saved.version === "string" ? saved.version : null;
    } catch (error) {
      return null;   // unreadable: as if nothing had been saved
    }
  }

  function markSeen(storage, version) {
    try {
      storage.setItem(KEY, JSON.stringify({ format: 1, version: version }));
    } catch (error) { /* full: the notice comes back next time, nothing worse */ }
  }

  function show(data, seen, count, storage) {
    var words = data.words;
    var box = kit.element("section", "hb-visit-notice md-typeset");   // named, so a region
    var text = kit.element("p", "hb-visit-text");
    var link = kit.element("a", "md-button md-button--primary", words.view);
    box.setAttribute("aria-label", words.label);
    text.setAttribute("role", "status");
    link.href = new URL(data.page + "?since=" + seen, root).href;
    // A page load (instant navigation leaves a link with a target alone): it would take a link
    // to the page it is on (the what-changed page, with a filter added) as a jump within it.
    link.target = "_self";
    link.onclick = function () { markSeen(storage, data.current); };
    box.appendChild(text);
    box.appendChild(link);
    box.appendChild(kit.button(words.dismiss, function () {
      markSeen(storage, data.current);
      box.remove();
      var heading = document.querySelector("h1");   // focus goes on, not back to the top
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }));
    document.body.appendChild(box);
    // Filled in once the live region is in the page, so that screen readers announce it.
    setTimeout(function () {
      text.textContent = count === 1 ? words.notice_one : kit.format(words.notice, { count: count });
    });
  }

  kit.onEachPage("body", function () {
    var storage = kit.openStorage("hb-changes-");
    if (!storage || document.querySelector(".hb-visit-notice")) return;
    // Missing (a build without history) or unreadable: no notice.
    loading = loading || fetch(new URL("changes/versions.json", root)).then(function (response) {
      return response.json();
    }).catch(function () {});
    loading.then(function (data) {
      if (!data || data.format !== 1 || !data.current) return;
      var seen = seenVersion(storage);
      // Each version says how many rules changed after it (none: not in this history).
      var count = data.versions.filter(function (version) { return version.id === seen; }).map(function (version) {
        return version.after;
      })[0];
      if (count) show(data, seen, count, storage);
      else markSeen(storage, data.current);   // a first visit, nothing changed, or nothing to compare with
    });
  });
})();
