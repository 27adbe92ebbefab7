/* Since your last visit: the browser remembers the version of the handbook its reader last saw
 * (localStorage, no server, no cookie). On a later visit a notice says how many rules changed
 * since, and links to the what-changed page filtered to those changes; dismissing it (or
 * following the link) marks them seen. A first visit records the version and shows nothing;
 * storage that is blocked or holds something unreadable shows nothing either. */
(function () {
  "use strict";
  var kit = window.HbWidget;
  var KEY = "hb-changes-seen";
  var FORMAT = 1;
  var root = siteRoot();
  var loading = null;

  function siteRoot() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      // Material's base is relative to the page first loaded; instant navigation keeps this script.
      return new URL(config.base || ".", location.href);
    } catch (error) {
      return null;
    }
  }

  /* What was saved: {version} or null (nothing yet); undefined when it cannot be read. */
  function readSeen(storage) {
    try {
      var raw = storage.getItem(KEY);
      if (raw === null) return null;
      var saved = JSON.parse(raw);
      if (saved && saved.format === FORMAT && typeof saved.version === "string") return saved;
    } catch (error) { /* unreadable: as corrupt */ }
    return undefined;
  }

  function markSeen(storage, version) {
    try {
      storage.setItem(KEY, JSON.stringify({ format: FORMAT, version: version, at: new Date().toISOString() }));
    } catch (error) { /* full or blocked: the notice comes back next time, nothing worse */ }
  }

  /* How many rules changed in the versions after `seen`; null when `seen` is not in the history. */
  function changedSince(data, seen) {
    var at = -1;
    data.versions.forEach(function (version, index) {
      if (version.id === seen) at = index;
    });
    if (at < 0) return null;
    var rules = {};
    data.versions.slice(at + 1).forEach(function (version) {
      version.rules.forEach(function (id) { rules[id] = true; });
    });
    return Object.keys(rules).length;
  }

  function load() {
    if (!loading) {
      loading = fetch(new URL("changes/versions.json", root).href, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          return data && data.format === FORMAT && Array.isArray(data.versions) ? data : null;
        })
        .catch(function () { return null; });
    }
    return loading;
  }

  function show(data, seen, count, storage) {
    if (document.querySelector(".hb-visit-notice")) return;
    var words = data.words;
    var box = kit.element("div", "hb-visit-notice md-typeset");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", words.label);
    box.setAttribute("data-search-exclude", "");
    var text = kit.element("p", "hb-visit-text");
    text.setAttribute("role", "status");
    var link = kit.element("a", "md-button md-button--primary", words.view);
    link.href = new URL(data.page + "?since=" + encodeURIComponent(seen), root).href;
    link.addEventListener("click", function (event) {
      markSeen(storage, data.current);
      // A page load, not instant navigation: that treats a link to the page it is on (the
      // what-changed page, with a filter added) as a jump within it.
      event.preventDefault();
      event.stopPropagation();
      location.assign(link.href);
    });
    var dismiss = kit.button(words.dismiss, function () {
      markSeen(storage, data.current);
      box.remove();
      var main = document.querySelector("main h1, main");
      if (main) {
        if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
        main.focus({ preventScroll: true });
      }
    });
    box.appendChild(text);
    box.appendChild(link);
    box.appendChild(dismiss);
    document.body.appendChild(box);
    // Filled in once the live region is in the page, so that screen readers announce it.
    setTimeout(function () {
      text.textContent = count === 1 ? words.notice_one : kit.format(words.notice, { count: count });
    }, 50);
  }

  function check() {
    if (!root) return;
    var storage = kit.openStorage("hb-changes-");
    if (!storage) return;
    load().then(function (data) {
      if (!data || !data.current) return;
      var seen = readSeen(storage);
      if (!seen) return markSeen(storage, data.current);   // a first visit, or unreadable: nothing to compare
      if (seen.version === data.current) return;
      var count = changedSince(data, seen.version);
      if (!count) return markSeen(storage, data.current);  // unknown version, or nothing a reader would notice
      show(data, seen.version, count, storage);
    });
  }

  kit.onEachPage("body", check);
})();
