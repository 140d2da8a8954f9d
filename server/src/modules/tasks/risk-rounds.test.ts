import { DEFAULT_RULES, fromGlobalUuid, riskClassOf, type DrawRecord } from '@spotcheck/shared';
import { startTestApp, codes, type GqlResult, type TestApp } from '../../test-support/test-app';
import { approveLate, publishedPlan } from '../../test-support/draw-fixture';
import { holdCeremony } from '../../test-support/draw-ceremony';

const CREATE = `mutation($input: TaskInput!) { createTask(input: $input) { id targetFilter } }`;
const rule = (r: GqlResult) => r.errors?.[0]?.extensions?.rule;

/**
 * 风险分类监管 made real (000 第十一条, 003 二(四)): with 常德's default rules (high risk +1 round), the
 * once-a-year land item may have one ordinary round and one round of high-risk entities only in 2026 —
 * drawn from high-risk entities alone, those drawn in the first round included — and never a third.
 */
describe('extra rounds for high-risk entities', () => {
  let t: TestApp;
  let office: string;
  let leader: string;
  let tenantId: string;
  let plan: string;
  let land: string;
  const taskCount = async () => (await t.sql('SELECT count(*)::int AS n FROM tasks WHERE tenant_id = $1', [tenantId]))[0].n as number;
  const input = (overrides: Record<string, unknown>) => ({
    planId: plan,
    purpose: '随机抽查',
    procedure: '摇号、核查、报告',
    divisionOfLabour: '执法监察支队',
    confidentiality: '结果公布前保密',
    teamSize: 2,
    reason: '测试：补办',
    items: [{ itemId: land, ratio: '0.05' }],
    ...overrides,
  });
  const selected = async (taskId: string) =>
    await t.sql(
      `SELECT e.id, e.uscc, e.risk_level, e.complaints, e.violation_record IS NOT NULL AS has_violation, e.credit_class
       FROM draw_selections s JOIN draws d ON d.tenant_id = s.tenant_id AND d.id = s.draw_id
       JOIN market_entities e ON e.tenant_id = s.tenant_id AND e.id = s.entity_id
      WHERE d.tenant_id = $1 AND d.task_id = $2`,
      [tenantId, fromGlobalUuid(taskId, 'Task')],
    );
  const classOf = (f: any) =>
    riskClassOf(DEFAULT_RULES.risk, { riskLevel: f.risk_level, complaints: f.complaints, hasViolation: f.has_violation, creditClass: f.credit_class });

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
    leader = await t.login('changde.leader');
    [{ tenant_id: tenantId }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    plan = await publishedPlan(t, office, 2026);
    const items = (await t.gql('{ items { edges { node { id name frequencyPerYear } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    const item = items.find((i: any) => i.name === '土地使用情况监督检查');
    expect(item.frequencyPerYear).toBe(1);
    land = item.id;
    // 常德's rules in force are the defaults: one extra round for high risk, at most 2 draws of an entity a year.
    const history = (await t.gql('{ ruleSetHistory { version rules } }', {}, office)).data.ruleSetHistory;
    const { rules } = history.reduce((a: any, b: any) => (b.version > a.version ? b : a));
    expect(rules.risk.HIGH.extraRounds).toBe(1);
    expect(rules.maxDrawsPerEntityPerYear).toBe(2);
  });
  afterAll(() => t.close());

  let first: string;
  let second: string;

  it('refuses a risk class that is not one', async () => {
    const before = await taskCount();
    const bad = await t.gql(
      CREATE,
      { input: input({ round: 2, title: '未知风险等级', startsOn: '2026-09-07', endsOn: '2026-11-27', targetFilter: { riskClasses: ['SEVERE'] } }) },
      office,
    );
    expect(codes(bad).length).toBe(1);
    expect(await taskCount()).toBe(before);
  });

  it('holds a second, high-risk-only round of a once-a-year item and draws it from high-risk entities alone', async () => {
    const ordinary = await t.gql(CREATE, { input: input({ round: 1, title: '2026年第一轮土地抽查', startsOn: '2026-04-06', endsOn: '2026-06-26' }) }, office);
    expect(ordinary.errors).toBeUndefined();
    first = ordinary.data.createTask.id;
    await approveLate(t, first, leader);
    await holdCeremony(t, first, office, leader);

    const high = await t.gql(
      CREATE,
      {
        input: input({
          round: 2,
          title: '2026年高风险对象土地加密抽查',
          startsOn: '2026-09-07',
          endsOn: '2026-11-27',
          targetFilter: { riskClasses: ['HIGH'] },
        }),
      },
      office,
    );
    expect(high.errors).toBeUndefined();
    expect(high.data.createTask.targetFilter).toMatchObject({ riskClasses: ['HIGH'] });
    second = high.data.createTask.id;
    const shown = await t.gql('query($id: ID!) { node(id: $id) { ... on Task { targetFilter } } }', { id: second }, office);
    expect(shown.data.node.targetFilter.riskClasses).toEqual(['HIGH']);
    await approveLate(t, second, leader);
    const { drawId, plain: record } = await holdCeremony(t, second, office, leader);

    // Only high-risk strata, every entity of them high risk; the summary says what the task left out.
    const keys = record.input.strata.map((s) => s.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/\|risk:HIGH$/);
    const facts = new Map(
      (
        await t.sql(
          'SELECT uscc, risk_level, complaints, violation_record IS NOT NULL AS has_violation, credit_class FROM market_entities WHERE tenant_id = $1',
          [tenantId],
        )
      ).map((r) => [r.uscc, r]),
    );
    const pool = (record as DrawRecord).input.strata.flatMap((s) => s.entities.map((e) => e.key));
    for (const uscc of pool) expect(classOf(facts.get(uscc))).toBe('HIGH');
    const [{ summary }] = await t.sql('SELECT summary FROM draws WHERE id = $1', [fromGlobalUuid(drawId, 'Draw')]);
    expect(summary.risk).toMatchObject({ classes: ['HIGH'], extraRound: true });
    expect(summary.risk.otherClasses).toBeGreaterThan(0);
    for (const e of await selected(second)) expect(classOf(e)).toBe('HIGH');

    // An extra round is a second look: the high-risk entities drawn in the first round are in its pool again.
    const drawnHighFirst = (await selected(first)).filter((e) => classOf(e) === 'HIGH').map((e) => e.uscc);
    expect(drawnHighFirst.length).toBeGreaterThan(0);
    for (const uscc of drawnHighFirst) expect(pool).toContain(uscc);
  });

  it('refuses a third round of the item, high-risk or ordinary, naming the rule, and writes nothing', async () => {
    const before = await taskCount();
    const third = await t.gql(
      CREATE,
      { input: input({ round: 2, title: '再一轮高风险抽查', startsOn: '2026-09-07', endsOn: '2026-11-27', targetFilter: { riskClasses: ['HIGH'] } }) },
      office,
    );
    expect(rule(third)).toBe('cap.riskRounds');
    expect(third.errors![0]!.message).toContain('高风险对象已安排 2 轮');
    expect(third.errors![0]!.message).toContain('2026年高风险对象土地加密抽查');
    const special = await t.gql(
      CREATE,
      {
        input: input({
          kind: 'SPECIAL',
          planId: null,
          reason: '群众投诉',
          title: '高风险专项检查',
          startsOn: '2026-12-14',
          endsOn: '2026-12-25',
          targetFilter: { riskClasses: ['HIGH'] },
        }),
      },
      office,
    );
    expect(rule(special)).toBe('cap.riskRounds');
    const ordinary = await t.gql(CREATE, { input: input({ round: 2, title: '第二轮土地抽查', startsOn: '2026-09-07', endsOn: '2026-11-27' }) }, office);
    expect(rule(ordinary)).toBe('cap.itemFrequency');
    expect(ordinary.errors![0]!.message).toContain('事项清单规定每年 1 次');
    // A class the rules give no extra round is an ordinary round of that class.
    const medium = await t.gql(
      CREATE,
      { input: input({ round: 2, title: '中风险抽查', startsOn: '2026-09-07', endsOn: '2026-11-27', targetFilter: { riskClasses: ['MEDIUM'] } }) },
      office,
    );
    expect(rule(medium)).toBe('cap.itemFrequency');
    expect(await taskCount()).toBe(before);
  });

  it('checks again at commit: a high-risk round made while the year had room is refused once it is full', async () => {
    // A high-risk draft that reached the table past createTask (as a row written before the caps were): the
    // caps are read again when its pool is frozen.
    const [{ id: draft }] = await t.sql(
      `INSERT INTO tasks (tenant_id, kind, plan_id, round, title, purpose, procedure, division_of_labour, confidentiality, starts_on, ends_on, team_size, target_filter, rule_version, created_by, reason, needs_leader_approval)
       SELECT tenant_id, kind, plan_id, round, '绕过表单的高风险抽查', purpose, procedure, division_of_labour, confidentiality, starts_on, ends_on, team_size, target_filter, rule_version, created_by, reason, needs_leader_approval
         FROM tasks WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [tenantId, fromGlobalUuid(second, 'Task')],
    );
    await t.sql(
      `INSERT INTO task_items (tenant_id, task_id, item_id, ratio) SELECT tenant_id, $2, item_id, ratio FROM task_items WHERE tenant_id = $1 AND task_id = $3`,
      [tenantId, draft, fromGlobalUuid(second, 'Task')],
    );
    const draftId = (await t.gql('{ tasks(first: 100) { edges { node { id title } } } }', {}, office)).data.tasks.edges
      .map((e: any) => e.node)
      .find((n: any) => n.title === '绕过表单的高风险抽查').id;
    await approveLate(t, draftId, leader);
    const refused = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: draftId }, office);
    expect(rule(refused)).toBe('cap.riskRounds');
    expect((await t.sql('SELECT status FROM tasks WHERE id = $1', [draft]))[0].status).toBe('DRAFT');
  });
});
