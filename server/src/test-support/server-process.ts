import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { NO_SCHEDULED_SWEEP, type GqlResult } from './test-app';

/** The server as `npm start` runs it, from the build. */
export const MAIN_JS = path.resolve(__dirname, '..', '..', 'dist', 'main.js');
/** main.js's start-up plus a test job and a way to send it through this server (server/test/job-server.cjs). */
export const JOB_SERVER_JS = path.resolve(__dirname, '..', '..', 'test', 'job-server.cjs');

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  login(username: string): Promise<string>;
  /** SIGKILL: no draining, no closing; answers once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator stops it; answers with its exit code. */
  stop(): Promise<number | null>;
}

/** One JWT secret for every process of a test file, so that a token from one server works on another. */
export const SHARED_JWT_SECRET = crypto.randomBytes(32).toString('hex');

/**
 * Starts the server as a separate OS process on `databaseUrl` and waits for its start-up line. Logs
 * warnings and errors only; its data and temporary directories are fresh ones, removed when it exits.
 */
export async function spawnServer(databaseUrl: string, env: Record<string, string> = {}, script = MAIN_JS): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-proc-'));
  // Its temporary files too (the uploads a killed import leaves behind), removed with the directory.
  const tmpDir = path.join(dataDir, 'tmp');
  fs.mkdirSync(tmpDir);
  const child = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      TMPDIR: tmpDir,
      DATABASE_URL: databaseUrl,
      SPOTCHECK_DATA_DIR: dataDir,
      JWT_SECRET: SHARED_JWT_SECRET,
      LOG_LEVEL: 'warn',
      LOGIN_FAILURE_DELAY_MS: '50',
      DB_POOL_SIZE: '4',
      DEADLINE_SWEEP_CRON: NO_SCHEDULED_SWEEP,
      IMPORT_RECOVERY_CRON: NO_SCHEDULED_SWEEP,
      NOTIFY_DELIVERY_CRON: NO_SCHEDULED_SWEEP,
      ...env,
    },
    stdio: script === JOB_SERVER_JS ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const look = () => {
      const found = /已启动[^：]*：http:\/\/localhost:(\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${found[1]}`);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it started:\n${output}`));
    });
  });

  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    url,
    pid: child.pid!,
    child,
    output: () => output,
    gql,
    login: async (username) => {
      const result = await gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
        u: username,
        p: DEMO_PASSWORD,
      });
      if (!result.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `done` answers true. */
export async function waitUntil(what: string, done: () => Promise<boolean>, timeoutMs = 30_000, everyMs = 100): Promise<void> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(everyMs)) if (await done()) return;
  throw new Error(`timed out waiting for ${what}`);
}
