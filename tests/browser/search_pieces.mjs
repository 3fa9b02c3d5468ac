#!/usr/bin/env node
// What one query loads, in headless Chromium from file:// (docs/themes.md, "Search").
//
//   node search_pieces.mjs SITE_DIR QUERY=EXPECT [QUERY=EXPECT ...]
//
// For each query, opens search/index.html?q=QUERY and checks:
//   - a result whose title contains EXPECT is listed, and its link's page exists;
//   - the term shards loaded are exactly those of the query's keys (the same hash as the
//     Rust side), at most as many record shards as results shown, and at most the
//     query's budget of posting blocks;
//   - the scripts it loaded (search.js, the manifest and every piece) weigh at most
//     500 kB, and are a small part of the whole index;
//   - no console or page errors, and nothing leaves file://.
// It prints, per query, the pieces loaded and their bytes (docs/performance.md figures
// come from here). With EXPECT empty, only the loading is checked.
// Exit status: 0 all checks passed, 1 a check failed, 2 usage or setup error.

import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { keepOffline, launch, siteDir, siteUrl } from "./browser.mjs";

const BUDGET = 500 * 1000;

const dir = siteDir(process.argv[2], "usage: node search_pieces.mjs SITE_DIR QUERY=EXPECT ...");
const queries = process.argv.slice(3).map((arg) => {
  const at = arg.indexOf("=");
  return at === -1 ? { query: arg, expect: "" } : { query: arg.slice(0, at), expect: arg.slice(at + 1) };
});
if (queries.length === 0) {
  console.error("usage: node search_pieces.mjs SITE_DIR QUERY=EXPECT ...");
  process.exit(2);
}

const failures = [];
function check(where, ok, message) {
  console.log(`  ${ok ? "ok  " : "FAIL"}  ${where}: ${message}`);
  if (!ok) {
    failures.push(`${where}: ${message}`);
  }
}

const indexDir = join(dir, "search/index");
const indexBytes = readdirSync(indexDir).reduce((sum, f) => sum + statSync(join(indexDir, f)).size, 0);
const indexFiles = readdirSync(indexDir).length;

const browser = await launch();
try {
  const context = await browser.newContext();
  const foreign = new Set();
  await keepOffline(context, (url) => foreign.add(url));
  for (const { query, expect } of queries) {
    const where = `"${query}"`;
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(siteUrl(dir, `search/index.html?q=${encodeURIComponent(query)}`), { waitUntil: "load" });
    await page
      .waitForFunction(() => (document.getElementById("search-status").textContent || "").trim() !== "", null, {
        timeout: 30_000,
      })
      .catch(() => {});
    const seen = await page.evaluate((q) => {
      const s = window.okrsSearch;
      const m = window.OKRS_SEARCH;
      const keys = s.clauses(q, m.keyChars, s.LIMITS.keys).keys;
      return {
        scripts: Array.from(document.scripts).map((e) => e.src).filter(Boolean),
        shards: [...new Set(keys.map((k) => `t${s.hash(k) % m.termShards}`))].sort(),
        limits: s.LIMITS,
        status: document.getElementById("search-status").textContent,
        hits: Array.from(document.querySelectorAll("#search-results a.search-hit")).map((a) => ({
          href: a.href,
          title: a.querySelector(".search-hit-title").textContent,
        })),
      };
    }, query);
    const files = seen.scripts.map((src) => fileURLToPath(src.split(/[?#]/)[0]));
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    const pieces = seen.scripts.map((src) => (/search\/index\/([a-z]+\d+)\.js$/.exec(src) || [])[1]).filter(Boolean);
    const of = (kind) => pieces.filter((p) => p[0] === kind);
    console.log(
      `${where}: ${seen.hits.length} shown, status "${seen.status.trim()}"; loaded ${files.length} scripts, ` +
        `${bytes} bytes (${of("t").length} term shards, ${of("p").length} blocks, ${of("d").length} record shards) ` +
        `of an index of ${indexFiles} files, ${indexBytes} bytes`,
    );
    if (expect) {
      const hit = seen.hits.find((h) => h.title.includes(expect));
      check(where, Boolean(hit), `lists a result titled …${expect}… (${seen.hits.slice(0, 3).map((h) => h.title).join(" | ")})`);
      if (hit) {
        check(where, existsSync(fileURLToPath(hit.href.split("#")[0])), `its link leads to a page (${hit.href})`);
      }
    }
    const terms = of("t").sort();
    check(where, JSON.stringify(terms) === JSON.stringify(seen.shards), `loads the term shards of its keys only (${terms} vs ${seen.shards})`);
    check(where, of("d").length <= Math.max(1, seen.hits.length), `loads at most one record shard per result shown (${of("d").length})`);
    check(where, of("p").length <= seen.limits.blocks, `loads at most ${seen.limits.blocks} posting blocks (${of("p").length})`);
    check(where, bytes <= BUDGET, `loads at most ${BUDGET} bytes of script (${bytes})`);
    check(where, pieces.length * 4 < indexFiles, `loads a small part of the index (${pieces.length} of ${indexFiles} pieces)`);
    check(where, errors.length === 0, `no console or page errors (${errors.join("; ")})`);
    await page.close();
  }
  check("all", foreign.size === 0, `no request leaves file:// (${[...foreign].join(", ")})`);
} finally {
  await browser.close();
}
console.log(failures.length ? `FAILED: ${failures.length} checks` : "PASSED");
process.exit(failures.length ? 1 : 0);
