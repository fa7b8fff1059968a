/* The site's search worker, in place of Material's: it speaks Material's worker messages
   (0 setup, 1 ready, 2 query, 3 result), so Material's search box, keyboard and result list
   stay as they are, but it never holds the whole index. For each query it fetches the term
   files of the query's words and the page files of the best ten pages (generator/search_index.py
   writes them), and answers with those pages, their sections, an excerpt as the agency wrote it
   and the words highlighted.

   Words are read as generator/search.py reads the indexed text: normalize() and tokens() below
   repeat its rules, and Thai is cut by the browser's Intl.Segmenter, the same ICU that cut the
   index when the site was built. */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var SHOWN = 10;            /* pages a result lists, each with its sections */
  var SECTIONS = 6;          /* sections listed under one page */
  var SHARD_SPAN = 3;        /* term files a word being typed may be looked up in */
  var BEFORE = 40, AFTER = 150;  /* characters of an excerpt around its first match */
  var MAX_TERM = 40;         /* generator/search.py indexes no longer term: such a word is on no page */
  var MAX_WORDS = 32;        /* words a query is read for: a pasted page of them would keep the
                                worker busy for seconds, and the visitor's next query waiting */

  var RUN = /([\u0E01-\u0E3A\u0E40-\u0E4E]+)|([0-9a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+)/g;
  var THAI_LETTER = /[\u0E01-\u0E2E]/;
  var LATIN = /[0-9a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/;
  var DIGITS = /^[0-9]+$/;
  var GROUP_GAP = " -./";
  var MAX_GROUPS = 6;        /* digit groups joined into one number, as generator/search.py joins */
  var INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
  var THAI_DIGIT = /[\u0E50-\u0E59]/g;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter("th", { granularity: "word" })
    : null;

  var root = new URL("../../../search/", self.location.href);
  var meta = null;
  var files = new Map();     /* URL -> promise of its parsed JSON, kept for the visit */
  var latest = 0;            /* the newest query's number: older answers are dropped */

  /* --- Reading words, as generator/search.py does ------------------------------------- */

  function arabic(digit) {
    return String.fromCharCode(digit.charCodeAt(0) - 0x0E50 + 48);
  }

  function normalize(text) {
    return text.normalize("NFC").replace(INVISIBLE, "").replace(THAI_DIGIT, arabic).toLowerCase();
  }

  /* Lower case and Arabic digits, one character for one, so places found in the folded text
     are places in the text as written. */
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i], lower = c.toLowerCase();
      out += c >= "\u0E50" && c <= "\u0E59" ? arabic(c) : lower.length === 1 ? lower : c;
    }
    return out;
  }

  function tokens(text) {
    var found = [];
    RUN.lastIndex = 0;
    var run;
    while ((run = RUN.exec(text))) {
      if (run[2]) {
        found.push({ word: run[2], start: run.index, end: run.index + run[2].length, thai: false });
        continue;
      }
      var parts = segmenter
        ? Array.from(segmenter.segment(run[1]), function (s) { return [s.index, s.segment]; })
        : [[0, run[1]]];
      for (var k = 0; k < parts.length; k++) {
        if (THAI_LETTER.test(parts[k][1])) {
          var start = run.index + parts[k][0];
          found.push({ word: parts[k][1], start: start, end: start + parts[k][1].length, thai: true });
        }
      }
    }
    return found;
  }

  function pair(a, b) {
    return a.thai && b.thai ? a.word + b.word : a.word + " " + b.word;
  }

  function neighbours(text, a, b) {
    var gap = b.start - a.end;
    return gap === 0 || (gap === 1 && /\s/.test(text[a.end]));
  }

  /* What a query asks for. Each unit must be on a page: a Latin word, a number (its digit
     groups joined, as the index joins them), or a run of Thai words, found as those words or
     as the run itself (the page's text may have been cut into other words). Pairs of
     neighbouring words rank a page where they stand side by side first. */
  function parse(query) {
    var text = normalize(query);
    var words = tokens(text), cut = words.length > MAX_WORDS;
    if (cut) words = words.slice(0, MAX_WORDS);  /* the word being typed is not among them */
    var units = [], pairs = [];
    for (var i = 0; i < words.length; i++) {
      var token = words[i], previous = i > 0 ? words[i - 1] : null;
      var last = units[units.length - 1];
      if (previous && neighbours(text, previous, token)) pairs.push(pair(previous, token));
      if (last && DIGITS.test(token.word) && last.number && last.groups < MAX_GROUPS &&
          token.start - previous.end === 1 && GROUP_GAP.indexOf(text[previous.end]) >= 0) {
        last.words[0] += token.word;
        last.groups += 1;
      } else if (last && token.thai && previous.thai && token.start === previous.end) {
        last.words.push(token.word);
      } else {
        units.push({ words: [token.word], number: DIGITS.test(token.word), thai: token.thai, groups: 1 });
      }
    }
    units.forEach(function (unit) { unit.whole = unit.words.join(""); });
    /* The last word is still being typed: no space after it (and none cut off after it). */
    var typing = units.length > 0 && !cut && !/\s$/.test(query);
    return { units: units, pairs: pairs, typing: typing, text: text };
  }

  /* --- Fetching -------------------------------------------------------------------------- */

  /* A file of the index, parsed. Where the browser can unpack gzip, the packed copy is
     fetched (a quarter of the bytes); a host that sent it unpacked already is read as it came. */
  var packed = typeof DecompressionStream === "function";

  function parsed(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function load(path) {
    var url = new URL(path + (packed ? ".gz" : "") + "?v=" + meta.v, root).href;
    if (!files.has(url)) {
      var loading = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + url);
          return response.arrayBuffer();
        })
        .then(parsed);
      loading.catch(function () { files.delete(url); });
      files.set(url, loading);
    }
    return files.get(url);
  }

  /* The term file a term is in: the last whose first term is not after it. */
  function shardOf(term) {
    var low = 0, high = meta.shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (meta.shards[middle] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* Every term file a query needs, fetched together; then each term's pages. */
  function lookup(needed) {
    var shards = new Set();
    needed.forEach(function (want) {
      var first = shardOf(want.term);
      shards.add(first);
      if (want.prefix) {
        for (var n = first + 1; n < meta.shards.length && n < first + SHARD_SPAN; n++) {
          if (meta.shards[n].indexOf(want.term) !== 0) break;
          shards.add(n);
        }
      }
    });
    var list = Array.from(shards);
    return Promise.all(list.map(function (n) { return load("t/" + n + ".json"); }))
      .then(function (loaded) {
        var byShard = new Map();
        list.forEach(function (n, k) { byShard.set(n, loaded[k]); });
        return byShard;
      });
  }

  /* A term's pages: page number -> its weight there: 4 in the page's title, 2 in a section's,
     else 0, plus half how widely the page uses it (0 in one text, 1 in a few, 2 in more);
     generator/search_index.py writes them. */
  function decode(values) {
    var pages = new Map(), page = -1;
    for (var i = 0; i < values.length; i++) {
      var value = Math.abs(values[i]), rest = value % 6;
      page += (value - rest) / 6;
      pages.set(page, (values[i] < 0 ? (rest % 2 ? 4 : 2) : 0) + Math.floor(rest / 2) / 2);
    }
    return pages;
  }

  function better(a, b) {
    return a === undefined ? b : Math.max(a, b);
  }

  function pagesOf(byShard, term, prefix) {
    var first = shardOf(term);
    if (!prefix) {
      var terms = byShard.get(first) || {};
      return Object.prototype.hasOwnProperty.call(terms, term) ? decode(terms[term]) : new Map();
    }
    var found = new Map();
    for (var n = first; n < first + SHARD_SPAN && byShard.has(n); n++) {
      var shard = byShard.get(n);
      for (var key in shard) {
        if (key.indexOf(term) === 0) {
          decode(shard[key]).forEach(function (weight, page) { found.set(page, better(found.get(page), weight)); });
        }
      }
    }
    return found;
  }

  function intersect(maps) {
    if (!maps.length) return new Map();
    var out = new Map(maps[0]);
    for (var i = 1; i < maps.length; i++) {
      out.forEach(function (weight, page) {
        if (!maps[i].has(page)) out.delete(page);
        else out.set(page, Math.min(weight, maps[i].get(page)));
      });
    }
    return out;
  }

  function union(a, b) {
    var out = new Map(a);
    b.forEach(function (weight, page) { out.set(page, better(out.get(page), weight)); });
    return out;
  }

  /* --- Ranking ---------------------------------------------------------------------------- */

  /* While a Thai word is typed, ICU cuts its first letters into pieces that are no words
     (``ก่อส``: ``ก่อ|ส``): the last two or three pieces are also looked up joined, as the
     start of a word or of two words side by side. */
  function tails(unit, prefix) {
    var out = [];
    for (var k = 2; prefix && unit.thai && k <= Math.min(3, unit.words.length); k++) {
      out.push({ head: unit.words.slice(0, -k), tail: unit.words.slice(-k).join("") });
    }
    return out;
  }

  /* Whether a word is looked up as the start of longer ones: the last, while typed, if long
     enough to stand for the words it begins (one Thai letter would fetch half the index). */
  function begins(words, i, typing) {
    return typing && i === words.length - 1 && words[i].length >= 2;
  }

  function unitPages(byShard, unit, prefix) {
    var words = unit.words.map(function (word, i) {
      return pagesOf(byShard, word, begins(unit.words, i, prefix));
    });
    var found = intersect(words);
    if (unit.words.length > 1) found = union(found, pagesOf(byShard, unit.whole, prefix));
    tails(unit, prefix).forEach(function (split) {
      var head = split.head.map(function (word) { return pagesOf(byShard, word, false); });
      found = union(found, intersect(head.concat([pagesOf(byShard, split.tail, true)])));
    });
    return found;
  }

  /* Pages that hold every unit of the query (when none does, those that hold the most: the
     rest is shown struck through, as Material does), best first: units in a title, pairs
     side by side, then the index's order (reports first, pages for staff last). */
  function rank(query, byShard) {
    var units = query.units.map(function (unit, i) {
      return unitPages(byShard, unit, query.typing && i === query.units.length - 1);
    });
    var pairs = query.pairs.map(function (key) { return pagesOf(byShard, key, false); });
    var hits = new Map();
    units.forEach(function (pages, i) {
      pages.forEach(function (weight, page) {
        var hit = hits.get(page) || { page: page, score: 0, count: 0, units: units.map(function () { return false; }) };
        hit.score += 1 + weight;
        hit.count += 1;
        hit.units[i] = true;
        hits.set(page, hit);
      });
    });
    pairs.forEach(function (pages) {
      pages.forEach(function (weight, page) {
        if (hits.has(page)) hits.get(page).score += 1 + weight / 2;
      });
    });
    var most = 0;
    hits.forEach(function (hit) { most = Math.max(most, hit.count); });
    var found = [];
    hits.forEach(function (hit) { if (hit.count === most) found.push(hit); });
    found.sort(order);
    return found;
  }

  function order(a, b) {
    return (a.page >= meta.staff) - (b.page >= meta.staff) || b.score - a.score || a.page - b.page;
  }

  /* --- What a result shows ---------------------------------------------------------------- */

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* Where a word stands in a text. Thai has no spaces, so a Thai word counts where it starts
     and ends on the edges of the text's own words (Intl.Segmenter, as the index was cut):
     ``ระ`` is not found inside ``ประชุม``; a word still being typed is shown whole. Other
     words count at a word's start; numbers with what a page writes between digit groups. */
  function matcher(word, prefix) {
    if (word.length > MAX_TERM) {  /* in no term file; and 3,000 digits are past what a RegExp takes */
      return { pattern: /(?!)/g, thai: false, latin: false, length: word.length, prefix: prefix };
    }
    var thai = !DIGITS.test(word) && !LATIN.test(word[0]);
    var source = DIGITS.test(word) ? word.split("").join("[\\s.\\-/]?")
      : thai ? escapeRegExp(word)
      : "(?:^|[^0-9a-z\\u00C0-\\u024F])" + escapeRegExp(word);  /* no lookbehind: older Safari */
    return { pattern: new RegExp(source, "g"), thai: thai, latin: !thai && !DIGITS.test(word), length: word.length, prefix: prefix };
  }

  var THAI_CHAR = /[\u0E01-\u0E3A\u0E40-\u0E4E]/;

  /* Where a Thai match ends if it starts and ends on the text's word edges (a word still
     being typed ends with the word it begins), or -1. */
  function edgeEnd(folded, start, end, prefix) {
    if (!segmenter) return end;
    var from = start, to = end;
    while (from > 0 && start - from < 80 && THAI_CHAR.test(folded[from - 1])) from--;
    while (to < folded.length && to - end < 80 && THAI_CHAR.test(folded[to])) to++;
    var edges = [];
    for (var part of segmenter.segment(folded.slice(from, to))) edges.push(from + part.index);
    edges.push(to);
    if (edges.indexOf(start) < 0) return -1;
    if (edges.indexOf(end) >= 0) return end;
    if (!prefix) return -1;
    for (var i = 0; i < edges.length; i++) if (edges[i] > end) return edges[i];
    return -1;
  }

  function find(folded, match) {
    var found = [], m;
    match.pattern.lastIndex = 0;
    while ((m = match.pattern.exec(folded))) {
      if (!m[0].length) { match.pattern.lastIndex++; continue; }
      var end = m.index + m[0].length, start = match.latin ? end - match.length : m.index;
      if (match.thai) end = edgeEnd(folded, start, end, match.prefix);
      if (end > start) found.push([start, end]);
    }
    return found;
  }

  function spans(folded, matches) {
    var found = [];
    matches.forEach(function (match) { found = found.concat(find(folded, match)); });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    found.forEach(function (span) {
      var last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span.slice());
    });
    return merged;
  }

  function marked(text, from, to, found) {
    var out = "", at = from;
    found.forEach(function (span) {
      var start = Math.max(span[0], from), end = Math.min(span[1], to);
      if (end <= start) return;
      out += escapeHTML(text.slice(at, start)) + "<mark data-md-highlight>" +
        escapeHTML(text.slice(start, end)) + "</mark>";
      at = end;
    });
    return out + escapeHTML(text.slice(at, to));
  }

  /* A place to cut an excerpt: a space, or else a Thai word's edge, near ``at``. */
  function edge(text, at, forward) {
    if (at <= 0) return 0;
    if (at >= text.length) return text.length;
    var window = forward ? text.slice(at, at + 20) : text.slice(Math.max(0, at - 20), at);
    var space = forward ? window.indexOf(" ") : window.lastIndexOf(" ");
    if (space >= 0) return forward ? at + space : at - window.length + space + 1;
    if (segmenter) {
      var start = Math.max(0, at - 20);
      var parts = Array.from(segmenter.segment(text.slice(start, at + 20)));
      for (var i = 0; i < parts.length; i++) {
        if (start + parts[i].index >= at) return start + parts[i].index;
      }
    }
    return at;
  }

  function excerpt(text, found) {
    if (!text) return "";
    var first = found.length ? found[0][0] : 0;
    var from = found.length ? edge(text, first - BEFORE, false) : 0;
    var to = edge(text, Math.max(first, from) + AFTER, true);
    return "<p>" + (from > 0 ? "… " : "") + marked(text, from, to, found) +
      (to < text.length ? " …" : "") + "</p>";
  }

  /* A unit's words and its whole run, each with whether it is still being typed. */
  function unitMatchers(query, unit, i) {
    var typing = query.typing && i === query.units.length - 1;
    return {
      words: unit.words.map(function (word, k) { return matcher(word, begins(unit.words, k, typing)); }),
      whole: unit.words.length > 1 ? matcher(unit.whole, typing) : null
    };
  }

  /* Which of the query's units a text holds. */
  function holds(query, folded) {
    return query.units.map(function (unit, i) {
      var m = unitMatchers(query, unit, i);
      var all = m.words.every(function (word) { return find(folded, word).length > 0; });
      return all || (m.whole !== null && find(folded, m.whole).length > 0);
    });
  }

  /* What highlights a unit in one text: a Thai run where the text holds it whole, else its
     words where the text holds every one of them (as holds() counts it): ``ร้องเรียน``, cut
     ``ร้อง|เรียน``, does not mark ``เรียน`` in ``เรียนรู้`` of a text without ``ร้อง``. */
  function highlighters(query, folded) {
    var matches = [];
    query.units.forEach(function (unit, i) {
      var m = unitMatchers(query, unit, i);
      if (m.whole !== null && find(folded, m.whole).length) matches.push(m.whole);
      else if (m.words.every(function (word) { return find(folded, word).length > 0; })) {
        matches = matches.concat(m.words);
      }
    });
    return matches;
  }

  function shown(query, text) {
    var folded = fold(text);
    return { text: text, folded: folded, found: spans(folded, highlighters(query, folded)) };
  }

  function termsOf(query, held) {
    var terms = {};
    query.units.forEach(function (unit, i) { terms[unit.whole] = held[i]; });
    return terms;
  }

  /* One result: the page, then its sections that hold the query's words, those with every
     word first (Material lists them; the others under "more"). */
  function documents(query, fragment, hit) {
    var phrase = query.text.replace(/\s+/g, " ").trim();
    var all = query.units.length;
    var entries = fragment.e.map(function (entry) {
      var title = shown(query, entry[1] || fragment.t), text = shown(query, entry[2]);
      var inTitle = holds(query, title.folded), inText = holds(query, text.folded);
      var held = inTitle.map(function (yes, i) { return yes || inText[i]; });
      return {
        anchor: entry[0],
        count: held.filter(Boolean).length,
        whole: phrase.length > 1 && (text.folded.indexOf(phrase) >= 0 || title.folded.indexOf(phrase) >= 0),
        titled: inTitle.some(Boolean),
        location: fragment.u + (entry[0] ? "#" + entry[0] : ""),
        title: marked(title.text, 0, title.text.length, title.found),
        text: excerpt(text.text, text.found),
        terms: termsOf(query, held)
      };
    });
    /* Words as typed in one text, or at least all in one section, rank a page higher. */
    var score = hit.score + (entries.some(function (e) { return e.whole; }) ? 2 : 0) +
      (all > 1 && entries.some(function (e) { return e.count === all; }) ? 1 : 0);
    var own = entries.filter(function (e) { return !e.anchor; })[0];
    var heading = shown(query, fragment.t);
    var items = [{
      location: fragment.u,
      title: marked(heading.text, 0, heading.text.length, heading.found),
      text: own && own.count > 0 ? own.text : "",
      score: score,
      terms: termsOf(query, hit.units)
    }];
    entries
      .filter(function (e) { return e.anchor && e.count > 0; })
      .sort(function (a, b) {
        return (b.count === all) - (a.count === all) || b.whole - a.whole || b.titled - a.titled ||
          b.count - a.count;
      })
      .slice(0, SECTIONS)
      .forEach(function (e) {
        items.push({
          location: e.location, title: e.title, text: e.text,
          score: e.count === all ? score : score - 1, terms: e.terms
        });
      });
    return { page: hit.page, score: score, items: items };
  }

  /* Milliseconds spent working on the newest query, not waiting for files: the result says
     it (``took``) so that a benchmark can tell the worker's share of a phone's wait. */
  var working = 0;

  function timed(step) {
    return function (value) {
      var started = performance.now();
      try { return step(value); } finally { working += performance.now() - started; }
    };
  }

  function search(query, number) {
    var needed = [];
    query.units.forEach(function (unit, i) {
      var typing = query.typing && i === query.units.length - 1;
      unit.words.forEach(function (word, k) {
        needed.push({ term: word, prefix: begins(unit.words, k, typing) });
      });
      if (unit.words.length > 1) needed.push({ term: unit.whole, prefix: typing });
      tails(unit, typing).forEach(function (split) { needed.push({ term: split.tail, prefix: true }); });
    });
    query.pairs.forEach(function (key) { needed.push({ term: key, prefix: false }); });
    return lookup(needed).then(timed(function (byShard) {
      if (number !== latest) return null;  /* typed on: this query's pages are not fetched */
      var ranked = rank(query, byShard);
      var best = ranked.slice(0, SHOWN);
      return Promise.all(best.map(function (hit) { return load("f/" + hit.page + ".json"); }))
        .then(timed(function (fragments) {
          var results = fragments.map(function (fragment, k) {
            return documents(query, fragment, best[k]);
          });
          results.sort(order);
          return {
            items: results.map(function (r) { return r.items; }),
            total: ranked.length,
            asked: true
          };
        }));
    }));
  }

  function answer(number, data) {
    if (number === latest) self.postMessage({ type: RESULT, data: data });
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP) {
      var config = (message.data && message.data.config) || {};
      meta = config.c3 || null;
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var number = ++latest;
      var started = performance.now();
      var query = parse(String(message.data || ""));
      working = performance.now() - started;
      if (!meta || !meta.shards.length || !query.units.length) {
        answer(number, { items: [], total: 0 });
        return;
      }
      search(query, number).then(
        function (data) {
          if (!data) return;
          data.took = Math.round(working);
          answer(number, data);
        },
        function (error) {
          console.warn("search: " + error);
          answer(number, { items: [], total: 0 });
        }
      );
    }
  });
})();
