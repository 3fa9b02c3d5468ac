/* okrs search: plain JavaScript, no modules, so it also works when the site is opened
   from disk (file://). It reads window.OKRS_SEARCH, an array of
   { kind, title, text, url, context } written by search-index.js, and the labels and the
   site root from data attributes of #search-results. Results are built with DOM methods
   and textContent only. */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var KINDS = ["objective", "key_result", "person", "team", "checkin"];

  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !results) {
    return;
  }
  var root = results.getAttribute("data-root") || "";
  var index = Array.isArray(window.OKRS_SEARCH) ? window.OKRS_SEARCH : [];

  function normalise(s) {
    s = String(s == null ? "" : s);
    if (s.normalize) {
      s = s.normalize("NFKC");
    }
    return s.toLowerCase();
  }

  // Normalised once: the haystack of every entry.
  var entries = index.map(function (item) {
    return {
      item: item,
      hay: normalise([item.title, item.text, item.context].join("\n"))
    };
  });

  function label(name, fallback) {
    var v = results.getAttribute("data-" + name);
    return v == null ? fallback : v;
  }

  function kindLabel(kind) {
    return label("kind-" + kind, kind);
  }

  function terms(query) {
    return normalise(query).split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function search(query) {
    var ts = terms(query);
    if (ts.length === 0) {
      return [];
    }
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var hay = entries[i].hay;
      var ok = true;
      for (var j = 0; j < ts.length; j++) {
        if (hay.indexOf(ts[j]) === -1) {
          ok = false;
          break;
        }
      }
      if (ok) {
        hits.push(entries[i].item);
      }
    }
    return hits;
  }

  // Appends `text` to `parent`, wrapping every occurrence of a term in <mark>. Matching
  // runs on the normalised text; a map from its positions back to the original's keeps
  // the marks on the right characters even where NFKC changes a character's length.
  function appendMarked(parent, text, ts) {
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
    var ranges = [];
    var pos = 0;
    while (ts.length > 0 && pos < norm.length) {
      var best = -1;
      var bestLen = 0;
      for (var j = 0; j < ts.length; j++) {
        var at = norm.indexOf(ts[j], pos);
        if (at !== -1 && (best === -1 || at < best || (at === best && ts[j].length > bestLen))) {
          best = at;
          bestLen = ts[j].length;
        }
      }
      if (best === -1) {
        break;
      }
      ranges.push([from[best][0], from[best + bestLen - 1][1]]);
      pos = best + bestLen;
    }
    var last = 0;
    ranges.forEach(function (r) {
      if (r[0] < last) {
        return;
      }
      if (r[0] > last) {
        parent.appendChild(document.createTextNode(text.slice(last, r[0])));
      }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      last = r[1];
    });
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
  }

  // A short piece of `text` around the first matching term.
  function excerpt(text, ts) {
    text = String(text == null ? "" : text).replace(/\s+/g, " ").trim();
    if (text.length <= 160) {
      return text;
    }
    var lower = text.toLowerCase();
    var at = -1;
    for (var j = 0; j < ts.length; j++) {
      var k = lower.indexOf(ts[j]);
      if (k !== -1 && (at === -1 || k < at)) {
        at = k;
      }
    }
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
    var ts = terms(query);
    if (ts.length === 0) {
      status.textContent = "";
      return;
    }
    var hits = search(query);
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

    KINDS.forEach(function (kind) {
      var group = shown.filter(function (h) { return h.kind === kind; });
      if (group.length === 0) {
        return;
      }
      var section = document.createElement("section");
      section.className = "search-group";
      var heading = document.createElement("h2");
      heading.className = "search-group-title";
      heading.textContent = kindLabel(kind) + label("parens", " ({text})").replace("{text}", String(group.length));
      section.appendChild(heading);
      var list = document.createElement("ul");
      list.className = "search-list";
      group.forEach(function (hit) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.className = "search-hit";
        a.setAttribute("href", root + String(hit.url || ""));
        var title = document.createElement("span");
        title.className = "search-hit-title";
        appendMarked(title, hit.title, ts);
        a.appendChild(title);
        if (hit.context) {
          var ctx = document.createElement("span");
          ctx.className = "search-hit-context";
          appendMarked(ctx, hit.context, ts);
          a.appendChild(ctx);
        }
        if (hit.text) {
          var text = document.createElement("span");
          text.className = "search-hit-text";
          appendMarked(text, excerpt(hit.text, ts), ts);
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
