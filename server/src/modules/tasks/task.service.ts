import crypto from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import {
  ENTITY_STATUS,
  RISK_CLASS_LABELS,
  Ratio,
  asSubject,
  fromGlobalUuid,
  labelProblems,
  ratioBp,
  toGlobalId,
  type FieldProblem,
  type RuleViolation,
} from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { resolveRefs } from '../../lib/resolve-ref';
import { InspectionItem, ItemStatus } from '../items/inspection-item.entity';
import { Department } from '../departments/department.entity';
import { AnnualPlan, PlanStatus } from '../plans/annual-plan.entity';
import { AnnualPlanItem } from '../plans/annual-plan-item.entity';
import { RuleSetVersion } from '../rules/rule-set.entity';
import { currentTenantArea } from '../regions/region-area';
import { parseDate } from '../inspectors/inspector-fields';
import { Task, TaskKind, TaskStatus, type InspectorFilter, type TargetFilter } from './task.entity';
import { refuseViolations, yearCapViolations } from './year-caps';
import { todayInChina } from '../inspections/inspection-deadlines';
import { TaskItem } from './task-item.entity';
import { assertNotFrozen, assertTaskKeeper, ownershipOf } from './task-keeper';
import { JointParticipation, JointStatus } from '../joint/joint-participant.entity';

export interface TaskInput {
  /** PLANNED (default): a round of the published plan; SPECIAL: 专项检查 outside it. */
  kind?: TaskKind | null;
  /** 专项检查's 事由, or why a task is made for a window already begun or closed. */
  reason?: string | null;
  planId?: string | null;
  round?: number | null;
  title: string;
  purpose: string;
  procedure: string;
  divisionOfLabour: string;
  confidentiality: string;
  startsOn: string;
  endsOn: string;
  teamSize: number;
  targetFilter?: TargetFilter | null;
  inspectorFilter?: InspectorFilter | null;
  items: { itemId: string; ratio: string }[];
  /** A joint task (联合抽查) led by `leadDepartmentId` of this bureau. */
  joint?: boolean | null;
  leadDepartmentId?: string | null;
}

/** Tasks are planned by the office and by department heads (each task then kept as assertTaskKeeper says). */
export function assertPlanner(ctx: RequestContext): void {
  const viewer = requireViewer(ctx);
  const office = ctx.ability.can('manage', asSubject('Department', { tenantId: viewer.tenantId }));
  if (!office && !viewer.roles.includes('DEPARTMENT_HEAD')) throw forbidden('抽查任务由领导小组办公室或检查部门负责人制定');
}

export async function saveTask(ctx: RequestContext, globalId: string | null, input: TaskInput): Promise<Task> {
  const viewer = requireViewer(ctx);
  assertPlanner(ctx);
  const shape = checkShape(input);
  return tenantTx(ctx, async (m) => {
    let task: Task | null = null;
    if (globalId) {
      task = await loadTask(m, globalId);
      assertTaskKeeper(ctx, await ownershipOf(m, task));
      assertNotFrozen(task, '修改');
    }
    const items = await resolveItems(m, input.items);
    // Input that names things that do not exist is refused as such before any rule is weighed.
    const targetFilter = await checkTargetFilter(m, input.targetFilter ?? {});
    const inspectorFilter = await checkInspectorFilter(m, input.inspectorFilter ?? {});
    const lead = await checkJoint(m, task, input);
    // The task as it will stand must be the viewer's to keep too: a head cannot hand it to another department's items.
    assertTaskKeeper(ctx, { ...lead, itemDepartmentIds: [...items.values()].map((i) => i.departmentId) });
    const kind = input.kind ?? TaskKind.PLANNED;
    const plan = kind === TaskKind.PLANNED && input.planId ? await resolvePlan(m, input.planId) : null;
    const rules = await m.findOneOrFail(RuleSetVersion, { where: {}, order: { version: 'DESC' } });
    const violations = await taskViolations(m, input, shape, items, plan, rules);
    violations.push(...windowViolations(kind, shape, reasonOf(input)));
    if (!violations.length) {
      const year = Number(shape.startsOn.slice(0, 4));
      violations.push(...(await yearCapViolations(m, viewer.tenantId, year, kind, [...items.values()], task?.id ?? null, targetFilter.riskClasses)));
    }
    refuseViolations('任务不符合规则', violations);
    const values = {
      kind,
      reason: reasonOf(input),
      needsLeaderApproval: kind === TaskKind.SPECIAL || shape.startsOn < todayInChina(),
      // Whatever a leader approved was the task as it stood: a change asks again.
      leaderApprovedBy: null,
      leaderApprovedAt: null,
      leaderComment: null,
      planId: plan?.id ?? null,
      round: plan ? (input.round ?? null) : null,
      title: input.title.trim(),
      purpose: input.purpose.trim(),
      procedure: input.procedure.trim(),
      divisionOfLabour: input.divisionOfLabour.trim(),
      confidentiality: input.confidentiality.trim(),
      startsOn: shape.startsOn,
      endsOn: shape.endsOn,
      teamSize: input.teamSize,
      ruleVersion: rules.version,
      targetFilter,
      inspectorFilter,
      ...lead,
    };
    const id = task?.id ?? crypto.randomUUID();
    if (task) await m.update(Task, { tenantId: viewer.tenantId, id }, values as never);
    else await m.insert(Task, { ...values, tenantId: viewer.tenantId, id, status: TaskStatus.DRAFT, createdBy: viewer.userId } as never);
    await m.delete(TaskItem, { taskId: id });
    await m.insert(
      TaskItem,
      input.items.map((i) => ({ tenantId: viewer.tenantId, taskId: id, itemId: items.get(i.itemId)!.id, ratio: i.ratio })),
    );
    await appendAudit(m, actorOf(ctx), { action: task ? 'task.update' : 'task.create', objectType: 'Task', objectId: toGlobalId('Task', id), after: input });
    return m.findOneByOrFail(Task, { tenantId: viewer.tenantId, id });
  });
}

export async function cancelTask(ctx: RequestContext, globalId: string, reason: string): Promise<Task> {
  assertPlanner(ctx);
  if (!reason.trim()) throw badInput([{ field: 'reason', message: '请说明取消理由' }]);
  return tenantTx(ctx, async (m) => {
    const task = await loadTask(m, globalId);
    assertTaskKeeper(ctx, await ownershipOf(m, task));
    assertNotFrozen(task, '取消');
    await m.update(Task, { tenantId: task.tenantId, id: task.id }, { status: TaskStatus.CANCELLED });
    await appendAudit(m, actorOf(ctx), {
      action: 'task.cancel',
      objectType: 'Task',
      objectId: toGlobalId('Task', task.id),
      before: { status: task.status },
      after: { status: TaskStatus.CANCELLED, reason },
    });
    return m.findOneByOrFail(Task, { tenantId: task.tenantId, id: task.id });
  });
}

const reasonOf = (input: TaskInput): string | null => input.reason?.trim() || null;

/**
 * A task's window lies in one year and has not begun (Beijing date) — unless the office gives its reason,
 * and then the task waits for a leader's approval before its pool can be frozen.
 */
function windowViolations(kind: TaskKind, dates: { startsOn: string; endsOn: string }, reason: string | null): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (dates.startsOn.slice(0, 4) !== dates.endsOn.slice(0, 4)) out.push({ rule: 'task.window', message: '检查期须在同一年度内' });
  const today = todayInChina();
  if (dates.startsOn < today && !reason) {
    const state = dates.endsOn < today ? '已经结束' : '已经开始';
    out.push({ rule: 'task.window', message: `检查期 ${dates.startsOn} 至 ${dates.endsOn} ${state}（今天是 ${today}）：须说明理由并经分管领导批准` });
  }
  if (kind === TaskKind.SPECIAL && !reason) out.push({ rule: 'special.reason', message: '专项检查须写明事由（如投诉举报、上级交办、转办线索）' });
  return out;
}

/**
 * 分管领导批准: a 专项检查, or a task whose window has begun or closed, may have its pool frozen only after a
 * leader — not whoever made the task — approves it as it stands, with a reason kept in the audit trail.
 */
export async function approveTask(ctx: RequestContext, globalId: string, comment: string): Promise<Task> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('专项检查和补办的检查期须由分管领导批准');
  if (!comment.trim()) throw badInput([{ field: 'comment', message: '请填写批准意见和理由' }]);
  return tenantTx(ctx, async (m) => {
    const task = await loadTask(m, globalId);
    await m.query('SELECT 1 FROM tasks WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [task.tenantId, task.id]);
    if (task.status !== TaskStatus.DRAFT) throw ruleViolation('TASK_STATE', '名单已封存的任务不再审批');
    if (!needsApproval(task)) throw ruleViolation('task.approval', '该任务属于年度计划且检查期尚未开始，无需领导批准');
    if (task.createdBy === viewer.userId) throw forbidden('不能批准本人制定的任务');
    const approval = { leaderApprovedBy: viewer.userId, leaderApprovedAt: new Date(), leaderComment: comment.trim() };
    await m.update(Task, { tenantId: task.tenantId, id: task.id }, approval);
    await appendAudit(m, actorOf(ctx), {
      action: 'task.approve',
      objectType: 'Task',
      objectId: toGlobalId('Task', task.id),
      after: { kind: task.kind, reason: task.reason, startsOn: task.startsOn, endsOn: task.endsOn, comment: approval.leaderComment },
    });
    return m.findOneByOrFail(Task, { tenantId: task.tenantId, id: task.id });
  });
}

/**
 * Checked again when the pool is frozen (the year may have filled up since the task was made, a window
 * may have closed): the plan, the leader's approval where one is needed, and the yearly caps.
 */
export async function assertMayCommit(m: EntityManager, task: Task): Promise<void> {
  const violations: RuleViolation[] = [];
  if (task.kind === TaskKind.PLANNED && !task.planId) {
    violations.push({ rule: 'task.plan', message: '双随机抽查任务须属于本单位已公布的年度计划的某一轮；计划外的检查请按专项检查办理' });
  }
  if (needsApproval(task) && !task.leaderApprovedAt) {
    if (task.kind === TaskKind.SPECIAL) violations.push({ rule: 'special.approval', message: '专项检查须经分管领导批准后才能封存名单' });
    const today = todayInChina();
    if (task.startsOn < today) {
      const state = task.endsOn < today ? '已经结束' : '已经开始';
      violations.push({ rule: 'task.window', message: `检查期 ${task.startsOn} 至 ${task.endsOn} ${state}（今天是 ${today}），未经分管领导批准不能封存名单` });
    }
  }
  const itemIds = (await m.findBy(TaskItem, { tenantId: task.tenantId, taskId: task.id })).map((i) => i.itemId);
  const items = await m.findBy(InspectionItem, { tenantId: task.tenantId, id: In(itemIds) });
  violations.push(...(await yearCapViolations(m, task.tenantId, Number(task.startsOn.slice(0, 4)), task.kind, items, task.id, task.targetFilter?.riskClasses)));
  refuseViolations('不能封存名单', violations);
}

/** Whether the task waits for a leader: 专项检查, a window begun when it was made, or closed by now. */
export function needsApproval(task: Task): boolean {
  return task.kind === TaskKind.SPECIAL || task.needsLeaderApproval || task.endsOn < todayInChina();
}

function checkShape(input: TaskInput): { startsOn: string; endsOn: string } {
  const problems: FieldProblem[] = [
    ...labelProblems(input.title, 'title', 200),
    ...labelProblems(input.purpose, 'purpose', 2000),
    ...labelProblems(input.procedure, 'procedure', 4000),
    ...labelProblems(input.divisionOfLabour, 'divisionOfLabour', 4000),
    ...labelProblems(input.confidentiality, 'confidentiality', 2000),
  ];
  const startsOn = parseDate(input.startsOn);
  const endsOn = parseDate(input.endsOn);
  if (!startsOn) problems.push({ field: 'startsOn', message: '日期无效（YYYY-MM-DD）' });
  if (!endsOn) problems.push({ field: 'endsOn', message: '日期无效（YYYY-MM-DD）' });
  if (startsOn && endsOn && startsOn > endsOn) problems.push({ field: 'endsOn', message: '结束日期不能早于开始日期' });
  if (!Number.isInteger(input.teamSize) || input.teamSize < 1 || input.teamSize > 10)
    problems.push({ field: 'teamSize', message: '每组人数须为 1 到 10 的整数' });
  if (!input.items.length) problems.push({ field: 'items', message: '至少选择一个抽查事项' });
  input.items.forEach((item, i) => {
    if (!Ratio.safeParse(item.ratio).success || Number(item.ratio) === 0)
      problems.push({ field: `items.${i}.ratio`, message: '比例须为大于 0、最多 4 位小数的数，如 0.10' });
  });
  if (new Set(input.items.map((i) => i.itemId)).size !== input.items.length) problems.push({ field: 'items', message: '同一事项重复列入' });
  if (problems.length) throw badInput(problems);
  return { startsOn: startsOn!, endsOn: endsOn! };
}

async function taskViolations(
  m: EntityManager,
  input: TaskInput,
  dates: { startsOn: string; endsOn: string },
  items: Map<string, InspectionItem>,
  plan: AnnualPlan | null,
  rules: RuleSetVersion,
): Promise<RuleViolation[]> {
  const out: RuleViolation[] = [];
  if (input.teamSize < rules.rules.team.minSize) out.push({ rule: 'team.minSize', message: `每组至少 ${rules.rules.team.minSize} 名执法人员` });
  const planned = plan ? new Map((await m.findBy(AnnualPlanItem, { planId: plan.id })).map((p) => [p.itemId, p])) : null;
  for (const { itemId, ratio } of input.items) {
    const item = items.get(itemId)!;
    if (item.status !== ItemStatus.PUBLISHED) out.push({ rule: 'item.published', message: `“${item.name}”尚未公布` });
    if (ratioBp(ratio) < ratioBp(item.minRatio))
      out.push({ rule: 'item.minRatio', message: `“${item.name}”抽查比例低于事项清单规定的不低于 ${item.minRatio}` });
    if (ratioBp(ratio) < ratioBp(rules.rules.ratio.min) || ratioBp(ratio) > ratioBp(rules.rules.ratio.max)) {
      out.push({ rule: 'ratio', message: `“${item.name}”抽查比例 ${ratio} 超出细则规定的 ${rules.rules.ratio.min}–${rules.rules.ratio.max}` });
    }
    if (planned && !planned.has(item.id)) out.push({ rule: 'plan.items', message: `“${item.name}”不在年度计划中` });
  }
  if ((input.kind ?? TaskKind.PLANNED) === TaskKind.PLANNED && !plan) {
    out.push({ rule: 'task.plan', message: '双随机抽查任务须属于本单位已公布的年度计划的某一轮；计划外的检查请按专项检查办理（须写明事由并经分管领导批准）' });
  }
  if (plan) {
    if (plan.status === PlanStatus.SUPERSEDED)
      out.push({ rule: 'plan.published', message: `年度计划第 ${plan.version} 版已被新版本替代，请按现行版本制定任务` });
    else if (plan.status !== PlanStatus.PUBLISHED) out.push({ rule: 'plan.published', message: '年度计划尚未公布' });
    if (String(plan.year) !== dates.startsOn.slice(0, 4)) out.push({ rule: 'plan.year', message: `检查期须在 ${plan.year} 年度计划的年度内` });
    const round = plan.schedule.find((r) => r.round === input.round);
    if (!round) out.push({ rule: 'plan.round', message: `年度计划没有第 ${input.round ?? '?'} 轮` });
    else if (dates.startsOn < round.from || dates.endsOn > round.to) {
      out.push({ rule: 'plan.schedule', message: `检查时间须在第 ${round.round} 轮安排的 ${round.from} 至 ${round.to} 之内` });
    }
  }
  return out;
}

async function checkTargetFilter(m: EntityManager, filter: TargetFilter): Promise<TargetFilter> {
  const problems: FieldProblem[] = [];
  const area = await currentTenantArea(m);
  const bad = (filter.regionCodes ?? []).filter((c) => !area.has(c));
  if (bad.length) problems.push({ field: 'targetFilter.regionCodes', message: `不在本单位辖区内：${bad.join('、')}` });
  const statuses = (filter.statuses ?? []).map((s) => ENTITY_STATUS.parse(s));
  if (statuses.some((s) => !s)) problems.push({ field: 'targetFilter.statuses', message: '登记状态无法识别' });
  const risks = [...new Set(filter.riskClasses ?? [])];
  if (risks.some((r) => !Object.hasOwn(RISK_CLASS_LABELS, r)))
    problems.push({ field: 'targetFilter.riskClasses', message: '风险等级须为 HIGH（高风险）、MEDIUM（中风险）或 LOW（低风险）' });
  if (problems.length) throw badInput(problems);
  const clean = (list?: string[]) => (list?.length ? [...new Set(list.map((v) => v.trim()).filter(Boolean))] : undefined);
  return {
    targetTypes: clean(filter.targetTypes),
    regionCodes: clean(filter.regionCodes),
    industries: clean(filter.industries),
    statuses: statuses.length ? (statuses as string[]) : undefined,
    riskClasses: risks.length ? risks : undefined,
  };
}

async function checkInspectorFilter(m: EntityManager, filter: InspectorFilter): Promise<InspectorFilter> {
  const ids = (filter.departmentIds ?? []).map((g) => fromGlobalUuid(g, 'Department'));
  const found = ids.every((id): id is string => !!id) ? await m.countBy(Department, { id: In(ids as string[]) }) : -1;
  if (found !== ids.length) throw badInput([{ field: 'inspectorFilter.departmentIds', message: '部门不存在' }]);
  return { departmentIds: ids.length ? (ids as string[]) : undefined, categories: filter.categories?.length ? filter.categories : undefined };
}

/** A joint task names its lead department; a task with open invitations stays joint. */
async function checkJoint(m: EntityManager, task: Task | null, input: TaskInput): Promise<{ joint: boolean; leadDepartmentId: string | null }> {
  if (!input.joint) {
    const open = task?.joint ? await m.countBy(JointParticipation, { taskId: task.id, status: In([JointStatus.INVITED, JointStatus.ACCEPTED]) }) : 0;
    if (open) throw ruleViolation('JOINT_TASK', '任务已有参与部门，请先撤回邀请再改为非联合任务');
    return { joint: false, leadDepartmentId: null };
  }
  const id = input.leadDepartmentId ? fromGlobalUuid(input.leadDepartmentId, 'Department') : null;
  const department = id ? await m.findOneBy(Department, { id }) : null;
  if (!department) throw badInput([{ field: 'leadDepartmentId', message: input.leadDepartmentId ? '牵头部门不存在' : '联合抽查任务须指定本单位的牵头部门' }]);
  return { joint: true, leadDepartmentId: department.id };
}

function resolveItems(m: EntityManager, wanted: TaskInput['items']): Promise<Map<string, InspectionItem>> {
  return resolveRefs(
    m,
    InspectionItem,
    'InspectionItem',
    wanted.map((w) => w.itemId),
    'items',
    '抽查事项不存在',
  );
}

async function resolvePlan(m: EntityManager, globalId: string): Promise<AnnualPlan> {
  const id = fromGlobalUuid(globalId, 'AnnualPlan');
  const plan = id ? await m.findOneBy(AnnualPlan, { id }) : null;
  if (!plan) throw badInput([{ field: 'planId', message: '年度计划不存在' }]);
  return plan;
}

export async function loadTask(m: EntityManager, globalId: string): Promise<Task> {
  const id = fromGlobalUuid(globalId, 'Task');
  const task = id ? await m.findOneBy(Task, { id }) : null;
  if (!task) throw notFound('抽查任务');
  return task;
}
