import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../config';
import { startApp, type RunningApp, type StartOptions } from '../app';
import type { JobExtensions } from '../jobs/catalog';
import { DEMO_PASSWORD } from '../seed/demo-data';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[]; [k: string]: unknown } }[];
}

export interface TestApp {
  url: string;
  /** Owner connection string of this file's own database (bypasses RLS: for setup and tampering). */
  adminUrl: string;
  app: RunningApp;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  login(username: string, password?: string): Promise<string>;
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** GraphQL requests and sign-in against a server at `url`. */
export function apiClient(url: string): Pick<TestApp, 'gql' | 'login'> {
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    gql,
    login: async (username, password = DEMO_PASSWORD) => {
      const result = await gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
        u: username,
        p: password,
      });
      if (!result.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
  };
}

/** A real server on its own database, cloned from the migrated and demo-seeded template. */
export async function startTestApp(env: Record<string, string> = {}, jobs: JobExtensions = {}): Promise<TestApp> {
  const serverUrl = process.env.SPOTCHECK_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('SPOTCHECK_TEST_SERVER_URL is not set: run tests through jest (global setup).');
  const dbName = `test_${crypto.randomUUID().replace(/-/g, '')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${dbName} TEMPLATE spotcheck_template`));
  const adminUrl = serverUrl.replace(/\/postgres$/, `/${dbName}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-app-'));
  const jwtSecret = crypto.randomBytes(32).toString('hex');
  const app = await startApp(testConfig(adminUrl, dataDir, { JWT_SECRET: jwtSecret, ...env }), adminUrl, jobs);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();

  return {
    url: app.url,
    adminUrl,
    app,
    ...apiClient(app.url),
    sql: async (text, params) => (await admin.query(text, params as unknown[])).rows,
    close: async () => {
      await admin.end();
      await app.close();
      await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Another server on the same database as `t` (a second instance, or the same one after a restart):
 * same JWT secret, its own port. The caller closes it; `t.close()` drops the database.
 */
export async function startAppOn(t: TestApp, env: Record<string, string> = {}, jobs: JobExtensions = {}, options: StartOptions = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-app-'));
  const app = await startApp(testConfig(t.adminUrl, dataDir, { JWT_SECRET: t.app.services.config.jwtSecret!, ...env }), t.adminUrl, jobs, options);
  return {
    ...app,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A server on a database of the test's own (another PostgreSQL than the run's), migrated and seeded with
 * the demo as `npm start` would. The caller closes it and owns the database.
 */
export async function startAppOnDatabase(adminUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-app-'));
  const app = await startApp(testConfig(adminUrl, dataDir, { JWT_SECRET: crypto.randomBytes(32).toString('hex'), ...env }), adminUrl);
  return {
    ...app,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Test servers run the deadline sweep only when a test asks (`runDeadlineSweep`, or its own
 * DEADLINE_SWEEP_CRON): the default every five minutes would, at a random moment of the run, write
 * notices and notifications into a test counting them. The import recovery likewise runs at start-up
 * only: on its five-minute schedule it added its statements to a test counting a request's.
 */
export const NO_SCHEDULED_SWEEP = '0 0 1 1 *';

export const TEST_ID_NUMBER_SECRET = 'spotcheck-test-id-number-secret-0123456789';

function testConfig(adminUrl: string, dataDir: string, env: Record<string, string>) {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: adminUrl,
    SPOTCHECK_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LOGIN_FAILURE_DELAY_MS: '50',
    DB_POOL_SIZE: '4',
    DEADLINE_SWEEP_CRON: NO_SCHEDULED_SWEEP,
    IMPORT_RECOVERY_CRON: NO_SCHEDULED_SWEEP,
    // Outbound retries run when a test calls runDeliveries; a copy queued by a step is still sent at once.
    NOTIFY_DELIVERY_CRON: NO_SCHEDULED_SWEEP,
    // The one the template's demo persons were keyed with (test/global-setup.mjs), so a test app finds them.
    ID_NUMBER_SECRET: TEST_ID_NUMBER_SECRET,
    ...env,
  });
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function codes(result: GqlResult): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}
