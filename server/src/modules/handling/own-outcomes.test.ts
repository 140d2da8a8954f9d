import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { PROPOSE_HANDLING } from '../../test-support/handling-fixture';
import { appRoleClient } from '../../test-support/app-role';

const PROPOSE = `mutation($code: String!, $label: String!, $as: HandlingOutcome!, $reason: String!) {
  proposeOwnHandlingOutcome(code: $code, label: $label, behavesAs: $as, reason: $reason) { id code label behavesAs status proposedByMe } }`;
const REVIEW = `mutation($id: ID!, $approve: Boolean!, $comment: String) { reviewOwnHandlingOutcome(id: $id, approve: $approve, comment: $comment) { id status reviewComment } }`;
const LIST = `query { ownHandlingOutcomes { id code label status } }`;
const MOVE = `mutation($id: ID!, $action: InspectionAction!, $handling: HandlingInput) {
  transitionInspection(id: $id, action: $action, handling: $handling) { status handling { outcome ownOutcome label deadlineWorkdays decided } } }`;
const PUBLIC = `query($search: String) { publicResults(search: $search, first: 20) { edges { node { id handling { outcome ownOutcome label basis } } } } }`;

describe('a bureau’s own handling outcomes (extensible per bureau)', () => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const as = async (username: string) => tokens.get(username) ?? tokens.set(username, await t.login(username)).get(username)!;
  let wugang: string;

  /** 舞钢's demo records of a status, with their team and the head who reviews them. */
  async function records(status: string) {
    const rows = await t.sql(
      `SELECT i.id, i.team_ids, i.entity_uscc, u.username AS head FROM inspections i JOIN inspection_items it ON it.id = i.item_ids[1]
         JOIN departments d ON d.id = it.department_id JOIN users u ON u.id = d.head_user_id
        WHERE i.tenant_id = $1 AND i.status = $2 ORDER BY i.seq`,
      [wugang, status],
    );
    return Promise.all(
      rows.map(async (r) => ({
        id: toGlobalId('Inspection', r.id),
        uuid: r.id as string,
        uscc: r.entity_uscc as string,
        head: r.head as string,
        team: (await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username`, [r.team_ids])).map(
          (x) => x.username as string,
        ),
      })),
    );
  }

  async function propose(code: string, label: string, behavesAs: string, token?: string) {
    return t.gql(PROPOSE, { code, label, as: behavesAs, reason: '本局细则规定的处理方式' }, token ?? (await as('wugang.admin')));
  }

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
  });
  afterAll(() => t.close());

  it('is proposed by the office and usable only once a leader, not the proposer, approves it', async () => {
    const [record] = await records('RETURNED');
    const member = await as(record!.team[0]!);
    // Only the office proposes; the code and label are checked.
    expect(codes(await propose('INTERVIEW', '约谈', 'NO_PROBLEM', member))).toEqual(['FORBIDDEN']);
    expect(codes(await propose('RECTIFY', '约谈', 'NO_PROBLEM'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await propose('INTERVIEW', '责令整改', 'NO_PROBLEM'))).toEqual(['BAD_USER_INPUT']);
    const proposed = await propose('INTERVIEW', '约谈', 'NO_PROBLEM');
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data.proposeOwnHandlingOutcome).toMatchObject({
      code: 'INTERVIEW',
      label: '约谈',
      behavesAs: 'NO_PROBLEM',
      status: 'PENDING',
      proposedByMe: true,
    });
    expect(codes(await propose('INTERVIEW', '约谈企业负责人', 'NO_PROBLEM'))).toEqual(['CONFLICT']);
    const id = proposed.data.proposeOwnHandlingOutcome.id;

    // Waiting for the leader: the team cannot name it yet.
    const input = { outcome: 'NO_PROBLEM', ownOutcome: 'INTERVIEW', basis: '约谈企业负责人，已当场说明' };
    const early = await t.gql(PROPOSE_HANDLING, { id: record!.id, input }, member);
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(early.errors)).toMatch(/尚未经分管领导审定/);

    // The office cannot approve it; a leader returns only with a comment, and approves it.
    expect(codes(await t.gql(REVIEW, { id, approve: true }, await as('wugang.admin')))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVIEW, { id, approve: false }, await as('wugang.leader')))).toEqual(['BAD_USER_INPUT']);
    const approved = await t.gql(REVIEW, { id, approve: true }, await as('wugang.leader'));
    expect(approved.data.reviewOwnHandlingOutcome.status).toBe('ACTIVE');
    expect(codes(await t.gql(REVIEW, { id, approve: true }, await as('wugang.leader')))).toEqual(['RULE_VIOLATION']);
    const [audit] = await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE object_id = $1 AND action LIKE 'handling-outcome.%'`, [id]);
    expect(audit.n).toBe(2);

    // Now the team names it, as the standard outcome it behaves as (and not as another).
    const used = await t.gql(PROPOSE_HANDLING, { id: record!.id, input }, member);
    expect(used.errors).toBeUndefined();
    expect(used.data.proposeHandling.handling).toMatchObject({ outcome: 'NO_PROBLEM', label: '约谈', decided: false });
    const mismatched = await t.gql(PROPOSE_HANDLING, { id: record!.id, input: { ...input, outcome: 'RECTIFY', deadlineWorkdays: 5 } }, member);
    expect(codes(mismatched)).toEqual(['BAD_USER_INPUT']);
    const [stored] = await t.sql(`SELECT handling FROM inspections WHERE id = $1`, [record!.uuid]);
    expect(stored.handling).toMatchObject({ outcome: 'NO_PROBLEM', ownOutcome: 'INTERVIEW', ownOutcomeLabel: '约谈' });
  });

  it('decided by the leader, acts as the standard outcome it behaves as and is published with its own label', async () => {
    const proposed = await propose('ORDER_CORRECTION', '责令限期改正', 'RECTIFY');
    expect((await t.gql(REVIEW, { id: proposed.data.proposeOwnHandlingOutcome.id, approve: true }, await as('wugang.leader'))).errors).toBeUndefined();
    const [record] = await records('SUBMITTED');
    expect((await t.gql(MOVE, { id: record!.id, action: 'PASS_REVIEW' }, await as(record!.head))).errors).toBeUndefined();
    const decision = { outcome: 'RECTIFY', ownOutcome: 'ORDER_CORRECTION', basis: '依据《土地管理法》责令限期改正', deadlineWorkdays: 10 };
    const approved = await t.gql(MOVE, { id: record!.id, action: 'APPROVE', handling: decision }, await as('wugang.leader'));
    expect(approved.errors).toBeUndefined();
    expect(approved.data.transitionInspection.handling).toMatchObject({
      outcome: 'RECTIFY',
      ownOutcome: 'ORDER_CORRECTION',
      label: '责令限期改正',
      decided: true,
    });
    // Behaves as 责令整改: the rectification is open.
    expect(await t.sql(`SELECT status, due_working_days FROM rectifications WHERE inspection_id = $1`, [record!.uuid])).toEqual([
      { status: 'OPEN', due_working_days: 10 },
    ]);
    expect((await t.gql(MOVE, { id: record!.id, action: 'PUBLISH' }, await as('wugang.admin'))).errors).toBeUndefined();
    const edges = (await t.gql(PUBLIC, { search: record!.uscc })).data.publicResults.edges as { node: { id: string; handling: unknown } }[];
    expect(edges.find((e) => e.node.id === record!.id)!.node.handling).toEqual({
      outcome: 'RECTIFY',
      ownOutcome: 'ORDER_CORRECTION',
      label: '责令限期改正',
      basis: decision.basis,
    });
    // The year's report counts it apart, under its own label.
    const [{ year }] = await t.sql(`SELECT extract(year FROM inspected_on)::int AS year FROM inspections WHERE id = $1`, [record!.uuid]);
    const metrics = await t.sql(`SELECT metric, n::int FROM annual_report_handling(ARRAY[$1]::uuid[], $2, now()::date, '{}')`, [wugang, year]);
    expect(metrics).toContainEqual({ metric: 'outcome:own:ORDER_CORRECTION:责令限期改正', n: 1 });
  });

  it('refuses, at the leader’s approval, an own outcome that is no longer approved, and changes nothing', async () => {
    const [record] = await records('SUBMITTED');
    expect((await t.gql(MOVE, { id: record!.id, action: 'PASS_REVIEW' }, await as(record!.head))).errors).toBeUndefined();
    await t.sql(`UPDATE inspections SET handling = handling || '{"ownOutcome": "GONE", "ownOutcomeLabel": "已撤销的结果"}' WHERE id = $1`, [record!.uuid]);
    const refused = await t.gql(MOVE, { id: record!.id, action: 'APPROVE' }, await as('wugang.leader'));
    expect(codes(refused)).toEqual(['RULE_VIOLATION']);
    expect(refused.errors![0]!.extensions!.rule).toBe('handling.ownOutcome');
    expect((await t.sql(`SELECT status FROM inspections WHERE id = $1`, [record!.uuid]))[0].status).toBe('REVIEWED');
  });

  it('is retired like it was added: proposed by the office, in use until a leader approves; a decision naming it is then refused', async () => {
    const RETIRE = `mutation($id: ID!, $r: String!) { proposeOwnHandlingOutcomeRetirement(id: $id, reason: $r) { id status retireReason proposedByMe } }`;
    const [own] = ((await t.gql(LIST, {}, await as('wugang.admin'))).data.ownHandlingOutcomes as { id: string; code: string }[]).filter(
      (o) => o.code === 'INTERVIEW',
    );
    const [record] = await records('SUBMITTED');
    const decision = { outcome: 'NO_PROBLEM', ownOutcome: 'INTERVIEW', basis: '约谈企业负责人' };
    expect((await t.gql(MOVE, { id: record!.id, action: 'PASS_REVIEW', handling: decision }, await as(record!.head))).errors).toBeUndefined();

    expect(codes(await t.gql(RETIRE, { id: own!.id, r: '不再使用' }, await as('wugang.leader')))).toEqual(['FORBIDDEN']);
    const retiring = await t.gql(RETIRE, { id: own!.id, r: '细则修订后不再使用约谈' }, await as('wugang.admin'));
    expect(retiring.data.proposeOwnHandlingOutcomeRetirement).toMatchObject({ status: 'RETIRING', proposedByMe: true });
    // Still in use while the leader has not decided; the office cannot approve its own proposal.
    const [returned] = await records('RETURNED');
    expect((await t.gql(PROPOSE_HANDLING, { id: returned!.id, input: decision }, await as(returned!.team[0]!))).errors).toBeUndefined();
    expect(codes(await t.gql(REVIEW, { id: own!.id, approve: true }, await as('wugang.admin')))).toEqual(['FORBIDDEN']);
    expect((await t.gql(REVIEW, { id: own!.id, approve: true }, await as('wugang.leader'))).data.reviewOwnHandlingOutcome.status).toBe('RETIRED');

    // Retired: a new proposal cannot name it, and the approval of a record that still does is refused.
    expect(codes(await t.gql(PROPOSE_HANDLING, { id: returned!.id, input: decision }, await as(returned!.team[0]!)))).toEqual(['BAD_USER_INPUT']);
    const refused = await t.gql(MOVE, { id: record!.id, action: 'APPROVE' }, await as('wugang.leader'));
    expect(refused.errors![0]!.extensions!.rule).toBe('handling.ownOutcome');
    expect((await t.sql(`SELECT status FROM inspections WHERE id = $1`, [record!.uuid]))[0].status).toBe('REVIEWED');
    const changed = await t.gql(
      MOVE,
      { id: record!.id, action: 'APPROVE', handling: { outcome: 'NO_PROBLEM', basis: '未发现违法违规问题' } },
      await as('wugang.leader'),
    );
    expect(changed.data.transitionInspection).toMatchObject({ status: 'APPROVED', handling: { outcome: 'NO_PROBLEM', ownOutcome: null, label: '未发现问题' } });
  });

  it('stays its bureau’s own: another bureau neither sees, reviews nor names it', async () => {
    const [own] = (await t.gql(LIST, {}, await as('wugang.admin'))).data.ownHandlingOutcomes;
    expect(own).toBeDefined();
    for (const username of ['pingdingshan.admin', 'pingdingshan.leader']) {
      expect((await t.gql(LIST, {}, await as(username))).data.ownHandlingOutcomes).toEqual([]);
      expect(codes(await t.gql(REVIEW, { id: own.id, approve: true }, await as(username)))).toEqual(
        expect.arrayContaining([expect.stringMatching(/NOT_FOUND|FORBIDDEN/)]),
      );
    }
    // 舞钢's record cannot name an outcome 平顶山 approved for itself.
    const [{ id: pingdingshan }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410400'`);
    const [{ id: leader }] = await t.sql(`SELECT id FROM users WHERE username = 'pingdingshan.leader'`);
    await t.sql(
      `INSERT INTO own_handling_outcomes (tenant_id, code, label, behaves_as, reason, status, proposed_by) VALUES ($1, 'PDS_ONLY', '平顶山专用', 'NO_PROBLEM', '测试', 'ACTIVE', $2)`,
      [pingdingshan, leader],
    );
    const [record] = await records('RETURNED');
    const refused = await t.gql(
      PROPOSE_HANDLING,
      { id: record!.id, input: { outcome: 'NO_PROBLEM', ownOutcome: 'PDS_ONLY', basis: '约谈' } },
      await as(record!.team[0]!),
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql(LIST, {}, await as('wugang.admin'))).data.ownHandlingOutcomes.map((o: { code: string }) => o.code)).not.toContain('PDS_ONLY');

    // The database's wall: under one bureau's setting the app role sees and writes only that bureau's outcomes.
    const app = await appRoleClient(t.adminUrl);
    try {
      const codesOf = async (tenant: string | null) =>
        (await app.asTenant<{ code: string }>(tenant, `SELECT code FROM own_handling_outcomes ORDER BY code`)).map((r) => r.code);
      expect(await codesOf(pingdingshan)).toEqual(['PDS_ONLY']);
      expect(await codesOf(wugang)).toEqual(expect.arrayContaining(['INTERVIEW', 'ORDER_CORRECTION']));
      expect(await codesOf(wugang)).not.toContain('PDS_ONLY');
      expect(await codesOf(null)).toEqual([]);
      await expect(
        app.asTenant(
          wugang,
          `INSERT INTO own_handling_outcomes (tenant_id, code, label, behaves_as, reason, proposed_by) VALUES ($1, 'X_IN', '越界', 'NO_PROBLEM', 'x', $2)`,
          [pingdingshan, leader],
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(app.asTenant(wugang, `UPDATE own_handling_outcomes SET label = '改名' WHERE code = 'INTERVIEW'`)).rejects.toThrow(/permission denied/);
      expect(await app.asTenant(wugang, `UPDATE own_handling_outcomes SET status = 'RETURNED' WHERE code = 'PDS_ONLY' RETURNING id`)).toEqual([]);
    } finally {
      await app.end();
    }
  });
});
