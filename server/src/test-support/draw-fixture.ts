import { fromGlobalUuid } from '@spotcheck/shared';
import type { TestApp } from './test-app';

/** The id of the bureau's plan in force for `year`. */
export async function publishedPlan(t: Pick<TestApp, 'gql'>, token: string, year: number): Promise<string> {
  const plans = (await t.gql('query($y: Int) { plans(year: $y, status: PUBLISHED) { edges { node { id } } } }', { y: year }, token)).data.plans.edges;
  if (!plans.length) throw new Error(`no published plan for ${year}`);
  return plans[0].node.id;
}

/**
 * For files that test the draw itself and draw the same year again and again: every item may be drawn
 * 12 times a year and every plan gives it 12 rounds, through the owner's connection. The yearly caps are
 * tested in tasks/year-caps.test.ts; the pool's own limits (draws per entity, drawn this year) still hold.
 */
export async function liftYearCaps(t: Pick<TestApp, 'sql'>): Promise<void> {
  await t.sql('UPDATE inspection_items SET frequency_per_year = 12');
  await t.sql('UPDATE annual_plan_items SET rounds = 12');
}

/**
 * The demo's windows lie in the past: a task for one is made with a reason and, before its pool can be
 * frozen, approved by the bureau's leader (a no-op refusal when the task needs no approval).
 */
export async function approveLate(t: Pick<TestApp, 'gql'>, taskId: string, leader: string): Promise<void> {
  const approved = await t.gql('mutation($id: ID!) { approveTask(id: $id, comment: "测试：同意补办") { id } }', { id: taskId }, leader);
  if (approved.errors && approved.errors[0]?.extensions?.rule !== 'task.approval') throw new Error(JSON.stringify(approved.errors));
}

/**
 * Dates a drawn ceremony to `day` 09:30 Beijing, as the owner: a drawn draw never changes through the
 * app (a trigger refuses it), so the trigger is set aside for this one statement.
 */
export async function dateCeremony(t: Pick<TestApp, 'sql'>, drawUuid: string, day: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(drawUuid) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error('dateCeremony: bad input');
  await t.sql(`BEGIN; SET LOCAL session_replication_role = replica;
    UPDATE draws SET committed_at = '${day}T09:00:00+08:00', drawn_at = '${day}T09:30:00+08:00' WHERE id = '${drawUuid}';
    COMMIT;`);
}

/**
 * Plans, freezes and draws a 舞钢 task over its four items through the API, as the office and a
 * witness would. Returns the draw's global id and the task's. The ceremony is then dated to the
 * window's first day (09:30 Beijing), as if it had been held then: records of a past window can only
 * be dated after their draw.
 */
export async function drawWugangTask(
  t: Pick<TestApp, 'gql' | 'login' | 'sql'>,
  options: { startsOn?: string; endsOn?: string; title?: string } = {},
): Promise<{ drawId: string; taskId: string }> {
  const office = await t.login('wugang.admin');
  const witness = await t.login('wugang.leader');
  const items = (await t.gql('{ items { edges { node { id minRatio } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
  const plan = await publishedPlan(t, office, 2023);
  const task = await t.gql(
    `mutation($input: TaskInput!) { createTask(input: $input) { id } }`,
    {
      input: {
        planId: plan,
        round: 1,
        title: options.title ?? '舞钢市2023年随机抽查（测试）',
        purpose: '对四个抽查事项开展随机抽查',
        procedure: '摇号 → 实地核查 → 检查记录 → 报告 → 公示',
        divisionOfLabour: '各股室按事项分工',
        confidentiality: '结果公布前不得泄露',
        startsOn: options.startsOn ?? '2023-06-05',
        endsOn: options.endsOn ?? '2023-11-24',
        teamSize: 2,
        items: items.map((i: any) => ({ itemId: i.id, ratio: i.minRatio })),
        reason: '测试：补办2023年度抽查',
      },
    },
    office,
  );
  if (task.errors) throw new Error(JSON.stringify(task.errors));
  const taskId = task.data.createTask.id;
  await approveLate(t, taskId, witness);
  const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: taskId }, office);
  if (committed.errors) throw new Error(JSON.stringify(committed.errors));
  const drawId = committed.data.commitDraw.id;
  await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证值 0605") { id } }', { id: drawId }, witness);
  await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "418") { id } }', { id: drawId }, office);
  const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office);
  if (drawn.errors || drawn.data.performDraw.status !== 'DRAWN') throw new Error(JSON.stringify(drawn));
  await dateCeremony(t, fromGlobalUuid(drawId, 'Draw')!, options.startsOn ?? '2023-06-05');
  return { drawId, taskId };
}

/**
 * 常德's first-round survey-qualification task (测绘资质单位监督检查, 10 %), planned and frozen by its
 * office: returns the committed draw's global id, the fields asked for, and the office's token.
 */
export async function commitChangdeSurveyTask(t: TestApp, fields = 'id'): Promise<{ office: string; taskId: string; draw: any }> {
  const office = await t.login('changde.admin');
  const items = (await t.gql('{ items { edges { node { id name } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
  const plan = await publishedPlan(t, office, 2026);
  const task = await t.gql(
    'mutation($input: TaskInput!) { createTask(input: $input) { id } }',
    {
      input: {
        planId: plan,
        round: 1,
        title: '2026年第一轮测绘资质单位抽查',
        purpose: '检查测绘资质',
        procedure: '摇号、核查、报告',
        divisionOfLabour: '测绘地理信息科',
        confidentiality: '结果公布前保密',
        startsOn: '2026-05-06',
        endsOn: '2026-05-29',
        teamSize: 2,
        items: [{ itemId: items.find((i: any) => i.name === '测绘资质单位监督检查').id, ratio: '0.10' }],
        reason: '测试：补办第一轮',
      },
    },
    office,
  );
  if (task.errors) throw new Error(JSON.stringify(task.errors));
  const taskId = task.data.createTask.id;
  await approveLate(t, taskId, await t.login('changde.leader'));
  const committed = await t.gql(`mutation($id: ID!) { commitDraw(taskId: $id) { ${fields} } }`, { id: taskId }, office);
  if (committed.errors) throw new Error(JSON.stringify(committed.errors));
  return { office, taskId, draw: committed.data.commitDraw };
}
