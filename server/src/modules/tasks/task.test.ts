import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const CREATE = `mutation($input: TaskInput!) { createTask(input: $input) { id status teamSize startsOn targetFilter items { ratio item { name } } plan { year } } }`;

describe('tasks and their implementation plans (实施方案)', () => {
  let t: TestApp;
  let office: string;
  let planId: string;
  let items: { id: string; name: string; minRatio: string }[];
  const task = (overrides: Record<string, unknown> = {}) => ({
    planId,
    round: 1,
    title: '2026年第一轮土地使用情况随机抽查',
    purpose: '检查土地使用情况，规范用地行为',
    procedure: '摇号抽取检查对象和执法人员 → 实地核查 → 形成检查记录 → 3个工作日内报告',
    divisionOfLabour: '执法监督科牵头，各组按摇号结果分工',
    confidentiality: '摇号结果公布前对检查对象保密',
    startsOn: '2026-05-06',
    endsOn: '2026-05-29',
    teamSize: 2,
    targetFilter: { statuses: ['存续', 'OPERATING'] },
    items: [{ itemId: items.find((i) => i.name === '土地使用情况监督检查')!.id, ratio: '0.05' }],
    // The demo's 2026 windows lie in the past: the office says why (the task then waits for the leader).
    reason: '第一轮补办',
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
    items = (await t.gql('{ items { edges { node { id name minRatio } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    planId = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
  });
  afterAll(() => t.close());

  it('creates a task inside its plan’s round with a full implementation plan', async () => {
    const created = await t.gql(CREATE, { input: task() }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createTask).toMatchObject({
      status: 'DRAFT',
      teamSize: 2,
      plan: { year: 2026 },
      items: [{ ratio: '0.05', item: { name: '土地使用情况监督检查' } }],
      targetFilter: { statuses: ['EXISTING', 'OPERATING'] },
    });
  });

  it('refuses tasks that break the rules or leave the plan, naming the rule', async () => {
    const rule = async (input: Record<string, unknown>) => (await t.gql(CREATE, { input: task(input) }, office)).errors?.[0]?.extensions?.rule;
    expect(await rule({ teamSize: 1 })).toBe('team.minSize');
    expect(await rule({ startsOn: '2026-07-01', endsOn: '2026-07-10' })).toBe('plan.schedule');
    expect(await rule({ round: 3 })).toBe('plan.round');
    expect(await rule({ items: [{ itemId: items[0]!.id, ratio: '0.01' }] })).toBe('item.minRatio');
    expect(await rule({ planId: null, round: null })).toBe('task.plan');
    expect(await rule({ reason: null })).toBe('task.window');
    const bad = await t.gql(CREATE, { input: task({ purpose: '', startsOn: '2026-05-30', targetFilter: { regionCodes: ['410481'] } }) }, office);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets department heads plan, not inspectors; cancels with a reason', async () => {
    const inspector = await t.login('changde.inspector05');
    expect(codes(await t.gql(CREATE, { input: task() }, inspector))).toEqual(['FORBIDDEN']);
    const mining = items.find((i) => i.name === '矿业权人勘查开采信息公示抽查')!;
    const created = (await t.gql(CREATE, { input: task({ title: '待取消的任务', items: [{ itemId: mining.id, ratio: '0.05' }] }) }, office)).data.createTask;
    expect(codes(await t.gql('mutation($id: ID!) { cancelTask(id: $id, reason: "") { status } }', { id: created.id }, office))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql('mutation($id: ID!) { cancelTask(id: $id, reason: "计划调整") { status } }', { id: created.id }, office)).data.cancelTask.status).toBe(
      'CANCELLED',
    );
  });

  it('keeps tasks inside their bureau', async () => {
    const wugang = await t.login('wugang.admin');
    expect((await t.gql('{ tasks { totalCount } }', {}, wugang)).data.tasks.totalCount).toBe(0);
    const mine = (await t.gql('{ tasks { edges { node { id } } } }', {}, office)).data.tasks.edges[0].node.id;
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: mine }, wugang))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('mutation($id: ID!) { cancelTask(id: $id, reason: "x") { id } }', { id: mine }, wugang))).toEqual(['NOT_FOUND']);
  });
});
