import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { RunningApp } from '../app';
import { slowDescribe } from '../test-support/slow';
import { oneValue, startReplicatedPostgres, waitForReplay, type ReplicatedPostgres } from '../test-support/streaming-replica';
import { apiClient, startAppOnDatabase } from '../test-support/test-app';

const MAX_LAG_SECONDS = 3;
const BUREAU = '舞钢市自然资源和规划局';

// A real primary, a real hot standby by streaming replication, and the app reading the portal there.
slowDescribe('reads from a streaming replica (DATABASE_REPLICA_URL)', () => {
  let dir: string;
  let pg: ReplicatedPostgres;
  let app: RunningApp;
  let primaryDb: string;
  let replicaDb: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-replica-'));
    fs.chmodSync(dir, 0o755);
    pg = await startReplicatedPostgres(dir);
    const client = new Client({ connectionString: pg.primaryUrl });
    await client.connect();
    await client.query('CREATE DATABASE spotcheck');
    await client.end();
    primaryDb = pg.primaryUrl.replace(/\/postgres$/, '/spotcheck');
    replicaDb = pg.replicaUrl.replace(/\/postgres$/, '/spotcheck');
    app = await startAppOnDatabase(primaryDb, { DATABASE_REPLICA_URL: replicaDb, REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS) });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await pg?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const api = () => apiClient(app.url);
  const bureauNames = async (): Promise<string[]> =>
    (await api().gql<{ publicBureaus: { name: string }[] }>('{ publicBureaus { name } }')).data!.publicBureaus.map((b) => b.name);
  const rename = (from: string, to: string) => oneValue(primaryDb, `UPDATE tenants SET name = $2 WHERE name = $1 RETURNING name AS v`, [from, to]);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('serves the portal from the replica while it keeps up, from the primary once it is too far behind, and sees the write once replayed', async () => {
    // A commit the standby has replayed just now: it is current, and known to be.
    await oneValue(primaryDb, `SELECT txid_current()::text AS v`);
    await waitForReplay(pg.primaryUrl, pg.replicaUrl);
    expect(await bureauNames()).toContain(BUREAU);

    // The standby stops replaying; the primary renames a bureau. Within the bound the portal reads the
    // standby, which still has the old name: the read went there.
    await oneValue(replicaDb, `SELECT pg_wal_replay_pause()::text AS v`);
    await rename(BUREAU, `${BUREAU}（更名）`);
    expect(await bureauNames()).toContain(BUREAU);

    // Past the bound the replica is too far behind: the portal reads the primary.
    await sleep((MAX_LAG_SECONDS + 1.5) * 1000);
    expect(await bureauNames()).toContain(`${BUREAU}（更名）`);

    // Replaying again, the standby catches up and has the write.
    await oneValue(replicaDb, `SELECT pg_wal_replay_resume()::text AS v`);
    await waitForReplay(pg.primaryUrl, pg.replicaUrl);
    expect(await oneValue(replicaDb, `SELECT count(*)::int AS v FROM tenants WHERE name = $1`, [`${BUREAU}（更名）`])).toBe(1);
    await sleep(1_100); // the last finding (too far behind) is kept a second
    const source = await app.services.replicaReads.source();
    expect(source.fromReplica).toBe(true);
    expect(Date.now() - source.asOf.getTime()).toBeLessThan(MAX_LAG_SECONDS * 1000);
    expect(await bureauNames()).toContain(`${BUREAU}（更名）`);
  });

  it('tells a dashboard how current its figures are', async () => {
    const token = await api().login('hunan.viewer');
    const { data } = await api().gql<{ provincialDashboard: { dataAsOf: string; totals: { entities: number } } }>(
      '{ provincialDashboard { dataAsOf totals { entities } } }',
      {},
      token,
    );
    expect(data!.provincialDashboard.totals.entities).toBeGreaterThan(0);
    expect(Math.abs(Date.now() - Date.parse(data!.provincialDashboard.dataAsOf))).toBeLessThan(MAX_LAG_SECONDS * 1000 + 1_500);
  });

  it('exports a directory from the replica', async () => {
    const token = await api().login('wugang.admin');
    const [entity] = (await oneValue<{ name: string; uscc: string }[]>(
      primaryDb,
      `SELECT json_agg(e) AS v FROM (SELECT e.name, e.uscc FROM market_entities e JOIN tenants t ON t.id = e.tenant_id WHERE t.name LIKE '舞钢%' ORDER BY e.uscc LIMIT 1) e`,
    ))!;
    const exported = async () => (await fetch(`${app.url}/api/exports/entities.csv`, { headers: { authorization: `Bearer ${token}` } })).text();

    await oneValue(primaryDb, `SELECT txid_current()::text AS v`);
    await waitForReplay(pg.primaryUrl, pg.replicaUrl);
    await sleep(1_100); // a fresh finding
    await oneValue(replicaDb, `SELECT pg_wal_replay_pause()::text AS v`);
    try {
      await oneValue(primaryDb, `UPDATE market_entities SET name = name || '（更名）' WHERE uscc = $1 RETURNING name AS v`, [entity!.uscc]);
      const csv = await exported();
      expect(csv).toContain(entity!.name);
      expect(csv).not.toContain(`${entity!.name}（更名）`);
    } finally {
      await oneValue(replicaDb, `SELECT pg_wal_replay_resume()::text AS v`);
    }
  });

  it('reads the primary when the replica is down', async () => {
    await pg.stopReplica();
    await sleep(1_100);
    expect(await bureauNames()).toContain(`${BUREAU}（更名）`);
    expect((await app.services.replicaReads.source()).fromReplica).toBe(false);
  });
});
