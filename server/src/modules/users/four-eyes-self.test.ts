import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';

const UPDATE = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id roles } }';
const MOVE = 'mutation($id: ID!, $action: InspectionAction!) { transitionInspection(id: $id, action: $action) { status } }';

describe('nobody changes their own roles (four eyes)', () => {
  let t: TestApp;
  let office: string;
  let officeId: string;
  let record: { id: string; department_id: string };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    office = await t.login('wugang.admin');
    const [me] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.admin'`);
    officeId = toGlobalId('User', me.id);
    // One of the demo's records waiting for the department's review, and its item's department.
    [record] = await t.sql(
      `SELECT i.id, it.department_id FROM inspections i JOIN tenants n ON n.id = i.tenant_id JOIN inspection_items it ON it.id = i.item_ids[1]
        WHERE n.region_code = '410481' AND i.status = 'SUBMITTED' AND it.department_id IS NOT NULL ORDER BY i.seq LIMIT 1`,
    );
  });
  afterAll(() => t.close());

  it('refuses the office granting itself DEPARTMENT_HEAD and LEADER, so it cannot alone review, approve and publish a record', async () => {
    const departmentId = toGlobalId('Department', record.department_id);
    const granted = await t.gql(UPDATE, { id: officeId, input: { roles: ['OFFICE', 'DEPARTMENT_HEAD', 'LEADER'], departmentId } }, office);
    expect(codes(granted)).toEqual(['RULE_VIOLATION']);
    expect(granted.errors![0]!.extensions!.rule).toBe('roles.self');

    // A fresh token carries only what the account holds.
    const refreshed = await t.login('wugang.admin');
    expect((await t.gql('{ me { roles } }', {}, refreshed)).data.me.roles).toEqual(['OFFICE']);
    const id = toGlobalId('Inspection', record.id);
    expect(codes(await t.gql(MOVE, { id, action: 'PASS_REVIEW' }, refreshed))).toEqual(['FORBIDDEN']);
    for (const action of ['APPROVE', 'PUBLISH']) {
      expect({ action, refused: (await t.gql(MOVE, { id, action }, refreshed)).errors !== undefined }).toEqual({ action, refused: true });
    }
    const [row] = await t.sql(`SELECT status FROM inspections WHERE id = $1`, [record.id]);
    expect(row.status).toBe('SUBMITTED');
  });

  it('refuses the office making itself the supervisor that watches it, and any other change to its own roles', async () => {
    for (const roles of [['OFFICE', 'SUPERVISOR'], ['SUPERVISOR'], ['OFFICE', 'INSPECTOR']]) {
      const result = await t.gql(UPDATE, { id: officeId, input: { roles } }, office);
      expect({ roles, codes: codes(result), rule: result.errors?.[0]?.extensions?.rule }).toEqual({ roles, codes: ['RULE_VIOLATION'], rule: 'roles.self' });
    }
    const [row] = await t.sql(`SELECT roles FROM users WHERE username = 'wugang.admin'`);
    expect(row.roles).toEqual(['OFFICE']);
    const events = await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.update' AND object_id = $1`, [officeId]);
    expect(events[0].n).toBe(0);
  });

  it('still lets the office rename itself (only roles are someone else’s to change)', async () => {
    const renamed = await t.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "舞钢局办公室" }) { displayName roles } }',
      { id: officeId },
      office,
    );
    expect(renamed.data.updateUser).toEqual({ displayName: '舞钢局办公室', roles: ['OFFICE'] });
  });
});
