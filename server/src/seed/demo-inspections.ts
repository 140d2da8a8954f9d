import { toGlobalId, type Handling, type InspectionAction, type StandardResultCode } from '@spotcheck/shared';
import type { AppServices, RequestContext } from '../graphql/context';
import { inTenant } from '../db/tenancy';
import { Draw } from '../modules/draws/draw.entity';
import { Task } from '../modules/tasks/task.entity';
import { confirmInspection, openInspection, saveInspection } from '../modules/inspections/inspection.service';
import { transitionInspection } from '../modules/inspections/inspection-workflow.service';
import { proposeHandling } from '../modules/handling/handling.service';
import type { HandlingInput } from '../modules/handling/handling.types';
import { actingAs } from './demo-draw';

const RESULTS: StandardResultCode[] = [
  'NO_PROBLEM',
  'NO_PROBLEM',
  'NO_PROBLEM',
  'CORRECTED',
  'NO_PROBLEM',
  'NO_RELEVANT_ACTIVITY',
  'NO_PROBLEM',
  'UNREACHABLE',
  'NO_PROBLEM',
  'OTHER_VIOLATION',
];
const FINDINGS: Partial<Record<StandardResultCode, string>> = {
  CORRECTED: '土地复垦方案未按期报备，现场责令限期改正，已于检查后 5 日内补报',
  UNREACHABLE: '按登记住所两次实地核查均无法联系，已告知登记机关',
  OTHER_VIOLATION: '存在未批先建行为，现场责令停止建设，限期补办用地手续或恢复原状',
};
const NONE = { deadlineWorkdays: null, targetDepartmentId: null, targetExternalName: null, creditList: null, creditValidUntil: null };
/** The team's 处理建议 for each result: a violation is ordered to be rectified; the rest need no further handling. */
const HANDLING: Partial<Record<StandardResultCode, Handling>> = {
  OTHER_VIOLATION: { ...NONE, outcome: 'RECTIFY', basis: '依据《土地复垦条例》第四十条，责令限期改正', deadlineWorkdays: 15 },
  CORRECTED: { ...NONE, outcome: 'NO_PROBLEM', basis: '问题已当场改正，无需进一步处理' },
  UNREACHABLE: { ...NONE, outcome: 'NO_PROBLEM', basis: '无法联系，已告知登记机关依法处理' },
};
const NO_FURTHER: Handling = { ...NONE, outcome: 'NO_PROBLEM', basis: '未发现违法违规问题' };
const PUBLISHED = 16;
const SUBMITTED = 20;
const RETURNED = 22;

/**
 * 舞钢's 2023 results, recorded through the same services the screens use: each team writes and confirms
 * its record; the department head reviews, the leader approves and the office publishes most of them;
 * a few wait for review or were sent back, so that every screen has something to show.
 */
export async function seedDemoInspections(services: AppServices): Promise<void> {
  const office = await actingAs(services, 'wugang.admin');
  const leader = await actingAs(services, 'wugang.leader');
  const tenantId = office.viewer!.tenantId;
  const { draw, selections, users, heads } = await inTenant(services.db, tenantId, async (m) => {
    const task = await m.findOneOrFail(Task, { where: { startsOn: '2023-06-05' } });
    const draw = await m.findOneByOrFail(Draw, { taskId: task.id });
    const selections = (await m.query('SELECT seq, item_ids, inspector_ids FROM draw_selections WHERE draw_id = $1 ORDER BY seq LIMIT $2', [
      draw.id,
      RETURNED,
    ])) as {
      seq: number;
      item_ids: string[];
      inspector_ids: string[];
    }[];
    const users = new Map(
      ((await m.query('SELECT i.id, u.username FROM inspectors i JOIN users u ON u.id = i.user_id')) as { id: string; username: string }[]).map((r) => [
        r.id,
        r.username,
      ]),
    );
    const heads = new Map(
      (
        (await m.query(
          `SELECT i.id AS item_id, u.username FROM inspection_items i JOIN departments d ON d.id = i.department_id JOIN users u ON u.id = d.head_user_id`,
        )) as { item_id: string; username: string }[]
      ).map((r) => [r.item_id, r.username]),
    );
    return { draw, selections, users, heads };
  });
  const contexts = new Map<string, RequestContext>();
  const as = async (username: string) => contexts.get(username) ?? contexts.set(username, await actingAs(services, username)).get(username)!;

  for (const [i, selection] of selections.entries()) {
    const team = await Promise.all(selection.inspector_ids.map((id) => as(users.get(id)!)));
    const record = await openInspection(team[0]!, toGlobalId('Draw', draw.id), selection.seq);
    const id = toGlobalId('Inspection', record.id);
    const result = RESULTS[i % RESULTS.length]!;
    const day = String(12 + (i % 15)).padStart(2, '0');
    await saveInspection(team[0]!, id, {
      inspectedOn: `2023-06-${day}`,
      place: '检查对象登记住所及生产经营场所',
      siteConditions: '检查组2人出示执法证件，查阅相关批准文件和台账，现场核对用地范围、建设情况和复垦措施',
      findings: FINDINGS[result] ?? null,
      resultCategory: result,
      interviewNotes: '询问法定代表人（负责人），其陈述与现场情况一致',
    });
    await proposeHandling(team[0]!, id, (HANDLING[result] ?? NO_FURTHER) as HandlingInput);
    for (const member of team) await confirmInspection(member, id);
    await transitionInspection(team[0]!, id, 'SUBMIT');
    if (i >= SUBMITTED) {
      await transitionInspection(await as(heads.get(selection.item_ids[0]!)!), id, 'RETURN', '请补充现场照片和询问笔录的签字页');
      continue;
    }
    if (i >= PUBLISHED) continue;
    const steps: [RequestContext, InspectionAction][] = [
      [await as(heads.get(selection.item_ids[0]!)!), 'PASS_REVIEW'],
      [leader, 'APPROVE'],
      [office, 'PUBLISH'],
    ];
    for (const [who, action] of steps) await transitionInspection(who, id, action);
  }
}
