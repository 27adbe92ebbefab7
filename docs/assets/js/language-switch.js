/* Keep the language switch pointing at the page being read.
 *
 * The switch is rendered at build time with links to this page in each
 * language. Material's instant navigation swaps the page content without
 * reloading the header, so after it the links would still name the first
 * page read. On every page change, rebuild each link from its language's
 * root and the current page's path below the current language's root.
 */
(function () {
  "use strict";

  function roots(links) {
    links.forEach(function (link) {
      if (!link.dataset.hbRootUrl) {
        link.dataset.hbRootUrl = new URL(link.dataset.hbRoot, document.baseURI).href;
      }
    });
  }

  function update() {
    var links = Array.prototype.slice.call(document.querySelectorAll("a.hb-lang-link[data-hb-root]"));
    if (!links.length) return;
    roots(links);
    var current = links.filter(function (link) { return link.getAttribute("aria-current") === "true"; })[0];
    if (!current) return;
    var here = location.origin + location.pathname;
    var root = current.dataset.hbRootUrl;
    if (here.indexOf(root) !== 0) return;
    var path = here.slice(root.length);
    links.forEach(function (link) { link.href = link.dataset.hbRootUrl + path; });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
})();
