import type { RunningApp } from '../app';
import { notify } from '../modules/notifications/notification.service';
import { startAppOn, startTestApp, type TestApp } from '../test-support/test-app';
import { defineJob } from './job';
import type { DeadlineSource } from './deadlines/deadline-source';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A job whose every run leaves a row saying which server ran it; with a user, it also notifies them. */
const effectJob = (server: string) =>
  defineJob<{ label: string; tenantId?: string; userId?: string; sleepMs?: number }>({
    name: 'test-effect',
    handle: async ({ services, job, inTenant }, data) => {
      if (data.sleepMs) await sleep(data.sleepMs);
      await services.db.query('INSERT INTO job_effects (job_id, label, server) VALUES ($1, $2, $3)', [job.id, data.label, server]);
      if (data.tenantId && data.userId) {
        await inTenant(data.tenantId, (m) => notify(m, { tenantId: data.tenantId!, userIds: [data.userId!], kind: 'TEST', title: data.label }));
      }
    },
  });

/** A deadline source that only counts the sweep's visits, one row per tenant and sweep. */
const countingSource: DeadlineSource = {
  name: 'test-counting',
  due: async (m, now, tenantId) => {
    await m.query('INSERT INTO sweep_calls (tenant_id, swept_at) VALUES ($1, $2)', [tenantId, now]);
    return [];
  },
};

// The sweep's schedule takes one slot a minute; only the test about it should use any (1 January 00:00 is far).
const FAST = { JOBS_POLL_SECONDS: '1', DEADLINE_SWEEP_CRON: '0 0 1 1 *' };

describe('jobs across restarts and servers', () => {
  let t: TestApp;
  const running: RunningApp[] = [];
  const start = async (server: string, env: Record<string, string> = {}, sources: DeadlineSource[] = []) => {
    const app = await startAppOn(t, { ...FAST, ...env }, { jobs: [effectJob(server)], deadlineSources: sources });
    running.push(app);
    return app;
  };
  const stop = async (app: RunningApp) => {
    running.splice(running.indexOf(app), 1);
    await app.close();
  };
  const effects = () => t.sql<{ job_id: string; label: string; server: string }>('SELECT job_id, label, server FROM job_effects ORDER BY label');
  const waitFor = async (done: () => Promise<boolean>, ms = 15_000) => {
    for (const until = Date.now() + ms; Date.now() < until; await sleep(200)) if (await done()) return;
    throw new Error('timed out');
  };

  beforeAll(async () => {
    // The harness server only sends: it owns the database, the servers under test do the work.
    t = await startTestApp({ ...FAST, RUN_JOBS: 'false' }, { jobs: [effectJob('harness')] });
    await t.sql(`CREATE TABLE job_effects (job_id uuid, label text, server text, at timestamptz DEFAULT now())`);
    await t.sql(`CREATE TABLE sweep_calls (tenant_id uuid, swept_at timestamptz)`);
    await t.sql(`GRANT SELECT, INSERT ON job_effects, sweep_calls TO spotcheck_app`);
  });
  afterEach(async () => {
    for (const app of [...running]) await stop(app);
    await t.sql('TRUNCATE job_effects, sweep_calls');
  });
  afterAll(() => t.close());

  it('runs a job sent before its server stopped once a new server starts, in the job’s tenant', async () => {
    const [admin] = await t.sql(`SELECT id, tenant_id FROM users WHERE username = 'changde.admin'`);
    const first = await start('first');
    await first.services.jobs.send('test-effect', { label: '重启后', tenantId: admin.tenant_id, userId: admin.id }, { startAfter: 2 });
    await stop(first);
    await sleep(3000);
    expect(await effects()).toEqual([]); // due, but no server is working

    await start('second');
    await waitFor(async () => (await effects()).length > 0);
    await sleep(1500);
    expect((await effects()).map((e) => [e.label, e.server])).toEqual([['重启后', 'second']]);
    expect(await t.sql(`SELECT title FROM notifications WHERE user_id = $1 AND kind = 'TEST'`, [admin.id])).toEqual([{ title: '重启后' }]);
  });

  it('lets a running job finish before its server stops', async () => {
    const app = await start('draining');
    await app.services.jobs.send('test-effect', { label: '收尾', sleepMs: 1500 });
    await waitFor(async () => (await t.sql(`SELECT 1 FROM pgboss.job WHERE data->>'label' = '收尾' AND state = 'active'`)).length > 0);
    await stop(app);
    expect((await effects()).map((e) => e.label)).toEqual(['收尾']);
    await sleep(500);
    expect(await t.sql(`SELECT state FROM pgboss.job WHERE name = 'test-effect' AND data->>'label' = '收尾'`)).toEqual([{ state: 'completed' }]);
  });

  it('runs each sent job exactly once with two servers working the same database', async () => {
    const a = await start('a');
    const b = await start('b');
    const labels = Array.from({ length: 30 }, (_, i) => `job-${String(i).padStart(2, '0')}`);
    for (const [i, label] of labels.entries()) await (i % 2 ? a : b).services.jobs.send('test-effect', { label });
    await waitFor(async () => (await effects()).length >= labels.length);
    await sleep(2000);
    const rows = await effects();
    expect(rows.map((r) => r.label)).toEqual(labels);
    expect(new Set(rows.map((r) => r.job_id)).size).toBe(labels.length);
  });

  it('keeps a singletonKey to one waiting job, and sends nothing when the transaction rolls back', async () => {
    const a = await start('a', { RUN_JOBS: 'false' });
    const later = { startAfter: new Date(Date.now() + 60_000), singletonKey: 'same' };
    // test-effect is a standard queue: a key alone does not dedupe there; the sweep's queue is `short`.
    expect(await a.services.jobs.send('deadline-sweep', {}, later)).toEqual(expect.any(String));
    expect(await a.services.jobs.send('deadline-sweep', {}, later)).toBeNull();
    await a.services.db
      .transaction(async (m) => {
        await a.services.jobs.send('test-effect', { label: 'rolled back' }, { manager: m });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test-effect' AND data->>'label' = 'rolled back'`);
    expect(n).toBe(0);
    await t.sql(`DELETE FROM pgboss.job WHERE name = 'deadline-sweep'`);
  });

  it('runs the scheduled sweep once per tick with two servers checking the schedule', async () => {
    // Stay within one minute for the start-up: each minute is one tick of this cron.
    if (new Date().getSeconds() >= 45) await sleep((61 - new Date().getSeconds()) * 1000);
    const env = { DEADLINE_SWEEP_CRON: '* * * * *' };
    await start('a', env, [countingSource]);
    await start('b', env, [countingSource]);
    const [{ tenants }] = await t.sql(`SELECT count(*)::int AS tenants FROM tenants WHERE status = 'ACTIVE'`);
    await waitFor(async () => (await t.sql('SELECT 1 FROM sweep_calls')).length >= tenants);
    await sleep(5000);
    const calls = await t.sql<{ tenant_id: string; swept_at: Date }>('SELECT tenant_id, swept_at FROM sweep_calls');
    const perTenantAndMinute = new Map<string, number>();
    for (const c of calls) {
      const key = `${c.tenant_id}@${Math.floor(c.swept_at.getTime() / 60_000)}`;
      perTenantAndMinute.set(key, (perTenantAndMinute.get(key) ?? 0) + 1);
    }
    expect(new Set(calls.map((c) => c.tenant_id)).size).toBe(tenants);
    expect([...perTenantAndMinute.values()].every((n) => n === 1)).toBe(true);
  });
});
