import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';

const MOVE =
  'mutation($id: ID!, $action: InspectionAction!, $comment: String) { transitionInspection(id: $id, action: $action, comment: $comment) { status } }';
const ACTIONS = 'query($id: ID!) { node(id: $id) { ... on Inspection { availableActions } } }';
const AWAITING = '{ inspections(first: 100, awaitingMe: true) { edges { node { id } } } }';

/** Roles given straight in the database: the point is that no combination of roles lets one person take two duties. */
describe('one person takes at most one duty of one record, whatever roles they hold', () => {
  let t: TestApp;
  let records: { id: string; department_id: string; team_ids: string[] }[];
  const setRoles = (username: string, roles: string[], departmentId: string | null = null) =>
    t.sql(`UPDATE users SET roles = $2, department_id = COALESCE($3, department_id) WHERE username = $1`, [username, roles, departmentId]);
  const actions = async (id: string, token: string) => (await t.gql(ACTIONS, { id }, token)).data.node.availableActions;
  const awaiting = async (token: string) => (await t.gql(AWAITING, {}, token)).data.inspections.edges.map((e: any) => e.node.id);

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    // The demo's records of 舞钢 waiting for their department's review.
    records = await t.sql(
      `SELECT i.id, it.department_id, i.team_ids FROM inspections i JOIN tenants n ON n.id = i.tenant_id JOIN inspection_items it ON it.id = i.item_ids[1]
        WHERE n.region_code = '410481' AND i.status = 'SUBMITTED' AND it.department_id IS NOT NULL ORDER BY i.seq`,
    );
    expect(records.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(() => t.close());

  it('refuses the reviewer approving and the approver publishing the same record', async () => {
    const record = records[0]!;
    const id = toGlobalId('Inspection', record.id);
    await setRoles('wugang.leader', ['LEADER', 'DEPARTMENT_HEAD'], record.department_id);
    await setRoles('wugang.head04', ['LEADER']);
    const leaderHead = await t.login('wugang.leader');
    expect((await t.gql(MOVE, { id, action: 'PASS_REVIEW' }, leaderHead)).data.transitionInspection.status).toBe('REVIEWED');

    expect(await actions(id, leaderHead)).toEqual([]);
    expect(await awaiting(leaderHead)).not.toContain(id);
    const approve = await t.gql(MOVE, { id, action: 'APPROVE' }, leaderHead);
    expect(codes(approve)).toEqual(['RULE_VIOLATION']);
    expect(approve.errors![0]!.extensions!.rule).toBe('duties.onePerRecord');
    expect(codes(await t.gql(MOVE, { id, action: 'REJECT', comment: '退回' }, leaderHead))).toEqual(['RULE_VIOLATION']);

    const otherLeader = await t.login('wugang.head04');
    expect(await actions(id, otherLeader)).toEqual(['REJECT', 'APPROVE']);
    expect((await t.gql(MOVE, { id, action: 'APPROVE' }, otherLeader)).data.transitionInspection.status).toBe('APPROVED');

    // The approver who also holds OFFICE does not publish what it approved; the reviewer does not either.
    await setRoles('wugang.head04', ['LEADER', 'OFFICE']);
    await setRoles('wugang.leader', ['LEADER', 'DEPARTMENT_HEAD', 'OFFICE']);
    for (const username of ['wugang.head04', 'wugang.leader']) {
      const token = await t.login(username);
      expect(await actions(id, token)).toEqual([]);
      const published = await t.gql(MOVE, { id, action: 'PUBLISH' }, token);
      expect({ username, codes: codes(published), rule: published.errors?.[0]?.extensions?.rule }).toEqual({
        username,
        codes: ['RULE_VIOLATION'],
        rule: 'duties.onePerRecord',
      });
    }
    const [row] = await t.sql(`SELECT status FROM inspections WHERE id = $1`, [record.id]);
    expect(row.status).toBe('APPROVED');
    const office = await t.login('wugang.admin');
    expect((await t.gql(MOVE, { id, action: 'PUBLISH' }, office)).data.transitionInspection.status).toBe('PUBLISHED');
    const steps = await t.sql(`SELECT action, user_id FROM inspection_steps WHERE inspection_id = $1 AND action <> 'SUBMIT' ORDER BY at`, [record.id]);
    expect(new Set(steps.map((s) => s.user_id)).size).toBe(steps.length);
  });

  it('refuses a member of the record’s team reviewing it as a department head', async () => {
    const record = records[1]!;
    const id = toGlobalId('Inspection', record.id);
    const [member] = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username LIMIT 1`, [
      record.team_ids,
    ]);
    await setRoles(member.username, ['INSPECTOR', 'DEPARTMENT_HEAD'], record.department_id);
    const token = await t.login(member.username);
    expect(await actions(id, token)).toEqual([]);
    expect(await awaiting(token)).not.toContain(id);
    const review = await t.gql(MOVE, { id, action: 'PASS_REVIEW' }, token);
    expect(codes(review)).toEqual(['RULE_VIOLATION']);
    expect(review.errors![0]!.extensions!.rule).toBe('duties.onePerRecord');
    const [row] = await t.sql(`SELECT status FROM inspections WHERE id = $1`, [record.id]);
    expect(row.status).toBe('SUBMITTED');
  });
});
