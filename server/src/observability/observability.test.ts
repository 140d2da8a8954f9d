import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { startApp, type RunningApp } from '../app';
import { defineJob } from '../jobs/job';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { DEMO_PASSWORD } from '../seed/demo-data';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jobs = [
  defineJob({ name: 'test-ok', handle: async () => 'done' }),
  defineJob({
    name: 'test-broken',
    retryLimit: 0,
    handle: async () => {
      throw new Error('broken on purpose');
    },
  }),
];
const FAST = { JOBS_POLL_SECONDS: '1', DEADLINE_SWEEP_CRON: '0 0 1 1 *' };

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  tenantId?: string;
  userId?: string;
  [k: string]: unknown;
}

/** Structured request logs and the Prometheus metrics, read from a real server on a real database. */
describe('observability', () => {
  let t: TestApp;
  let app: RunningApp;
  const lines: LogLine[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-obs-'));

  beforeAll(async () => {
    t = await startTestApp({ ...FAST, RUN_JOBS: 'false' }, { jobs });
    const config = loadConfig({
      ...FAST,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: t.adminUrl,
      SPOTCHECK_DATA_DIR: dataDir,
      DB_POOL_SIZE: '3',
      LOG_LEVEL: 'info',
      JWT_SECRET: t.app.services.config.jwtSecret!,
    });
    app = await startApp(config, t.adminUrl, { jobs }, { logDestination: { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) } });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const gql = async (query: string, variables: object, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { requestId: response.headers.get('x-request-id'), body: (await response.json()) as { data?: any; errors?: { extensions: { code: string } }[] } };
  };
  const login = async (username: string) =>
    (await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: DEMO_PASSWORD })).body.data.login
      .token as string;
  const linesOf = (requestId: string) => lines.filter((l) => l.requestId === requestId);
  const metrics = async () => (await fetch(`${app.url}/metrics`)).text();
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : undefined;
  };

  it('logs each request with its id, its tenant and its user, and echoes the id', async () => {
    const [changde] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    const [user] = await t.sql(`SELECT id FROM users WHERE username = 'changde.admin'`);
    const token = await login('changde.admin');

    const own = await gql('{ me { username } }', {}, { authorization: `Bearer ${token}`, 'x-request-id': 'trace-me-1' });
    expect(own).toEqual({ requestId: 'trace-me-1', body: { data: { me: { username: 'changde.admin' } } } });
    expect(linesOf('trace-me-1')).toEqual([
      expect.objectContaining({ msg: 'request', tenantId: changde.id, userId: user.id, method: 'POST', route: '/graphql', status: 200, operation: 'query me' }),
    ]);

    // Without (or with a malformed) id the server makes one; the sign-in itself is logged under the new user.
    const signIn = await gql(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'changde.admin', p: DEMO_PASSWORD },
      { 'x-request-id': 'bad id!' },
    );
    expect(signIn.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(signIn.requestId!)).toEqual([
      expect.objectContaining({ msg: 'request', tenantId: changde.id, userId: user.id, operation: 'mutation login' }),
    ]);

    // Anonymous requests carry the id only.
    const anonymous = await gql('{ me { username } }', {});
    expect(linesOf(anonymous.requestId!)).toEqual([expect.not.objectContaining({ tenantId: expect.anything() })]);
  });

  it('writes an unexpected error with the request id, tenant and user of the request that met it', async () => {
    const token = await login('wugang.admin');
    const [wugang] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'wugang.admin'`);
    await t.sql('REVOKE SELECT ON users FROM spotcheck_app'); // a real fault in this file's own database
    try {
      const failed = await gql('{ me { displayName } }', {}, { authorization: `Bearer ${token}`, 'x-request-id': 'trace-fault-1' });
      expect(failed.body.errors?.map((e) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await t.sql('GRANT SELECT ON users TO spotcheck_app');
    }
    const logged = linesOf('trace-fault-1');
    expect(logged).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'unexpected error',
        tenantId: wugang.tenant_id,
        err: expect.objectContaining({ message: expect.stringContaining('permission denied') }),
      }),
      expect.objectContaining({ msg: 'request', tenantId: wugang.tenant_id, status: 200 }),
    ]);
    const text = await metrics();
    expect(value(text, 'spotcheck_graphql_errors_total{code="INTERNAL_SERVER_ERROR",operation="me"}')).toBeGreaterThanOrEqual(1);
  });

  it('exports request, GraphQL, draw, pool and job metrics', async () => {
    await gql('{ myNotifications { totalCount } }', {});
    await fetch(`${app.url}/api/public/draws`);
    const token = await login('wugang.admin');
    const refused = await gql('mutation { commitDraw(taskId: "nope") { id } }', {}, { authorization: `Bearer ${token}` });
    expect(refused.body.errors).toHaveLength(1);
    await app.services.jobs.send('test-ok', {});
    await app.services.jobs.send('test-broken', {});

    let text = '';
    for (const until = Date.now() + 20_000; Date.now() < until; await sleep(300)) {
      text = await metrics();
      // The last-completed gauge reads the queue's table, which pg-boss marks just after the handler returns.
      if (
        value(text, 'spotcheck_jobs_total{job="test-ok",outcome="completed"}') &&
        value(text, 'spotcheck_jobs_total{job="test-broken",outcome="exhausted"}') &&
        value(text, 'spotcheck_job_last_completed_timestamp_seconds{job="test-ok"}')
      )
        break;
    }
    expect(value(text, 'spotcheck_jobs_total{job="test-ok",outcome="completed"}')).toBe(1);
    expect(value(text, 'spotcheck_jobs_total{job="test-broken",outcome="exhausted"}')).toBe(1);
    expect(value(text, 'spotcheck_job_duration_seconds_count{job="test-ok"}')).toBe(1);
    expect(value(text, 'spotcheck_job_last_completed_timestamp_seconds{job="test-ok"}')).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(value(text, 'spotcheck_job_queue_jobs{job="deadline-sweep",state="created"}')).toBe(0);

    expect(value(text, 'spotcheck_graphql_errors_total{code="UNAUTHENTICATED",operation="myNotifications"}')).toBe(1);
    expect(value(text, 'spotcheck_graphql_operation_duration_seconds_count{type="query",operation="me"}')).toBeGreaterThanOrEqual(2);
    expect(value(text, 'spotcheck_graphql_operation_duration_seconds_count{type="mutation",operation="login"}')).toBeGreaterThanOrEqual(3);
    expect(value(text, 'spotcheck_draw_duration_seconds_count{phase="commit",outcome="error"}')).toBe(1);
    expect(value(text, 'spotcheck_http_request_duration_seconds_count{method="GET",route="/api/public/draws",status="200"}')).toBe(1);
    expect(value(text, 'spotcheck_db_pool_max')).toBe(3);
    expect(value(text, 'spotcheck_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'spotcheck_db_pool_connections{state="waiting"}')).toBe(0);
    expect(value(text, 'spotcheck_db_up')).toBe(1);
  });

  it('keeps the label sets bounded: no client operation names, no raw paths', async () => {
    await gql('query WhateverTheClientLikes { me { id } }', {});
    await (await fetch(`${app.url}/api/evidence/${crypto.randomUUID()}`)).text();
    await (await fetch(`${app.url}/api/no-such-thing/${crypto.randomUUID()}`)).text();
    // A request is counted when its answer has been written out, which a busy server may do after the client read it.
    let text = await metrics();
    for (let tries = 0; tries < 50 && !text.includes('route="/api/(unmatched)"'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      text = await metrics();
    }
    expect(text).not.toContain('WhateverTheClientLikes');
    expect(text).toContain('route="/api/evidence/:id"');
    expect(text).toContain('route="/api/(unmatched)"');
    expect(text).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}/);
  });
});
