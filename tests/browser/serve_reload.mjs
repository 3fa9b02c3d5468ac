// An edit while `okrs serve` runs reloads the open page, keeping its scroll position,
// and an error shows as an overlay that goes away by itself when fixed.
// Usage: node serve_reload.mjs OKRS_BINARY SITE_DIR (a copy of a sample: it is edited).

import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch } from "./browser.mjs";

const [okrs, siteArg] = process.argv.slice(2);
if (!okrs || !siteArg) {
  console.error("usage: node serve_reload.mjs OKRS_BINARY SITE_DIR");
  process.exit(2);
}
const site = resolve(siteArg);
const objective = join(site, "objectives/teebee-o1.md");
const original = readFileSync(objective, "utf8");

const server = spawn(okrs, ["serve", site, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
let log = "";
const port = await new Promise((done, fail) => {
  const timer = setTimeout(() => fail(new Error(`okrs serve did not start:\n${log}`)), 30000);
  server.stderr.on("data", (chunk) => {
    log += chunk;
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
    if (m) {
      clearTimeout(timer);
      done(Number(m[1]));
    }
  });
});
const origin = `http://127.0.0.1:${port}`;

const failures = [];
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 700 } });
  // Only the local server may be asked for anything.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/")) {
      return route.continue();
    }
    failures.push(`request to another host: ${url}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => failures.push(`page error: ${e.message}`));
  await page.goto(`${origin}/objectives/teebee-o1/`);
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.waitForFunction(() => window.scrollY >= 500);
  // The page listens for changes before anything is edited.
  await page.waitForTimeout(500);

  const marker = "浏览器里的新标题";
  writeFileSync(objective, original.replace("title: ", `title: ${marker} `));
  try {
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 15000 });
    console.log("ok: the open page reloaded and shows the edited title");
    const y = await page.evaluate(() => window.scrollY);
    // The edited title may wrap differently, so the page may move a little; it must not
    // jump back to the top.
    if (Math.abs(y - 600) > 150) {
      failures.push(`the reload lost the scroll position (${y}, expected about 600)`);
    } else {
      console.log("ok: the reload kept the scroll position");
    }
  } catch {
    failures.push("the open page did not reload after the edit");
  }

  writeFileSync(objective, original.replace("period:", "perod:"));
  try {
    await page.waitForSelector("#okrs-overlay", { timeout: 15000 });
    const text = await page.locator("#okrs-overlay").innerText();
    if (!text.includes("objectives/teebee-o1.md")) {
      failures.push(`the overlay does not name the broken file: ${text}`);
    } else {
      console.log("ok: a broken file shows an overlay naming it");
    }
  } catch {
    failures.push("no overlay appeared for a broken file");
  }

  writeFileSync(objective, original);
  try {
    await page.waitForSelector("#okrs-overlay", { state: "detached", timeout: 15000 });
    console.log("ok: fixing the file makes the overlay go");
  } catch {
    failures.push("the overlay stayed after the file was fixed");
  }
} finally {
  writeFileSync(objective, original);
  await browser.close();
  server.kill();
}

if (failures.length > 0) {
  console.error(failures.map((f) => `FAIL: ${f}`).join("\n"));
  process.exit(1);
}
console.log("serve_reload: all checks passed");
