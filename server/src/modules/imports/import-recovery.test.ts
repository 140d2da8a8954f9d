import { startAppOn, startTestApp, type TestApp } from '../../test-support/test-app';
import { importClaimKey } from './import-job.service';
import { INTERRUPTED_REASON, recoverInterruptedImports } from './import-recovery';

describe('recovering imports a dead server left unfinished', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const jobRow = async (status: string) => {
    const [{ tenant_id: tenantId, id: userId }] = await t.sql(`SELECT tenant_id, id FROM users WHERE username = 'changde.admin'`);
    const [{ id }] = await t.sql(
      `INSERT INTO import_jobs (tenant_id, kind, mode, status, file_name, created_by) VALUES ($1, 'ENTITIES', 'VALID_ROWS', $2, 'x.csv', $3) RETURNING id`,
      [tenantId, status, userId],
    );
    return id as string;
  };
  const statusOf = async (id: string) => (await t.sql(`SELECT status, failure_reason FROM import_jobs WHERE id = $1`, [id]))[0];

  it('leaves the imports a live server claims alone, at another server’s start and on the schedule', async () => {
    const claimed = await jobRow('RUNNING');
    const orphan = await jobRow('QUEUED');
    await t.app.services.claims.claim(importClaimKey(claimed));
    const other = await startAppOn(t);
    try {
      expect(await statusOf(claimed)).toEqual({ status: 'RUNNING', failure_reason: null });
      expect(await statusOf(orphan)).toEqual({ status: 'FAILED', failure_reason: INTERRUPTED_REASON });

      // Once the claim is gone (the server died, or lost its database), the next check fails the job.
      await t.app.services.claims.release(importClaimKey(claimed));
      expect(await recoverInterruptedImports(other.services.db, other.services.log)).toBe(1);
      expect(await statusOf(claimed)).toEqual({ status: 'FAILED', failure_reason: INTERRUPTED_REASON });
      expect(await recoverInterruptedImports(other.services.db, other.services.log)).toBe(0);
    } finally {
      await other.close();
    }
    const audited = await t.sql(
      `SELECT actor_user_id, after->>'status' AS status FROM audit_events WHERE action = 'import.entities' AND object_id IS NOT NULL ORDER BY seq`,
    );
    expect(audited.slice(-2)).toEqual([
      { actor_user_id: null, status: 'FAILED' },
      { actor_user_id: null, status: 'FAILED' },
    ]);
  });

  it('takes a claim only once across servers', async () => {
    const id = await jobRow('QUEUED');
    await t.app.services.claims.claim(importClaimKey(id));
    const other = await startAppOn(t);
    try {
      await expect(other.services.claims.claim(importClaimKey(id))).rejects.toThrow(/claimed by another process/);
    } finally {
      await t.app.services.claims.release(importClaimKey(id));
      await other.close();
    }
  });
});
