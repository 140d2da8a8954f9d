import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../test-support/test-app';

/** The first wall, tested through GraphQL: another tenant's objects are NOT_FOUND and never listed. */
describe('tenant isolation through GraphQL', () => {
  let t: TestApp;
  let changdeAdmin: string;
  let wugang: { tenant: string; user: string; department: string; session: string; event: string };

  beforeAll(async () => {
    t = await startTestApp();
    changdeAdmin = await t.login('changde.admin');
    await t.login('wugang.admin'); // gives 舞钢 a session and audit events
    const [row] = await t.sql(`
      SELECT t.id AS tenant, u.id AS "user", d.id AS department,
             (SELECT id FROM sessions s WHERE s.tenant_id = t.id LIMIT 1) AS session,
             (SELECT id FROM audit_events e WHERE e.tenant_id = t.id LIMIT 1) AS event
        FROM tenants t JOIN users u ON u.tenant_id = t.id AND u.username = 'wugang.admin'
        JOIN departments d ON d.tenant_id = t.id AND d.is_office
       WHERE t.region_code = '410481'`);
    wugang = row;
  });
  afterAll(() => t.close());

  const NODE = 'query($id: ID!) { node(id: $id) { id __typename } }';

  it('answers NOT_FOUND for every kind of object of another tenant, asked by global id', async () => {
    const ids = [
      toGlobalId('Tenant', wugang.tenant),
      toGlobalId('User', wugang.user),
      toGlobalId('Department', wugang.department),
      toGlobalId('Session', wugang.session),
      toGlobalId('AuditEvent', wugang.event),
    ];
    for (const id of ids) {
      const result = await t.gql(NODE, { id }, changdeAdmin);
      expect({ id, codes: codes(result), data: result.data?.node ?? null }).toEqual({ id, codes: ['NOT_FOUND'], data: null });
    }
  });

  it('answers NOT_FOUND for malformed and unknown ids alike', async () => {
    for (const id of ['xyz', toGlobalId('User', '00000000-0000-4000-8000-000000000000'), toGlobalId('Nope', wugang.user)]) {
      expect(codes(await t.gql(NODE, { id }, changdeAdmin))).toEqual(['NOT_FOUND']);
    }
  });

  it('resolves the viewer’s own objects by global id', async () => {
    const me = (await t.gql('{ me { id tenant { id } department { id } } }', {}, changdeAdmin)).data.me;
    for (const [id, typename] of [
      [me.id, 'User'],
      [me.tenant.id, 'Tenant'],
      [me.department.id, 'Department'],
    ]) {
      expect((await t.gql(NODE, { id }, changdeAdmin)).data.node).toEqual({ id, __typename: typename });
    }
  });

  it('never lists another tenant’s rows', async () => {
    const result = await t.gql(
      `{ users(first: 100) { totalCount edges { node { username tenant { name } } } }
         departments(first: 100) { edges { node { name } } }
         auditEvents(first: 100) { edges { node { actorUsername } } }
         tenants { edges { node { name } } } }`,
      {},
      changdeAdmin,
    );
    expect(result.errors).toBeUndefined();
    const users = result.data.users.edges.map((e: any) => e.node);
    const [{ own }] = await t.sql(`SELECT count(*)::int AS own FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.region_code = '430700'`);
    expect(result.data.users.totalCount).toBe(own);
    expect(users.every((u: any) => u.username.startsWith('changde.') && u.tenant.name === '常德市自然资源和规划局')).toBe(true);
    expect(result.data.departments.edges.map((e: any) => e.node.name).some((n: string) => n.includes('股'))).toBe(false);
    expect(result.data.auditEvents.edges.every((e: any) => e.node.actorUsername === 'changde.admin')).toBe(true);
    expect(result.data.tenants.edges.map((e: any) => e.node.name)).toEqual(['常德市自然资源和规划局']);
  });

  it('lets a province list the bureaus below it, and none of their people', async () => {
    const henan = await t.login('henan.viewer');
    const tenants = await t.gql('{ tenants { totalCount edges { node { name regionCode status parent { regionCode } } } } }', {}, henan);
    expect(tenants.data.tenants.edges.map((e: any) => e.node.regionCode)).toEqual(['410000', '410400', '410481']);
    expect(tenants.data.tenants.edges[2].node.parent).toEqual({ regionCode: '410400' });
    const users = await t.gql('{ users { edges { node { username } } } }', {}, henan);
    expect(users.data.users.edges.map((e: any) => e.node.username)).toEqual(['henan.viewer']);
    expect(codes(await t.gql(NODE, { id: toGlobalId('User', wugang.user) }, henan))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('{ auditEvents { totalCount } }', {}, henan))).toEqual(['FORBIDDEN']);
  });

  it('lets the platform operator list every tenant', async () => {
    const platform = await t.login('platform.admin');
    const tenants = await t.gql('{ tenants { totalCount } }', {}, platform);
    expect(tenants.data.tenants.totalCount).toBe(6);
  });

  it('shows an inspector only itself among the users', async () => {
    const inspector = await t.login('changde.inspector01');
    const users = await t.gql('{ users { totalCount edges { node { username } } } }', {}, inspector);
    expect(users.data.users).toEqual({ totalCount: 1, edges: [{ node: { username: 'changde.inspector01' } }] });
    const [leader] = await t.sql(`SELECT id FROM users WHERE username = 'changde.leader'`);
    expect(codes(await t.gql(NODE, { id: toGlobalId('User', leader.id) }, inspector))).toEqual(['NOT_FOUND']);
  });
});
