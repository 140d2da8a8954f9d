/**
 * SLOW (child processes, 200,000 entities): the server is killed (SIGKILL) while it performs a draw,
 * then started again. Set SPOTCHECK_SKIP_SLOW=1 to skip.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { completeUscc, toGlobalId, verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { spawnServer, waitUntil, type ServerProcess } from '../test-support/server-process';
import { slowDescribe } from '../test-support/slow';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';

jest.setTimeout(180_000);

const ENTITIES = 200_000;
const INSPECTORS = 1_000;
const REGION = '410481'; // 舞钢
const md5 = (bytes: Buffer) => crypto.createHash('md5').update(bytes).digest('hex');

/** Rows of COPY text in blocks of 10,000. */
const copyRows = (rows: number, line: (n: number) => string) =>
  Readable.from(
    (function* blocks() {
      for (let start = 1; start <= rows; start += 10_000) {
        let chunk = '';
        for (let n = start; n < start + 10_000 && n <= rows; n += 1) chunk += line(n);
        yield chunk;
      }
    })(),
  );

/** A task of 舞钢 over one item at 10 %, on a pool of 200,000 entities and 1,000 inspectors (as the draw bench, smaller). */
async function seedBigTask(url: string): Promise<{ tenantId: string; taskId: string }> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const [{ id: tenantId }] = (await admin.query(`SELECT id FROM tenants WHERE region_code = $1`, [REGION])).rows;
    await admin.query(`UPDATE market_entities SET status = 'CANCELLED' WHERE tenant_id = $1`, [tenantId]);
    await pipeline(
      copyRows(
        ENTITIES,
        (n) =>
          `${tenantId}\t舞钢市第${n}号建材有限公司\t${completeUscc(`91${REGION}${String(n).padStart(9, '0')}`)}\t${REGION}\t企业\tEXISTING\t${'ABCD'[n % 4]}\t${n % 5}\n`,
      ),
      admin.query(copyFrom(`COPY market_entities (tenant_id, name, uscc, region_code, target_type, status, credit_class, complaints) FROM STDIN`)),
    );
    await pipeline(
      copyRows(INSPECTORS, (n) => `${tenantId}\t执法人员${n}\tMALE\t行政执法岗\t豫${REGION}${3_000_000 + n}\t2030-01-01\t2034-12-31\tADMINISTRATIVE\tACTIVE\n`),
      admin.query(
        copyFrom(
          `COPY inspectors (tenant_id, name, gender, post, certificate_no, certificate_valid_from, certificate_valid_to, establishment, status) FROM STDIN`,
        ),
      ),
    );
    const [{ id: itemId }] = (
      await admin.query(
        `INSERT INTO inspection_items (tenant_id, name, legal_basis, inspecting_body, category, target_type, min_ratio, frequency_per_year, status, position)
       VALUES ($1, '故障测试：企业遵守自然资源法律法规情况的检查', '《中华人民共和国土地管理法》', '舞钢市自然资源和规划局', 'GENERAL', '企业', '0.10', 1, 'PUBLISHED', 99)
       RETURNING id`,
        [tenantId],
      )
    ).rows;
    const [{ id: taskId }] = (
      await admin.query(
        // A 专项检查 outside the plan, with its reason and the leader's approval, as the task workflow leaves it.
        `INSERT INTO tasks (tenant_id, title, purpose, procedure, division_of_labour, confidentiality, starts_on, ends_on, team_size,
                          kind, reason, needs_leader_approval, leader_approved_by, leader_approved_at, leader_comment)
       SELECT $1, '故障测试：二十万检查对象摇号', '测试中断', '封存 → 见证 → 摇号', '按摇号结果组成检查组', '摇号前名单封存', '2030-06-03', '2030-11-29', 2,
              'SPECIAL', '故障测试', true, u.id, now(), '同意'
         FROM users u WHERE u.tenant_id = $1 AND u.username = 'wugang.leader'
       RETURNING id`,
        [tenantId],
      )
    ).rows;
    await admin.query(`INSERT INTO task_items (tenant_id, task_id, item_id, ratio) VALUES ($1, $2, $3, '0.10')`, [tenantId, taskId, itemId]);
    await admin.query(
      `INSERT INTO rule_sets (tenant_id, version, rules, reason)
       SELECT tenant_id, version + 1, jsonb_set(rules, '{workloadCapPerInspectorPerRound}', '100'::jsonb), '故障测试：工作量上限'
         FROM rule_sets WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
      [tenantId],
    );
    // 舞钢 has no supervisor of its own in the demo: its leader reads and verifies the audit chain here.
    await admin.query(`UPDATE users SET roles = '{LEADER,SUPERVISOR}' WHERE tenant_id = $1 AND username = 'wugang.leader'`, [tenantId]);
    await admin.query('ANALYZE market_entities, inspectors');
    return { tenantId, taskId };
  } finally {
    await admin.end();
  }
}

slowDescribe('a server killed in the middle of a draw', () => {
  let db: TestDatabase;
  const running: ServerProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.kill()));
    await db?.drop();
  });

  it('leaves the draw committed and untouched, and it can be drawn and verified after the restart', async () => {
    const { tenantId, taskId } = await seedBigTask(db.url);
    const first = await spawnServer(db.url);
    running.push(first);
    const office = await first.login('wugang.admin');
    const witness = await first.login('wugang.leader');
    const committed = await first.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: toGlobalId('Task', taskId) }, office);
    expect(committed.errors).toBeUndefined();
    const drawId = committed.data.commitDraw.id as string;
    await first.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证值 8830") { id } }', { id: drawId }, witness);
    await first.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "512") { id } }', { id: drawId }, office);
    const [before] = await db.sql(`SELECT id, status, record_gz, public_entropy FROM draws WHERE task_id = $1`, [taskId]);
    const auditBefore = (await db.sql(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [tenantId]))[0].n as number;

    // performDraw draws, then writes the selections while it packs the record: kill it while it writes.
    const drawing = first.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office).catch((error: unknown) => error);
    // (The teams go by COPY into a temporary table, then by INSERT … SELECT into draw_selections.)
    await waitUntil(
      'performDraw to write the selections',
      async () =>
        (
          await db.sql(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
                       AND (query LIKE 'COPY % FROM STDIN' OR query LIKE 'INSERT INTO draw_selections%')`)
        ).length > 0,
      30_000,
      5,
    );
    await first.kill();
    running.length = 0;
    expect(await drawing).toHaveProperty('message', 'fetch failed'); // the connection dropped: no answer

    const [after] = await db.sql(`SELECT status, record_gz, public_entropy, drawn_at FROM draws WHERE id = $1`, [before.id]);
    expect(after.status).toBe('COMMITTED');
    expect(after.drawn_at).toBeNull();
    expect(md5(after.record_gz)).toBe(md5(before.record_gz));
    expect(after.public_entropy).toEqual(before.public_entropy);
    expect(await db.sql(`SELECT 1 FROM draw_selections WHERE draw_id = $1 LIMIT 1`, [before.id])).toEqual([]);
    expect(await db.sql(`SELECT status FROM tasks WHERE id = $1`, [taskId])).toEqual([{ status: 'COMMITTED' }]);
    expect((await db.sql(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [tenantId]))[0].n).toBe(auditBefore);

    const second = await spawnServer(db.url);
    running.push(second);
    const office2 = await second.login('wugang.admin');
    // Before the draw the published record still hides the server seed.
    const pending = (await (await fetch(`${second.url}/api/public/draws/${drawId}`)).json()) as DrawRecord;
    expect(pending.serverSeed).toBeNull();
    const drawn = await second.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office2);
    expect(drawn.data).toEqual({ performDraw: { status: 'DRAWN' } });
    const record = (await (await fetch(`${second.url}/api/public/draws/${drawId}`)).json()) as DrawRecord;
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
    expect(record.result!.teams.length).toBe(ENTITIES / 10);
    expect((await db.sql(`SELECT count(*)::int AS n FROM draw_selections WHERE draw_id = $1`, [before.id]))[0].n).toBe(ENTITIES / 10);
    const supervisor = await second.login('wugang.leader');
    expect((await second.gql('{ verifyAuditChain { ok } }', {}, supervisor)).data).toEqual({ verifyAuditChain: { ok: true } });
  });
});
