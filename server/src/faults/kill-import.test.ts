/**
 * SLOW (child processes): the server is killed (SIGKILL) while it merges a large import, then started
 * again. Set SPOTCHECK_SKIP_SLOW=1 to skip.
 */
import { fromGlobalUuid } from '@spotcheck/shared';
import { CHUNK_ROWS } from '../modules/imports/chunk-stage';
import { ENTITY_HEADERS, testUscc, upload, utf8Csv, waitForJob } from '../test-support/import-fixtures';
import { INTERRUPTED_REASON } from '../modules/imports/import-recovery';
import { spawnServer, waitUntil, type ServerProcess } from '../test-support/server-process';
import { slowDescribe } from '../test-support/slow';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';

jest.setTimeout(180_000);

const ROWS = 150_000;

slowDescribe('a server killed in the middle of an import', () => {
  let db: TestDatabase;
  const running: ServerProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.kill()));
    await db?.drop();
  });

  it('leaves nothing of the import, fails the job as interrupted at the next start, and the file then imports', async () => {
    const first = await spawnServer(db.url);
    running.push(first);
    const office = await first.login('changde.admin');
    const [{ tenant_id: tenantId }] = await db.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    const entities = async () => (await db.sql(`SELECT count(*)::int AS n FROM market_entities WHERE tenant_id = $1`, [tenantId]))[0].n as number;
    const before = await entities();
    const auditBefore = (await db.sql(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [tenantId]))[0].n as number;

    const rows = Array.from({ length: ROWS }, (_, i) => [`常德市第${i + 1}号测绘有限公司`, testUscc(i + 1), '430702', '测绘服务', '存续', '低', '0']);
    const file = utf8Csv([ENTITY_HEADERS, ...rows]);
    const answer = await upload(first.url, 'entities', office, file, '大名录.csv', { mode: 'VALID_ROWS' });
    expect(answer.status).toBe(202);
    const jobId = fromGlobalUuid(answer.body.jobId, 'ImportJob')!;
    const job = async () => (await db.sql(`SELECT * FROM import_jobs WHERE id = $1`, [jobId]))[0];

    // Two blocks read means at least one block staged and merged inside the import's transaction.
    await waitUntil('the import to be well under way', async () => (await job()).processed_rows >= 2 * CHUNK_ROWS, 60_000, 20);
    const midway = await job();
    expect(midway.status).toBe('RUNNING');
    expect(midway.processed_rows).toBeLessThan(ROWS);
    await first.kill();
    running.length = 0;

    // Nothing merged survives the kill: the import was one transaction.
    expect(await entities()).toBe(before);
    expect(await db.sql(`SELECT 1 FROM market_entities WHERE uscc = $1`, [testUscc(1)])).toEqual([]);
    expect((await job()).status).toBe('RUNNING');

    const second = await spawnServer(db.url);
    running.push(second);
    expect(await job()).toMatchObject({
      status: 'FAILED',
      failure_reason: INTERRUPTED_REASON,
      inserted_rows: 0,
      updated_rows: 0,
      finished_at: expect.any(Date),
    });
    const audit = await db.sql(`SELECT action, actor_user_id, after FROM audit_events WHERE tenant_id = $1 ORDER BY seq`, [tenantId]);
    expect(audit.slice(auditBefore)).toEqual([
      {
        action: 'import.entities',
        actor_user_id: null,
        after: expect.objectContaining({ status: 'FAILED', failureReason: INTERRUPTED_REASON, insertedRows: 0 }),
      },
    ]);
    const office2 = await second.login('changde.admin');
    const supervisor = await second.login('changde.supervisor');
    const read = await second.gql(
      `query($id: ID!) { importJob(id: $id) { status failureReason } verifyAuditChain { ok } }`,
      { id: answer.body.jobId },
      supervisor,
    );
    expect(read.data).toEqual({ importJob: { status: 'FAILED', failureReason: INTERRUPTED_REASON }, verifyAuditChain: { ok: true } });

    // The same file again, on the restarted server: all of it goes in.
    const again = await upload(second.url, 'entities', office2, file, '大名录.csv', { mode: 'VALID_ROWS' });
    expect(again.status).toBe(202);
    const done = await waitForJob(second, again.body.jobId, office2);
    expect(done).toMatchObject({ status: 'SUCCEEDED', processedRows: ROWS, insertedRows: ROWS, errorRows: 0 });
    expect(await entities()).toBe(before + ROWS);
  });
});
