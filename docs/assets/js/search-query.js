/* What staff type, turned into what Pagefind searches: plain logic, no DOM, so
 * Node can test it and the benchmark measures exactly what the dialog runs.
 *
 * `words` is one language's search data (checklists/search.yml, published as
 * assets/search-words.json): `question`, the question words and particles to
 * drop (上班能戴首饰吗 searches 上班 戴 首饰), and `synonyms`, groups of
 * forms that mean the same (the handbook's written form first: 饰品, 首饰),
 * the forms the handbook's text holds before the others, `present` of them.
 * Chinese is split with Intl.Segmenter, the segmentation Pagefind's extended
 * build indexes with (ICU4X), after the multi-character entries are cut out
 * whole; English is split into words and its entries matched word by word.
 * A form is also found as staff vary it: a Chinese one with a character added
 * inside (送我点东西 for 送我东西), an English one with small words added or
 * changed inside (end of a call for end the call).
 *
 * search() asks Pagefind for the pages holding each word (any of its
 * synonyms) and ranks them by their best passage: the words' scores, times how
 * many of the query's words stand together within a rule or short paragraph
 * (squared), twice for a page holding them one after another (a title: 考核标准),
 * so the section that answers comes before a long page that only mentions the
 * words apart, and a page lacking a word says which.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.HbSearchQuery = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MAX_COMBINATIONS = 8;   // synonym combinations searched for every word
  var NEAR = 30;              // words: about one rule or short paragraph, the passage that answers
  var EXACT = 2;              // a page holding a word as written, not only a word sharing its stem
  var TOLERANT_CHARACTERS = 3;  // a Chinese form this long is still found with a character added inside
  // An id as section pages and the change notice show it (000-2.4, 000-2.4-r1, 000-2.4-p1-s2): one word to
  // Pagefind, which indexes it whole; the browser's segmenter would split it into 000 / 2.4 / r1.
  var ID = /(?<![\w.])\d{3}-\d+(?:\.\d+)*(?:-[a-z]+\d+)*(?![\w.])/gi;   // not 001-2016 of GB/T 19001-2016

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

  /* A Chinese form typed with one more character inside it (送我点东西 for 送我东西, 服务的态度
   * for 服务态度): {typed: the typed text, added: the character}, or null. Only forms of three
   * characters or more, one character added, and never a negation (客户不满意 is not 客户满意). */
  var NOT_INSIDE = /[不没别未无非莫勿\s\p{P}\p{N}]/u;
  function insideOne(piece, form) {
    if (form.length < TOLERANT_CHARACTERS) return null;
    for (var start = piece.indexOf(form[0]); start >= 0; start = piece.indexOf(form[0], start + 1)) {
      for (var gap = 1; gap < form.length; gap++) {
        var added = piece[start + gap];
        if (piece.substr(start, gap) === form.slice(0, gap) && added && !NOT_INSIDE.test(added) &&
            piece.substr(start + gap + 1, form.length - gap) === form.slice(gap)) {
          return { typed: piece.substr(start, form.length + 1), added: added };
        }
      }
    }
    return null;
  }

  /* An English form of two words or more typed with other small words inside it (end of a call
   * for end the call, walks in for walk in): how many of `tokens` from `at` it takes, or 0. The
   * form's first and last words must be typed, a plural -s aside, and its other words in order,
   * with only SMALL words added, dropped or changed between them. */
  var SMALL = new Set(["the", "a", "an", "of", "to", "my", "our", "your", "their", "his", "her", "its", "this", "that"]);
  function looselyAt(tokens, at, form) {
    if (form.length < 2 || SMALL.has(form[0]) || SMALL.has(form[form.length - 1])) return 0;
    var wanted = form.filter(function (word) { return !SMALL.has(word); });
    var same = function (typed, word) { return typed === word || typed.replace(/s$/, "") === word.replace(/s$/, ""); };
    var next = at;
    for (var i = 0; i < wanted.length; i++) {
      while (i && next < tokens.length && SMALL.has(tokens[next])) next++;
      if (next >= tokens.length || !same(tokens[next], wanted[i])) return 0;
      next++;
    }
    return next - at;
  }

  /* The query's words, each a list of alternatives (the handbook's word first,
   * then as typed, then the other synonyms; `typed` says which was typed),
   * question words left out. Nothing left: every word as typed. */
  function prepare(query, lang, words) {
    words = words || {};
    var lookup = index(words, lang);
    var terms = [];
    var text = normalize(query).replace(ID, function (id) {
      var term = [id];
      term.typed = id;
      term.id = true;
      if (!terms.some(function (t) { return t.typed === id; })) terms.push(term);
      return " ";
    });
    var add = function (typed, group) {
      // The handbook's own word first (a group's first form), then the word typed, then the others.
      var alternatives = group === undefined ? [typed] : [normalize(words.synonyms[group][0]), typed];
      var absent = false;
      if (group !== undefined) {
        // Only the forms some page holds are asked for (`present`: they come first).
        var held = words.present ? words.present[group] : words.synonyms[group].length;
        var forms = words.synonyms[group].slice(0, held);
        forms.forEach(function (form) { alternatives.push(normalize(form)); });
        // As typed: an English form word by word (after-sale: after sale).
        absent = !forms.some(function (form) { return tokensOf(form, lang).join(" ") === typed; });
      }
      alternatives = alternatives.filter(function (form, i) { return alternatives.indexOf(form) === i; });
      alternatives.typed = typed;
      // A form of a group that no page holds (老是被客户投诉, keep getting complaints) is not asked
      // loosely: its words would be found apart, anywhere on a long page; its group brings the
      // handbook's word.
      alternatives.absent = absent;
      if (!terms.some(function (term) { return term.typed === typed; })) terms.push(alternatives);
    };
    if (lang === "zh") {
      // Synonym forms and question phrases are cut out whole, before segmenting, the longest first;
      // a form is also cut out typed with a character added inside it, the typed text then being
      // the word asked (送我点东西), and the added character a word of its own unless it is a
      // question word (多久评一次: 定期, 评).
      var cut = function (pieces, found, group) {
        return pieces.flatMap(function (piece) {
          var match = typeof piece === "string" && found(piece);
          if (!match) return [piece];
          var parts = piece.split(match.typed);
          return parts.flatMap(function (part, i) {
            return i ? [{ tokens: [match.typed], group: group }, match.added || "", part] : [part];
          });
        });
      };
      var pieces = [text];
      lookup.forms.forEach(function (form) {
        var written = form.tokens[0];
        pieces = cut(pieces, function (piece) { return piece.indexOf(written) >= 0 && { typed: written }; }, form.group);
        pieces = cut(pieces, function (piece) { return insideOne(piece, written); }, form.group);
      });
      pieces.forEach(function (piece) {
        if (typeof piece !== "string") return add(piece.tokens[0], piece.group);
        lookup.phrases.forEach(function (phrase) { piece = piece.split(phrase[0]).join(" "); });
        segment(piece, lang).forEach(function (word) { if (!lookup.single.has(word)) add(word); });
      });
    } else {
      var tokens = segment(text, lang);
      // Where a form starts as written; a form typed loosely is looked for only in the words
      // between (keep customer data: customer data, not keep customers).
      var exactAt = tokens.map(function (token, at) {
        return lookup.forms.find(function (f) { return startsWith(tokens, at, f.tokens); });
      });
      var writtenWithin = function (from, to) {
        for (var at = from; at < to; at++) if (exactAt[at]) return true;
        return false;
      };
      for (var at = 0; at < tokens.length;) {
        var form = exactAt[at];
        if (form) {
          add(form.tokens.join(" "), form.group);
          at += form.tokens.length;
          continue;
        }
        var taken = 0;
        var loose = lookup.forms.find(function (f) {
          taken = looselyAt(tokens, at, f.tokens);
          return taken && !writtenWithin(at + 1, at + taken);
        });
        if (loose) {
          add(tokens.slice(at, at + taken).join(" "), loose.group);
          at += taken;
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
    if (!terms.length) segment(normalize(query), lang).forEach(function (word) { add(word); });
    return terms;
  }

  /* The path, below the language's root, of the section page an id belongs to
   * ("000-2.4-r1": "manuals/000/2/2.4/"), and the anchor of the rule or step on it. */
  function idPlace(id) {
    var parts = id.split("-");
    var section = parts[1];
    return {
      path: "manuals/" + parts[0] + "/" + section.split(".")[0] + "/" + section + "/",
      anchor: parts.length > 2 ? "#" + id : ""
    };
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

  /* Whether some word of the index begins as `word` does (English). Pagefind, finding no indexed
   * word that begins with a word's stem, falls back to the longest indexed word the stem begins
   * with (angry: an; upset: up; its issue 780), so a word the handbook never uses would find every
   * page holding "an", and mark it there. `vocabulary` is the language's words, sorted
   * (search-words.json); a word is held when one of them shares its first letters, as many as a
   * stem keeps: all but the last three, at least four and at most six (complaining: compla…,
   * complaint). Without a vocabulary (Chinese), every word is held. */
  function held(word, vocabulary) {
    if (!vocabulary || !vocabulary.length) return true;
    return word.split(" ").every(function (part) {
      var length = part.length <= 4 ? part.length : Math.max(4, Math.min(part.length - 3, 6));
      var start = part.slice(0, length);
      var low = 0, high = vocabulary.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (vocabulary[middle] < start) low = middle + 1; else high = middle;
      }
      return low < vocabulary.length && vocabulary[low].slice(0, length) === start;
    });
  }

  function vocabularyOf(words) {
    if (!words || !words.vocabulary) return null;
    if (!words._vocabulary) Object.defineProperty(words, "_vocabulary", { value: words.vocabulary.split(" ") });
    return words._vocabulary;
  }

  /* Where each page holds one word of the query (any of its alternatives):
   * page id → {result: Pagefind's, score: the best alternative's, at: [word positions],
   * forms: [the alternatives the page holds]}.
   * Pagefind matches a word's stem as a prefix (hands finds handling); a page
   * holding the word exactly as written (a quoted search) counts EXACT times.
   * Only the handbook's word and the word typed are matched that loosely; the
   * other everyday words of a synonym group only as written, so that a word
   * the handbook never uses adds no page through a stem or prefix it happens
   * to share (mustache: must…) and one of several words no page holding them
   * apart (cut in: cut … in). */
  async function holding(pagefind, alternatives, vocabulary) {
    var pages = new Map();
    var search = function (query) { return pagefind.search(query); };
    var exact = await Promise.all(alternatives.map(function (word) { return search('"' + word + '"'); }));
    var loose = await Promise.all(alternatives.map(function (word, number) {
      var asked = number === 0 || (word === alternatives.typed && !alternatives.absent);
      return asked && held(word, vocabulary) ? search(word) : exact[number];
    }));
    var written = new Set();
    exact.forEach(function (answer) {
      ((answer && answer.results) || []).forEach(function (result) { written.add(result.id); });
    });
    loose.forEach(function (answer, number) {
      ((answer && answer.results) || []).forEach(function (result) {
        var entry = pages.get(result.id);
        if (!entry) pages.set(result.id, entry = { result: result, score: 0, at: [], forms: [] });
        entry.score = Math.max(entry.score, result.score * (written.has(result.id) ? EXACT : 1));
        entry.at = entry.at.concat(result.words || []);
        entry.forms.push(alternatives[number]);
      });
    });
    return pages;
  }



  /* The most different words of the query found within `width` words of each
   * other: a page whose answer holds the question's words together ranks above
   * one that mentions them here and there (a long topic or onboarding page). */
  function together(places, width) {
    var all = [];
    places.forEach(function (at, term) { at.forEach(function (position) { all.push([position, term]); }); });
    all.sort(function (a, b) { return a[0] - b[0]; });
    var count = places.map(function () { return 0; });
    var distinct = 0, best = 0;
    for (var start = 0, end = 0; end < all.length; end++) {
      if (count[all[end][1]]++ === 0) distinct++;
      while (all[end][0] - all[start][0] >= width) {
        if (--count[all[start][1]] === 0) distinct--;
        start++;
      }
      best = Math.max(best, distinct);
    }
    return best;
  }

  /* Ranked results: {result (Pagefind's, for one of the words), missing: [words
   * as typed], shown(): Pagefind's result for all the words the page holds, whose
   * data() has the excerpts with every one of them marked and ?h= for each}.
   * Every page holding any of the words is a candidate (so a word no page holds
   * never empties the results), ranked by its best passage: Pagefind's scores of
   * the words it holds, times the square of the share of the query's words found
   * together within NEAR words. A section that holds the question's words in one
   * rule outranks a long topic or onboarding page that holds them here and there,
   * and a page lacking a word falls behind one that holds them all. */
  async function search(pagefind, query, lang, words) {
    var terms = prepare(query, lang, words);
    if (!terms.length) return { terms: terms, results: [] };
    var vocabulary = vocabularyOf(words);
    var each = await Promise.all(terms.map(function (alternatives) { return holding(pagefind, alternatives, vocabulary); }));
    var phrase = new Set();         // the words one after another, as in a title (考核标准)
    if (terms.length > 1) {
      var found = await pagefind.search('"' + combinations(terms, 1)[0] + '"');
      ((found && found.results) || []).forEach(function (result) { phrase.add(result.id); });
    }
    var pages = new Map();
    each.forEach(function (found, term) {
      found.forEach(function (entry, id) {
        var page = pages.get(id);
        if (!page) pages.set(id, page = { result: entry.result, places: terms.map(function () { return []; }), score: 0, forms: [] });
        page.places[term] = entry.at;
        page.score += entry.score;
        page.forms.push(entry.forms[0]);
      });
    });
    var ranked = Array.from(pages.values()).map(function (page) {
      var share = together(page.places, NEAR) / terms.length;
      return {
        result: page.result,
        rank: page.score * share * share * (phrase.has(page.result.id) ? EXACT : 1),
        shown: shown(pagefind, page),
        missing: terms.filter(function (term, number) { return !page.places[number].length; })
          .map(function (term) { return term.typed; })
      };
    });
    ranked.sort(function (a, b) { return b.rank - a.rank; });
    var own = await ownPages(ranked, terms);
    ranked.sort(function (a, b) { return (own.has(b) ? 1 : 0) - (own.has(a) ? 1 : 0); });   // stable: the rest keep their order
    return { terms: terms, results: ranked.map(function (page) {
      return { result: page.result, missing: page.missing, shown: page.shown, anchor: own.get(page) || "" };
    }) };
  }

  /* For an id typed, the page of its own section (found among the few pages that print the id):
   * page → the anchor of the rule or step on it ("" for a section id). It comes first, and
   * opens at that rule. */
  async function ownPages(ranked, terms) {
    var own = new Map();
    var ids = terms.filter(function (term) { return term.id; });
    if (!ids.length) return own;
    var holding = ranked.filter(function (page) { return page.missing.length < terms.length; }).slice(0, 10);
    var data = await Promise.all(holding.map(function (page) {
      return page.result.data ? page.result.data().catch(function () { return null; }) : null;
    }));
    holding.forEach(function (page, i) {
      var path = data[i] && String(data[i].url || "").split(/[?#]/)[0];
      ids.forEach(function (term) {
        var place = idPlace(term.typed);
        if (path && !own.has(page) && page.missing.indexOf(term.typed) < 0 && path.slice(-place.path.length) === place.path) {
          own.set(page, place.anchor);
        }
      });
    });
    return own;
  }

  /* Pagefind's result for this page when searched for every word it holds (at most once). */
  function shown(pagefind, page) {
    var asked = null;
    return function () {
      if (page.forms.length < 2) return Promise.resolve(page.result);
      asked = asked || pagefind.search(page.forms.join(" ")).then(function (answer) {
        var found = ((answer && answer.results) || []).filter(function (result) { return result.id === page.result.id; });
        return found[0] || page.result;
      }, function () { return page.result; });
      return asked;
    };
  }

  return { normalize: normalize, segment: segment, prepare: prepare, combinations: combinations, idPlace: idPlace, held: held, search: search };
});
