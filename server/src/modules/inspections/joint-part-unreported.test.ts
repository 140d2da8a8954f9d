import { Client } from 'pg';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { approveLate, liftYearCaps } from '../../test-support/draw-fixture';
import { APP_ROLE } from '../../db/data-source';
import { proposeHandling } from '../../test-support/handling-fixture';
import { inTenant } from '../../db/tenancy';
import { PROBLEM_CODES } from '../dashboards/dashboard-figures';
import { PROVINCIAL_FLOOR_SQL } from '../dashboards/dashboard-floor';
import { todayInChina } from './inspection-deadlines';
import { unreportedAfterWindow, unreportedSelections } from './unreported-selections';

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A joint task inside one bureau (舞钢's 规划股 leads, its 测绘地理信息股 joins) keeps a part per department
 * of every drawn entity. Once the window has closed, each part without its own submitted report is
 * overdue: the participant's submitted record does not report the lead's part, nor the other way round.
 */
describe('unreported selections of a same-bureau joint task are counted per part', () => {
  let t: TestApp;
  let app: Client;
  let wugang: string;
  let henan: string;
  let office: string;
  let taskUuid: string;
  let partId: string;
  let drawUuid: string;
  let leadItem: { id: string; name: string };
  let partItem: { id: string; name: string };
  const today = todayInChina();
  const closed = dayAfter(today);

  beforeAll(async () => {
    t = await startTestApp();
    app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    await liftYearCaps(t);
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    [{ id: henan }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410000'`);
    office = await t.login('wugang.admin');
    const leader = await t.login('wugang.leader');
    const partHead = await t.login('wugang.head02');
    const dept = async (name: string) => (await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = $2`, [wugang, name]))[0].id as string;
    const [leadDept, partDept] = [await dept('规划股'), await dept('测绘地理信息股')];
    const item = async (department: string) =>
      (await t.sql(`SELECT id, name FROM inspection_items WHERE tenant_id = $1 AND department_id = $2 ORDER BY position LIMIT 1`, [wugang, department]))[0];
    [leadItem, partItem] = [await item(leadDept), await item(partDept)];
    const created = await t.gql(
      'mutation($input: TaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          kind: 'SPECIAL',
          reason: '测试：同局两个部门联合专项检查',
          title: '舞钢市规划股、测绘地理信息股联合抽查（逾期计数）',
          purpose: '同一单位两个部门联合检查',
          procedure: '摇号 → 联合检查 → 各部门各自报告',
          divisionOfLabour: '规划股牵头，测绘地理信息股参加',
          confidentiality: '结果公示前不得泄露',
          startsOn: today,
          endsOn: `${today.slice(0, 4)}-12-31`,
          teamSize: 2,
          joint: true,
          leadDepartmentId: toGlobalId('Department', leadDept),
          items: [{ itemId: toGlobalId('InspectionItem', leadItem.id), ratio: '0.10' }],
        },
      },
      office,
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const taskId = created.data.createTask.id;
    taskUuid = fromGlobalUuid(taskId, 'Task')!;
    await approveLate(t, taskId, leader);
    const invited = await t.gql(
      'mutation($task: ID!, $dept: ID!) { inviteJointParticipant(taskId: $task, departmentId: $dept) { id } }',
      { task: taskId, dept: toGlobalId('Department', partDept) },
      office,
    );
    partId = invited.data.inviteJointParticipant.id;
    await t.gql('mutation($id: ID!) { respondJointInvitation(id: $id, accept: true, note: "同意") { status } }', { id: partId }, partHead);
    const inspectors = await t.sql(
      `SELECT id FROM inspectors WHERE tenant_id = $1 AND department_id = $2 AND status = 'ACTIVE' AND certificate_valid_to >= $3`,
      [wugang, partDept, `${today.slice(0, 4)}-12-31`],
    );
    const saved = await t.gql(
      'mutation($id: ID!, $input: JointPartInput!) { saveJointPart(id: $id, input: $input) { id } }',
      {
        id: partId,
        input: { itemIds: [toGlobalId('InspectionItem', partItem.id)], inspectorIds: inspectors.map((r) => toGlobalId('Inspector', r.id)) },
      },
      partHead,
    );
    if (saved.errors) throw new Error(JSON.stringify(saved.errors));
    const drawId = (await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: taskId }, office)).data.commitDraw.id;
    drawUuid = fromGlobalUuid(drawId, 'Draw')!;
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 逾期计数") { id } }', { id: drawId }, leader);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "274") { id } }', { id: drawId }, office);
    const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office);
    if (drawn.errors) throw new Error(JSON.stringify(drawn.errors));
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  /** The bureau's dashboard figure per item, through the function the app calls as the bureau. */
  async function itemOverdue(): Promise<Record<string, number>> {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [wugang]);
      const rows = (
        await app.query(`SELECT key, overdue FROM dashboard_figures(ARRAY[$1]::uuid[], $2, $3, $4) WHERE dim = 'item'`, [
          wugang,
          Number(today.slice(0, 4)),
          closed,
          PROBLEM_CODES,
        ])
      ).rows;
      return Object.fromEntries(rows.map((r) => [r.key, Number(r.overdue)]));
    } finally {
      await app.query('ROLLBACK');
    }
  }

  /** The same figure by the hand-written floor (keyed by item name, summed over 河南's bureaus). */
  async function floorOverdue(): Promise<Record<string, number>> {
    const rows = await t.sql(PROVINCIAL_FLOOR_SQL, [henan, Number(today.slice(0, 4)), closed, PROBLEM_CODES]);
    return Object.fromEntries(rows.filter((r) => r.dim === 'item').map((r) => [r.key, Number(r.overdue)]));
  }

  async function sweep() {
    const items = await inTenant(t.app.services.db, wugang, (m) => unreportedSelections.due(m, new Date(`${closed}T09:00:00+08:00`), wugang));
    const n = (key: string) => Number(items.find((i) => i.key === key)?.body?.match(/尚有 (\d+) 个/)?.[1] ?? 0);
    return { lead: n(`task:${taskUuid}:unreported`), part: n(`joint:${fromGlobalUuid(partId, 'JointParticipation')}:unreported`) };
  }

  it('a participant’s submitted part leaves the lead’s part of the same entity overdue, in the sweep, the task and the dashboards', async () => {
    const [{ n: drawnCount }] = await t.sql(`SELECT count(*)::int AS n FROM draw_selections WHERE tenant_id = $1 AND draw_id = $2`, [wugang, drawUuid]);
    expect(drawnCount).toBeGreaterThan(0);
    // The window closes today: from tomorrow every part of every drawn entity is overdue.
    await t.sql(`BEGIN; SET LOCAL session_replication_role = replica; UPDATE tasks SET ends_on = '${today}' WHERE id = '${taskUuid}'; COMMIT;`);
    const dashBefore = await itemOverdue();
    const floorBefore = await floorOverdue();
    expect(await sweep()).toEqual({ lead: drawnCount, part: drawnCount });

    // The participating department reports its part of the first entity; the lead's part stays unreported.
    const [{ seq, inspector_ids }] = await t.sql(`SELECT seq, inspector_ids FROM draw_selections WHERE tenant_id = $1 AND draw_id = $2 ORDER BY seq LIMIT 1`, [
      wugang,
      drawUuid,
    ]);
    const partTeam = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id JOIN joint_participants p ON i.id = ANY(p.inspector_ids)
      WHERE p.id = $1 AND i.id = ANY($2) ORDER BY u.username`,
      [fromGlobalUuid(partId, 'JointParticipation'), inspector_ids],
    );
    const tokens = await Promise.all(partTeam.map((r) => t.login(r.username)));
    const opened = await t.gql('mutation($p: ID!, $s: Int!) { openJointInspection(participationId: $p, seq: $s) { id } }', { p: partId, s: seq }, tokens[0]);
    expect(opened.errors).toBeUndefined();
    const id = opened.data.openJointInspection.id;
    const input = {
      inspectedOn: today,
      place: '舞钢市',
      siteConditions: '联合实地核查，资料齐全',
      findings: null,
      resultCategory: 'NO_PROBLEM',
      interviewNotes: null,
    };
    expect(
      (await t.gql('mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { id } }', { id, input }, tokens[0])).errors,
    ).toBeUndefined();
    await proposeHandling(t, id, tokens[0]!);
    for (const token of tokens) await t.gql('mutation($id: ID!) { confirmInspection(id: $id) { id } }', { id }, token);
    const submitted = await t.gql('mutation($id: ID!) { transitionInspection(id: $id, action: SUBMIT) { status } }', { id }, tokens[0]);
    expect(submitted.errors).toBeUndefined();

    expect(await sweep()).toEqual({ lead: drawnCount, part: drawnCount - 1 });
    expect(await inTenant(t.app.services.db, wugang, (m) => unreportedAfterWindow(m, wugang, taskUuid, closed))).toBe(drawnCount);
    const dashAfter = await itemOverdue();
    expect([dashAfter[leadItem.id]! - dashBefore[leadItem.id]!, dashAfter[partItem.id]! - dashBefore[partItem.id]!]).toEqual([0, -1]);
    const floorAfter = await floorOverdue();
    expect([floorAfter[leadItem.name]! - floorBefore[leadItem.name]!, floorAfter[partItem.name]! - floorBefore[partItem.name]!]).toEqual([0, -1]);
  });
});
