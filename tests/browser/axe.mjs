#!/usr/bin/env node
// Runs axe-core (WCAG 2.0 and 2.1, levels A and AA) on every page of built okrs sites, in
// headless Chromium, in the light and in the dark colour scheme:
//
//   node axe.mjs SITE_DIR [SITE_DIR ...]
//
// Every .html file of each site is opened from file:// in both schemes (light at
// 1280x900, dark at 390x844 as a phone, so that narrow layouts are judged too), and so
// is the search page with results (a word of the first objective's title as the query);
// axe-core is injected from node_modules (nothing is fetched) and run with the tags wcag2a,
// wcag2aa, wcag21a and wcag21aa. Every violation is printed with its rule, page, scheme
// and the elements it names (their CSS selectors).
// Exit status: 0 no violation, 1 violations, 2 usage or setup error.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { VIEWPORTS, keepOffline, launch, siteDir, siteUrl } from "./browser.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// Pages judged at the same time in one scheme (one Chromium; the machines are small).
const PARALLEL = 3;
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const usage = "usage: node axe.mjs SITE_DIR [SITE_DIR ...]";
if (process.argv.length < 3) {
  console.error(usage);
  process.exit(2);
}
const sites = process.argv.slice(2).map((arg) => siteDir(arg, usage));

/** Every .html file under `dir`, relative to it, in a stable order. */
function pages(dir, sub = "") {
  const out = [];
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      out.push(...pages(dir, rel));
    } else if (entry.name.endsWith(".html")) {
      out.push(rel);
    }
  }
  return out.sort();
}

/** The search page with results: its query is a word of the first objective's title. */
function searchWithResults(dir) {
  const json = join(dir, "okrs.json");
  if (!existsSync(join(dir, "search/index.html")) || !existsSync(json)) {
    return [];
  }
  const title = String(JSON.parse(readFileSync(json, "utf8")).objectives?.[0]?.title || "");
  const word = title.split(/\s+/).find((w) => w.length >= 3) || [...title].slice(0, 2).join("");
  return word ? [`search/index.html?q=${encodeURIComponent(word)}`] : [];
}

/** The violations axe finds on one page, as printable lines. */
async function judge(context, dir, rel, scheme) {
  const page = await context.newPage();
  try {
    await page.goto(siteUrl(dir, rel), { waitUntil: "load" });
    if (rel.includes("?q=")) {
      await page.waitForSelector("#search-results a.search-hit", { timeout: 10_000 });
    }
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
      TAGS,
    );
    const where = `${basename(dir)}/${rel} (${scheme})`;
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} [${v.impact}] ${where}: ${n.target.join(" ")} — ${n.failureSummary.replace(/\s+/g, " ")}`),
    );
  } finally {
    await page.close();
  }
}

/** Judges `list` (site, page) in one context, PARALLEL pages at a time. */
async function judgeAll(browser, viewport, list) {
  const context = await browser.newContext(viewport.options);
  const foreign = [];
  await keepOffline(context, (url) => foreign.push(url));
  const scheme = viewport.options.colorScheme;
  const found = [];
  let next = 0;
  async function worker() {
    while (next < list.length) {
      const [dir, rel] = list[next];
      next += 1;
      found.push(...(await judge(context, dir, rel, scheme)));
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  await context.close();
  found.push(...foreign.map((url) => `request leaving file:// (${scheme}): ${url}`));
  return found;
}

const list = sites.flatMap((dir) => [...pages(dir), ...searchWithResults(dir)].map((rel) => [dir, rel]));
let browser;
try {
  browser = await launch();
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
let total = 0;
try {
  for (const viewport of VIEWPORTS) {
    const found = (await judgeAll(browser, viewport, list)).sort();
    console.log(`axe-core ${viewport.options.colorScheme} (${viewport.name}): ${list.length} pages, ${found.length} violations`);
    for (const line of found) {
      console.log(`  ${line}`);
    }
    total += found.length;
  }
} finally {
  await browser.close();
}
process.exit(total === 0 ? 0 : 1);
