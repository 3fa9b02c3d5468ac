/* okrs search: plain JavaScript, no modules, so it also works when the site is opened
   from disk (file://). It reads window.OKRS_SEARCH, an array of
   { kind, title, text, url, context } written by search-index.js, and the labels and the
   site root from data attributes of #search-results. Results are built with DOM methods
   and textContent only.

   Matching (docs/themes.md, "Search"): the query is split on white space into words, and
   every word must match somewhere in a result (its title, text or context), case and
   width ignored (NFKC). Within a word, a run of Chinese (CJK) characters matches when at
   least two thirds of its two-character pieces (bigrams) occur, so 开放平台 (开放, 放平,
   平台) finds 开放式创新平台; any other run (Latin letters, digits) must occur whole.
   Results are ranked: the whole query in the title first, then the whole query anywhere,
   then by the pieces found (in the title counting more); ties keep the index's order.
   The matching functions are also window.okrsSearch, for tests. */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
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

  // The matching entries of `prepared` (from `prepare`), best first: [{ item, score }].
  function rank(prepared, query) {
    var groups = parse(query);
    var hits = [];
    for (var i = 0; i < prepared.length; i++) {
      var s = score(prepared[i], groups, query);
      if (s >= 0) {
        hits.push({ item: prepared[i].item, score: s, order: i });
      }
    }
    hits.sort(function (a, b) {
      return b.score - a.score || a.order - b.order;
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

  window.okrsSearch = { parse: parse, prepare: prepare, score: score, rank: rank, marks: marks };

  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !results) {
    return;
  }
  var root = results.getAttribute("data-root") || "";
  var index = Array.isArray(window.OKRS_SEARCH) ? window.OKRS_SEARCH : [];

  // Normalised once: the title and the haystack of every entry.
  var entries = index.map(prepare);

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

  function render(query) {
    clear(results);
    var ms = marks(query);
    if (ms.length === 0) {
      status.textContent = "";
      return;
    }
    var hits = rank(entries, query);
    if (hits.length === 0) {
      status.textContent = label("no-results", "");
      return;
    }
    var shown = hits.slice(0, MAX_RESULTS);
    var count = hits.length === 1
      ? label("results-one", "1")
      : label("results-many", "{n}").replace("{n}", String(hits.length));
    if (hits.length > MAX_RESULTS) {
      count += " " + label("results-capped", "").replace("{n}", String(MAX_RESULTS));
    }
    status.textContent = count;

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
