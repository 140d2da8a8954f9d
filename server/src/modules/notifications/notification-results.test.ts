import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, type GqlResult, type TestApp } from '../../test-support/test-app';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { approveRules } from '../../test-support/draw-ceremony';

const OPEN = `mutation($i: ID!, $d: Int!, $b: String!) { openRectification(inspectionId: $i, dueWorkingDays: $d, basis: $b) { id } }`;
const REPORT = `mutation($c: String!, $b: String!) { reportEntityRectification(accessCode: $c, body: $b) { status } }`;
const RECHECK = `mutation($id: ID!, $p: Boolean!, $r: String!) { recordRectificationRecheck(id: $id, passed: $p, result: $r) { status } }`;
const PROPOSE = `mutation($id: ID!, $o: RectificationStatus!, $n: String!) { proposeRectificationClosing(id: $id, outcome: $o, note: $n) { status } }`;
const DECIDE = `mutation($id: ID!, $a: Boolean!) { decideRectificationClosing(id: $id, approve: $a) { status } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id pendingRoleGrant { id } } }`;

/** The steps after a result: a re-check team drawn, the entity's rectification report, a role grant waiting for a leader. */
describe('notifications for the steps after the result', () => {
  let t: TestApp;
  let wugang: string;
  const tokens = new Map<string, string>();
  const as = async (username: string) => tokens.get(username) ?? tokens.set(username, await t.login(username)).get(username)!;
  const ok = (r: GqlResult) => {
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const toldOf = async (kind: string, link: string) =>
    (
      await t.sql(`SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = $1 AND n.link = $2 ORDER BY u.username`, [kind, link])
    ).map((r) => r.username as string);
  const usernames = async (inspectorIds: string[]) =>
    (await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username`, [inspectorIds])).map(
      (r) => r.username as string,
    );

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
  });
  afterAll(() => t.close());

  it('tells a randomly drawn re-check team of its rectification and of the entity’s report, the leaders of the closing proposal, the head of the decision', async () => {
    const current = ok(await t.gql(`query { ruleSet { rules } }`, {}, await as('wugang.admin'))).ruleSet.rules;
    await approveRules(t, await as('wugang.admin'), { ...current, rectification: { recheckTeam: 'RANDOM' } }, '整改复查随机抽取复查组');
    const [record] = await t.sql(
      `SELECT i.id, i.access_code FROM inspections i WHERE i.tenant_id = $1 AND i.status = 'PUBLISHED' AND i.corrected_by_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM rectifications r WHERE r.tenant_id = i.tenant_id AND r.inspection_id = i.id) ORDER BY i.seq LIMIT 1`,
      [wugang],
    );
    const opened = ok(await t.gql(OPEN, { i: toGlobalId('Inspection', record.id), d: 10, b: '限期整改' }, await as('wugang.admin'))).openRectification;
    const [{ recheck_team_ids: team }] = await t.sql(`SELECT recheck_team_ids FROM rectifications WHERE inspection_id = $1`, [record.id]);
    const link = `/inspections/${toGlobalId('Inspection', record.id)}`;
    const recheckers = (await usernames(team)).filter((u) => u !== 'wugang.admin');
    expect(recheckers.length).toBeGreaterThan(0);
    expect(await toldOf('RECHECK_ASSIGNED', link)).toEqual(recheckers);
    const inbox = ok(await t.gql(`{ myNotifications { edges { node { kind link } } } }`, {}, await as(recheckers[0]!))).myNotifications.edges.map(
      (e: any) => e.node,
    );
    expect(inbox).toContainEqual({ kind: 'RECHECK_ASSIGNED', link });

    ok(await t.gql(REPORT, { c: record.access_code, b: '已按要求完成整改，补报了复垦方案。' }));
    expect(await toldOf('RECTIFICATION_REPORTED', link)).toEqual(recheckers);

    // The re-check, then the head's closing proposal waits for the leaders; the decision goes back to the head.
    ok(await t.gql(RECHECK, { id: opened.id, p: true, r: '现场复查，整改到位' }, await as(recheckers[0]!)));
    // The heads who may propose the closing (those of the record's items' departments) hear of the re-check.
    const heads = (
      await t.sql(
        `SELECT DISTINCT u.username FROM inspections i JOIN inspection_items it ON it.tenant_id = i.tenant_id AND it.id = ANY(i.item_ids)
           JOIN users u ON u.tenant_id = i.tenant_id AND 'DEPARTMENT_HEAD' = ANY(u.roles) AND u.status = 'ACTIVE'
                       AND (it.department_id IS NULL OR it.department_id = u.department_id)
          WHERE i.id = $1 ORDER BY u.username`,
        [record.id],
      )
    ).map((r) => r.username as string);
    expect(heads.length).toBeGreaterThan(0);
    expect(await toldOf('RECHECK_RECORDED', link)).toEqual(heads.filter((u) => u !== recheckers[0]));
    const [head] = await t.sql(`SELECT username FROM users WHERE username = $1`, [heads[0]]);
    ok(await t.gql(PROPOSE, { id: opened.id, o: 'DONE', n: '整改到位' }, await as(head.username)));
    const leaders = (
      await t.sql(`SELECT username FROM users WHERE tenant_id = $1 AND 'LEADER' = ANY(roles) AND status = 'ACTIVE' ORDER BY username`, [wugang])
    ).map((r) => r.username as string);
    expect(await toldOf('RECTIFICATION_CLOSE_PROPOSED', link)).toEqual(leaders.filter((u) => u !== head.username));
    ok(await t.gql(DECIDE, { id: opened.id, a: true }, await as(leaders[0]!)));
    expect(await toldOf('RECTIFICATION_CLOSE_DECIDED', link)).toEqual([head.username]);
  });

  it('tells the bureau’s leaders of a role grant waiting for their approval, not the proposer nor the grantee', async () => {
    const [user] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.inspector05'`);
    ok(await t.gql(UPDATE, { id: toGlobalId('User', user.id), input: { roles: ['INSPECTOR', 'LEADER'] } }, await as('wugang.admin')));
    const leaders = (
      await t.sql(`SELECT username FROM users WHERE tenant_id = $1 AND 'LEADER' = ANY(roles) AND status = 'ACTIVE' ORDER BY username`, [wugang])
    ).map((r) => r.username as string);
    expect(leaders.length).toBeGreaterThan(0);
    expect(await toldOf('ROLE_GRANT_PENDING', '/role-grants')).toEqual(leaders.filter((u) => u !== 'wugang.admin' && u !== 'wugang.inspector05'));
  });
});
