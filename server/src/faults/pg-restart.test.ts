/**
 * SLOW (child processes, a PostgreSQL of its own): PostgreSQL is stopped and started again under a
 * running server that keeps receiving requests. Set SPOTCHECK_SKIP_SLOW=1 to skip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startPostgresProcess, type PostgresProcess } from '../test-support/postgres-process';
import { sleep, spawnServer, waitUntil, type ServerProcess } from '../test-support/server-process';
import { slowDescribe } from '../test-support/slow';
import { listen } from '../test-support/ws-listen';

jest.setTimeout(180_000);

interface Probe {
  at: number;
  ms: number;
  outcome: string;
}

slowDescribe('PostgreSQL restarted under load', () => {
  let dataDir: string;
  let pg: PostgresProcess | null = null;
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-pg-restart-'));
    pg = await startPostgresProcess(dataDir);
    server = await spawnServer(pg.adminUrl, { JOBS_POLL_SECONDS: '1' }); // migrates and seeds the demo
  });
  afterAll(async () => {
    await server?.kill();
    await pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE at once while the database is down, and recovers by itself', async () => {
    const s = server!;
    const office = await s.login('changde.admin');
    const supervisor = await s.login('changde.supervisor');
    const readiness = async () => {
      const response = await fetch(`${s.url}/readyz`);
      return { status: response.status, body: await response.json() };
    };

    // Three clients keep asking for something that needs the database, each every 50 ms.
    const probes: Probe[] = [];
    let loading = true;
    const client = async () => {
      while (loading) {
        const at = Date.now();
        let outcome: string;
        try {
          const result = await s.gql('{ items(first: 1) { totalCount } }', {}, office);
          outcome = result.errors ? String(result.errors[0]!.extensions?.code) : 'ok';
        } catch (error) {
          outcome = `fetch: ${(error as Error).message}`;
        }
        probes.push({ at, ms: Date.now() - at, outcome });
        await sleep(50);
      }
    };
    const load = Promise.all([client(), client(), client()]);

    // A subscription opened before the restart: the server's LISTEN connection will have to come back.
    const audit = await listen<{ auditEventAppended: { action: string } }>(s.url, supervisor, 'subscription { auditEventAppended { action } }');
    try {
      await s.login('changde.admin'); // audited
      await audit.waitFor(1);
      await sleep(300);

      await pg!.stop();
      const stoppedAt = Date.now();
      const port = pg!.port;
      pg = null;
      await sleep(500);
      expect(await readiness()).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database' } });
      const started = Date.now();
      const refused = await s.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
        u: 'changde.admin',
        p: 'spotcheck-demo',
      });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(refused.errors).toEqual([
        expect.objectContaining({ message: '数据库暂时不可用，请稍后重试', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } }),
      ]);
      await sleep(1000);

      const restartingAt = Date.now();
      pg = await startPostgresProcess(dataDir, port);
      const restartedAt = Date.now();
      await waitUntil('the server to be ready again', async () => (await readiness()).status === 200, 30_000, 100);
      const readyAfterMs = Date.now() - restartedAt;

      // The old subscription hears events again, and a new one works.
      const fresh = await listen<{ auditEventAppended: { action: string } }>(s.url, supervisor, 'subscription { auditEventAppended { action } }');
      try {
        await s.login('changde.admin');
        expect((await audit.waitFor(2)).map((e) => e.auditEventAppended.action)).toEqual(['auth.login', 'auth.login']);
        expect((await fresh.waitFor(1)).map((e) => e.auditEventAppended.action)).toEqual(['auth.login']);
      } finally {
        await fresh.close();
      }

      // The job workers poll again: a job put in the queue now is run.
      const admin = new Client({ connectionString: pg.adminUrl });
      await admin.connect();
      try {
        const [{ id }] = (await admin.query(`INSERT INTO pgboss.job (name, data) VALUES ('import-recovery', '{}') RETURNING id`)).rows;
        await waitUntil(
          'the job to run',
          async () => (await admin.query(`SELECT state FROM pgboss.job WHERE id = $1`, [id])).rows[0].state === 'completed',
          30_000,
          200,
        );
      } finally {
        await admin.end();
      }

      await sleep(500);
      loading = false;
      await load;
      const during = probes.filter((p) => p.at > stoppedAt && p.at + p.ms < restartingAt);
      const after = probes.filter((p) => p.at > restartedAt + readyAfterMs);
      expect(during.length).toBeGreaterThan(10);
      expect(new Set(during.map((p) => p.outcome))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      expect(after.length).toBeGreaterThan(3);
      expect(new Set(after.map((p) => p.outcome))).toEqual(new Set(['ok']));
      // Nothing hung, and nothing but the typed error ever reached a client.
      const unexpected = s
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"unexpected error"'));
      expect(unexpected).toEqual([]);
      expect(Math.max(...probes.map((p) => p.ms))).toBeLessThan(6000);
      expect(new Set(probes.map((p) => p.outcome))).toEqual(new Set(['ok', 'SERVICE_UNAVAILABLE']));
      expect(s.child.exitCode).toBeNull();
    } finally {
      loading = false;
      await audit.close();
    }
  });
});
