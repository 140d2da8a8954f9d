// Starts the real SpotCheck server (with its embedded PostgreSQL) on free ports and a fresh data
// directory, waits until /readyz answers 200, and stops it cleanly with SIGINT.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_PASSWORD = 'spotcheck-demo';

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
 * @param {{ readyTimeoutMs?: number, env?: Record<string, string> }} [options] `env`: settings for this server (e.g. a faster DEADLINE_SWEEP_CRON)
 * @returns {Promise<{ url: string, port: number, dataDir: string, output: () => string, stop: () => Promise<void> }>}
 */
export async function startServer({ readyTimeoutMs = 90_000, env = {} } = {}) {
  const main = path.join(REPO_ROOT, 'server', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first (npx tsc -b shared server)`);
  if (!existsSync(path.join(REPO_ROOT, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist/index.html is missing: build the web app first (npm run build -w client)');
  }

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
