import { DEFAULT_RULES } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { approveRules } from '../../test-support/draw-ceremony';

const CREATE = `mutation($input: PlanInput!) { createPlan(input: $input) { id status ruleVersion rounds items { ratio rounds item { name } } actions } }`;
const TRANSITION = `mutation($id: ID!, $a: PlanAction!, $c: String) { transitionPlan(id: $id, action: $a, comment: $c) { status reviewComment actions } }`;

describe('rules and annual plans', () => {
  let t: TestApp;
  let office: string;
  let leader: string;
  let items: { id: string; name: string; minRatio: string; frequencyPerYear: number }[];
  const plan = (overrides: Record<string, unknown> = {}) => ({
    year: 2027,
    title: '2027年度抽查计划',
    scope: '全市',
    rounds: 2,
    schedule: [
      { round: 1, from: '2027-04-01', to: '2027-05-31' },
      { round: 2, from: '2027-09-01', to: '2027-10-31' },
    ],
    items: items.map((i) => ({ itemId: i.id, ratio: i.minRatio, rounds: 1 })),
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
    leader = await t.login('changde.leader');
    items = (await t.gql('{ items { edges { node { id name minRatio frequencyPerYear } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
  });
  afterAll(() => t.close());

  it('has the demo plans: 常德 with two rounds, 舞钢’s 2023 plan over its four items, both published', async () => {
    const changde = (await t.gql('{ plans { edges { node { year rounds status items { ratio rounds } } } } }', {}, office)).data.plans.edges.map(
      (e: any) => e.node,
    );
    expect(changde).toEqual([expect.objectContaining({ year: 2026, rounds: 2, status: 'PUBLISHED' })]);
    const bureaus = (await t.gql('{ publicBureaus { id regionCode } }')).data.publicBureaus;
    const wugang = bureaus.find((b: any) => b.regionCode === '410481').id;
    const published = (await t.gql('query($b: ID!) { publicPlans(bureauId: $b) { year rounds items } }', { b: wugang })).data.publicPlans;
    expect(published).toEqual([
      {
        year: 2023,
        rounds: 1,
        items: [
          { item: '建设工程规划许可证批后监管', ratio: '0.10', rounds: 1 },
          { item: '测绘资质单位检查', ratio: '0.30', rounds: 1 },
          { item: '土地使用情况监督检查', ratio: '0.10', rounds: 1 },
          { item: '矿山地质环境保护与土地复垦情况的监管', ratio: '0.10', rounds: 1 },
        ],
      },
    ]);
  });

  it('refuses a plan that breaks the rules, naming the rule', async () => {
    const tooMany = await t.gql(
      CREATE,
      { input: plan({ rounds: 3, schedule: [...plan().schedule, { round: 3, from: '2027-11-01', to: '2027-11-30' }] }) },
      office,
    );
    expect(codes(tooMany)).toEqual(['RULE_VIOLATION']);
    expect(tooMany.errors![0]!.extensions!.rule).toBe('roundsPerYear');
    const tooHigh = await t.gql(CREATE, { input: plan({ items: [{ itemId: items[0]!.id, ratio: '0.25', rounds: 1 }] }) }, office);
    expect(tooHigh.errors![0]!.extensions!.rule).toBe('ratio');
    expect(tooHigh.errors![0]!.message).toContain('2%–10%');
    const tooLow = await t.gql(CREATE, { input: plan({ items: [{ itemId: items[1]!.id, ratio: '0.05', rounds: 1 }] }) }, office);
    expect(tooLow.errors![0]!.extensions!.rule).toBe('item.minRatio');
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM annual_plans WHERE year = 2027`);
    expect(count).toBe(0);
  });

  it('goes draft → submitted → (returned → submitted) → approved → published, each step by its role', async () => {
    const created = await t.gql(CREATE, { input: plan() }, office);
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createPlan;
    expect(created.data.createPlan).toMatchObject({ status: 'DRAFT', ruleVersion: 1, actions: ['SUBMIT'] });
    expect(codes(await t.gql(TRANSITION, { id, a: 'APPROVE' }, leader))).toEqual(['RULE_VIOLATION']);
    expect((await t.gql(TRANSITION, { id, a: 'SUBMIT' }, office)).data.transitionPlan.status).toBe('SUBMITTED');
    expect(codes(await t.gql(TRANSITION, { id, a: 'APPROVE' }, office))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(TRANSITION, { id, a: 'RETURN' }, leader))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql(TRANSITION, { id, a: 'RETURN', c: '第二轮时间请提前' }, leader)).data.transitionPlan).toMatchObject({
      status: 'RETURNED',
      reviewComment: '第二轮时间请提前',
    });
    const revised = await t.gql(
      'mutation($id: ID!, $input: PlanInput!) { updatePlan(id: $id, input: $input) { status } }',
      { id, input: plan({ schedule: [plan().schedule[0], { round: 2, from: '2027-08-01', to: '2027-09-30' }] }) },
      office,
    );
    expect(revised.data.updatePlan.status).toBe('RETURNED');
    await t.gql(TRANSITION, { id, a: 'SUBMIT' }, office);
    expect((await t.gql(TRANSITION, { id, a: 'APPROVE', c: '同意' }, leader)).data.transitionPlan.status).toBe('APPROVED');
    expect(
      codes(await t.gql('mutation($id: ID!, $input: PlanInput!) { updatePlan(id: $id, input: $input) { status } }', { id, input: plan() }, office)),
    ).toEqual(['RULE_VIOLATION']);
    expect((await t.gql(TRANSITION, { id, a: 'PUBLISH' }, office)).data.transitionPlan.status).toBe('PUBLISHED');
    const actions = (await t.sql(`SELECT action FROM audit_events WHERE action LIKE 'plan.%' ORDER BY seq`)).map((r) => r.action);
    expect(actions).toEqual(['plan.create', 'plan.submit', 'plan.return', 'plan.update', 'plan.submit', 'plan.approve', 'plan.publish']);
  });

  it('versions the rules; a plan records the version it was checked against; bad rules are refused field by field', async () => {
    const bad = await t.gql(
      'mutation($r: JSON!) { proposeRuleSet(rules: $r, reason: "调整") { id } }',
      { r: { ...DEFAULT_RULES, team: { minSize: 1 } } },
      office,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.fields![0]!.field).toBe('rules.team.minSize');
    expect(await approveRules(t, office, { ...DEFAULT_RULES, roundsPerYear: { min: 1, max: 3 } }, '局长办公会修订细则')).toBe(2);
    expect((await t.gql('{ ruleSet { version reason } }', {}, office)).data.ruleSet).toMatchObject({ version: 2, reason: '局长办公会修订细则' });
    const three = await t.gql(
      CREATE,
      {
        input: plan({
          year: 2028,
          rounds: 3,
          schedule: [
            { round: 1, from: '2028-03-01', to: '2028-04-30' },
            { round: 2, from: '2028-06-01', to: '2028-07-31' },
            { round: 3, from: '2028-09-01', to: '2028-10-31' },
          ],
        }),
      },
      office,
    );
    expect(three.data.createPlan.ruleVersion).toBe(2);
    expect(codes(await t.gql('mutation($r: JSON!) { proposeRuleSet(rules: $r, reason: "x") { id } }', { r: DEFAULT_RULES }, leader))).toEqual(['FORBIDDEN']);
    const wugang = await t.login('wugang.admin');
    expect((await t.gql('{ ruleSet { version rules } }', {}, wugang)).data.ruleSet).toMatchObject({ version: 1, rules: { ratio: { min: '0.10', max: '1' } } });
  });

  it('keeps plans inside their bureau', async () => {
    const wugang = await t.login('wugang.admin');
    const theirs = (await t.gql('{ plans { edges { node { id } } } }', {}, wugang)).data.plans.edges[0].node.id;
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: theirs }, office))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(TRANSITION, { id: theirs, a: 'SUBMIT' }, office))).toEqual(['NOT_FOUND']);
    const mine = (await t.gql('{ plans(first: 100) { edges { node { year } } } }', {}, office)).data.plans.edges.map((e: any) => e.node.year);
    expect(mine).not.toContain(2023);
  });
});
