import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const CREATE = `mutation($input: InspectorInput!) { createInspector(input: $input) { id name certificateNo drawable status } }`;
const NEW = {
  name: '钱执法',
  gender: 'MALE',
  post: '行政执法岗',
  enforcementCategories: ['自然资源'],
  certificateNo: 'hn4307002026001',
  certificateValidFrom: '2026-01-01',
  certificateValidTo: '2030-12-31',
  establishment: 'ADMINISTRATIVE',
};

describe('inspector directory (执法检查人员名录库) and recusals', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  it('holds the demo inspectors, and only the active ones with a valid certificate are drawable', async () => {
    const all = (
      await t.gql('{ inspectors(first: 100) { totalCount edges { node { name status certificateValidTo drawable(on: "2026-11-23") } } } }', {}, office)
    ).data.inspectors;
    expect(all.totalCount).toBe(12);
    const drawable = (await t.gql('{ inspectors(first: 100, drawableOn: "2026-11-23") { totalCount } }', {}, office)).data.inspectors;
    expect(drawable.totalCount).toBe(9); // one suspended, two certificates expired
    expect(all.edges.filter((e: any) => e.node.drawable)).toHaveLength(9);
    expect(all.edges.filter((e: any) => e.node.status === 'SUSPENDED')).toHaveLength(1);
  });

  it('creates and edits an inspector; certificate numbers are unique per bureau; dates are checked', async () => {
    const created = await t.gql(CREATE, { input: NEW }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createInspector).toMatchObject({ certificateNo: 'HN4307002026001', drawable: true });
    expect(codes(await t.gql(CREATE, { input: NEW }, office))).toEqual(['CONFLICT']);
    const badDates = await t.gql(
      CREATE,
      { input: { ...NEW, certificateNo: 'X1', certificateValidFrom: '2026-02-30', certificateValidTo: '2020-01-01' } },
      office,
    );
    expect(codes(badDates)).toEqual(['BAD_USER_INPUT']);
    expect(badDates.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['certificateValidFrom']);
    const suspended = await t.gql(
      'mutation($id: ID!) { updateInspector(id: $id, input: { status: SUSPENDED }) { status drawable } }',
      { id: created.data.createInspector.id },
      office,
    );
    expect(suspended.data.updateInspector).toEqual({ status: 'SUSPENDED', drawable: false });
  });

  it('records recusals by the office or by the inspector themself, not by a colleague', async () => {
    const entity = (await t.gql('{ entities(first: 1) { edges { node { id name } } } }', {}, office)).data.entities.edges[0].node;
    const inspectors = (await t.gql('{ inspectors(first: 100) { edges { node { id name user { username } } } } }', {}, office)).data.inspectors.edges.map(
      (e: any) => e.node,
    );
    const first = inspectors.find((i: any) => i.user?.username === 'changde.inspector01');
    const declare = 'mutation($input: RecusalInput!) { declareRecusal(input: $input) { id reason validFrom validTo inspector { name } entity { name } } }';
    const byOffice = await t.gql(
      declare,
      { input: { inspectorId: first.id, entityId: entity.id, reason: '近亲属在该企业任职', validFrom: '2026-01-01' } },
      office,
    );
    expect(byOffice.data.declareRecusal).toMatchObject({
      reason: '近亲属在该企业任职',
      validTo: null,
      inspector: { name: first.name },
      entity: { name: entity.name },
    });
    const self = await t.login('changde.inspector01');
    const own = await t.gql(
      declare,
      { input: { inspectorId: first.id, entityId: entity.id, reason: '曾在该企业任职', validFrom: '2026-01-01', validTo: '2027-12-31' } },
      self,
    );
    expect(own.errors).toBeUndefined();
    const colleague = await t.login('changde.inspector02');
    expect(
      codes(await t.gql(declare, { input: { inspectorId: first.id, entityId: entity.id, reason: '代为申报', validFrom: '2026-01-01' } }, colleague)),
    ).toEqual(['FORBIDDEN']);
    const listed = await t.gql('query($i: ID) { recusals(inspectorId: $i) { totalCount } }', { i: first.id }, office);
    expect(listed.data.recusals.totalCount).toBe(2);
    const wugang = await t.login('wugang.admin');
    expect((await t.gql('{ recusals { totalCount } }', {}, wugang)).data.recusals.totalCount).toBe(0);
    expect(codes(await t.gql(declare, { input: { inspectorId: first.id, entityId: entity.id, reason: 'x', validFrom: '2026-01-01' } }, wugang))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: first.id }, wugang))).toEqual(['NOT_FOUND']);
  });

  it('lists recusals as node() shows them: all to the office and the supervisor, to others only what they declared', async () => {
    const all = 'query { recusals(first: 100) { totalCount edges { node { id reason } } } }';
    const byOffice = (await t.gql(all, {}, office)).data.recusals;
    expect(byOffice.totalCount).toBeGreaterThan(0);
    const supervisor = await t.login('changde.supervisor');
    expect((await t.gql(all, {}, supervisor)).data.recusals.totalCount).toBe(byOffice.totalCount);
    for (const username of ['changde.inspector01', 'changde.inspector02', 'changde.head01', 'changde.leader']) {
      const token = await t.login(username);
      const listed = (await t.gql(all, {}, token)).data.recusals.edges.map((e: any) => e.node);
      const declared = (await t.sql(`SELECT r.id FROM recusals r JOIN users u ON u.id = r.created_by WHERE u.username = $1`, [username]))
        .map((r: any) => r.id)
        .sort();
      expect(listed.map((n: any) => fromGlobalUuid(n.id, 'Recusal')).sort()).toEqual(declared);
      // Each listed row is one node() also gives this viewer, and one refused by node() is not listed.
      for (const row of byOffice.edges.map((e: any) => e.node)) {
        const viaNode = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: row.id }, token);
        expect(viaNode.errors === undefined).toBe(listed.some((n: any) => n.id === row.id));
      }
    }
    expect(byOffice.edges.map((e: any) => e.node.reason)).toContain('曾在该企业任职');
  });

  it('shows a department head only to those who may read users (the office, not an inspector)', async () => {
    const heads = '{ departments(first: 50) { edges { node { name head { username roles status lastLoginAt } } } } }';
    const asOffice = (await t.gql(heads, {}, office)).data.departments.edges.map((e: any) => e.node);
    expect(asOffice.filter((d: any) => d.head).length).toBeGreaterThan(0);
    const inspector = await t.login('changde.inspector01');
    const seen = await t.gql(heads, {}, inspector);
    expect(seen.errors).toBeUndefined();
    const usersShown = (await t.gql('{ users(first: 100) { edges { node { username } } } }', {}, inspector)).data.users.edges.map((e: any) => e.node.username);
    for (const d of seen.data.departments.edges.map((e: any) => e.node)) {
      expect(d.head === null || usersShown.includes(d.head.username)).toBe(true);
    }
    expect(seen.data.departments.edges.every((e: any) => e.node.head === null)).toBe(true);
    const head = await t.login('changde.head01');
    expect((await t.gql(heads, {}, head)).data.departments.edges.map((e: any) => e.node.head?.username ?? null)).toEqual(
      asOffice.map((d: any) => d.head?.username ?? null),
    );
  });
});
