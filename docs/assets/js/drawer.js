/* The navigation drawer on a phone or tablet: any section of any manual in
 * three taps (manual, chapter, section).
 *
 * Each page carries only the navigation on its own path (the theme's
 * navigation.prune): a manual or chapter off that path is a link to its index
 * page, not a level that slides in. Two changes make the drawer work as if it
 * held the whole tree:
 *
 * - Opened from the menu button, the drawer starts at its top level, which
 *   lists the manuals, rather than at the level of the page being read; the
 *   levels on the page's path stay expandable, and are restored when the
 *   drawer closes (the desktop sidebar shows them expanded).
 * - Following such a link from the drawer loads that index page and opens the
 *   drawer again at its level, so the reader goes on choosing there. A link to
 *   a page with no levels below it closes the drawer as before.
 */
(function () {
  "use strict";

  var DRAWER = "__drawer";
  var NARROW = "(max-width: 76.2344em)";   // where the theme shows the drawer instead of the sidebar
  var KEY = "hb-drawer-reopen";
  var pendingHref = null;                  // kept here too when sessionStorage is refused
  var reopening = false;
  var collapsed = [];

  function drawer() { return document.getElementById(DRAWER); }

  function levelOf(toggle) {
    return document.querySelector('[aria-labelledby="' + toggle.id + '_label"]');
  }

  function setExpanded(toggle, expanded) {
    toggle.checked = expanded;
    var level = levelOf(toggle);
    if (level) level.setAttribute("aria-expanded", String(expanded));
  }

  function toTopLevel() {
    collapsed = Array.prototype.slice.call(
      document.querySelectorAll(".md-nav--primary .md-nav__toggle:checked"))
      .filter(function (toggle) { return toggle.id !== "__toc"; });
    collapsed.forEach(function (toggle) { setExpanded(toggle, false); });
  }

  function restore() {
    collapsed.forEach(function (toggle) { if (toggle.isConnected) setExpanded(toggle, true); });
    collapsed = [];
  }

  function remember(href) {
    pendingHref = href;
    try { sessionStorage.setItem(KEY, href); } catch (error) { /* storage refused: memory only */ }
  }

  function takePending() {
    var href = pendingHref;
    pendingHref = null;
    try {
      href = href || sessionStorage.getItem(KEY);
      sessionStorage.removeItem(KEY);
    } catch (error) { /* storage refused */ }
    return href;
  }

  function reopenIfFollowed() {
    var href = takePending();
    if (!href || href.split("#")[0] !== location.href.split("#")[0]) return;
    // The theme closes the drawer 125 ms after a navigation; open it after that.
    setTimeout(function () {
      var toggle = drawer();
      if (!toggle || !window.matchMedia(NARROW).matches) return;
      reopening = true;
      if (!toggle.checked) toggle.click();
      reopening = false;
      // The keyboard focus goes to the title of the level shown (the manual or
      // chapter), which a screen reader reads out; Tab goes on to its first entry.
      var levels = document.querySelectorAll(".md-nav--primary .md-nav__toggle:checked ~ nav");
      var title = levels.length && levels[levels.length - 1].querySelector(".md-nav__title");
      if (!title) return;
      title.setAttribute("tabindex", "-1");
      title.style.outline = "none";
      title.focus({ preventScroll: true });
    }, 200);
  }

  document.addEventListener("change", function (event) {
    if (event.target.id !== DRAWER || reopening) return;
    if (event.target.checked && window.matchMedia(NARROW).matches) toTopLevel();
    else if (!event.target.checked) restore();
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-nav--primary a.md-nav__link");
    var toggle = drawer();
    if (!link || !toggle || !toggle.checked || !window.matchMedia(NARROW).matches) return;
    // A link to a section's index page: a pruned section, or a section's own link.
    var holder = link.parentElement.classList;
    if (holder.contains("md-nav__item--pruned") || holder.contains("md-nav__container")) {
      remember(link.href);
    }
  }, true);

  window.matchMedia(NARROW).addEventListener("change", function (query) {
    if (!query.matches) restore();
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(reopenIfFollowed);
  } else {
    document.addEventListener("DOMContentLoaded", reopenIfFollowed);
  }
})();
