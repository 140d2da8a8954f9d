// Debian's Chromium driven by playwright-core (no browser is ever downloaded), and screenshots
// saved under e2e/artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

// Debian's headless shell (package chromium-headless-shell) when it is there: the same engine without the
// desktop browser's parts, about a fifth less CPU for a test file on the 2-core machine. Else the browser.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const EXECUTABLE = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

export function launchBrowser() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // A test's page lives seconds: V8's optimizing compilers would spend more CPU compiling the app's
      // code than the optimized code saves. Without them, Chromium took 38 s of CPU against 44.5 s
      // (pages, plans and records: two runs against three); without Sparkplug too it took more again.
      '--js-flags=--no-opt --no-maglev',
    ],
  });
}

/**
 * A fresh context (own sessionStorage) with a Chinese locale and a desktop-size window, asking for reduced
 * motion: overlays then open without their zoom, and on a loaded machine a click aimed at a modal's or a
 * pop-confirm's button while it still grew could land beside it and be lost. Without the service worker:
 * in a fresh context it installs, stores the built files again and keeps a copy of every GraphQL read,
 * about a tenth of the browser's work in these tests; the offline tests (field-inspector.test.mjs) open
 * their own contexts, with it.
 */
export async function newPage(browser, baseURL) {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** The whole page by default; `{ fullPage: false }` for what the screen shows (a big screen's long list). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
