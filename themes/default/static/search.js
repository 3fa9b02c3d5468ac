/* okrs search: plain JavaScript, no modules, so it also works when the site is opened
   from disk (file://). It reads window.OKRS_SEARCH, the manifest written by
   search-index.js, and loads the index's pieces it needs with <script> elements (fetch
   does not work from file://): each piece calls okrsSearchPiece(name, data). The labels
   and the site root come from data attributes of #search-results. Results are built with
   DOM methods and textContent only. The index's format and what one query loads are in
   docs/themes.md ("Search").

   Matching: the query is split on white space into words, case and width ignored
   (NFKC). A run of Chinese (CJK) characters matches when at least two thirds of its
   two-character pieces (bigrams) occur, so 开放平台 (开放, 放平, 平台) finds
   开放式创新平台. Any other run is cut into words (letters and digits); each must be a
   word of the result, or begin one when it has three characters or more (renewal finds
   renewals). Every word of the query must match somewhere in a result (its title, text
   or context). Candidates are ranked by the words found in their titles; the results
   shown are then ordered by `score`: the whole query in the title first, then the whole
   query anywhere, then by the pieces found (in the title counting more).
   The matching functions are also window.okrsSearch, for tests. */
(function () {
  "use strict";

  var KINDS = ["objective", "key_result", "person", "team", "checkin", "page"];

  function normalise(s) {
    s = String(s == null ? "" : s);
    if (s.normalize) {
      s = s.normalize("NFKC");
    }
    return s.toLowerCase();
  }

  // Han ideographs, kana and hangul: letters written without spaces between words.
  function isCjk(code) {
    return (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0x20000 && code <= 0x3134f);
  }

  // CJK punctuation (、。「」…) separates the runs of a word, like a space would.
  function isCjkPunctuation(code) {
    return (code >= 0x3000 && code <= 0x303f) || (code >= 0xfe30 && code <= 0xfe4f);
  }

  // The query as groups that must all match: { text, cjk, pieces, needed }. A CJK run of
  // two characters or more has its bigrams as pieces and needs two thirds of them.
  function parse(query) {
    var groups = [];
    normalise(query).split(/\s+/).forEach(function (word) {
      var run = "";
      var runCjk = false;
      function flush() {
        if (run) {
          var chars = Array.from(run);
          var pieces = [];
          if (runCjk && chars.length > 1) {
            for (var i = 0; i + 1 < chars.length; i++) {
              pieces.push(chars[i] + chars[i + 1]);
            }
          } else {
            pieces.push(run);
          }
          groups.push({
            text: run,
            cjk: runCjk,
            pieces: pieces,
            needed: pieces.length - Math.floor(pieces.length / 3)
          });
        }
        run = "";
      }
      Array.from(word).forEach(function (ch) {
        var code = ch.codePointAt(0);
        if (isCjkPunctuation(code)) {
          flush();
          return;
        }
        var cjk = isCjk(code);
        if (run && cjk !== runCjk) {
          flush();
        }
        runCjk = cjk;
        run += ch;
      });
      flush();
    });
    return groups;
  }

  // An entry's normalised title and whole text, made once per entry.
  function prepare(item) {
    return {
      item: item,
      title: normalise(item.title),
      hay: normalise([item.title, item.text, item.context].join("\n"))
    };
  }

  // The score of a prepared entry for parsed `groups` (of the query `query`), or -1 when
  // some group does not match.
  function score(entry, groups, query) {
    if (groups.length === 0) {
      return -1;
    }
    var total = 0;
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g];
      var found = 0;
      for (var p = 0; p < group.pieces.length; p++) {
        var piece = group.pieces[p];
        if (entry.title.indexOf(piece) !== -1) {
          found += 1;
          total += 4;
        } else if (entry.hay.indexOf(piece) !== -1) {
          found += 1;
          total += 1;
        }
      }
      if (found < group.needed) {
        return -1;
      }
      if (entry.title.indexOf(group.text) !== -1) {
        total += 10;
      } else if (entry.hay.indexOf(group.text) !== -1) {
        total += 3;
      }
    }
    var phrase = normalise(query).trim().replace(/\s+/g, " ");
    if (entry.title.indexOf(phrase) !== -1) {
      total += 100;
    } else if (entry.hay.indexOf(phrase) !== -1) {
      total += 50;
    }
    return total;
  }

  // `found` ({ item, estimate, doc }) in the order shown: by `score` (a result the index
  // matched but `score` does not, as "kr-1" matching kr and 1 apart, counts 0), then by
  // estimate, then in index order. [{ item, score, estimate, doc }].
  function rank(found, query) {
    var groups = parse(query);
    var hits = found.map(function (h) {
      var s = Math.max(0, score(prepare(h.item), groups, query));
      return { item: h.item, score: s, estimate: h.estimate, doc: h.doc };
    });
    hits.sort(function (a, b) {
      return b.score - a.score || b.estimate - a.estimate || a.doc - b.doc;
    });
    return hits;
  }

  // What to mark in the results: each group's whole text and its pieces.
  function marks(query) {
    var out = [];
    parse(query).forEach(function (group) {
      [group.text].concat(group.pieces).forEach(function (m) {
        if (out.indexOf(m) === -1) {
          out.push(m);
        }
      });
    });
    return out;
  }

  // --- The index: terms, shards, postings ------------------------------------------

  // A letter or digit (Rust's char::is_alphanumeric).
  var WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;

  // The words of normalised text: runs of letters and digits that are not CJK.
  function words(text) {
    var out = [];
    var word = "";
    Array.from(text).forEach(function (ch) {
      if (WORD_CHAR.test(ch) && !isCjk(ch.codePointAt(0))) {
        word += ch;
      } else if (word) {
        out.push(word);
        word = "";
      }
    });
    if (word) {
      out.push(word);
    }
    return out;
  }

  // FNV-1a (32 bits) over the UTF-16 code units of `key`, as the Rust side's `hash`.
  function hash(key) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    }
    return h >>> 0;
  }

  // The key a term is filed under: a word's first `keyChars` characters, a CJK term itself.
  function keyOf(term, keyChars) {
    var chars = Array.from(term);
    return isCjk(chars[0].codePointAt(0)) ? term : chars.slice(0, keyChars).join("");
  }

  // The digits of the posting encoding: a number's last digit is one of END, the ones
  // before it of MORE (base 32, most significant first).
  var END = "0123456789!#$%()*+,-./:;=?@[]^_~";
  var MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ`{|}'z";

  // Encoded postings as { docs, titles }: each number is the gap from the document before
  // (the first: from 0) times two, plus one when the term is in the title.
  function decode(text) {
    var docs = [];
    var titles = [];
    var value = 0;
    var doc = 0;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      var more = MORE.indexOf(ch);
      if (more !== -1) {
        value = value * 32 + more;
        continue;
      }
      value = value * 32 + END.indexOf(ch);
      doc += Math.floor(value / 2);
      docs.push(doc);
      titles.push(value % 2);
      value = 0;
    }
    return { docs: docs, titles: titles };
  }

  // What the query asks of a document, as clauses that must all hold: { terms, needed },
  // each term { key, word, prefix }. A CJK run is one clause of its pieces (two thirds
  // needed); every other word is a clause of its own. Terms beyond `maxKeys` keys are
  // left out (a long CJK run keeps its first pieces).
  function clauses(query, keyChars, maxKeys) {
    var out = [];
    var keys = [];
    function add(pieces, cjk) {
      var terms = [];
      pieces.forEach(function (word) {
        var key = cjk ? word : keyOf(word, keyChars);
        if (keys.indexOf(key) === -1) {
          if (keys.length >= maxKeys) {
            return;
          }
          keys.push(key);
        }
        terms.push({ key: key, word: word, prefix: !cjk && Array.from(word).length >= keyChars });
      });
      if (terms.length > 0) {
        out.push({ terms: terms, needed: terms.length - Math.floor(terms.length / 3), cjk: cjk });
      }
    }
    parse(query).forEach(function (group) {
      if (group.cjk) {
        add(group.pieces, true);
      } else {
        words(group.text).forEach(function (w) { add([w], false); });
      }
    });
    return { clauses: out, keys: keys };
  }

  // A term's postings from its shard entry: inline (a string) or named blocks
  // ([first doc, last doc, block, count]); blocks are { first, last, name, data }.
  function postings(entry) {
    if (typeof entry === "string") {
      var data = decode(entry);
      var n = data.docs.length;
      return { count: n, blocks: n ? [{ first: data.docs[0], last: data.docs[n - 1], name: null, data: data }] : [] };
    }
    var count = 0;
    var blocks = entry.map(function (b) {
      count += b[3];
      return { first: b[0], last: b[1], name: "p" + b[2], data: null };
    });
    return { count: count, blocks: blocks };
  }

  // The position of `doc` in sorted `docs`, or -1.
  function find(docs, doc) {
    var lo = 0;
    var hi = docs.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (docs[mid] === doc) {
        return mid;
      }
      if (docs[mid] < doc) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  // A searcher over the pieces in `pieces` (name → data), loading more with
  // `load(names)` (a promise). The manifest is `manifest` (window.OKRS_SEARCH).
  function searcher(manifest, pieces, load, limits) {
    var blocksLoaded = 0;

    function blockData(block) {
      if (!block.data && block.name && typeof pieces[block.name] === "string") {
        block.data = decode(pieces[block.name]);
      }
      return block.data;
    }

    // -1 when `doc` is not in `list`, 0 when it is, 1 when in the title; null when the
    // block that would hold it is not loaded (its name is added to `need`).
    function lookup(list, doc, need) {
      for (var b = 0; b < list.blocks.length; b++) {
        var block = list.blocks[b];
        if (doc < block.first || doc > block.last) {
          continue;
        }
        var data = blockData(block);
        if (!data) {
          if (need.indexOf(block.name) === -1) {
            need.push(block.name);
          }
          return null;
        }
        var at = find(data.docs, doc);
        return at === -1 ? -1 : data.titles[at];
      }
      return -1;
    }

    // How well `doc` matches (from the words found in its title), -1 when it does not,
    // null when a block it needs is not loaded.
    function estimate(doc, resolved, need) {
      var total = 0;
      var missing = false;
      for (var c = 0; c < resolved.length; c++) {
        var clause = resolved[c];
        var found = 0;
        var inTitle = 0;
        var unknown = false;
        var points = 0;
        for (var t = 0; t < clause.terms.length; t++) {
          var best = -1;
          for (var l = 0; l < clause.terms[t].lists.length; l++) {
            var r = lookup(clause.terms[t].lists[l], doc, need);
            if (r === null) {
              unknown = true;
            } else {
              best = Math.max(best, r);
            }
          }
          if (best >= 0) {
            found += 1;
            inTitle += best;
            points += best ? 4 : 1;
          }
        }
        if (unknown) {
          missing = true;
        } else if (found < clause.needed) {
          return -1;
        }
        var whole = found === clause.terms.length;
        total += points + (whole ? (inTitle === found ? 10 : 3) : 0);
      }
      return missing ? null : total;
    }

    // The clauses with each term's postings lists (a prefix term may have several).
    function resolve(cls) {
      return cls.map(function (clause) {
        var count = 0;
        var present = 0;
        var terms = clause.terms.map(function (term) {
          var shard = pieces["t" + (hash(term.key) % manifest.termShards)] || {};
          var entry = Object.prototype.hasOwnProperty.call(shard, term.key) ? shard[term.key] : [];
          var lists = [];
          entry.forEach(function (e) {
            if (term.prefix ? e[0].lastIndexOf(term.word, 0) === 0 : e[0] === term.word) {
              lists.push(postings(e[1]));
            }
          });
          var n = lists.reduce(function (sum, list) { return sum + list.count; }, 0);
          count += n;
          present += n > 0 ? 1 : 0;
          return { lists: lists };
        });
        return { terms: terms, needed: clause.needed, count: count, possible: present >= clause.needed,
          best: clause.terms.length * 4 + 10 };
      });
    }

    // Loads what `pending` documents need (within the block budget) and estimates them;
    // returns the ones still undecided.
    async function settle(pending, resolved, matches) {
      var need = [];
      var left = [];
      pending.forEach(function (doc) {
        var s = estimate(doc, resolved, need);
        if (s === null) {
          left.push(doc);
        } else if (s >= 0) {
          matches.push({ doc: doc, estimate: s });
        }
      });
      if (left.length === 0) {
        return left;
      }
      need = need.slice(0, Math.max(0, limits.blocks - blocksLoaded));
      if (need.length === 0) {
        return left;
      }
      blocksLoaded += need.length;
      await load(need);
      return settle(left, resolved, matches);
    }

    // The matches of the query, best first: { matches: [{ doc, estimate }], total,
    // complete } (complete: every candidate was looked at).
    async function run(query) {
      var parsed = clauses(query, manifest.keyChars, limits.keys);
      if (parsed.clauses.length === 0) {
        return { matches: [], total: 0, complete: true };
      }
      await load(parsed.keys.map(function (k) { return "t" + (hash(k) % manifest.termShards); }));
      var resolved = resolve(parsed.clauses);
      if (resolved.some(function (c) { return !c.possible; })) {
        return { matches: [], total: 0, complete: true };
      }
      // The rarest clause proposes the candidates, a block at a time, in document order.
      var driver = resolved.reduce(function (a, b) { return b.count < a.count ? b : a; });
      var blocks = [];
      driver.terms.forEach(function (t) {
        t.lists.forEach(function (list) { blocks = blocks.concat(list.blocks); });
      });
      blocks.sort(function (a, b) { return a.first - b.first || a.last - b.last; });
      var best = resolved.reduce(function (sum, c) { return sum + c.best; }, 0);
      var seen = {};
      var matches = [];
      var complete = true;
      for (var i = 0; i < blocks.length; i++) {
        if (!blockData(blocks[i])) {
          if (blocksLoaded >= limits.blocks) {
            complete = false;
            break;
          }
          blocksLoaded += 1;
          await load([blocks[i].name]);
        }
        var candidates = (blockData(blocks[i]) || { docs: [] }).docs.filter(function (doc) {
          var fresh = !seen[doc];
          seen[doc] = true;
          return fresh;
        });
        var left = await settle(candidates, resolved, matches);
        if (left.length > 0) {
          complete = false;
          break;
        }
        // Documents are ranked by estimate, then by number: once enough have the best
        // estimate possible and come before every block still to read, no document of
        // those blocks can come before them.
        if (i + 1 < blocks.length) {
          var next = blocks[i + 1].first;
          var top = matches.filter(function (m) { return m.estimate === best && m.doc < next; }).length;
          if (top >= limits.shown) {
            complete = false;
            break;
          }
        }
      }
      matches.sort(function (a, b) { return b.estimate - a.estimate || a.doc - b.doc; });
      // One word with one list: its count is exact even when not every block was read.
      var single = resolved.length === 1 && resolved[0].terms.length === 1 && resolved[0].terms[0].lists.length === 1;
      return {
        matches: matches,
        total: complete ? matches.length : single ? driver.count : matches.length,
        complete: complete || single
      };
    }

    // The records of `matches` (what a result shows), as { item, doc, estimate }.
    async function records(matches) {
      var per = manifest.recordsPerShard;
      var names = [];
      matches.forEach(function (m) {
        var name = "d" + Math.floor(m.doc / per);
        if (names.indexOf(name) === -1) {
          names.push(name);
        }
      });
      await load(names);
      return matches.map(function (m) {
        var shard = pieces["d" + Math.floor(m.doc / per)] || [];
        var r = shard[m.doc % per] || [0, "", "", "", ""];
        return {
          item: { kind: KINDS[r[0]], title: r[1], text: r[2], url: r[3], context: r[4] },
          doc: m.doc,
          estimate: m.estimate
        };
      });
    }

    return { run: run, records: records };
  }

  // The results of `query` to show: { hits: [{ item, score }], total, complete }, the
  // first `limits.shown` matches ordered by `score` (then estimate, then index order).
  async function search(engine, query, limits) {
    var found = await engine.run(query);
    var shown = await engine.records(found.matches.slice(0, limits.shown));
    return { hits: rank(shown, query), total: found.total, complete: found.complete };
  }

  // Loads pieces with <script> elements from `base` (the index's folder); each piece
  // calls okrsSearchPiece(name, data). A piece that fails to load counts as empty.
  function scriptLoader(pieces, base) {
    var waiting = {};
    window.okrsSearchPiece = function (name, data) {
      pieces[name] = data;
    };
    function one(name) {
      if (Object.prototype.hasOwnProperty.call(pieces, name)) {
        return Promise.resolve();
      }
      if (!waiting[name]) {
        waiting[name] = new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = base + name + ".js";
          script.onload = script.onerror = function () {
            if (!Object.prototype.hasOwnProperty.call(pieces, name)) {
              pieces[name] = null;
            }
            resolve();
          };
          document.head.appendChild(script);
        });
      }
      return waiting[name];
    }
    return function (names) {
      return Promise.all(names.map(one));
    };
  }

  var LIMITS = { shown: 20, keys: 8, blocks: 12 };

  window.okrsSearch = {
    parse: parse, prepare: prepare, score: score, rank: rank, marks: marks,
    words: words, hash: hash, keyOf: keyOf, decode: decode, clauses: clauses,
    searcher: searcher, search: search, LIMITS: LIMITS
  };

  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !results) {
    return;
  }
  var root = results.getAttribute("data-root") || "";
  var manifest = window.OKRS_SEARCH || {};
  var pieces = {};
  var engine = searcher(manifest, pieces, scriptLoader(pieces, root + (manifest.dir || "")), LIMITS);

  function label(name, fallback) {
    var v = results.getAttribute("data-" + name);
    return v == null ? fallback : v;
  }

  function kindLabel(kind) {
    return label("kind-" + kind, kind);
  }

  // Appends `text` to `parent`, wrapping every occurrence of a mark in <mark> (overlapping
  // ones merged). Matching runs on the normalised text; a map from its positions back to
  // the original's keeps the marks on the right characters even where NFKC changes a
  // character's length.
  function appendMarked(parent, text, ms) {
    text = String(text == null ? "" : text);
    var norm = "";
    var from = []; // for each code unit of `norm`, the [start, end) of its source in `text`
    var i = 0;
    while (i < text.length) {
      var code = text.charCodeAt(i);
      var len = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
      var piece = normalise(text.slice(i, i + len));
      for (var k = 0; k < piece.length; k++) {
        from.push([i, i + len]);
      }
      norm += piece;
      i += len;
    }
    var found = [];
    ms.forEach(function (m) {
      var at = norm.indexOf(m);
      while (m.length > 0 && at !== -1) {
        found.push([from[at][0], from[at + m.length - 1][1]]);
        at = norm.indexOf(m, at + 1);
      }
    });
    found.sort(function (a, b) {
      return a[0] - b[0] || b[1] - a[1];
    });
    var ranges = [];
    found.forEach(function (r) {
      var last = ranges[ranges.length - 1];
      if (last && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        ranges.push([r[0], r[1]]);
      }
    });
    var done = 0;
    ranges.forEach(function (r) {
      if (r[0] > done) {
        parent.appendChild(document.createTextNode(text.slice(done, r[0])));
      }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      done = r[1];
    });
    if (done < text.length) {
      parent.appendChild(document.createTextNode(text.slice(done)));
    }
  }

  // A short piece of `text` around the first mark found.
  function excerpt(text, ms) {
    text = String(text == null ? "" : text).replace(/\s+/g, " ").trim();
    if (text.length <= 160) {
      return text;
    }
    var lower = normalise(text);
    var at = -1;
    for (var j = 0; j < ms.length; j++) {
      var k = lower.indexOf(ms[j]);
      if (k !== -1 && (at === -1 || k < at)) {
        at = k;
      }
    }
    // NFKC may change lengths: a position in the normalised text is near enough here.
    at = Math.min(at, text.length - 1);
    var start = Math.max(0, (at === -1 ? 0 : at) - 60);
    var piece = text.slice(start, start + 160);
    return (start > 0 ? "… " : "") + piece + (start + 160 < text.length ? " …" : "");
  }

  function clear(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
  }

  // The status line: how many results, and how many are shown.
  function countText(found) {
    var n = found.total;
    var count = !found.complete
      ? label("results-at-least", "{n}").replace("{n}", String(n))
      : n === 1 ? label("results-one", "1") : label("results-many", "{n}").replace("{n}", String(n));
    if (n > found.hits.length) {
      count += " " + label("results-capped", "").replace("{n}", String(found.hits.length));
    }
    return count;
  }

  // Each search gets a number; the results of one overtaken by a newer one are dropped.
  var latest = 0;

  async function render(query) {
    var mine = ++latest;
    var ms = marks(query);
    var found = ms.length ? await search(engine, query, LIMITS) : null;
    if (mine !== latest) {
      return;
    }
    clear(results);
    if (!found) {
      status.textContent = "";
      return;
    }
    if (found.hits.length === 0) {
      status.textContent = label("no-results", "");
      return;
    }
    var shown = found.hits;
    status.textContent = countText(found);

    // Results by kind; the kind with the best result first (ties in KINDS order), and
    // within a kind, best first.
    var groups = KINDS.map(function (kind, n) {
      var group = shown.filter(function (h) { return h.item.kind === kind; });
      return { kind: kind, n: n, hits: group, best: group.length ? group[0].score : -1 };
    }).filter(function (g) { return g.hits.length > 0; });
    groups.sort(function (a, b) { return b.best - a.best || a.n - b.n; });

    groups.forEach(function (g) {
      var section = document.createElement("section");
      section.className = "search-group";
      var heading = document.createElement("h2");
      heading.className = "search-group-title";
      heading.textContent = kindLabel(g.kind) + label("parens", " ({text})").replace("{text}", String(g.hits.length));
      section.appendChild(heading);
      var list = document.createElement("ul");
      list.className = "search-list";
      g.hits.forEach(function (h) {
        var hit = h.item;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.className = "search-hit";
        a.setAttribute("href", root + String(hit.url || ""));
        var title = document.createElement("span");
        title.className = "search-hit-title";
        appendMarked(title, hit.title, ms);
        a.appendChild(title);
        if (hit.context) {
          var ctx = document.createElement("span");
          ctx.className = "search-hit-context";
          appendMarked(ctx, hit.context, ms);
          a.appendChild(ctx);
        }
        if (hit.text) {
          var text = document.createElement("span");
          text.className = "search-hit-text";
          appendMarked(text, excerpt(hit.text, ms), ms);
          a.appendChild(text);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      section.appendChild(list);
      results.appendChild(section);
    });
  }

  function queryFromUrl() {
    var m = /[?&]q=([^&#]*)/.exec(window.location.search || "");
    if (!m) {
      return "";
    }
    try {
      return decodeURIComponent(m[1].replace(/\+/g, " "));
    } catch (e) {
      return "";
    }
  }

  function updateUrl(query) {
    if (!window.history || !window.history.replaceState || window.location.protocol === "file:") {
      return;
    }
    var url = window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "") + window.location.hash;
    try {
      window.history.replaceState(null, "", url);
    } catch (e) {
      /* Some browsers refuse replaceState on some origins: searching still works. */
    }
  }

  var timer = null;
  input.addEventListener("input", function () {
    if (timer) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(function () {
      render(input.value);
      updateUrl(input.value);
    }, 80);
  });

  var form = input.form;
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      render(input.value);
      updateUrl(input.value);
    });
  }

  var initial = queryFromUrl();
  if (initial) {
    input.value = initial;
  }
  render(input.value);
})();
