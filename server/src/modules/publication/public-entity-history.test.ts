import { Client } from 'pg';
import { beijingDate, fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask, liftYearCaps } from '../../test-support/draw-fixture';
import { approvedInspection } from '../../test-support/inspection-fixture';
import { APP_ROLE } from '../../db/data-source';

const HISTORY = `query($uscc: String!) { publicEntity(uscc: $uscc) {
  rectifications { id bureau { name } resultId orderedOn dueWorkingDays dueOn status closedOn }
  creditEntries { id bureau { name } list entityName reason legalBasis decidedOn validUntil } } }`;

/** A day `days` from today in Beijing, YYYY-MM-DD. */
const day = (days: number) => beijingDate(new Date(Date.now() + days * 86_400_000));

describe('the portal’s entity page: its rectifications and credit entries, only what was published', () => {
  let t: TestApp;
  let wugang: string;
  let pingdingshan: string;
  let changde: string;
  let entity: { id: string; uscc: string; name: string };
  const rectification: Record<string, string> = {};
  const entry: Record<string, string> = {};
  let results: Record<string, string>;

  async function record(publish: boolean): Promise<string> {
    const id = fromGlobalUuid(await approvedInspection(t, entity.uscc, 'OTHER_VIOLATION'), 'Inspection')!;
    if (publish) await t.sql(`UPDATE inspections SET status = 'PUBLISHED', published_at = now() WHERE tenant_id = $1 AND id = $2`, [wugang, id]);
    return id;
  }

  async function rectify(key: string, inspectionId: string, row: Record<string, unknown>) {
    const [office] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.admin'`);
    const r = { status: 'OPEN', opened_on: day(-10), due_on: day(10), closed_on: null, report_text: null, recheck_result: null, closing_note: null, ...row };
    const [{ id }] = await t.sql(
      `INSERT INTO rectifications (tenant_id, inspection_id, status, basis, opened_on, due_working_days, due_on, opened_by, report_text, recheck_result,
              closing_note, closed_on, proposed_outcome)
       VALUES ($1, $2, $3, '责令限期整改（内部依据说明）', $4, 15, $5, $6, $7, $8, $9, $10, CASE WHEN $3 = 'CLOSE_PROPOSED' THEN 'DONE' END) RETURNING id`,
      [wugang, inspectionId, r.status, r.opened_on, r.due_on, office.id, r.report_text, r.recheck_result, r.closing_note, r.closed_on],
    );
    rectification[key] = id;
  }

  async function list(key: string, tenantId: string, row: Record<string, unknown>) {
    const [user] = await t.sql(`SELECT id FROM users WHERE tenant_id = $1 ORDER BY username LIMIT 1`, [tenantId]);
    const e = { list: 'BLACKLIST', status: 'APPROVED', decided_on: day(-30), valid_until: day(300), ended_on: null, review_comment: null, ...row };
    const [{ id }] = await t.sql(
      `INSERT INTO credit_list_entries (tenant_id, entity_id, entity_name, entity_uscc, list, reason, legal_basis, decided_on, valid_until, status,
              proposed_by, review_comment, ended_on)
       VALUES ($1, $2, $3, $4, $5, $6, '《自然资源部关于建立失信联合惩戒机制的意见》', $7, $8, $9, $10, $11, $12) RETURNING id`,
      [tenantId, entity.id, entity.name, entity.uscc, e.list, `理由：${key}`, e.decided_on, e.valid_until, e.status, user.id, e.review_comment, e.ended_on],
    );
    entry[key] = id;
  }

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    await liftYearCaps(t);
    for (const [region, set] of [
      ['410481', (id: string) => (wugang = id)],
      ['410400', (id: string) => (pingdingshan = id)],
      ['430700', (id: string) => (changde = id)],
    ] as const) {
      const [{ id }] = await t.sql(`SELECT id FROM tenants WHERE region_code = $1`, [region]);
      set(id);
    }
    await drawWugangTask(t);
    [entity] = await t.sql(`SELECT id, uscc, name FROM market_entities WHERE tenant_id = $1 AND status IN ('EXISTING', 'OPERATING') ORDER BY uscc LIMIT 1`, [
      wugang,
    ]);
    results = {
      running: await record(true),
      overdue: await record(true),
      done: await record(true),
      proposed: await record(true),
      unpublished: await record(false),
    };
    await rectify('running', results.running!, { report_text: '企业的整改报告（不公开）' });
    await rectify('overdue', results.overdue!, { opened_on: day(-40), due_on: day(-1), recheck_result: '复查意见（不公开）' });
    await rectify('done', results.done!, { status: 'DONE', opened_on: day(-60), due_on: day(-20), closed_on: day(-25), closing_note: '办结意见（不公开）' });
    await rectify('proposed', results.proposed!, { status: 'CLOSE_PROPOSED', due_on: day(-2), closing_note: '拟办结（待领导审批）' });
    await rectify('unpublished', results.unpublished!, {});

    await list('wugangBlacklist', wugang, {});
    await list('pingdingshanWatch', pingdingshan, { list: 'WATCH', decided_on: day(-5) });
    await list('repaired', wugang, { list: 'WATCH', status: 'REPAIRED', decided_on: day(-200), ended_on: day(-3) });
    await list('expired', wugang, { decided_on: day(-800), valid_until: day(-400) });
    await list('pending', wugang, { status: 'PENDING', decided_on: day(-1) });
    await list('rejected', wugang, { status: 'REJECTED', review_comment: '证据不足（不公开）' });
    await list('notYet', wugang, { decided_on: day(5) });
    // 常德 does not publish its watch list: its entry there stays off the portal.
    await t.sql(
      `UPDATE rule_sets SET rules = rules || jsonb_build_object('creditLists', coalesce(rules -> 'creditLists', '{}') || '{"publishWatchList": false}')
        WHERE tenant_id = $1`,
      [changde],
    );
    await list('unpublishedList', changde, { list: 'WATCH' });
  }, 120_000);
  afterAll(() => t?.close());

  it('shows the rectifications of published results only: ordered, deadline, running, overdue or closed', async () => {
    const { data, errors } = await t.gql(HISTORY, { uscc: entity.uscc });
    expect(errors).toBeUndefined();
    const shown = data.publicEntity.rectifications;
    const byId = new Map(shown.map((r: any) => [fromGlobalUuid(r.id, 'Rectification'), r]));
    expect([...byId.keys()].sort()).toEqual([rectification.running, rectification.overdue, rectification.done, rectification.proposed].sort());
    expect(byId.get(rectification.running)).toEqual({
      id: expect.any(String),
      bureau: { name: '舞钢市自然资源和规划局' },
      resultId: expect.any(String),
      orderedOn: day(-10),
      dueWorkingDays: 15,
      dueOn: day(10),
      status: 'IN_PROGRESS',
      closedOn: null,
    });
    expect(fromGlobalUuid((byId.get(rectification.running) as any).resultId, 'Inspection')).toBe(results.running);
    expect(byId.get(rectification.overdue)).toMatchObject({ status: 'OVERDUE', closedOn: null });
    expect(byId.get(rectification.done)).toMatchObject({ status: 'DONE', closedOn: day(-25) });
    // A closing the leader has not approved is not public: still running, and past its deadline.
    expect(byId.get(rectification.proposed)).toMatchObject({ status: 'OVERDUE', closedOn: null });
  });

  it('shows the credit entries in force of every bureau; one ended by 信用修复 or past its period is no longer published', async () => {
    const shown = (await t.gql(HISTORY, { uscc: entity.uscc })).data.publicEntity.creditEntries;
    expect(shown.map((e: any) => fromGlobalUuid(e.id, 'CreditListEntry'))).toEqual([entry.pingdingshanWatch, entry.wugangBlacklist]);
    expect(shown[0]).toEqual({
      id: expect.any(String),
      bureau: { name: '平顶山市自然资源和规划局' },
      list: 'WATCH',
      entityName: entity.name,
      reason: '理由：pingdingshanWatch',
      legalBasis: '《自然资源部关于建立失信联合惩戒机制的意见》',
      decidedOn: day(-5),
      validUntil: day(300),
    });
    expect(shown[1]).toMatchObject({ bureau: { name: '舞钢市自然资源和规划局' }, list: 'BLACKLIST' });
  });

  it('gives the anonymous portal nothing unpublished or internal', async () => {
    const response = await t.gql(HISTORY, { uscc: entity.uscc });
    const text = JSON.stringify(response);
    for (const hidden of [
      '不公开',
      '拟办结',
      '内部依据说明',
      '理由：pending',
      '理由：rejected',
      '理由：notYet',
      '理由：unpublishedList',
      '理由：repaired',
      '理由：expired',
      rectification.unpublished,
      entry.pending,
    ]) {
      expect(text).not.toContain(hidden);
    }
    // What the types can carry at all: no rating, risk class, weight, person or note.
    const fields = async (type: string) =>
      ((await t.gql(`{ __type(name: "${type}") { fields { name } } }`)).data.__type.fields as { name: string }[]).map((f) => f.name).sort();
    expect(await fields('PublicRectification')).toEqual(['bureau', 'closedOn', 'dueOn', 'dueWorkingDays', 'id', 'orderedOn', 'resultId', 'status']);
    expect(await fields('PublicCreditHistoryEntry')).toEqual(['bureau', 'decidedOn', 'entityName', 'id', 'legalBasis', 'list', 'reason', 'validUntil']);
    expect(JSON.stringify(await fields('PublicEntityProfile'))).not.toMatch(/credit(Class|Rating)|risk|weight/i);

    // The views answer the app role without a tenant, and only the published rows.
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      const ids = async (sql: string) => (await app.query(sql, [entity.uscc])).rows.map((r) => r.id).sort();
      expect(await ids(`SELECT id FROM public_rectifications WHERE entity_uscc = $1`)).not.toContain(rectification.unpublished);
      expect(await ids(`SELECT id FROM public_credit_entries WHERE entity_uscc = $1`)).toEqual([entry.pingdingshanWatch, entry.wugangBlacklist].sort());
      // The tables themselves stay behind their walls.
      expect((await app.query(`SELECT id FROM rectifications`)).rows).toEqual([]);
      expect((await app.query(`SELECT id FROM credit_list_entries`)).rows).toEqual([]);
    } finally {
      await app.end();
    }
  });

  it('stops showing a suspended bureau’s rectifications and entries', async () => {
    await t.sql(`UPDATE tenants SET status = 'SUSPENDED' WHERE id = $1`, [pingdingshan]);
    try {
      const profile = (await t.gql(HISTORY, { uscc: entity.uscc })).data.publicEntity;
      expect(profile.creditEntries.map((e: any) => e.bureau.name)).not.toContain('平顶山市自然资源和规划局');
      expect(profile.creditEntries).toHaveLength(1);
    } finally {
      await t.sql(`UPDATE tenants SET status = 'ACTIVE' WHERE id = $1`, [pingdingshan]);
    }
  });
});
