import { Client } from 'pg';
import { beijingDate, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type GqlResult, type TestApp } from '../../test-support/test-app';
import { drawWugangTask, liftYearCaps } from '../../test-support/draw-fixture';
import { approveRules, plainRecordOf } from '../../test-support/draw-ceremony';
import { approvedInspection } from '../../test-support/inspection-fixture';
import { APP_ROLE } from '../../db/data-source';
import { actingAs } from '../../seed/demo-draw';
import { accessCodeHash, newAccessCode, normalizeAccessCode } from '../inspections/access-code';
import { proposeCreditEntry } from './credit-lists.service';

const PROPOSE = `mutation($input: CreditEntryInput!) { proposeCreditEntry(input: $input) { id status list entityUscc inForce proposedByMe } }`;
const REVIEW = `mutation($id: ID!, $approve: Boolean!, $comment: String) { reviewCreditEntry(id: $id, approve: $approve, comment: $comment) { id status inForce reviewComment } }`;
const PUBLIC_LIST = `query($b: ID!, $l: CreditListKind) { publicCreditList(bureauId: $b, list: $l) { id list entityName entityUscc reason legalBasis decidedOn validUntil } }`;
const ENTITY_ENTRIES = `query($c: String!) { entityCreditEntries(accessCode: $c) { id list reason validUntil repairs { id status reasons note } } }`;
const REQUEST_REPAIR = `mutation($c: String!, $e: ID!, $r: String!) { requestCreditRepair(accessCode: $c, entryId: $e, reasons: $r) { id repairs { id status } } }`;
const DECIDE = `mutation($id: ID!, $g: Boolean!, $n: String) { decideCreditRepair(id: $id, grant: $g, note: $n) { id status decidedByMe entry { id status } } }`;
const REVIEW_REPAIR = `mutation($id: ID!, $a: Boolean!, $c: String) { reviewCreditRepair(id: $id, approve: $a, comment: $c) { id status entry { id status endedOn inForce } } }`;

const chinese = (r: GqlResult) => /[\u4e00-\u9fa5]/.test(r.errors?.[0]?.message ?? '');
const rule = (r: GqlResult) => r.errors?.[0]?.extensions?.rule;

describe('信用公示: the bureau lists, four eyes, the public list, 信用修复 by access code, and 河南’s 联合惩戒', () => {
  let t: TestApp;
  let office: string;
  let leader: string;
  let wugangId: string;
  let pingdingshanId: string;
  let changdeId: string;
  /** In both 舞钢's and 平顶山's directories (same USCC); `onlyWugang` is in 舞钢's alone. */
  let shared: { id: string; uscc: string; name: string };
  let onlyWugang: { id: string; uscc: string };
  let other: { id: string; uscc: string };
  let sharedEntry: string;
  let accessCode: string;

  const entryInput = (entityId: string, extra: Record<string, unknown> = {}) => ({
    entityId: toGlobalId('MarketEntity', entityId),
    list: 'BLACKLIST',
    reason: '拒绝、阻碍监督检查，情节严重',
    legalBasis: '《自然资源部关于建立失信联合惩戒机制的意见》',
    validUntil: '2029-12-31',
    ...extra,
  });
  const entryCount = async () => (await t.sql(`SELECT count(*)::int AS n FROM credit_list_entries`))[0].n;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    await liftYearCaps(t);
    office = await t.login('wugang.admin');
    leader = await t.login('wugang.leader');
    [{ id: wugangId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    [{ id: pingdingshanId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410400'`);
    [{ id: changdeId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    const both = await t.sql(
      `SELECT w.id, w.uscc, w.name FROM market_entities w JOIN market_entities p ON p.tenant_id = $2 AND p.uscc = w.uscc
        WHERE w.tenant_id = $1 AND w.status IN ('EXISTING', 'OPERATING') AND p.status IN ('EXISTING', 'OPERATING')
          AND (w.target_type IS NULL OR w.target_type NOT LIKE '%个人%') ORDER BY w.uscc LIMIT 2`,
      [wugangId, pingdingshanId],
    );
    [shared, other] = both;
    // Plain facts on both sides: weight 1 unless a list says otherwise.
    await t.sql(`UPDATE market_entities SET credit_class = 'B', complaints = 0, violation_record = NULL, risk_level = NULL WHERE uscc = ANY($1)`, [
      both.map((b) => b.uscc),
    ]);
    [onlyWugang] = await t.sql(
      `SELECT w.id, w.uscc FROM market_entities w WHERE w.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM market_entities p WHERE p.tenant_id = $2 AND p.uscc = w.uscc)
        ORDER BY w.uscc LIMIT 1`,
      [wugangId, pingdingshanId],
    );
  });
  afterAll(() => t.close());

  it('lets the office propose and a leader — never the proposer — approve, refusing everything else with nothing written', async () => {
    const head = await t.login('wugang.head01');
    const before = await entryCount();
    const byHead = await t.gql(PROPOSE, { input: entryInput(shared.id) }, head);
    expect(codes(byHead)).toEqual(['FORBIDDEN']);
    expect(chinese(byHead)).toBe(true);
    const badPeriod = await t.gql(PROPOSE, { input: entryInput(shared.id, { decidedOn: '2026-12-01', validUntil: '2026-11-30' }) }, office);
    expect(codes(badPeriod)).toEqual(['RULE_VIOLATION']);
    expect(rule(badPeriod)).toBe('credit.period');
    expect(chinese(badPeriod)).toBe(true);
    expect(codes(await t.gql(PROPOSE, { input: entryInput(shared.id, { legalBasis: ' ' }) }, office))).toEqual(['BAD_USER_INPUT']);
    expect(await entryCount()).toBe(before);

    const proposed = await t.gql(PROPOSE, { input: entryInput(shared.id) }, office);
    expect(proposed.errors).toBeUndefined();
    sharedEntry = proposed.data.proposeCreditEntry.id;
    expect(proposed.data.proposeCreditEntry).toMatchObject({
      status: 'PENDING',
      list: 'BLACKLIST',
      entityUscc: shared.uscc,
      inForce: false,
      proposedByMe: true,
    });
    const duplicate = await t.gql(PROPOSE, { input: entryInput(shared.id) }, office);
    expect(rule(duplicate)).toBe('credit.duplicate');

    // The office does not approve; a leader approves.
    const byOffice = await t.gql(REVIEW, { id: sharedEntry, approve: true }, office);
    expect(codes(byOffice)).toEqual(['FORBIDDEN']);
    expect(chinese(byOffice)).toBe(true);
    expect(codes(await t.gql(REVIEW, { id: sharedEntry, approve: false }, leader))).toEqual(['BAD_USER_INPUT']); // a refusal needs a comment
    const approved = await t.gql(REVIEW, { id: sharedEntry, approve: true, comment: '同意列入' }, leader);
    expect(approved.data.reviewCreditEntry).toMatchObject({ status: 'APPROVED', inForce: true });
    const again = await t.gql(REVIEW, { id: sharedEntry, approve: false, comment: '再审' }, leader);
    expect(codes(again)).toEqual(['RULE_VIOLATION']);
    expect(rule(again)).toBe('credit.entryState');

    // The service other modules call (the handling decision 纳入信用惩戒) is held to the same four eyes:
    // a leader who proposes through it cannot approve it.
    const leaderCtx = await actingAs(t.app.services, 'wugang.leader');
    const own = await proposeCreditEntry(leaderCtx, {
      entityId: onlyWugang.id,
      list: 'BLACKLIST',
      reason: '提供虚假材料',
      legalBasis: '000 第十八条',
      validUntil: '2029-06-30',
    });
    const self = await t.gql(REVIEW, { id: toGlobalId('CreditListEntry', own.id), approve: true }, leader);
    expect(codes(self)).toEqual(['FORBIDDEN']);
    expect(self.errors![0]!.message).toContain('本人');
    // The entity's status follows the approved entry.
    const [{ credit_status }] = await t.sql(`SELECT credit_status FROM market_entities WHERE id = $1`, [shared.id]);
    expect(credit_status).toBe('BLACKLIST');
    const audit = await t.sql(`SELECT action FROM audit_events WHERE tenant_id = $1 AND action LIKE 'credit.%' ORDER BY seq`, [wugangId]);
    expect(audit.map((a) => a.action)).toEqual(['credit.propose', 'credit.approve', 'credit.propose']);
  });

  it('ends an entry early only through 信用修复: the app role cannot shorten or end it itself', async () => {
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [wugangId]);
      await expect(app.query(`UPDATE credit_list_entries SET valid_until = '2026-01-01'`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [wugangId]);
      await expect(app.query(`DELETE FROM credit_list_entries`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });

  it('publishes only the approved entries in force of that bureau, per its rules', async () => {
    const bureau = toGlobalId('Tenant', wugangId);
    // An expired entry (approved, period over), a rejected one and a watch-list one.
    const expired = (await t.gql(PROPOSE, { input: entryInput(other.id, { decidedOn: '2023-01-10', validUntil: '2024-01-09' }) }, office)).data
      .proposeCreditEntry.id;
    await t.gql(REVIEW, { id: expired, approve: true, comment: '同意' }, leader);
    const rejected = (await t.gql(PROPOSE, { input: entryInput(other.id, { list: 'WATCH', reason: '投诉较多' }) }, office)).data.proposeCreditEntry.id;
    await t.gql(REVIEW, { id: rejected, approve: false, comment: '证据不足' }, leader);
    const watch = (await t.gql(PROPOSE, { input: entryInput(other.id, { list: 'WATCH', reason: '两年内两次发现问题' }) }, office)).data.proposeCreditEntry.id;
    await t.gql(REVIEW, { id: watch, approve: true, comment: '同意' }, leader);

    const list = (await t.gql(PUBLIC_LIST, { b: bureau })).data.publicCreditList;
    expect(list.map((e: any) => [e.id, e.list])).toEqual([
      [sharedEntry, 'BLACKLIST'],
      [watch, 'WATCH'],
    ]);
    expect(list[0]).toMatchObject({
      entityName: shared.name,
      entityUscc: shared.uscc,
      reason: '拒绝、阻碍监督检查，情节严重',
      legalBasis: '《自然资源部关于建立失信联合惩戒机制的意见》',
      decidedOn: beijingDate(),
      validUntil: '2029-12-31',
    });
    expect((await t.gql(PUBLIC_LIST, { b: bureau, l: 'WATCH' })).data.publicCreditList.map((e: any) => e.id)).toEqual([watch]);
    // Another bureau's list holds none of them.
    expect((await t.gql(PUBLIC_LIST, { b: toGlobalId('Tenant', pingdingshanId) })).data.publicCreditList).toEqual([]);
    // The bureau's rules stop publishing the watch list: it leaves the portal.
    const rules = (await t.gql('{ ruleSet { rules } }', {}, office)).data.ruleSet.rules;
    await approveRules(t, office, { ...rules, creditLists: { publishBlacklist: true, publishWatchList: false } }, '重点关注名单不再公示');
    expect((await t.gql(PUBLIC_LIST, { b: bureau })).data.publicCreditList.map((e: any) => e.id)).toEqual([sharedEntry]);
    await approveRules(t, office, rules, '恢复');
  });

  it('weighs an entity blacklisted by 舞钢 up in 平顶山’s draw (河南 adopted 联合惩戒, weight 3), through the narrow path', async () => {
    const input = await pingdingshanDrawInput('联合惩戒测试 1');
    const weights = (uscc: string) => new Set(input.strata.flatMap((s: any) => s.entities.filter((e: any) => e.key === uscc).map((e: any) => e.weight)));
    expect(weights(shared.uscc)).toEqual(new Set(['3']));
    expect(weights(other.uscc)).toEqual(new Set(['1'])); // on 舞钢's watch list and an expired blacklist entry: not joint-punished
    // The province drops it: back to 1.
    const viewer = await t.login('henan.viewer');
    const set = `mutation($e: Boolean!, $w: Float!) { setJointPunishment(input: { enabled: $e, weight: $w }, reason: "测试") { enabled weight } }`;
    expect((await t.gql(set, { e: false, w: 3 }, viewer)).data.setJointPunishment).toEqual({ enabled: false, weight: 3 });
    expect(codes(await t.gql(set, { e: true, w: 3 }, office))).toEqual(['FORBIDDEN']); // a bureau does not set it
    const off = await pingdingshanDrawInput('联合惩戒测试 2');
    expect(new Set(off.strata.flatMap((s: any) => s.entities.filter((e: any) => e.key === shared.uscc).map((e: any) => e.weight)))).toEqual(new Set(['1']));
    await t.gql(set, { e: true, w: 3 }, viewer);
  });

  it('answers through the narrow function only which given USCCs of the caller’s own directory are blacklisted elsewhere in its province', async () => {
    const usccs = [shared.uscc, onlyWugang.uscc, other.uscc, '91410000MA0000000X'];
    // The leader's own proposal through the service is still pending: approve it by another leader (owner) for this case.
    await t.sql(`UPDATE credit_list_entries SET status = 'APPROVED' WHERE tenant_id = $1 AND entity_id = $2`, [wugangId, onlyWugang.id]);
    const asTenant = async (tenantId: string | null) => {
      const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
      await app.connect();
      try {
        await app.query('BEGIN');
        if (tenantId) await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        const result = await app.query(`SELECT * FROM province_blacklisted_usccs($1)`, [usccs]);
        const weight = await app.query(`SELECT joint_punishment_weight()::text AS w`);
        await app.query('ROLLBACK');
        return { fields: result.fields.map((f) => f.name), rows: result.rows.map((r) => r.uscc).sort(), weight: weight.rows[0].w };
      } finally {
        await app.end();
      }
    };
    // 平顶山: the shared entity only (舞钢's other blacklisted entity is not in 平顶山's directory); one column.
    expect(await asTenant(pingdingshanId)).toEqual({ fields: ['uscc'], rows: [shared.uscc], weight: '3.0000' });
    // 舞钢 itself: its own list is its own business, not the province's.
    expect((await asTenant(wugangId)).rows).toEqual([]);
    // 常德 (湖南): nothing, not even the weight; the province itself and no tenant at all: nothing.
    expect(await asTenant(changdeId)).toEqual({ fields: ['uscc'], rows: [], weight: null });
    const [{ id: henanId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410000'`);
    expect((await asTenant(henanId)).rows).toEqual([]);
    expect((await asTenant(null)).rows).toEqual([]);
    // The app role reads no other bureau's rows directly.
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [pingdingshanId]);
      expect((await app.query('SELECT * FROM credit_list_entries')).rows).toEqual([]);
      expect((await app.query('SELECT * FROM joint_punishment_settings')).rows).toEqual([]);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });

  it('keeps the lists inside the bureau at the API: 常德 sees and touches nothing of 舞钢’s', async () => {
    const stranger = await t.login('changde.admin');
    const strangerLeader = await t.login('changde.leader');
    expect((await t.gql('{ creditListEntries { id } }', {}, stranger)).data.creditListEntries).toEqual([]);
    expect((await t.gql('{ creditRepairRequests { id } }', {}, stranger)).data.creditRepairRequests).toEqual([]);
    expect(codes(await t.gql(REVIEW, { id: sharedEntry, approve: false, comment: '越权' }, strangerLeader))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('{ creditListEntries { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect((await t.gql(PUBLIC_LIST, { b: toGlobalId('Tenant', changdeId) })).data.publicCreditList).toEqual([]);
    const [{ status }] = await t.sql(
      `SELECT status FROM credit_list_entries WHERE id = (SELECT id FROM credit_list_entries WHERE entity_id = $1 AND list = 'BLACKLIST')`,
      [shared.id],
    );
    expect(status).toBe('APPROVED');
  });

  it('takes the entity’s repair request by access code; the office decides, a leader approves, the entry ends', async () => {
    await drawWugangTask(t);
    const record = await approvedInspection(t, shared.uscc, 'OBSTRUCTED');
    accessCode = newAccessCode();
    await t.sql(`UPDATE inspections SET access_code_hash = $1 WHERE id = $2`, [
      accessCodeHash(normalizeAccessCode(accessCode)!),
      fromGlobalUuid(record, 'Inspection'),
    ]);
    const entries = (await t.gql(ENTITY_ENTRIES, { c: accessCode })).data.entityCreditEntries;
    expect(entries).toEqual([{ id: sharedEntry, list: 'BLACKLIST', reason: '拒绝、阻碍监督检查，情节严重', validUntil: '2029-12-31', repairs: [] }]);
    expect(codes(await t.gql(ENTITY_ENTRIES, { c: 'AAAA-BBBB-CCCC' }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(REQUEST_REPAIR, { c: accessCode, e: sharedEntry, r: '  ' }))).toEqual(['BAD_USER_INPUT']);
    // Another entity's entry is not the code's to ask about.
    const foreign = (await t.sql(`SELECT id FROM credit_list_entries WHERE entity_id = $1`, [onlyWugang.id]))[0].id;
    expect(codes(await t.gql(REQUEST_REPAIR, { c: accessCode, e: toGlobalId('CreditListEntry', foreign), r: '已整改' }))).toEqual(['NOT_FOUND']);
    const asked = await t.gql(REQUEST_REPAIR, { c: accessCode, e: sharedEntry, r: '已全面整改，配合检查，申请信用修复' });
    expect(asked.errors).toBeUndefined();
    const repair = asked.data.requestCreditRepair[0].repairs[0];
    expect(repair.status).toBe('SUBMITTED');
    const twice = await t.gql(REQUEST_REPAIR, { c: accessCode, e: sharedEntry, r: '再次申请' });
    expect(rule(twice)).toBe('credit.repairPending');
    expect(chinese(twice)).toBe(true);

    // The leader cannot approve before the office decides; the office cannot approve.
    expect(rule(await t.gql(REVIEW_REPAIR, { id: repair.id, a: true }, leader))).toBe('credit.repairState');
    expect(codes(await t.gql(DECIDE, { id: repair.id, g: true, n: '整改到位' }, leader))).toEqual(['FORBIDDEN']);
    const granted = await t.gql(DECIDE, { id: repair.id, g: true, n: '整改到位，同意修复' }, office);
    expect(granted.data.decideCreditRepair).toMatchObject({ status: 'GRANTED', decidedByMe: true, entry: { status: 'APPROVED' } });
    expect(codes(await t.gql(REVIEW_REPAIR, { id: repair.id, a: true }, office))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVIEW_REPAIR, { id: repair.id, a: true }, await t.login('changde.leader')))).toEqual(['NOT_FOUND']);
    const done = await t.gql(REVIEW_REPAIR, { id: repair.id, a: true, c: '同意' }, leader);
    expect(done.data.reviewCreditRepair).toMatchObject({ status: 'APPROVED', entry: { status: 'REPAIRED', endedOn: beijingDate(), inForce: false } });

    // Off the public list, off the entity's page, off 平顶山's weights; every step in the audit chain.
    expect((await t.gql(PUBLIC_LIST, { b: toGlobalId('Tenant', wugangId) })).data.publicCreditList.map((e: any) => e.id)).not.toContain(sharedEntry);
    expect((await t.gql(ENTITY_ENTRIES, { c: accessCode })).data.entityCreditEntries).toEqual([]);
    const input = await pingdingshanDrawInput('联合惩戒测试 3');
    expect(new Set(input.strata.flatMap((s: any) => s.entities.filter((e: any) => e.key === shared.uscc).map((e: any) => e.weight)))).toEqual(new Set(['1']));
    const audit = await t.sql(`SELECT action, actor_user_id FROM audit_events WHERE tenant_id = $1 AND action LIKE 'credit.repair.%' ORDER BY seq`, [wugangId]);
    expect(audit.map((a) => a.action)).toEqual(['credit.repair.request', 'credit.repair.grant', 'credit.repair.approve']);
    expect(audit[0].actor_user_id).toBeNull(); // the entity, without an account
  });

  let pingdingshanTasks = 0;
  /** Freezes a new 平顶山 专项检查's pool (commit only) and returns its input in plain keys. */
  async function pingdingshanDrawInput(title: string): Promise<any> {
    const pds = await t.login('pingdingshan.admin');
    const pdsLeader = await t.login('pingdingshan.leader');
    const items = (await t.gql('{ items { edges { node { id minRatio } } } }', {}, pds)).data.items.edges.map((e: any) => e.node);
    pingdingshanTasks += 1;
    const task = await t.gql(
      'mutation($input: TaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          kind: 'SPECIAL',
          reason: '测试：联合惩戒',
          title: `${title}（${pingdingshanTasks}）`,
          purpose: '测试',
          procedure: '摇号',
          divisionOfLabour: '分工',
          confidentiality: '保密',
          startsOn: '2027-03-01',
          endsOn: '2027-04-30',
          teamSize: 2,
          items: items.map((i: any) => ({ itemId: i.id, ratio: i.minRatio })),
        },
      },
      pds,
    );
    if (task.errors) throw new Error(JSON.stringify(task.errors));
    const approved = await t.gql('mutation($id: ID!) { approveTask(id: $id, comment: "同意") { id } }', { id: task.data.createTask.id }, pdsLeader);
    if (approved.errors && approved.errors[0]?.extensions?.rule !== 'task.approval') throw new Error(JSON.stringify(approved.errors));
    const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: task.data.createTask.id }, pds);
    if (committed.errors) throw new Error(JSON.stringify(committed.errors));
    const record = (await (await fetch(`${t.url}/api/public/draws/${committed.data.commitDraw.id}`)).json()) as any;
    // The public record names nobody: the joint weight stands beside a pseudonym.
    expect(JSON.stringify(record)).not.toContain(shared.uscc);
    return (await plainRecordOf(t, committed.data.commitDraw.id, pds, record)).input;
  }
});
