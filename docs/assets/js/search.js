/* The search dialog: Material's own dialog and result markup, answered by
 * Pagefind through HbSearchQuery (search-query.js).
 *
 * Nothing is downloaded until search is opened: then this language's
 * pagefind.js (a dynamic import; it fetches its index in chunks as words are
 * searched) and its search words (assets/search-words.json). Keys as in
 * Material: s, f or / opens it, arrows move through the results, Enter opens
 * one, Escape closes. A result opens its section with ?h=words, and the page
 * opened marks those words (Pagefind's highlight script, loaded only then).
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var config = {};
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (error) { /* no configuration: defaults below */ }
  // Material's base is relative to the page first loaded; instant navigation keeps this script.
  var root = new URL(config.base || ".", location.href);
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var engine = null;

  function t(key, count) {
    var text = (config.translations || {})[key] || "";
    return count === undefined ? text : text.replace("#", count);
  }

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        fetch(new URL("assets/search-words.json", root).href).then(function (r) { return r.ok ? r.json() : {}; })
      ]).then(async function (loaded) {
        var pagefind = loaded[0];
        // No page-length penalty: search-query.js ranks a page by its best passage, and
        // Pagefind's penalty put short index pages above the long sections that answer
        // (README, Search: measured against 0.25, 0.5, 0.75 (its default) and 1).
        await pagefind.options({ highlightParam: "h", excerptLength: 24, ranking: { pageLength: 0 } });
        return { pagefind: pagefind, words: loaded[1] };
      });
      engine.catch(function () { engine = null; });   // offline: try again next time
    }
    return engine;
  }

  /* Ranked results for a query, each with its page data loaded: what the dialog shows. */
  async function query(text) {
    var loaded = await load();
    var found = await window.HbSearchQuery.search(loaded.pagefind, text, lang, loaded.words);
    return found.results;
  }

  /* Pagefind's excerpt holds <mark> around the words found; keep those, as text. */
  function excerpt(html) {
    var p = document.createElement("p");
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") p.appendChild(document.createElement("mark")).textContent = node.textContent;
      else p.appendChild(document.createTextNode(node.textContent));
    });
    return p;
  }

  function link(url, heading, title, text, extra) {
    var a = document.createElement("a");
    a.href = url;
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    var article = a.appendChild(document.createElement("article"));
    article.className = "md-search-result__article md-typeset";
    if (heading === "h1") article.appendChild(document.createElement("div")).className = "md-search-result__icon md-icon";
    article.appendChild(document.createElement(heading)).textContent = title;
    if (text) article.appendChild(excerpt(text));
    if (extra) article.appendChild(extra);
    return a;
  }

  function missing(words) {
    if (!words.length) return null;
    var p = document.createElement("p");
    p.className = "md-search-result__terms";
    p.appendChild(document.createTextNode(t("search.result.term.missing") + ": "));
    words.forEach(function (word, i) {
      if (i) p.appendChild(document.createTextNode(", "));
      p.appendChild(document.createElement("del")).textContent = word;
    });
    return p;
  }

  /* The page's sections, the one with most weight of the words first; the questions the
   * section answers (#asked, checklists/asked) after what the section itself says. */
  function sections(data) {
    var weight = function (sub) {
      return (sub.weighted_locations || []).reduce(function (sum, l) { return sum + (l.balanced_score || 1); }, 0);
    };
    var asked = function (sub) { return /#asked$/.test(sub.url) ? 1 : 0; };
    var title = (data.meta && data.meta.title) || "";
    return (data.sub_results || []).filter(function (sub) { return sub.url !== data.url && sub.title !== title; })
      .sort(function (a, b) { return asked(a) - asked(b) || weight(b) - weight(a); });
  }

  /* Material's result item: the page (h1), its best sections (h2), the rest folded. */
  function item(found, data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var subs = sections(data);
    var title = (data.meta && data.meta.title) || data.url;
    // An id typed (000-2.4-r1) opens its own section at that rule, outlined (no words to mark:
    // Pagefind's marks would pick out 001 in every id on the page).
    var href = found.anchor ? data.url.split("?")[0] + found.anchor : data.url;
    li.appendChild(link(href, "h1", title, subs.length ? "" : data.excerpt, missing(found.missing)));
    subs.slice(0, 2).forEach(function (sub) { li.appendChild(link(sub.url, "h2", sub.title, sub.excerpt)); });
    var more = subs.slice(2);
    if (more.length) {
      var details = li.appendChild(document.createElement("details"));
      details.className = "md-search-result__more";
      var summary = details.appendChild(document.createElement("summary"));
      summary.tabIndex = -1;
      summary.appendChild(document.createElement("div")).textContent =
        more.length === 1 ? t("search.result.more.one") : t("search.result.more.other", more.length);
      more.forEach(function (sub) { details.appendChild(link(sub.url, "h2", sub.title, sub.excerpt)); });
    }
    return li;
  }

  function Dialog(box) {
    this.box = box;
    this.toggle = document.getElementById("__search");
    this.input = box.querySelector("[data-hb-search-query]");
    this.meta = box.querySelector(".md-search-result__meta");
    this.list = box.querySelector(".md-search-result__list");
    this.scroll = box.querySelector(".md-search__scrollwrap");
    this.serial = 0;
    this.results = [];
    this.shown = 0;
    var self = this;
    this.input.addEventListener("focus", function () { self.open(); });
    this.input.addEventListener("input", function () { self.run(); });
    box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    box.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { self.run(); self.input.focus(); });
    });
    this.toggle.addEventListener("change", function () {
      if (self.toggle.checked) self.open();
      else self.input.blur();
    });
    this.scroll.addEventListener("scroll", function () {
      if (self.scroll.scrollTop + self.scroll.clientHeight >= self.scroll.scrollHeight - 16) self.more();
    });
    this.box.addEventListener("click", function (event) {
      // A result opens its page: close the dialog, as Material does.
      if (event.target.closest && event.target.closest("a.md-search-result__link")) self.close();
    });
    this.meta.textContent = t("search.result.placeholder");
  }

  Dialog.prototype.open = function () {
    if (!this.toggle.checked) this.toggle.checked = true;
    if (document.activeElement !== this.input) this.input.focus();
    load();
  };

  Dialog.prototype.close = function () {
    this.toggle.checked = false;
    this.input.blur();
  };

  Dialog.prototype.run = async function () {
    var serial = ++this.serial;
    var text = this.input.value.trim();
    if (!text) {
      this.results = [];
      this.list.textContent = "";
      this.meta.textContent = t("search.result.placeholder");
      return;
    }
    var results;
    try {
      results = await query(text);
    } catch (error) {
      results = [];
    }
    if (serial !== this.serial) return;       // a newer query was typed meanwhile
    this.results = results;
    this.shown = 0;
    this.list.textContent = "";
    this.meta.textContent = !results.length ? t("search.result.none")
      : results.length === 1 ? t("search.result.one") : t("search.result.other", results.length);
    await this.more();
  };

  /* The next results, one batch at a time (a batch still loading for an older query does not hold up this one's). */
  Dialog.prototype.more = async function () {
    var serial = this.serial;
    if (this.loading === serial || this.shown >= this.results.length) return;
    this.loading = serial;
    var batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += batch.length;
    var data = [];
    try {
      data = await Promise.all(batch.map(function (found) {
        return found.shown().then(function (result) { return result.data(); });
      }));
    } finally {
      if (this.loading === serial) this.loading = 0;
    }
    if (serial !== this.serial) return;
    var list = this.list;
    batch.forEach(function (found, i) { list.appendChild(item(found, data[i])); });
  };

  /* What the arrow keys move through: the query, then the results' links (Material's choice). */
  Dialog.prototype.stops = function () {
    return [this.input].concat(Array.prototype.slice.call(
      this.list.querySelectorAll(":not(details) > [href], summary, details[open] [href]")));
  };

  Dialog.prototype.key = function (event) {
    var open = this.toggle.checked;
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!open) {
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[sSfF/]$/.test(event.key)) {
        event.preventDefault();
        this.open();
        this.input.select();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      this.close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var stops = this.stops();
      var at = stops.indexOf(document.activeElement);
      var next = (Math.max(at, 0) + (event.key === "ArrowDown" ? 1 : -1) + stops.length) % stops.length;
      event.preventDefault();
      stops[next].focus();
    } else if (event.key === "Enter" && document.activeElement === this.input) {
      var first = this.list.querySelector("a.md-search-result__link");
      if (first) {
        event.preventDefault();
        first.click();
      }
    }
  };

  /* The page opened from a result marks the words searched (?h=…). */
  function highlight() {
    if (!new URLSearchParams(location.search).has("h")) return;
    import(new URL("pagefind/pagefind-highlight.js", root).href).then(function (module) {
      new module.default({ highlightParam: "h", addStyles: false, markContext: "[data-pagefind-body]",
                           markOptions: { className: "hb-search-mark", exclude: [".headerlink"] } });
    }).catch(function () { /* the page reads the same without marks */ });
  }

  var box = document.querySelector("[data-hb-search]");
  if (box && document.getElementById("__search")) {
    var dialog = new Dialog(box);
    document.addEventListener("keydown", function (event) { dialog.key(event); });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(highlight);
  else highlight();

  window.HbSearch = { query: query, load: load };
})();
