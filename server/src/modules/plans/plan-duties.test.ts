import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const CREATE = `mutation($input: PlanInput!) { createPlan(input: $input) { id actions } }`;
const TRANSITION = `mutation($id: ID!, $a: PlanAction!, $c: String) { transitionPlan(id: $id, action: $a, comment: $c) { status actions } }`;
const ACTIONS = `query($id: ID!) { node(id: $id) { ... on AnnualPlan { actions } } }`;

/** Roles given straight in the database: the point is that no combination of roles lets one person take both sides of a plan. */
describe('a plan is prepared and published by one side, approved by another', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses the preparer approving and the approver publishing, whatever roles they hold', async () => {
    await t.sql(`UPDATE users SET roles = ARRAY['OFFICE', 'LEADER'] WHERE username IN ('changde.supervisor', 'changde.leader')`);
    const both = await t.login('changde.supervisor');
    const leader = await t.login('changde.leader');
    const items = (await t.gql('{ items { edges { node { id minRatio } } } }', {}, both)).data.items.edges.map((e: any) => e.node);
    const input = {
      year: 2028,
      title: '2028年度抽查计划',
      scope: '全市',
      rounds: 1,
      schedule: [{ round: 1, from: '2028-04-01', to: '2028-05-31' }],
      items: items.map((i: any) => ({ itemId: i.id, ratio: i.minRatio, rounds: 1 })),
    };
    const created = await t.gql(CREATE, { input }, both);
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createPlan;
    expect((await t.gql(TRANSITION, { id, a: 'SUBMIT' }, both)).data.transitionPlan.status).toBe('SUBMITTED');
    expect((await t.gql(ACTIONS, { id }, both)).data.node.actions).toEqual([]);
    const selfApproved = await t.gql(TRANSITION, { id, a: 'APPROVE', c: '同意' }, both);
    expect([codes(selfApproved), selfApproved.errors?.[0]?.extensions?.rule]).toEqual([['RULE_VIOLATION'], 'duties.onePerRecord']);
    expect(codes(await t.gql(TRANSITION, { id, a: 'RETURN', c: '退回' }, both))).toEqual(['RULE_VIOLATION']);

    expect((await t.gql(ACTIONS, { id }, leader)).data.node.actions).toEqual(['RETURN', 'APPROVE']);
    expect((await t.gql(TRANSITION, { id, a: 'APPROVE', c: '同意' }, leader)).data.transitionPlan.status).toBe('APPROVED');
    // The approver, though holding OFFICE too, does not publish what it approved; the preparer does.
    expect((await t.gql(ACTIONS, { id }, leader)).data.node.actions).toEqual([]);
    expect(codes(await t.gql(TRANSITION, { id, a: 'PUBLISH' }, leader))).toEqual(['RULE_VIOLATION']);
    expect((await t.gql(TRANSITION, { id, a: 'PUBLISH' }, both)).data.transitionPlan.status).toBe('PUBLISHED');
  });
});
