import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type GqlResult, type TestApp } from '../../test-support/test-app';

const CREATE = `mutation($input: TaskInput!) { createTask(input: $input) { id status } }`;
const UPDATE = `mutation($id: ID!, $input: TaskInput!) { updateTask(id: $id, input: $input) { id title } }`;
const CANCEL = `mutation($id: ID!) { cancelTask(id: $id, reason: "计划调整") { status } }`;
const COMMIT = `mutation($id: ID!) { commitDraw(taskId: $id) { id } }`;
const APPROVE = `mutation($id: ID!) { approveTask(id: $id, comment: "同意补办") { id } }`;

const failure = (r: GqlResult) => ({ code: r.errors?.[0]?.extensions?.code, rule: r.errors?.[0]?.extensions?.rule });

/** A task is kept by the office and by the head of the department owning all its items, until its pool is frozen. */
describe('who may edit or cancel a task', () => {
  let t: TestApp;
  let office: string;
  let owner: string;
  let otherHead: string;
  let planId: string;
  let mining: string;
  let ownerDepartment: string;
  const task = (overrides: Record<string, unknown> = {}) => ({
    planId,
    round: 1,
    title: '矿业权人公示抽查',
    purpose: '随机抽查',
    procedure: '摇号、核查、报告',
    divisionOfLabour: '按事项分工',
    confidentiality: '结果公布前保密',
    startsOn: '2026-05-06',
    endsOn: '2026-06-26',
    teamSize: 2,
    reason: '补办',
    items: [{ itemId: mining, ratio: '0.05' }],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
    const items = (await t.gql('{ items { edges { node { id name department { id head { username } } } } } }', {}, office)).data.items.edges.map(
      (e: any) => e.node,
    );
    const item = items.find((i: any) => i.name === '矿业权人勘查开采信息公示抽查');
    mining = item.id;
    const ownerName = item.department.head.username as string;
    ownerDepartment = item.department.id;
    owner = await t.login(ownerName);
    otherHead = await t.login(['changde.head01', 'changde.head02', 'changde.head03', 'changde.head04'].find((u) => u !== ownerName)!);
    planId = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
  });
  afterAll(() => t.close());

  it('refuses another department’s head, and lets the owning head edit and cancel', async () => {
    const id = (await t.gql(CREATE, { input: task() }, office)).data.createTask.id;
    expect(failure(await t.gql(UPDATE, { id, input: task({ title: '他人修改' }) }, otherHead)).code).toBe('FORBIDDEN');
    expect(failure(await t.gql(CANCEL, { id }, otherHead)).code).toBe('FORBIDDEN');
    expect(failure(await t.gql(CREATE, { input: task({ title: '他部门事项' }) }, otherHead)).code).toBe('FORBIDDEN');
    expect((await t.sql(`SELECT title, status FROM tasks WHERE id = (SELECT id FROM tasks WHERE title = '矿业权人公示抽查')`))[0]).toEqual({
      title: '矿业权人公示抽查',
      status: 'DRAFT',
    });
    const edited = await t.gql(UPDATE, { id, input: task({ title: '矿业权人公示抽查（修订）' }) }, owner);
    expect(edited.errors).toBeUndefined();
    expect((await t.gql(CANCEL, { id }, owner)).data.cancelTask.status).toBe('CANCELLED');
  });

  it('refuses to edit or cancel once the pool is frozen, whoever asks', async () => {
    const id = (await t.gql(CREATE, { input: task({ title: '封存后的任务' }) }, office)).data.createTask.id;
    await t.gql(APPROVE, { id }, await t.login('changde.leader'));
    expect((await t.gql(COMMIT, { id }, office)).errors).toBeUndefined();
    for (const who of [office, owner]) {
      expect(failure(await t.gql(CANCEL, { id }, who))).toEqual({ code: 'RULE_VIOLATION', rule: 'task.frozen' });
      expect(failure(await t.gql(UPDATE, { id, input: task({ title: '封存后修改' }) }, who))).toEqual({ code: 'RULE_VIOLATION', rule: 'task.frozen' });
    }
    expect(failure(await t.gql(CANCEL, { id }, otherHead)).code).toBe('FORBIDDEN');
    expect(await t.sql(`SELECT status, title FROM tasks WHERE title LIKE '封存%'`)).toEqual([{ status: 'COMMITTED', title: '封存后的任务' }]);
  });

  it('leaves a joint task to its lead department’s head: another head cannot invite partners to it', async () => {
    const departments = (await t.gql('{ departments(first: 50) { edges { node { id isOffice } } } }', {}, office)).data.departments.edges.map(
      (e: any) => e.node,
    );
    const partner = departments.find((d: any) => !d.isOffice && d.id !== ownerDepartment).id;
    const input = task({
      title: '联合抽查',
      kind: 'SPECIAL',
      planId: null,
      round: null,
      startsOn: '2026-12-14',
      endsOn: '2026-12-25',
      reason: '联合核查',
      joint: true,
      leadDepartmentId: ownerDepartment,
    });
    const created = await t.gql(CREATE, { input }, office);
    expect(created.errors).toBeUndefined();
    const INVITE = 'mutation($t: ID!, $d: ID!) { inviteJointParticipant(taskId: $t, departmentId: $d) { id } }';
    const vars = { t: created.data.createTask.id, d: partner };
    expect(failure(await t.gql(INVITE, vars, otherHead)).code).toBe('FORBIDDEN');
    expect(
      failure(await t.gql(UPDATE, { id: created.data.createTask.id, input: { ...input, title: '改为他部门牵头', leadDepartmentId: partner } }, owner)).code,
    ).toBe('FORBIDDEN');
    expect((await t.gql(INVITE, vars, owner)).errors).toBeUndefined();
    expect((await t.sql('SELECT count(*)::int AS n FROM joint_participants WHERE task_id = $1', [fromGlobalUuid(vars.t, 'Task')]))[0].n).toBe(1);
  });
});
