import { HANDLING_LABELS, fromGlobalUuid, toGlobalId, type HandlingOutcome } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { PROPOSE_HANDLING } from '../../test-support/handling-fixture';

const HANDLING = `handling { outcome label basis deadlineWorkdays targetExternalName creditList creditValidUntil decided }
  handlingChanges { action userName before { outcome } after { outcome deadlineWorkdays } }`;
const MOVE = `mutation($id: ID!, $action: InspectionAction!, $comment: String, $handling: HandlingInput) {
  transitionInspection(id: $id, action: $action, comment: $comment, handling: $handling) { status ${HANDLING} } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Inspection { status ${HANDLING} } } }`;

interface DemoRecord {
  id: string;
  uuid: string;
  team: string[];
  head: string;
}

describe('handling on the record (处理建议 → 处理决定)', () => {
  let t: TestApp;
  let leader: string;
  const tokens = new Map<string, string>();
  const as = async (username: string) => tokens.get(username) ?? tokens.set(username, await t.login(username)).get(username)!;

  /** 舞钢's demo records of a status and result, with their team and the head who reviews them. */
  async function demoRecords(status: string, result: string): Promise<DemoRecord[]> {
    const rows = await t.sql(
      `SELECT i.id, i.team_ids, u.username AS head FROM inspections i JOIN tenants n ON n.id = i.tenant_id JOIN inspection_items it ON it.id = i.item_ids[1]
         JOIN departments d ON d.id = it.department_id JOIN users u ON u.id = d.head_user_id
        WHERE n.region_code = '410481' AND i.status = $1 AND i.result_category = $2 ORDER BY i.seq`,
      [status, result],
    );
    return Promise.all(
      rows.map(async (r) => ({
        id: toGlobalId('Inspection', r.id),
        uuid: r.id,
        head: r.head,
        team: (await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username`, [r.team_ids])).map(
          (x) => x.username,
        ),
      })),
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    leader = await as('wugang.leader');
  });
  afterAll(() => t.close());

  it('the demo records carry the team’s proposal', async () => {
    const [record] = await demoRecords('PUBLISHED', 'OTHER_VIOLATION');
    const read = (await t.gql(READ, { id: record!.id }, await as('wugang.admin'))).data.node;
    expect(read.handling).toMatchObject({ outcome: 'RECTIFY', label: '责令整改', deadlineWorkdays: 15, decided: true });
  });

  it('refuses an incomplete proposal with a Chinese message and writes nothing; a submission needs one', async () => {
    const [record] = await demoRecords('RETURNED', 'NO_PROBLEM').then((r) => (r.length ? r : demoRecords('RETURNED', 'NO_RELEVANT_ACTIVITY')));
    const member = await as(record!.team[0]!);
    const [before] = await t.sql(`SELECT handling FROM inspections WHERE id = $1`, [record!.uuid]);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ outcome: 'RECTIFY', basis: '责令改正' }, 'deadlineWorkdays', /整改期限/],
      [{ outcome: 'RECTIFY', basis: '责令改正', deadlineWorkdays: 0 }, 'deadlineWorkdays', /整改期限/],
      [{ outcome: 'CASE', basis: '涉嫌违法' }, 'target', /接收部门/],
      [{ outcome: 'CREDIT', basis: '严重失信', creditValidUntil: '2026-12-31' }, 'creditList', /名单/],
      [{ outcome: 'NO_PROBLEM', basis: '  ' }, 'basis', /处理依据/],
    ];
    for (const [input, field, message] of cases) {
      const refused = await t.gql(PROPOSE_HANDLING, { id: record!.id, input }, member);
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      const problems = refused.errors![0]!.extensions!.fields as { field: string; message: string }[] | undefined;
      expect(JSON.stringify(refused.errors)).toMatch(message);
      if (problems) expect(problems.map((p) => p.field)).toContain(field);
    }
    expect((await t.sql(`SELECT handling FROM inspections WHERE id = $1`, [record!.uuid]))[0]).toEqual(before);

    // Without a proposal, the team cannot submit.
    await t.sql(`UPDATE inspections SET handling = NULL WHERE id = $1`, [record!.uuid]);
    const blocked = await t.gql(MOVE, { id: record!.id, action: 'SUBMIT' }, member);
    expect(codes(blocked)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(blocked.errors)).toMatch(/处理建议/);
    const proposed = await t.gql(PROPOSE_HANDLING, { id: record!.id, input: { outcome: 'RECTIFY', basis: '责令限期改正', deadlineWorkdays: 10 } }, member);
    expect(proposed.data.proposeHandling.handling).toMatchObject({ outcome: 'RECTIFY', deadlineWorkdays: 10, decided: false });
    // Another bureau neither reads nor writes it.
    const other = await as('pingdingshan.admin');
    expect(codes(await t.gql(PROPOSE_HANDLING, { id: record!.id, input: { outcome: 'NO_PROBLEM', basis: '无' } }, other))).toEqual(['NOT_FOUND']);
    expect((await t.gql(READ, { id: record!.id }, other)).data?.node ?? null).toBeNull();
  });

  it('keeps the head’s and the leader’s changes on the trail; the leader’s decision is final', async () => {
    const [record] = await demoRecords('SUBMITTED', 'NO_PROBLEM');
    const head = await as(record!.head);
    // The head keeps the proposal: no change on the trail.
    const reviewed = await t.gql(MOVE, { id: record!.id, action: 'PASS_REVIEW', handling: { outcome: 'NO_PROBLEM', basis: '未发现违法违规问题' } }, head);
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data.transitionInspection.handlingChanges).toEqual([]);
    // A change refused as incomplete changes nothing, not even the status.
    expect(codes(await t.gql(MOVE, { id: record!.id, action: 'APPROVE', handling: { outcome: 'RECTIFY', basis: '限期改正' } }, leader))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const approved = await t.gql(
      MOVE,
      { id: record!.id, action: 'APPROVE', handling: { outcome: 'RECTIFY', basis: '责令限期改正', deadlineWorkdays: 20 } },
      leader,
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data.transitionInspection).toMatchObject({
      status: 'APPROVED',
      handling: { outcome: 'RECTIFY', deadlineWorkdays: 20, decided: true },
      handlingChanges: [
        { action: 'APPROVE', userName: expect.any(String), before: { outcome: 'NO_PROBLEM' }, after: { outcome: 'RECTIFY', deadlineWorkdays: 20 } },
      ],
    });
    const [trail] = await t.sql(`SELECT handling_changes -> 0 ->> 'userId' AS who FROM inspections WHERE id = $1`, [record!.uuid]);
    const [leaderRow] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.leader'`);
    expect(trail.who).toBe(leaderRow.id);
    const [audit] = await t.sql(
      `SELECT before -> 'handling' ->> 'outcome' AS before, after -> 'handling' ->> 'outcome' AS after FROM audit_events
        WHERE object_id = $1 AND action = 'inspection.approve'`,
      [record!.id],
    );
    expect(audit).toEqual({ before: 'NO_PROBLEM', after: 'RECTIFY' });
    // Decided: the team cannot propose again, and publication does not change it.
    expect(codes(await t.gql(PROPOSE_HANDLING, { id: record!.id, input: { outcome: 'NO_PROBLEM', basis: '无' } }, await as(record!.team[0]!)))).toEqual([
      'RULE_VIOLATION',
    ]);
    expect(codes(await t.gql(MOVE, { id: record!.id, action: 'PUBLISH', handling: { outcome: 'NO_PROBLEM', basis: '无' } }, await as('wugang.admin')))).toEqual(
      ['RULE_VIOLATION'],
    );
  });

  it('sends the referral when the leader decides 移送, and nothing when the leader sends the record back', async () => {
    const [violation] = await demoRecords('SUBMITTED', 'OTHER_VIOLATION');
    const referrals = () => t.sql(`SELECT status, target_bureau_name FROM referrals WHERE inspection_id = $1`, [violation!.uuid]);
    const decision = { outcome: 'CASE', basis: '涉嫌未批先建，依法应予立案查处', targetExternalName: '舞钢市综合行政执法局' };
    expect((await t.gql(MOVE, { id: violation!.id, action: 'PASS_REVIEW', handling: decision }, await as(violation!.head))).errors).toBeUndefined();
    const refused = await t.gql(MOVE, { id: violation!.id, action: 'REJECT', comment: '请补充证据' }, leader);
    expect(refused.data.transitionInspection.status).toBe('RETURNED');
    expect(await referrals()).toEqual([]);

    const member = await as(violation!.team[0]!);
    await t.gql(`mutation($id: ID!) { confirmInspection(id: $id) { id } }`, { id: violation!.id }, member);
    for (const username of violation!.team) await t.gql(`mutation($id: ID!) { confirmInspection(id: $id) { id } }`, { id: violation!.id }, await as(username));
    expect((await t.gql(MOVE, { id: violation!.id, action: 'SUBMIT' }, member)).errors).toBeUndefined();
    expect((await t.gql(MOVE, { id: violation!.id, action: 'PASS_REVIEW' }, await as(violation!.head))).errors).toBeUndefined();
    const approved = await t.gql(MOVE, { id: violation!.id, action: 'APPROVE' }, leader);
    expect(approved.errors).toBeUndefined();
    expect(approved.data.transitionInspection.handling).toMatchObject({ outcome: 'CASE', decided: true });
    expect(await referrals()).toEqual([{ status: expect.not.stringMatching(/^PROPOSED$/), target_bureau_name: '舞钢市综合行政执法局' }]);
  });

  it('proposes the credit list entry when the leader decides 纳入信用惩戒', async () => {
    const [record] = await demoRecords('SUBMITTED', 'UNREACHABLE');
    const entries = () => t.sql(`SELECT list, status, legal_basis FROM credit_list_entries WHERE source_inspection_id = $1`, [record!.uuid]);
    expect((await t.gql(MOVE, { id: record!.id, action: 'PASS_REVIEW' }, await as(record!.head))).errors).toBeUndefined();
    expect(await entries()).toEqual([]);
    const decision = { outcome: 'CREDIT', basis: '通过登记住所无法联系，依法列入重点关注名单', creditList: 'WATCH', creditValidUntil: '2027-12-31' };
    const approved = await t.gql(MOVE, { id: record!.id, action: 'APPROVE', handling: decision }, leader);
    expect(approved.errors).toBeUndefined();
    expect(await entries()).toEqual([{ list: 'WATCH', status: 'PENDING', legal_basis: decision.basis }]);
    expect(fromGlobalUuid(record!.id, 'Inspection')).toBe(record!.uuid);
  });

  it('publishes the decision and its basis with the result, to anyone, only once published; the bureau’s own reads stay its own', async () => {
    const PUBLIC = `query($search: String) { publicResults(search: $search, first: 20) { edges { node { id handling { outcome label basis deadlineWorkdays } } } } }`;
    const [record] = await demoRecords('APPROVED', 'NO_PROBLEM');
    const [row] = await t.sql(`SELECT entity_uscc, handling FROM inspections WHERE id = $1`, [record!.uuid]);
    const publicOf = async () =>
      ((await t.gql(PUBLIC, { search: row.entity_uscc })).data.publicResults.edges as { node: { id: string; handling: unknown } }[]).find(
        (e) => e.node.id === record!.id,
      );
    expect(await publicOf()).toBeUndefined();
    expect((await t.gql(MOVE, { id: record!.id, action: 'PUBLISH' }, await as('wugang.admin'))).errors).toBeUndefined();
    const { outcome, basis, deadlineWorkdays } = row.handling;
    expect((await publicOf())!.node.handling).toEqual({ outcome, label: HANDLING_LABELS[outcome as HandlingOutcome], basis, deadlineWorkdays });
    // A published 责令整改 shows its deadline.
    const [rectify] = await demoRecords('PUBLISHED', 'OTHER_VIOLATION');
    const [r2] = await t.sql(`SELECT entity_uscc FROM inspections WHERE id = $1`, [rectify!.uuid]);
    const edges = (await t.gql(PUBLIC, { search: r2.entity_uscc })).data.publicResults.edges as { node: { id: string; handling: unknown } }[];
    expect(edges.find((e) => e.node.id === rectify!.id)!.node.handling).toMatchObject({ outcome: 'RECTIFY', label: '责令整改', deadlineWorkdays: 15 });
    // Another bureau's staff cannot read the record's handling trail.
    const other = await as('changde.admin');
    expect((await t.gql(READ, { id: rectify!.id }, other)).data?.node ?? null).toBeNull();
  });
});
