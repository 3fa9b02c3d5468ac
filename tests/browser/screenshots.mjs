#!/usr/bin/env node
// Writes the README screenshots of a built okrs site:
//
//   node screenshots.mjs SITE_DIR OUT_DIR
//
// OUT_DIR/dashboard-desktop.png  index.html, 1280 px wide, light, full page
// OUT_DIR/dashboard-phone.png    index.html, 390 px wide, dark, full page
// OUT_DIR/objective-desktop.png  the first objective page, 1280 px wide, light, full page
// OUT_DIR/objective-phone.png    the same, 390 px wide, dark, full page
//
// The objective is the first in okrs.json (teebee: objectives/teebee-o1/); set
// OKRS_OBJECTIVE=<id> to pick another. Requests that would leave file:// are aborted.

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { VIEWPORTS, keepOffline, launch, siteDir, siteUrl } from "./browser.mjs";

const usage = "usage: node screenshots.mjs SITE_DIR OUT_DIR";
const dir = siteDir(process.argv[2], usage);
if (!process.argv[3]) {
  console.error(usage);
  process.exit(2);
}
const out = resolve(process.argv[3]);

function objectivePage() {
  const id = process.env.OKRS_OBJECTIVE;
  if (id) {
    return `objectives/${id}/index.html`;
  }
  const data = JSON.parse(readFileSync(join(dir, "okrs.json"), "utf8"));
  const o = (data.objectives || []).find((o) => !o.draft) || (data.objectives || [])[0];
  if (!o) {
    throw new Error("okrs.json lists no objective");
  }
  return String(o.url || `objectives/${o.id}/`).replace(/\/?$/, "/") + "index.html";
}

const SHOTS = [
  { name: "dashboard", path: "index.html" },
  { name: "objective", path: objectivePage() },
];

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await launch();
  const problems = [];
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext(viewport.options);
      const foreign = new Set();
      await keepOffline(context, (url) => foreign.add(url));
      for (const shot of SHOTS) {
        const page = await context.newPage();
        page.on("pageerror", (e) => problems.push(`${shot.path}: ${e}`));
        const path = siteUrl(dir, shot.path);
        if (!existsSync(join(dir, shot.path))) {
          throw new Error(`${join(dir, shot.path)} does not exist`);
        }
        await page.goto(path, { waitUntil: "load" });
        await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => {});
        // Web fonts (if any) and layout settled before the picture is taken.
        await page.evaluate(() => document.fonts && document.fonts.ready);
        const file = join(out, `${shot.name}-${viewport.name}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
        const size = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.scrollHeight,
        ]);
        console.log(`wrote ${file} (${size[0]}x${size[1]} CSS px)`);
        await page.close();
      }
      for (const url of foreign) {
        problems.push(`blocked a request that would leave the machine: ${url}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.error(`warning:\n  ${problems.join("\n  ")}`);
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
