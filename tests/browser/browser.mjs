// Shared by check.mjs and screenshots.mjs: find the system Chromium, launch it with
// playwright-core, and keep every request on this machine.
//
// No browser is downloaded: playwright-core drives the Chromium the system package
// manager installed (`apt-get install -y chromium`). Set CHROMIUM=/path/to/chromium to
// use another one.

import { existsSync, statSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const VIEWPORTS = [
  {
    name: "desktop",
    options: { viewport: { width: 1280, height: 900 }, colorScheme: "light" },
  },
  {
    name: "phone",
    options: {
      viewport: { width: 390, height: 844 },
      colorScheme: "dark",
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 1,
    },
  },
];

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Belt and braces: even if something slipped past the request check, no host name
  // but loopback resolves.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

/** The Chromium executable: $CHROMIUM, /usr/bin/chromium, or `chromium` on PATH. */
export function findChromium() {
  const candidates = [];
  if (process.env.CHROMIUM) {
    candidates.push(process.env.CHROMIUM);
  }
  candidates.push("/usr/bin/chromium");
  for (const dir of (process.env.PATH || "").split(delimiter)) {
    if (dir) {
      candidates.push(join(dir, "chromium"));
    }
  }
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) {
        return c;
      }
    } catch {
      // not there: try the next one
    }
  }
  return null;
}

export async function launch() {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "no Chromium found (looked at $CHROMIUM, /usr/bin/chromium and `chromium` on PATH); " +
        "install it with `apt-get install -y chromium`",
    );
  }
  return chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
}

/** The absolute site directory from argv, checked to hold a built site. */
export function siteDir(arg, usage) {
  if (!arg) {
    console.error(usage);
    process.exit(2);
  }
  const dir = resolve(arg);
  if (!existsSync(join(dir, "index.html"))) {
    console.error(`${dir}/index.html does not exist: build the site first (okrs build ... -o ${arg})`);
    process.exit(2);
  }
  return dir;
}

/** file:// URL of `rel` (a path relative to the site, maybe with ?query or #fragment). */
export function siteUrl(dir, rel) {
  const m = /^([^?#]*)(.*)$/.exec(rel);
  return pathToFileURL(join(dir, m[1])).href + m[2];
}

const LOCAL_SCHEMES = ["file:", "data:", "about:", "blob:"];

export function isLocal(url) {
  return LOCAL_SCHEMES.some((s) => url.startsWith(s));
}

/**
 * Aborts every request that is not file:/data:/about:/blob: and records it with
 * `onForeign(url)`. Also reports WebSocket attempts.
 */
export async function keepOffline(context, onForeign) {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) {
      return route.continue();
    }
    onForeign(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => {
    // Requests the router does not see (if any) are still recorded.
    const url = request.url();
    if (!isLocal(url)) {
      onForeign(url);
    }
  });
  context.on("page", (page) => {
    page.on("websocket", (ws) => onForeign(ws.url()));
  });
}
