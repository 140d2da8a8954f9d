import { addCalendarDays, beijingDate, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type GqlResult, type TestApp } from '../../test-support/test-app';
import { appRoleClient, type AppRoleClient } from '../../test-support/app-role';
import { RequestContext, type Viewer } from '../../graphql/context';
import { referInspection } from './referral.service';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';

const PROPOSE = `mutation($i: ID!, $t: ReferralTargetGql!, $r: String!) { proposeReferral(inspectionId: $i, target: $t, reason: $r) { id status targetKind targetBureauName targetDepartmentName } }`;
const APPROVE = `mutation($id: ID!) { approveReferral(id: $id) { id status sentOn acceptDueOn } }`;
const REJECT = `mutation($id: ID!, $n: String!) { rejectReferral(id: $id, note: $n) { id status decisionNote } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawReferral(id: $id) { id status } }`;
const STEP = `mutation($id: ID!, $input: ReferralStepGql!) { recordReferralStep(id: $id, input: $input) { id status acceptedOn filedOn caseNo notFiledOn notFiledReason closedOn closingNote } }`;
const EXTERNAL_STEP = `mutation($id: ID!, $input: ReferralStepGql!) { recordExternalReferralStep(id: $id, input: $input) { id status acceptedOn } }`;
const RECEIVED = `{ receivedReferrals { totalCount edges { node { id status fromBureauName targetKind targetDepartmentId targetDepartmentName reason entityName entityUscc findings resultLabel inspectedOn evidence { fileName size } sentOn acceptDueOn acceptedOn returnReason filedOn caseNo closedOn } } } }`;
const ONE = `query($id: ID!) { receivedReferral(id: $id) { id status entityName } }`;
const OF_RECORD = `query($id: ID!) { node(id: $id) { ... on Inspection { referrals { id status targetBureauName targetDepartmentName sentOn acceptedOn filedOn caseNo closedOn notFiledOn } } } }`;

const idOf = (globalId: string) => fromGlobalUuid(globalId, 'Referral')!;
const rule = (r: GqlResult) => r.errors?.map((e) => `${e.extensions?.code}:${e.extensions?.rule ?? ''}`);
const ok = (r: GqlResult) => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

/** 移送: 舞钢 refers records to its own department, to 平顶山's 执法监察支队 and to an external body; 常德 is a stranger. */
describe('referrals', () => {
  let t: TestApp;
  let app: AppRoleClient;
  let tenant: Record<'wugang' | 'pingdingshan' | 'changde', string>;
  let tok: Record<string, string>;
  let records: { id: string; entity_name: string; entity_uscc: string; findings: string }[];
  let noProblem: string;
  let returned: string;
  let zhifa: string;
  let landUse: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    app = await appRoleClient(t.adminUrl);
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    const tenants = await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`);
    const by = (code: string) => tenants.find((r) => r.region_code === code)!.id;
    tenant = { wugang: by('410481'), pingdingshan: by('410400'), changde: by('430700') };
    const users = [
      'wugang.admin',
      'wugang.leader',
      'wugang.inspector01',
      'pingdingshan.head',
      'pingdingshan.admin',
      'pingdingshan.leader',
      'changde.admin',
      'changde.head01',
      'changde.leader',
    ];
    tok = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await t.login(u)] as const)));
    records = await t.sql(
      `SELECT id, entity_name, entity_uscc, findings FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED'
          AND coalesce(findings, '') <> '' AND result_category <> 'NO_PROBLEM' ORDER BY seq`,
      [tenant.wugang],
    );
    [{ id: noProblem }] = await t.sql(`SELECT id FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED' AND result_category = 'NO_PROBLEM' LIMIT 1`, [
      tenant.wugang,
    ]);
    [{ id: returned }] = await t.sql(`SELECT id FROM inspections WHERE tenant_id = $1 AND status = 'RETURNED' LIMIT 1`, [tenant.wugang]);
    [{ id: zhifa }] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = '执法监察支队'`, [tenant.pingdingshan]);
    [{ id: landUse }] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = '土地利用股'`, [tenant.wugang]);
    expect(records.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  const record = (i: number) => toGlobalId('Inspection', records[i]!.id);
  const toZhifa = { departmentId: () => toGlobalId('Department', zhifa) };

  it('refuses a referral from the wrong role, of a record without problems or not approved, without reason or receiver, and writes nothing', async () => {
    const target = { departmentId: toZhifa.departmentId() };
    const cases: [string, Record<string, unknown>, string, string[]][] = [
      ['wugang.inspector01', { i: record(0), t: target, r: '涉嫌违法占地' }, '', ['FORBIDDEN:']],
      ['wugang.leader', { i: record(0), t: target, r: '涉嫌违法占地' }, '', ['FORBIDDEN:']],
      ['wugang.admin', { i: toGlobalId('Inspection', noProblem), t: target, r: '涉嫌违法占地' }, '未发现问题', ['RULE_VIOLATION:REFERRAL_RECORD']],
      ['wugang.admin', { i: toGlobalId('Inspection', returned), t: target, r: '涉嫌违法占地' }, '已审批或已公示', ['RULE_VIOLATION:REFERRAL_RECORD']],
      ['wugang.admin', { i: record(0), t: target, r: '  ' }, '', ['BAD_USER_INPUT:']],
      ['wugang.admin', { i: record(0), t: {}, r: '涉嫌违法占地' }, '', ['BAD_USER_INPUT:']],
      ['wugang.admin', { i: record(0), t: { ...target, externalName: '公安局' }, r: '涉嫌违法占地' }, '', ['BAD_USER_INPUT:']],
      ['changde.admin', { i: record(0), t: target, r: '涉嫌违法占地' }, '', ['NOT_FOUND:']],
    ];
    for (const [user, vars, message, expected] of cases) {
      const answer = await t.gql(PROPOSE, vars, tok[user]);
      expect({ user, vars, got: rule(answer) }).toEqual({ user, vars, got: expected });
      if (message) expect(answer.errors![0]!.message).toContain(message);
    }
    expect(await t.sql(`SELECT id FROM referrals`)).toEqual([]);
  });

  it('refers a record to 平顶山’s 执法监察支队 once its leader approves; 平顶山 accepts, 立案 and 结案 with dates in order', async () => {
    const proposed = ok(
      await t.gql(PROPOSE, { i: record(0), t: { departmentId: toZhifa.departmentId() }, r: '涉嫌未经批准占用土地，移送立案查处' }, tok['wugang.admin']),
    ).proposeReferral;
    expect(proposed).toMatchObject({
      status: 'PROPOSED',
      targetKind: 'BUREAU',
      targetBureauName: '平顶山市自然资源和规划局',
      targetDepartmentName: '执法监察支队',
    });
    // Not yet sent: the receiver sees nothing of it.
    expect(ok(await t.gql(RECEIVED, {}, tok['pingdingshan.head'])).receivedReferrals.totalCount).toBe(0);
    expect(codes(await t.gql(STEP, { id: proposed.id, input: { step: 'ACCEPT', on: beijingDate() } }, tok['pingdingshan.head']))).toEqual(['NOT_FOUND']);
    // A second open referral of the record to the same department is refused.
    expect(codes(await t.gql(PROPOSE, { i: record(0), t: { departmentId: toZhifa.departmentId() }, r: '再次移送' }, tok['wugang.admin']))).toEqual([
      'CONFLICT',
    ]);
    // Only a leader approves it.
    expect(codes(await t.gql(APPROVE, { id: proposed.id }, tok['wugang.admin']))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(APPROVE, { id: proposed.id }, tok['pingdingshan.leader']))).toEqual(['NOT_FOUND']);
    // 平顶山's head takes a copy of 结果处理 notices on the outbound channel; 舞钢's office too, for the answers.
    const PREFER = `mutation { setNotificationPreference(group: "RESULTS", channel: "outbox", enabled: true) { group } }`;
    ok(await t.gql(PREFER, {}, tok['pingdingshan.head']));
    ok(await t.gql(PREFER, {}, tok['wugang.admin']));
    const sent = ok(await t.gql(APPROVE, { id: proposed.id }, tok['wugang.leader'])).approveReferral;
    expect(sent.status).toBe('SENT');
    expect(sent.sentOn).toBe(beijingDate());
    expect(sent.acceptDueOn > sent.sentOn).toBe(true);
    expect(codes(await t.gql(APPROVE, { id: proposed.id }, tok['wugang.leader']))).toEqual(['RULE_VIOLATION']);

    // The receiving department's head is told, in 平顶山.
    const [notice] = await t.sql(
      `SELECT n.title, n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.tenant_id = $1 AND u.username = 'pingdingshan.head' AND n.kind = 'REFERRAL_RECEIVED'`,
      [tenant.pingdingshan],
    );
    expect(notice).toEqual({ title: `收到移送案件：${records[0]!.entity_name}`, link: `/referrals/${proposed.id}` });
    // …with its outbound copy queued in 平顶山, as its head asked.
    const copies = async (tenantId: string, username: string, kind: string) =>
      (
        await t.sql(
          `SELECT n.title, d.channel FROM notification_deliveries d JOIN notifications n ON n.tenant_id = d.tenant_id AND n.id = d.notification_id
             JOIN users u ON u.id = d.user_id WHERE d.tenant_id = $1 AND u.username = $2 AND n.kind = $3 ORDER BY n.created_at`,
          [tenantId, username, kind],
        )
      ).map((r) => `${r.channel}:${r.title}`);
    expect(await copies(tenant.pingdingshan, 'pingdingshan.head', 'REFERRAL_RECEIVED')).toEqual([`outbox:收到移送案件：${records[0]!.entity_name}`]);

    // 平顶山 sees what was referred, and nothing else of the record.
    const received = ok(await t.gql(RECEIVED, {}, tok['pingdingshan.head'])).receivedReferrals;
    expect(received.totalCount).toBe(1);
    expect(received.edges[0].node).toMatchObject({
      id: proposed.id,
      status: 'SENT',
      fromBureauName: '舞钢市自然资源和规划局',
      targetKind: 'BUREAU',
      targetDepartmentName: '执法监察支队',
      entityName: records[0]!.entity_name,
      entityUscc: records[0]!.entity_uscc,
      findings: records[0]!.findings,
      sentOn: beijingDate(),
    });
    expect(JSON.stringify(received)).not.toContain(record(0));
    expect(JSON.stringify(received)).not.toContain(records[0]!.id);
    expect(ok(await t.gql(ONE, { id: proposed.id }, tok['pingdingshan.head'])).receivedReferral).toMatchObject({ id: proposed.id, status: 'SENT' });

    // Make room for dated steps: the referral went out twenty days ago.
    const sentOn = addCalendarDays(beijingDate(), -20);
    await t.sql(`UPDATE referrals SET sent_on = $2 WHERE id = $1`, [idOf(proposed.id), sentOn]);
    const step = (input: Record<string, unknown>, user = 'pingdingshan.head') => t.gql(STEP, { id: proposed.id, input }, tok[user]);
    const day = (n: number) => addCalendarDays(sentOn, n);
    expect(rule(await step({ step: 'FILE', on: day(1) }))).toEqual(['RULE_VIOLATION:REFERRAL_STATE']);
    expect(rule(await step({ step: 'ACCEPT', on: day(-1) }))).toEqual(['RULE_VIOLATION:REFERRAL_DATE']);
    expect(rule(await step({ step: 'ACCEPT', on: addCalendarDays(beijingDate(), 1) }))).toEqual(['RULE_VIOLATION:REFERRAL_DATE']);
    expect(rule(await step({ step: 'ACCEPT', on: '2026-02-30' }))).toEqual(['BAD_USER_INPUT:']);
    expect(rule(await step({ step: 'RETURN', on: day(1) }))).toEqual(['BAD_USER_INPUT:']);
    // The referring bureau cannot act for the receiver; nor can 常德.
    expect(codes(await step({ step: 'ACCEPT', on: day(1) }, 'wugang.admin'))).toEqual(['NOT_FOUND']);
    expect(codes(await step({ step: 'ACCEPT', on: day(1) }, 'changde.admin'))).toEqual(['NOT_FOUND']);
    expect(ok(await step({ step: 'ACCEPT', on: day(1) })).recordReferralStep).toMatchObject({ status: 'ACCEPTED', acceptedOn: day(1) });
    const filing = await step({ step: 'FILE', on: day(0) });
    expect(rule(filing)).toEqual(['RULE_VIOLATION:REFERRAL_DATE']);
    expect(filing.errors![0]!.message).toContain('接收日期');
    expect(ok(await step({ step: 'FILE', on: day(3), caseNo: '平自然资立〔2026〕12号' })).recordReferralStep).toMatchObject({
      status: 'FILED',
      filedOn: day(3),
      caseNo: '平自然资立〔2026〕12号',
    });
    const early = await step({ step: 'CLOSE', on: day(2), text: '罚款并责令退还' });
    expect(rule(early)).toEqual(['RULE_VIOLATION:REFERRAL_DATE']);
    expect(early.errors![0]!.message).toContain('结案日期不能早于立案日期');
    // The office of the receiving bureau may act too (another bureau's referral).
    expect(ok(await step({ step: 'CLOSE', on: day(15), text: '罚款并责令退还' }, 'pingdingshan.admin')).recordReferralStep).toMatchObject({
      status: 'CLOSED',
      closedOn: day(15),
      closingNote: '罚款并责令退还',
    });

    // 舞钢's office hears of each of 平顶山's steps (in its own tenant, with its outbound copies); its leader who sent it does not act on them.
    const answers = (
      await t.sql(
        `SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.tenant_id = $1 AND u.username = 'wugang.admin' AND n.kind = 'REFERRAL_STEP'
          ORDER BY n.created_at`,
        [tenant.wugang],
      )
    ).map((r) => r.title);
    const name = records[0]!.entity_name;
    expect(answers).toEqual([`移送案件已接收：${name}`, `移送案件已立案：${name}`, `移送案件已结案：${name}`]);
    expect(await copies(tenant.wugang, 'wugang.admin', 'REFERRAL_STEP')).toEqual(answers.map((a) => `outbox:${a}`));
    expect(await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE tenant_id = $1 AND kind = 'REFERRAL_STEP'`, [tenant.changde])).toEqual([{ n: 0 }]);

    // The referring record shows the state.
    const shown = ok(await t.gql(OF_RECORD, { id: record(0) }, tok['wugang.admin'])).node.referrals;
    expect(shown).toEqual([
      {
        id: proposed.id,
        status: 'CLOSED',
        targetBureauName: '平顶山市自然资源和规划局',
        targetDepartmentName: '执法监察支队',
        sentOn,
        acceptedOn: day(1),
        filedOn: day(3),
        caseNo: '平自然资立〔2026〕12号',
        closedOn: day(15),
        notFiledOn: null,
      },
    ]);

    // Each bureau's steps are in its own audit chain.
    const actions = async (tenantId: string) =>
      (await t.sql<{ action: string }>(`SELECT action FROM audit_events WHERE tenant_id = $1 AND object_type = 'Referral' ORDER BY seq`, [tenantId])).map(
        (r) => r.action,
      );
    expect(await actions(tenant.wugang)).toEqual(['referral.propose', 'referral.send']);
    expect(await actions(tenant.pingdingshan)).toEqual(['referral.accept', 'referral.file', 'referral.close']);
    expect(await actions(tenant.changde)).toEqual([]);
  });

  it('shows a third bureau, the anonymous caller and the app role’s other scopes nothing of the referral', async () => {
    const [row] = await t.sql(`SELECT id FROM referrals WHERE tenant_id = $1 LIMIT 1`, [tenant.wugang]);
    const id = toGlobalId('Referral', row.id);
    for (const user of ['changde.admin', 'changde.head01', 'changde.leader']) {
      expect(ok(await t.gql(RECEIVED, {}, tok[user])).receivedReferrals.totalCount).toBe(0);
      expect(codes(await t.gql(ONE, { id }, tok[user]))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(OF_RECORD, { id: record(0) }, tok[user]))).toEqual(['NOT_FOUND']);
      for (const mutation of [APPROVE, WITHDRAW])
        expect(codes(await t.gql(mutation, { id }, tok[user]))).toEqual([expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/)]);
      expect(codes(await t.gql(REJECT, { id, n: '不同意' }, tok[user]))).toEqual([expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/)]);
      expect(codes(await t.gql(EXTERNAL_STEP, { id, input: { step: 'ACCEPT', on: beijingDate() } }, tok[user]))).toEqual([
        expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/),
      ]);
    }
    expect(codes(await t.gql(RECEIVED, {}))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ONE, { id }))).toEqual(['UNAUTHENTICATED']);
    // At the database: the receiver cannot read or write the table itself, a stranger gets nothing from the functions.
    // The receiver's function answers what was referred: no record id, no referring tenant, no proposer.
    const [fn] = await t.sql(`SELECT p.prosecdef, p.proargnames FROM pg_proc p WHERE p.proname = 'received_referrals'`);
    expect(fn.prosecdef).toBe(true);
    for (const hidden of ['inspection_id', 'tenant_id', 'target_tenant_id', 'proposed_by', 'decided_by', 'decision_note'])
      expect(fn.proargnames).not.toContain(hidden);
    expect(await app.asTenant(tenant.pingdingshan, `SELECT id FROM referrals`)).toEqual([]);
    expect(await app.asTenant(tenant.changde, `SELECT id FROM received_referrals()`)).toEqual([]);
    expect(await app.asTenant(null, `SELECT id FROM received_referrals()`)).toEqual([]);
    expect((await app.asTenant(tenant.pingdingshan, `SELECT id FROM received_referrals()`)).length).toBe(1);
    const [moved] = await app.asTenant(tenant.changde, `SELECT referral_receive($1, 'CLOSED', 'FILED', now()::date, null, null) AS moved`, [row.id]);
    expect(moved.moved).toBe(false);
    await expect(app.asTenant(tenant.wugang, `UPDATE referrals SET closed_on = now()::date WHERE id = $1`, [row.id])).rejects.toThrow(/permission denied/);
    // Neither a stranger nor the wrong side of the referral gets a notice through it into another bureau.
    for (const to of ['RECEIVER', 'SENDER'])
      expect(await app.asTenant(tenant.changde, `SELECT * FROM referral_notify($1, $2, 'X', 'X', 'x', null, null, null)`, [row.id, to])).toEqual([]);
    expect(await app.asTenant(tenant.pingdingshan, `SELECT * FROM referral_notify($1, 'RECEIVER', 'X', 'X', 'x', null, null, null)`, [row.id])).toEqual([]);
    expect(await app.asTenant(null, `SELECT * FROM referral_notify($1, 'SENDER', 'X', 'X', 'x', null, null, null)`, [row.id])).toEqual([]);
  });

  it('within a bureau: the receiving department’s head (not the office that sent it) accepts, and 不予立案 needs a reason', async () => {
    const target = { departmentId: toGlobalId('Department', landUse) };
    const proposed = ok(await t.gql(PROPOSE, { i: record(1), t: target, r: '涉及土地利用，移交土地利用股' }, tok['wugang.admin'])).proposeReferral;
    expect(proposed).toMatchObject({ targetKind: 'DEPARTMENT', targetBureauName: '舞钢市自然资源和规划局', targetDepartmentName: '土地利用股' });
    ok(await t.gql(APPROVE, { id: proposed.id }, tok['wugang.leader']));
    const [head] = await t.sql(`SELECT u.username FROM users u WHERE u.tenant_id = $1 AND u.department_id = $2 AND 'DEPARTMENT_HEAD' = ANY(u.roles)`, [
      tenant.wugang,
      landUse,
    ]);
    const headToken = await t.login(head.username);
    const [notice] = await t.sql(`SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = $1 AND n.kind = 'REFERRAL_RECEIVED'`, [
      head.username,
    ]);
    expect(notice).toEqual({ kind: 'REFERRAL_RECEIVED' });
    const step = (input: Record<string, unknown>, token = headToken) => t.gql(STEP, { id: proposed.id, input }, token);
    expect(codes(await step({ step: 'ACCEPT', on: beijingDate() }, tok['wugang.admin']))).toEqual(['FORBIDDEN']);
    expect(ok(await t.gql(RECEIVED, {}, headToken)).receivedReferrals.edges.map((e: any) => e.node.id)).toEqual([proposed.id]);
    ok(await step({ step: 'ACCEPT', on: beijingDate() }));
    expect(rule(await step({ step: 'NOT_FILE', on: beijingDate() }))).toEqual(['BAD_USER_INPUT:']);
    expect(ok(await step({ step: 'NOT_FILE', on: beijingDate(), text: '不属于本部门职责' })).recordReferralStep).toMatchObject({
      status: 'NOT_FILED',
      notFiledReason: '不属于本部门职责',
    });
    expect(rule(await step({ step: 'CLOSE', on: beijingDate() }))).toEqual(['RULE_VIOLATION:REFERRAL_STATE']);
    // 平顶山 never sees another bureau's internal referral.
    expect(ok(await t.gql(RECEIVED, {}, tok['pingdingshan.admin'])).receivedReferrals.edges.map((e: any) => e.node.id)).not.toContain(proposed.id);
  });

  it('a leader may decline, the office may withdraw, and an external body’s reply is recorded by the office', async () => {
    const external = { externalName: '舞钢市公安局' };
    const a = ok(await t.gql(PROPOSE, { i: record(2), t: external, r: '涉嫌犯罪，移送公安机关' }, tok['wugang.admin'])).proposeReferral;
    expect(a).toMatchObject({ targetKind: 'EXTERNAL', targetBureauName: '舞钢市公安局', targetDepartmentName: null });
    expect(rule(await t.gql(REJECT, { id: a.id, n: ' ' }, tok['wugang.leader']))).toEqual(['BAD_USER_INPUT:']);
    expect(ok(await t.gql(REJECT, { id: a.id, n: '证据不足' }, tok['wugang.leader'])).rejectReferral).toMatchObject({
      status: 'REJECTED',
      decisionNote: '证据不足',
    });
    const b = ok(await t.gql(PROPOSE, { i: record(2), t: external, r: '补充证据后再次移送' }, tok['wugang.admin'])).proposeReferral;
    expect(ok(await t.gql(WITHDRAW, { id: b.id }, tok['wugang.admin'])).withdrawReferral.status).toBe('WITHDRAWN');
    const c = ok(await t.gql(PROPOSE, { i: record(2), t: external, r: '补充证据后移送' }, tok['wugang.admin'])).proposeReferral;
    expect(codes(await t.gql(EXTERNAL_STEP, { id: c.id, input: { step: 'ACCEPT', on: beijingDate() } }, tok['wugang.admin']))).toEqual(['RULE_VIOLATION']);
    ok(await t.gql(APPROVE, { id: c.id }, tok['wugang.leader']));
    // Nobody in the system receives it: the office records what the body reported.
    expect(codes(await t.gql(STEP, { id: c.id, input: { step: 'ACCEPT', on: beijingDate() } }, tok['wugang.admin']))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(EXTERNAL_STEP, { id: c.id, input: { step: 'ACCEPT', on: beijingDate() } }, tok['wugang.leader']))).toEqual(['FORBIDDEN']);
    expect(
      ok(await t.gql(EXTERNAL_STEP, { id: c.id, input: { step: 'ACCEPT', on: beijingDate() } }, tok['wugang.admin'])).recordExternalReferralStep,
    ).toMatchObject({
      status: 'ACCEPTED',
      acceptedOn: beijingDate(),
    });
    expect(await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`, [`referral:${idOf(c.id)}`])).toEqual([{ n: 0 }]);
  });

  it('refers at once when the leader’s handling decision calls referInspection, and only a leader’s', async () => {
    const viewerOf = async (username: string): Promise<Viewer> => {
      const [u] = await t.sql(`SELECT id, tenant_id, roles, department_id FROM users WHERE username = $1`, [username]);
      return { userId: u.id, tenantId: u.tenant_id, username, roles: u.roles, departmentId: u.department_id, sessionId: 'test' };
    };
    const ctxOf = async (username: string) => new RequestContext(t.app.services, 'test', await viewerOf(username), null, null);
    const input = { inspectionId: record(3), target: { departmentId: toZhifa.departmentId() }, reason: '处理决定：移送立案查处', decidedByLeader: true };
    await expect(referInspection(await ctxOf('wugang.admin'), input)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const referral = await referInspection(await ctxOf('wugang.leader'), input);
    expect(referral).toMatchObject({ status: 'SENT', sentOn: beijingDate(), targetKind: 'BUREAU' });
    const received = ok(await t.gql(RECEIVED, {}, tok['pingdingshan.head'])).receivedReferrals.edges.map((e: any) => e.node.id);
    expect(received).toContain(toGlobalId('Referral', referral.id));
  });
});
