import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type GqlResult, type TestApp } from '../../test-support/test-app';
import { todayInChina } from '../inspections/inspection-deadlines';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoJointTask } from '../../seed/demo-joint-task';

const CREATE = `mutation($input: TaskInput!) { createTask(input: $input) { id kind status needsLeaderApproval awaitingLeaderApproval plan { year version } } }`;
const COMMIT = `mutation($id: ID!) { commitDraw(taskId: $id) { id summary } }`;
const APPROVE = `mutation($id: ID!, $c: String!) { approveTask(id: $id, comment: $c) { id awaitingLeaderApproval leaderComment } }`;
const PLAN = `mutation($input: PlanInput!) { createPlan(input: $input) { id } }`;
const TRANSITION = `mutation($id: ID!, $a: PlanAction!, $c: String) { transitionPlan(id: $id, action: $a, comment: $c) { status } }`;

const rule = (r: GqlResult) => r.errors?.[0]?.extensions?.rule;

/**
 * A year of 常德 and of 舞钢 (with 平顶山 in 舞钢's joint task), walked through the API by an office trying
 * every way around the seeds' caps: plan-less tasks, a second plan, a second round of a once-a-year item,
 * joint tasks from either side, windows already begun or closed. Each is refused, naming its rule.
 */
describe('a year of tasks cannot exceed the caps', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const items: Record<string, Record<string, string>> = {}; // bureau → item name → id
  const today = todayInChina();
  const nextYear = Number(today.slice(0, 4)) + 1;

  const base = (overrides: Record<string, unknown>) => ({
    title: '抽查任务',
    purpose: '随机抽查',
    procedure: '摇号、核查、报告',
    divisionOfLabour: '按事项分工',
    confidentiality: '结果公布前保密',
    teamSize: 2,
    ...overrides,
  });
  const create = (who: string, input: Record<string, unknown>) => t.gql(CREATE, { input: base(input) }, token[who]);
  const taskCount = async () => (await t.sql('SELECT count(*)::int AS n FROM tasks'))[0].n as number;
  const planOf = async (who: string, year: number) =>
    (await t.gql('query($y: Int) { plans(year: $y) { edges { node { id version status } } } }', { y: year }, token[who])).data.plans.edges.map(
      (e: any) => e.node,
    );

  beforeAll(async () => {
    t = await startTestApp();
    for (const who of ['changde.admin', 'changde.leader', 'wugang.admin', 'wugang.leader', 'pingdingshan.admin', 'pingdingshan.leader'])
      token[who] = await t.login(who);
    for (const bureau of ['changde', 'wugang', 'pingdingshan']) {
      const list = (await t.gql('{ items { edges { node { id name } } } }', {}, token[`${bureau}.admin`])).data.items.edges.map((e: any) => e.node);
      items[bureau] = Object.fromEntries(list.map((i: any) => [i.name, i.id]));
    }
  });
  afterAll(() => t.close());

  describe('常德', () => {
    let plan2026: string;
    const land = () => items.changde!['土地使用情况监督检查']!;
    const mining = () => items.changde!['矿业权人勘查开采信息公示抽查']!;

    beforeAll(async () => {
      plan2026 = (await planOf('changde.admin', 2026))[0].id;
    });

    it('refuses a task outside the plan (常德 drew four plan-less tasks in 2026)', async () => {
      const before = await taskCount();
      const planless = await create('changde.admin', {
        title: '计划外抽查',
        startsOn: `${nextYear}-05-06`,
        endsOn: `${nextYear}-05-29`,
        items: [{ itemId: land(), ratio: '0.05' }],
      });
      expect(codes(planless)).toEqual(['RULE_VIOLATION']);
      expect(rule(planless)).toBe('task.plan');
      expect(planless.errors![0]!.message).toContain('年度计划');
      // 专项检查 outside the plan: only with a reason…
      const noReason = await create('changde.admin', {
        kind: 'SPECIAL',
        title: '投诉专项检查',
        startsOn: `${nextYear}-05-06`,
        endsOn: `${nextYear}-05-29`,
        items: [{ itemId: land(), ratio: '0.05' }],
      });
      expect(rule(noReason)).toBe('special.reason');
      expect(await taskCount()).toBe(before);
    });

    it('keeps one plan a year: a second plan, or a draft moved onto the year, is refused', async () => {
      const second = await t.gql(
        PLAN,
        {
          input: {
            year: 2026,
            title: '第二个2026年度计划',
            scope: '全市',
            rounds: 1,
            schedule: [{ round: 1, from: '2026-10-01', to: '2026-11-30' }],
            items: [{ itemId: land(), ratio: '0.05', rounds: 1 }],
          },
        },
        token['changde.admin'],
      );
      expect(rule(second)).toBe('plan.onePerYear');
      expect((await t.sql('SELECT count(*)::int AS n FROM annual_plans WHERE year = 2026'))[0].n).toBe(1);
      // Nor can a draft of another year be moved onto 2026.
      const other = await t.gql(
        PLAN,
        {
          input: {
            year: nextYear + 1,
            title: '远期计划',
            scope: '全市',
            rounds: 1,
            schedule: [{ round: 1, from: `${nextYear + 1}-10-01`, to: `${nextYear + 1}-11-30` }],
            items: [{ itemId: land(), ratio: '0.05', rounds: 1 }],
          },
        },
        token['changde.admin'],
      );
      expect(other.errors).toBeUndefined();
      const moved = await t.gql(
        'mutation($id: ID!, $input: PlanInput!) { updatePlan(id: $id, input: $input) { year } }',
        {
          id: other.data.createPlan.id,
          input: {
            year: 2026,
            title: '远期计划',
            scope: '全市',
            rounds: 1,
            schedule: [{ round: 1, from: '2026-10-01', to: '2026-11-30' }],
            items: [{ itemId: land(), ratio: '0.05', rounds: 1 }],
          },
        },
        token['changde.admin'],
      );
      expect(rule(moved)).toBe('plan.onePerYear');
      expect((await planOf('changde.admin', 2026)).map((p: any) => [p.version, p.status])).toEqual([[1, 'PUBLISHED']]);
    });

    it('refuses a second round of the once-a-year land item in 2026 (常德 drew it twice), at creation and at commit', async () => {
      // Round 1's window closed long ago: refused without a word of why, then made with a reason and held for the leader.
      const window = {
        planId: plan2026,
        round: 1,
        title: '2026年第一轮土地使用情况抽查',
        startsOn: '2026-04-06',
        endsOn: '2026-06-26',
        items: [{ itemId: land(), ratio: '0.05' }],
      };
      const silent = await create('changde.admin', window);
      expect(rule(silent)).toBe('task.window');
      expect(silent.errors![0]!.message).toContain('经分管领导批准');
      const first = await create('changde.admin', { ...window, reason: '第一轮因汛期推迟，补办' });
      expect(first.errors).toBeUndefined();
      expect(first.data.createTask).toMatchObject({
        kind: 'PLANNED',
        needsLeaderApproval: true,
        awaitingLeaderApproval: true,
        plan: { year: 2026, version: 1 },
      });
      const firstId = first.data.createTask.id;
      // Not frozen before the leader approves; the office cannot approve; the leader must say why.
      expect(rule(await t.gql(COMMIT, { id: firstId }, token['changde.admin']))).toBe('task.window');
      expect(codes(await t.gql(APPROVE, { id: firstId, c: '同意' }, token['changde.admin']))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(APPROVE, { id: firstId, c: ' ' }, token['changde.leader']))).toEqual(['BAD_USER_INPUT']);
      expect((await t.gql(APPROVE, { id: firstId, c: '同意补办第一轮，汛期推迟属实' }, token['changde.leader'])).data.approveTask).toMatchObject({
        awaitingLeaderApproval: false,
      });
      const [audit] = await t.sql(`SELECT after FROM audit_events WHERE action = 'task.approve' ORDER BY seq DESC LIMIT 1`);
      expect(audit.after).toMatchObject({ comment: '同意补办第一轮，汛期推迟属实', startsOn: '2026-04-06' });
      expect((await t.gql(COMMIT, { id: firstId }, token['changde.admin'])).errors).toBeUndefined();

      // A second land task in round 2, or as a 专项检查: the item is checked once a year.
      const before = await taskCount();
      const again = await create('changde.admin', {
        ...window,
        round: 2,
        title: '2026年第二轮土地使用情况抽查',
        startsOn: '2026-09-07',
        endsOn: '2026-11-27',
        reason: '补办',
      });
      expect(rule(again)).toBe('cap.itemFrequency');
      expect(again.errors![0]!.message).toContain('2026年第一轮土地使用情况抽查');
      expect(again.errors![0]!.extensions!.violations).toEqual([expect.objectContaining({ rule: 'cap.itemFrequency' })]);
      const special = await create('changde.admin', {
        kind: 'SPECIAL',
        reason: '群众投诉',
        title: '土地专项检查',
        startsOn: '2026-12-14',
        endsOn: '2026-12-25',
        items: [{ itemId: land(), ratio: '0.05' }],
      });
      expect(rule(special)).toBe('cap.itemFrequency');
      expect(await taskCount()).toBe(before);
    });

    it('counts a 专项检查 against the item’s 频次 and refuses to freeze it before the leader approves', async () => {
      const input = (title: string, round: number, startsOn: string, endsOn: string) => ({
        planId: plan2026,
        round,
        title,
        startsOn,
        endsOn,
        reason: '补办',
        items: [{ itemId: mining(), ratio: '0.05' }],
      });
      const r1 = await create('changde.admin', input('矿业权人公示第一轮', 1, '2026-05-06', '2026-06-26'));
      const r2 = await create('changde.admin', input('矿业权人公示第二轮', 2, '2026-09-07', '2026-11-27'));
      expect([r1.errors, r2.errors]).toEqual([undefined, undefined]);
      const third = await create('changde.admin', {
        kind: 'SPECIAL',
        reason: '转办线索',
        title: '矿业权人专项检查',
        startsOn: '2026-12-14',
        endsOn: '2026-12-25',
        items: [{ itemId: mining(), ratio: '0.05' }],
      });
      expect(rule(third)).toBe('cap.itemFrequency');
      // Cancel one round: the 专项检查 fits, and waits for the leader.
      await t.gql('mutation($id: ID!) { cancelTask(id: $id, reason: "改为专项检查") { status } }', { id: r2.data.createTask.id }, token['changde.admin']);
      const special = await create('changde.admin', {
        kind: 'SPECIAL',
        reason: '转办线索',
        title: '矿业权人专项检查',
        startsOn: '2026-12-14',
        endsOn: '2026-12-25',
        items: [{ itemId: mining(), ratio: '0.05' }],
      });
      expect(special.data.createTask).toMatchObject({ kind: 'SPECIAL', plan: null, awaitingLeaderApproval: true });
      expect(rule(await t.gql(COMMIT, { id: special.data.createTask.id }, token['changde.admin']))).toBe('special.approval');
      expect((await t.sql(`SELECT count(*)::int AS n FROM draws d JOIN tasks t ON t.id = d.task_id WHERE t.title = '矿业权人专项检查'`))[0].n).toBe(0);
    });

    it('amends the plan by a version that supersedes the one in force; caps are checked again at commit', async () => {
      const amended = await t.gql('mutation($id: ID!) { amendPlan(id: $id) { id version status } }', { id: plan2026 }, token['changde.admin']);
      expect(amended.data.amendPlan).toMatchObject({ version: 2, status: 'DRAFT' });
      const v2 = amended.data.amendPlan.id;
      expect(rule(await t.gql('mutation($id: ID!) { amendPlan(id: $id) { id } }', { id: plan2026 }, token['changde.admin']))).toBe('plan.amend');
      const current = (
        await t.gql(
          'query($id: ID!) { node(id: $id) { ... on AnnualPlan { year title scope rounds schedule items { ratio rounds item { id } } } } }',
          { id: v2 },
          token['changde.admin'],
        )
      ).data.node;
      // Version 2: 矿业权人公示 once in 2026 instead of twice.
      const input = {
        year: current.year,
        title: current.title,
        scope: current.scope,
        rounds: current.rounds,
        schedule: current.schedule,
        items: current.items.map((i: any) => ({ itemId: i.item.id, ratio: i.ratio, rounds: i.item.id === mining() ? 1 : i.rounds })),
      };
      expect(
        (await t.gql('mutation($id: ID!, $input: PlanInput!) { updatePlan(id: $id, input: $input) { version } }', { id: v2, input }, token['changde.admin']))
          .errors,
      ).toBeUndefined();
      await t.gql(TRANSITION, { id: v2, a: 'SUBMIT' }, token['changde.admin']);
      await t.gql(TRANSITION, { id: v2, a: 'APPROVE', c: '同意调整' }, token['changde.leader']);
      expect((await t.gql(TRANSITION, { id: v2, a: 'PUBLISH' }, token['changde.admin'])).data.transitionPlan.status).toBe('PUBLISHED');
      const versions = (
        await t.gql('query($id: ID!) { node(id: $id) { ... on AnnualPlan { versions { version status supersededAt } } } }', { id: v2 }, token['changde.admin'])
      ).data.node.versions;
      expect(versions).toEqual([
        { version: 1, status: 'SUPERSEDED', supersededAt: expect.any(String) },
        { version: 2, status: 'PUBLISHED', supersededAt: null },
      ]);
      // A task may no longer be made under the superseded version…
      const old = await create('changde.admin', {
        planId: plan2026,
        round: 1,
        title: '按旧版本',
        startsOn: '2026-05-06',
        endsOn: '2026-06-26',
        reason: '补办',
        items: [{ itemId: items.changde!['测绘资质单位监督检查']!, ratio: '0.10' }],
      });
      expect(rule(old)).toBe('plan.published');
      // …and the first-round 矿业权人 task, made when the plan gave the item two rounds, now meets the 专项检查 at its commit.
      const first = (await t.sql(`SELECT id FROM tasks WHERE title = '矿业权人公示第一轮'`))[0].id;
      const firstId = (await t.gql('{ tasks(first: 100) { edges { node { id title } } } }', {}, token['changde.admin'])).data.tasks.edges
        .map((e: any) => e.node)
        .find((n: any) => n.title === '矿业权人公示第一轮').id;
      await t.gql(APPROVE, { id: firstId, c: '同意补办' }, token['changde.leader']);
      const refused = await t.gql(COMMIT, { id: firstId }, token['changde.admin']);
      expect(rule(refused)).toBe('cap.planRounds');
      expect(refused.errors![0]!.message).toContain('矿业权人专项检查');
      expect((await t.sql('SELECT status FROM tasks WHERE id = $1', [first]))[0].status).toBe('DRAFT');
    });

    it('refuses at commit a task whose window closed after it was made, without the leader’s approval', async () => {
      const plan = (await planOf('changde.admin', 2026)).find((p: any) => p.status === 'PUBLISHED').id;
      const survey = items.changde!['测绘资质单位监督检查']!;
      const made = await create('changde.admin', {
        planId: plan,
        round: 2,
        title: '测绘资质第二轮',
        startsOn: '2026-09-07',
        endsOn: '2026-11-27',
        reason: '补办',
        items: [{ itemId: survey, ratio: '0.10' }],
      });
      expect(made.errors).toBeUndefined();
      // As if made in time: the window closed while it waited.
      await t.sql('UPDATE tasks SET needs_leader_approval = false WHERE title = $1', ['测绘资质第二轮']);
      expect(rule(await t.gql(COMMIT, { id: made.data.createTask.id }, token['changde.admin']))).toBe('task.window');
    });

    it('keeps plan versions and approvals inside their bureau', async () => {
      expect(codes(await t.gql('mutation($id: ID!) { amendPlan(id: $id) { id } }', { id: plan2026 }, token['wugang.admin']))).toEqual(['NOT_FOUND']);
      const mine = (await t.gql('{ tasks(first: 1) { edges { node { id } } } }', {}, token['changde.admin'])).data.tasks.edges[0].node.id;
      expect(codes(await t.gql(APPROVE, { id: mine, c: '同意' }, token['wugang.leader']))).toEqual(['NOT_FOUND']);
      const wugangPlans = (await t.gql('{ plans { edges { node { year versions { year } } } } }', {}, token['wugang.admin'])).data.plans.edges.map(
        (e: any) => e.node,
      );
      expect(wugangPlans.flatMap((p: any) => p.versions.map((v: any) => v.year))).not.toContain(2026);
    });
  });

  describe('舞钢 and 平顶山', () => {
    const wugangAll = () => Object.values(items.wugang!).map((id) => ({ itemId: id, ratio: '0.30' }));

    // The demo's ceremonies, through the same services and rules: 舞钢's 2023 draw (late, approved by its
    // leader) and the 2026 joint task with 平顶山 (a 专项检查, approved).
    beforeAll(async () => {
      await seedDemoDraw(t.app.services);
      await seedDemoJointTask(t.app.services);
    });

    it('refuses a second plan for 2023 and a second 2023 task over the once-a-year items', async () => {
      const plan = (await planOf('wugang.admin', 2023))[0].id;
      const second = await t.gql(
        PLAN,
        {
          input: {
            year: 2023,
            title: '补充计划',
            scope: '全市',
            rounds: 1,
            schedule: [{ round: 1, from: '2023-07-01', to: '2023-11-30' }],
            items: [{ itemId: items.wugang!['土地使用情况监督检查'], ratio: '0.10', rounds: 1 }],
          },
        },
        token['wugang.admin'],
      );
      expect(rule(second)).toBe('plan.onePerYear');
      const again = await create('wugang.admin', {
        planId: plan,
        round: 1,
        title: '舞钢市2023年第二批抽查',
        startsOn: '2023-07-03',
        endsOn: '2023-11-24',
        reason: '补充',
        items: wugangAll(),
      });
      expect(rule(again)).toBe('cap.itemFrequency');
      expect(again.errors![0]!.extensions!.violations).toHaveLength(4);
    });

    it('counts the joint task it leads: no second 2026 land task (舞钢 committed one)', async () => {
      const land = items.wugang!['土地使用情况监督检查']!;
      const planless = await create('wugang.admin', {
        title: '2026年土地抽查',
        startsOn: '2026-12-14',
        endsOn: '2026-12-25',
        items: [{ itemId: land, ratio: '0.10' }],
      });
      expect(rule(planless)).toBe('task.plan');
      const special = await create('wugang.admin', {
        kind: 'SPECIAL',
        reason: '举报线索',
        title: '2026年土地专项检查',
        startsOn: '2026-12-14',
        endsOn: '2026-12-25',
        items: [{ itemId: land, ratio: '0.10' }],
      });
      expect(rule(special)).toBe('cap.itemFrequency');
      expect(special.errors![0]!.message).toContain('舞钢市、平顶山市自然资源领域2026年联合随机抽查');
    });

    it('counts the joint task it takes part in: 平顶山’s own round of its item, and its pool, know the joint draw', async () => {
      const [name, itemId] = Object.entries(items.pingdingshan!)[0]!;
      const input = {
        kind: 'SPECIAL',
        reason: '群众举报',
        title: '平顶山2026年土地专项检查',
        startsOn: '2026-12-14',
        endsOn: '2026-12-25',
        items: [{ itemId, ratio: '0.05' }],
      };
      const refused = await create('pingdingshan.admin', input);
      expect(rule(refused)).toBe('cap.itemFrequency');
      expect(refused.errors![0]!.message).toContain('联合抽查');
      expect(refused.errors![0]!.message).toContain(name);

      // Nor can it take the item again as a participant of another joint task of 2026.
      const [{ id: partnerDept }] = await t.sql(
        `SELECT d.id FROM departments d JOIN tenants n ON n.id = d.tenant_id AND n.region_code = '410400' WHERE d.name = '执法监察支队'`,
      );
      const [{ id: leadDept }] = await t.sql(
        `SELECT d.id FROM departments d JOIN tenants n ON n.id = d.tenant_id AND n.region_code = '410481' WHERE d.name = '规划股'`,
      );
      const second = await create('wugang.admin', {
        kind: 'SPECIAL',
        reason: '联合核查规划许可',
        title: '舞钢、平顶山规划许可联合检查',
        startsOn: '2026-12-14',
        endsOn: '2026-12-25',
        joint: true,
        leadDepartmentId: toGlobalId('Department', leadDept),
        items: [{ itemId: items.wugang!['建设工程规划许可证批后监管'], ratio: '0.10' }],
      });
      expect(second.errors).toBeUndefined();
      const invited = await t.gql(
        'mutation($t: ID!, $d: ID!) { inviteJointParticipant(taskId: $t, departmentId: $d) { id } }',
        { t: second.data.createTask.id, d: toGlobalId('Department', partnerDept) },
        token['wugang.admin'],
      );
      const partId = invited.data.inviteJointParticipant.id;
      const head = await t.login('pingdingshan.head');
      await t.gql('mutation($id: ID!) { respondJointInvitation(id: $id, accept: true) { id } }', { id: partId }, head);
      const [inspector] = await t.sql(
        `SELECT i.id FROM inspectors i JOIN tenants n ON n.id = i.tenant_id AND n.region_code = '410400' ORDER BY i.certificate_no LIMIT 1`,
      );
      const part = await t.gql(
        'mutation($id: ID!, $input: JointPartInput!) { saveJointPart(id: $id, input: $input) { id } }',
        { id: partId, input: { itemIds: [itemId], inspectorIds: [toGlobalId('Inspector', inspector.id)] } },
        head,
      );
      expect(rule(part)).toBe('cap.itemFrequency');
      expect(
        (await t.sql('SELECT cardinality(item_ids)::int AS n FROM joint_participants WHERE id = $1', [fromGlobalUuid(partId, 'JointParticipation')]))[0].n,
      ).toBe(0);

      // Were the item twice a year, 平顶山 could draw it again — but not the entities the joint draw gave it.
      const [{ tenant_id: pds }] = await t.sql(
        `SELECT tenant_id FROM inspection_items WHERE name = $1 AND tenant_id = (SELECT id FROM tenants WHERE region_code = '410400')`,
        [name],
      );
      await t.sql('UPDATE inspection_items SET frequency_per_year = 2 WHERE tenant_id = $1', [pds]);
      const jointDrawn = await t.sql(
        `SELECT DISTINCT e.id, e.uscc FROM joint_participants p
           JOIN draws d ON d.tenant_id = p.lead_tenant_id AND d.task_id = p.task_id AND d.status = 'DRAWN'
           JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id
           JOIN market_entities w ON w.tenant_id = s.tenant_id AND w.id = s.entity_id
           JOIN market_entities e ON e.tenant_id = p.tenant_id AND e.uscc = w.uscc AND e.status IN ('EXISTING', 'OPERATING')
          WHERE p.tenant_id = $1 AND p.status = 'ACCEPTED'`,
        [pds],
      );
      expect(jointDrawn.length).toBeGreaterThan(0);
      // Only those entities in the task's pool: every one of them is left out, and the refusal says so.
      await t.sql(`UPDATE market_entities SET industry = '联合抽查重叠' WHERE tenant_id = $1 AND id = ANY($2)`, [pds, jointDrawn.map((r) => r.id)]);
      const made = await create('pingdingshan.admin', { ...input, targetFilter: { industries: ['联合抽查重叠'] } });
      expect(made.errors).toBeUndefined();
      const taskId = made.data.createTask.id;
      expect(codes(await t.gql(APPROVE, { id: taskId, c: '同意' }, token['pingdingshan.admin']))).toEqual(['FORBIDDEN']);
      await t.gql(APPROVE, { id: taskId, c: '同意，举报属实须核查' }, token['pingdingshan.leader']);
      const emptied = await t.gql(COMMIT, { id: taskId }, token['pingdingshan.admin']);
      expect(rule(emptied)).toBe('draw.NO_ELIGIBLE_ENTITIES');
      expect(emptied.errors![0]!.message).toContain(`本年已被抽查 ${jointDrawn.length} 户`);
      expect(emptied.errors![0]!.message).toContain('信用等级免于抽查 0 户');
      expect(emptied.errors![0]!.extensions!.rules).toEqual([{ rule: 'drawnThisYear', label: '本年已被抽查', count: jointDrawn.length }]);
      expect((await t.sql(`SELECT count(*)::int AS n FROM draws WHERE tenant_id = $1`, [pds]))[0].n).toBe(0);
    });
  });
});
