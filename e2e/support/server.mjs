// Starts the real SpotCheck server on a free port and a fresh data directory, waits until /readyz
// answers 200, and stops it cleanly with SIGINT. Its database is either its own embedded PostgreSQL
// (a fresh demo: initdb, migrations, seed) or, under support/run.mjs and when the caller allows it, a
// clone of the run's demo template on the run's shared PostgreSQL, dropped when the server stops.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_PASSWORD = 'spotcheck-demo';

/** The run's template database on the shared PostgreSQL (support/run.mjs) and the secret its demo persons were keyed with. */
export const E2E_TEMPLATE = 'spotcheck_e2e_template';
export const E2E_ID_NUMBER_SECRET = 'spotcheck-e2e-id-number-secret-0123456789';

/** The admin URL of another database on the same PostgreSQL. */
export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function assertBuilt() {
  const main = path.join(REPO_ROOT, 'server', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first (npx tsc -b shared server)`);
  if (!existsSync(path.join(REPO_ROOT, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist/index.html is missing: build the web app first (npm run build -w client)');
  }
  return main;
}

async function onSharedPostgres(work) {
  const { Client } = createRequire(path.join(REPO_ROOT, 'server', 'package.json'))('pg');
  const client = new Client({ connectionString: process.env.SPOTCHECK_E2E_POSTGRES });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of this server's own on the run's shared PostgreSQL, cloned from the demo template: its URL and how to drop it. */
async function cloneTemplate() {
  const name = `e2e_${randomUUID().replace(/-/g, '')}`;
  await onSharedPostgres((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${E2E_TEMPLATE}`));
  return {
    env: { DATABASE_URL: databaseUrl(process.env.SPOTCHECK_E2E_POSTGRES, name), ID_NUMBER_SECRET: E2E_ID_NUMBER_SECRET },
    drop: () => onSharedPostgres((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// unref: a pending timeout must not keep the test process alive after the server has exited.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * @param {{ readyTimeoutMs?: number, env?: Record<string, string>, sharedPostgres?: boolean }} [options]
 *   `env`: settings for this server (e.g. a faster DEADLINE_SWEEP_CRON). `sharedPostgres`: a clone of
 *   the run's template when support/run.mjs started one, else (and by default) its own embedded PostgreSQL.
 * @returns {Promise<{ url: string, port: number, dataDir: string, output: () => string, stop: () => Promise<void> }>}
 */
export async function startServer({ readyTimeoutMs = 90_000, env = {}, sharedPostgres = false } = {}) {
  const main = assertBuilt();
  const database = sharedPostgres && process.env.SPOTCHECK_E2E_POSTGRES ? await cloneTemplate() : null;

  const port = await freePort();
  let pgPort = await freePort();
  while (pgPort === port) pgPort = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spotcheck-e2e-'));

  const child = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      SPOTCHECK_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...database?.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!hasExited) {
      child.kill('SIGINT');
      const timedOut = await Promise.race([exited.then(() => false), sleep(60_000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (hasExited) {
      await stop();
      throw new Error(`the server exited before it was ready:\n${log}`);
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready within ${readyTimeoutMs / 1000} s:\n${log}`);
    }
    await sleep(500);
  }
  return { url, port, dataDir, output: () => log, stop };
}
