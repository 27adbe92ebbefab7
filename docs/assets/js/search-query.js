/* What staff type, turned into what Pagefind searches: plain logic, no DOM, so
 * Node can test it and the benchmark measures exactly what the dialog runs.
 *
 * `words` is one language's search data (checklists/search.yml, published as
 * assets/search-words.json): `question`, the question words and particles to
 * drop (上班能戴首饰吗 searches 上班 戴 首饰), and `synonyms`, groups of
 * forms that mean the same (the handbook's written form first: 饰品, 首饰).
 * Chinese is split with Intl.Segmenter, the segmentation Pagefind's extended
 * build indexes with (ICU4X), after the multi-character entries are cut out
 * whole; English is split into words and its entries matched word by word.
 *
 * search() asks Pagefind for the pages holding every word (each synonym
 * tried, the handbook's own words first); when fewer than three do, it adds
 * the pages holding most of the words, ranked by how many they hold, each
 * with the words it lacks.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.HbSearchQuery = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MAX_COMBINATIONS = 8;   // synonym combinations searched for every word
  var ENOUGH = 3;             // fewer pages with every word: rank by most words

  function normalize(text) {
    return String(text || "").normalize("NFKC").toLowerCase().replace(/[\u2018\u2019]/g, "'");
  }

  /* The words of `text`, as the browser segments them (Pagefind does the same). */
  function segment(text, lang) {
    var found = [];
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      var parts = new Intl.Segmenter(lang, { granularity: "word" }).segment(text);
      for (var part of parts) if (part.isWordLike) found.push(part.segment);
    } else {
      found = text.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
    }
    return found.map(function (word) { return word.replace(/'s$/, ""); }).filter(Boolean);
  }

  function tokensOf(form, lang) {
    return lang === "zh" ? [normalize(form)] : segment(normalize(form), lang);
  }

  /* Lookups built once per language's data. */
  function index(words, lang) {
    if (words._index) return words._index;
    var forms = [];      // {tokens, group} for every synonym form
    var phrases = [];    // question words longer than one token (zh: one character)
    var single = new Set();
    (words.synonyms || []).forEach(function (group, number) {
      group.forEach(function (form) { forms.push({ tokens: tokensOf(form, lang), group: number }); });
    });
    (words.question || []).forEach(function (word) {
      var tokens = tokensOf(word, lang);
      var long = lang === "zh" ? word.length > 1 : tokens.length > 1;
      if (long) phrases.push(tokens);
      else single.add(tokens[0]);
    });
    var longest = function (a, b) { return b.tokens.join(" ").length - a.tokens.join(" ").length; };
    forms.sort(longest);
    phrases.sort(function (a, b) { return b.join(" ").length - a.join(" ").length; });
    Object.defineProperty(words, "_index", { value: { forms: forms, phrases: phrases, single: single } });
    return words._index;
  }

  function startsWith(tokens, at, phrase) {
    for (var i = 0; i < phrase.length; i++) if (tokens[at + i] !== phrase[i]) return false;
    return true;
  }

  /* The query's words, each a list of alternatives (the handbook's word first,
   * then as typed, then the other synonyms; `typed` says which was typed),
   * question words left out. Nothing left: every word as typed. */
  function prepare(query, lang, words) {
    words = words || {};
    var lookup = index(words, lang);
    var text = normalize(query);
    var terms = [];
    var add = function (typed, group) {
      // The handbook's own word first (a group's first form), then the word typed, then the others.
      var alternatives = group === undefined ? [typed] : [normalize(words.synonyms[group][0]), typed];
      if (group !== undefined) {
        words.synonyms[group].forEach(function (form) { alternatives.push(normalize(form)); });
      }
      alternatives = alternatives.filter(function (form, i) { return alternatives.indexOf(form) === i; });
      alternatives.typed = typed;
      if (!terms.some(function (term) { return term.typed === typed; })) terms.push(alternatives);
    };
    if (lang === "zh") {
      // Synonym forms and question phrases are cut out whole, before segmenting.
      var pieces = [text];
      lookup.forms.forEach(function (form) {
        pieces = pieces.flatMap(function (piece) {
          if (typeof piece !== "string") return [piece];
          var parts = piece.split(form.tokens[0]);
          return parts.flatMap(function (part, i) { return i ? [form, part] : [part]; });
        });
      });
      pieces.forEach(function (piece) {
        if (typeof piece !== "string") return add(piece.tokens[0], piece.group);
        lookup.phrases.forEach(function (phrase) { piece = piece.split(phrase[0]).join(" "); });
        segment(piece, lang).forEach(function (word) { if (!lookup.single.has(word)) add(word); });
      });
    } else {
      var tokens = segment(text, lang);
      for (var at = 0; at < tokens.length;) {
        var form = lookup.forms.find(function (f) { return startsWith(tokens, at, f.tokens); });
        if (form) {
          add(form.tokens.join(" "), form.group);
          at += form.tokens.length;
          continue;
        }
        var phrase = lookup.phrases.find(function (p) { return startsWith(tokens, at, p); });
        if (phrase) {
          at += phrase.length;
          continue;
        }
        if (!lookup.single.has(tokens[at])) add(tokens[at]);
        at += 1;
      }
    }
    if (!terms.length) segment(text, lang).forEach(function (word) { add(word); });
    return terms;
  }

  /* Queries that hold every word, one alternative of each (the handbook's words first). */
  function combinations(terms, limit) {
    var found = [[]];
    terms.forEach(function (alternatives) {
      var next = [];
      found.forEach(function (start) {
        alternatives.forEach(function (word) { next.push(start.concat([word])); });
      });
      found = next.slice(0, limit || MAX_COMBINATIONS);
    });
    return found.map(function (words) { return words.join(" "); });
  }

  /* Results of several Pagefind searches, one entry per page: the earlier
   * searches' pages first (the handbook's own words), each in Pagefind's order. */
  async function union(pagefind, queries) {
    var pages = new Map();
    var answers = await Promise.all(queries.map(function (query) { return pagefind.search(query); }));
    answers.forEach(function (answer) {
      ((answer && answer.results) || []).forEach(function (result) {
        if (!pages.has(result.id)) pages.set(result.id, result);
      });
    });
    return pages;
  }

  /* Ranked results: {result (Pagefind's), missing: [words as typed]}. */
  async function search(pagefind, query, lang, words) {
    var terms = prepare(query, lang, words);
    if (!terms.length) return { terms: terms, results: [] };
    var every = await union(pagefind, combinations(terms));
    var ranked = Array.from(every.values()).map(function (result) { return { result: result, missing: [] }; });
    if (ranked.length >= ENOUGH || terms.length < 2) return { terms: terms, results: ranked };
    var each = await Promise.all(terms.map(function (alternatives) { return union(pagefind, alternatives); }));
    var partial = new Map();
    each.forEach(function (pages, number) {
      pages.forEach(function (result, id) {
        if (every.has(id)) return;
        var entry = partial.get(id) || { result: result, found: 0, score: 0, missing: [] };
        entry.found += 1;
        entry.score += result.score;
        if (result.score > entry.result.score) entry.result = result;
        partial.set(id, entry);
      });
    });
    partial.forEach(function (entry, id) {
      entry.missing = terms.filter(function (term, number) { return !each[number].has(id); })
        .map(function (term) { return term.typed; });
    });
    var most = Array.from(partial.values()).sort(function (a, b) { return b.found - a.found || b.score - a.score; });
    return { terms: terms, results: ranked.concat(most.map(function (entry) {
      return { result: entry.result, missing: entry.missing };
    })) };
  }

  return { normalize: normalize, segment: segment, prepare: prepare, combinations: combinations, search: search };
});
