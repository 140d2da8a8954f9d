import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { freePort } from '../db/embedded';
import { gql } from './import.bench';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { startWebFloor } from './web-floor';
import { medianRun, pageFigures, webSummary, type LighthouseResultLike, type PageFigures, type WebPage } from './web-figures';

/*
 * `npm run bench -- web`: Lighthouse (the npm package, its default mobile settings: a mid-range phone's
 * screen, simulated slow 4G and a 4× slower CPU) on Debian's Chromium, against the app as `npm start`
 * runs it (server/dist/main.js as a child process with its embedded PostgreSQL, a fresh demo and the
 * built web app), on four pages: the login page, the inspector's home (我的检查) and one of their
 * records, signed in as a demo inspector, and the public portal. Each page is loaded cold (no HTTP
 * cache, no service worker, no Cache Storage), the session kept in the tab's sessionStorage as the app
 * keeps it. Each page is measured BENCH_WEB_RUNS times (3) and its median run by performance score kept.
 *
 * The floor, in the same run: the same Lighthouse on a page that does nothing (web-floor.ts).
 *
 * Targets (issue 19): performance ≥ 90 and accessibility ≥ 95 on every page, at most 350 KiB of
 * compressed JavaScript (the scripts' transferSize) before the inspector's home is usable.
 */

const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 3));
/** A directory to keep each run's Lighthouse result (JSON) in, for a closer look (the Lighthouse viewer reads them). */
const REPORTS = process.env.BENCH_WEB_REPORTS;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { performance: 90, accessibility: 95, jsKb: 350 };
const INSPECTORS = Array.from({ length: 8 }, (_, i) => `wugang.inspector0${i + 1}`);

// Lighthouse is an ES module; TypeScript would turn a plain import() into require() in this CommonJS build.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

/** `npm start` without its build: server/dist/main.js with the same V8 flag, on free ports and a fresh data directory. */
async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  if (!fs.existsSync(path.join(repoRoot, 'client', 'dist', 'index.html'))) throw new Error('client/dist is missing: run npm run build first');
  const port = await freePort();
  let pgPort = await freePort();
  while (pgPort === port) pgPort = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-bench-web-'));
  // Its own embedded PostgreSQL and a fresh demo, whatever database the shell points at.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    SPOTCHECK_DATA_DIR: dataDir,
    SPOTCHECK_MODE: 'demo',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--max-semi-space-size=32', path.join(repoRoot, 'server', 'dist', 'main.js')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-10_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const stop = async () => {
    if (!hasExited) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (hasExited) {
      await stop();
      throw new Error(`the server exited before it was ready:\n${log}`);
    }
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready within 180 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A demo inspector of 舞钢 with a record (an opened visit), and that record's address. */
async function inspectorWithRecord(url: string): Promise<{ username: string; recordPath: string }> {
  for (const username of INSPECTORS) {
    const login = await gql(url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: DEMO_PASSWORD });
    const token = login.data.login.token as string;
    const answer = await gql(url, '{ myVisits(first: 100) { edges { node { inspectionId } } } }', {}, token);
    const record = (answer.data.myVisits.edges as { node: { inspectionId: string | null } }[]).find((e) => e.node.inspectionId)?.node.inspectionId;
    if (record) return { username, recordPath: `/inspections/${encodeURIComponent(record)}` };
  }
  throw new Error('no inspector of 舞钢 has a record in the demo');
}

/** Signs in through the login form, as a person would; the app keeps the session in this tab's sessionStorage. */
async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`, { waitUntil: 'load' });
  await page.locator('::-p-aria(用户名)').fill(username);
  await page.locator('::-p-aria(密码)').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForFunction("location.pathname === '/my-visits'", { timeout: 30_000 });
}

/** Forgets what an earlier load left (HTTP cache, the service worker and its store), keeping the tab's sessionStorage. */
async function coldStart(page: Page, origin: string): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' });
  await cdp.detach();
}

async function audit(lighthouse: any, page: Page, url: string, name: string): Promise<PageFigures> {
  await coldStart(page, new URL(url).origin);
  const result = await lighthouse(url, { logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true }, undefined, page);
  const lhr = result?.lhr as LighthouseResultLike | undefined;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  if (REPORTS) {
    fs.mkdirSync(REPORTS, { recursive: true });
    fs.writeFileSync(path.join(REPORTS, `${name}.json`), JSON.stringify(lhr));
  }
  const landed = new URL(lhr.finalDisplayedUrl ?? '').pathname;
  if (landed !== new URL(url).pathname) throw new Error(`Lighthouse measured ${landed} instead of ${url}`);
  return pageFigures(lhr);
}

async function measure(lighthouse: any, page: Page, key: string, label: string, url: string): Promise<PageFigures> {
  const runs: PageFigures[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await audit(lighthouse, page, url, `${key}-${run + 1}`));
  const kept = medianRun(runs);
  console.log(
    `${label.padEnd(22)} performance ${kept.performance} (runs ${runs.map((r) => r.performance).join(', ')}), accessibility ${kept.accessibility}, ` +
      `JavaScript ${kept.jsKb} KiB compressed in ${kept.scripts} files (${kept.jsAfterLcpKb ?? '?'} KiB of it requested after LCP), FCP ${kept.fcpMs} ms, LCP ${kept.lcpMs} ms, TBT ${kept.tbtMs} ms`,
  );
  if (kept.largestScripts.length) console.log(`${''.padEnd(22)} largest scripts (KiB compressed): ${kept.largestScripts.join(', ')}`);
  if (kept.accessibilityFailures.length) console.log(`${''.padEnd(22)} accessibility audits failed: ${kept.accessibilityFailures.join('; ')}`);
  return kept;
}

export async function runWebBench(): Promise<void> {
  const { default: lighthouse } = await importEsm('lighthouse');
  const server = await startServer();
  const floorServer = await startWebFloor();
  let browser: Browser | null = null;
  let summary: Record<string, unknown>;
  try {
    const { username, recordPath } = await inspectorWithRecord(server.url);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();
    // The page fetches every file itself, so that Lighthouse sees each one's transferSize: once the app's
    // service worker takes over (first visit included: it claims the page), the chunks loaded after that
    // arrive through it and a page's own records show 0 bytes for them, though the same bytes crossed the network.
    await page.setBypassServiceWorker(true);
    console.log(`Lighthouse ${RUNS}× per page, mobile, on ${await browser.version()}; the app at ${server.url} as npm start runs it; ${username} signed in`);
    const floor = await measure(lighthouse, page, 'floor', 'floor (empty page)', floorServer.url);
    const pages: WebPage[] = [];
    pages.push({ key: 'login', figures: await measure(lighthouse, page, 'login', 'login /login', `${server.url}/login`) });
    pages.push({ key: 'portal', figures: await measure(lighthouse, page, 'portal', 'public portal /public', `${server.url}/public`) });
    await signIn(page, server.url, username);
    pages.push({ key: 'home', figures: await measure(lighthouse, page, 'home', "inspector's home", `${server.url}/my-visits`) });
    pages.push({ key: 'record', figures: await measure(lighthouse, page, 'record', 'a record', `${server.url}${recordPath}`) });
    summary = webSummary(pages, 'home', floor);
    console.log(
      `targets: performance ${summary.performance} (≥ ${TARGETS.performance}), accessibility ${summary.accessibility} (≥ ${TARGETS.accessibility}), ` +
        `JavaScript of the inspector's home ${summary.js_kb} KiB (≤ ${TARGETS.jsKb}); floor performance ${floor.performance}; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${os.cpus().length} CPUs`,
    );
  } finally {
    await browser?.close();
    await floorServer.close();
    await server.stop();
  }
  console.log(JSON.stringify(summary));
}
