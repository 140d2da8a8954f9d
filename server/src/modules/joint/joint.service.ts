import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { resolveRefs } from '../../lib/resolve-ref';
import { InspectionItem, ItemStatus } from '../items/inspection-item.entity';
import { Inspector, InspectorStatus } from '../inspectors/inspector.entity';
import { Task, TaskKind, TaskStatus } from '../tasks/task.entity';
import { refuseViolations, yearCapViolations } from '../tasks/year-caps';
import { assertPlanner, loadTask } from '../tasks/task.service';
import { assertTaskKeeper, ownershipOf } from '../tasks/task-keeper';
import { JointParticipation, JointStatus } from './joint-participant.entity';
import { jointTaskRows, partnerDepartment } from './joint-views';

export interface JointPartInput {
  itemIds: string[];
  inspectorIds: string[];
  /** Lead task items (global InspectionItem ids of the lead) the part applies to; empty = all. */
  leadItemIds?: string[] | null;
}

const OPEN = [JointStatus.INVITED, JointStatus.ACCEPTED];

/** The lead invites a department of its own bureau or of another bureau to a joint task still in draft. */
export async function inviteParticipant(
  ctx: RequestContext,
  taskGlobalId: string,
  departmentGlobalId: string,
  message?: string | null,
): Promise<JointParticipation> {
  const viewer = requireViewer(ctx);
  assertPlanner(ctx);
  const note = message?.trim() || null;
  if (note && note.length > 500) throw badInput([{ field: 'message', message: '邀请说明不超过 500 字' }]);
  return tenantTx(ctx, async (m) => {
    const task = await lockLeadTask(m, taskGlobalId);
    assertTaskKeeper(ctx, await ownershipOf(m, task));
    const departmentId = fromGlobalUuid(departmentGlobalId, 'Department');
    const department = departmentId ? await partnerDepartment(m, departmentId) : null;
    if (!department) throw badInput([{ field: 'departmentId', message: '部门不存在' }]);
    if (department.tenant_id === viewer.tenantId && department.id === task.leadDepartmentId) {
      throw badInput([{ field: 'departmentId', message: '牵头部门无需邀请自己' }]);
    }
    const existing = await m.findOneBy(JointParticipation, { tenantId: department.tenant_id, taskId: task.id, departmentId: department.id });
    if (existing && OPEN.includes(existing.status)) throw conflict(`已邀请${department.tenant_name}${department.name}`);
    const id = existing?.id ?? crypto.randomUUID();
    const values = {
      status: JointStatus.INVITED,
      message: note,
      responseNote: null,
      respondedAt: null,
      respondedBy: null,
      invitedBy: viewer.userId,
      itemIds: [],
      inspectorIds: [],
      leadItemIds: [],
    };
    if (existing) await m.update(JointParticipation, { tenantId: existing.tenantId, id }, values);
    else
      await m.insert(JointParticipation, {
        ...values,
        id,
        tenantId: department.tenant_id,
        leadTenantId: viewer.tenantId,
        taskId: task.id,
        departmentId: department.id,
      });
    await appendAudit(m, actorOf(ctx), {
      action: 'joint.invite',
      objectType: 'JointParticipation',
      objectId: toGlobalId('JointParticipation', id),
      after: { task: toGlobalId('Task', task.id), bureau: department.tenant_name, department: department.name, message: note },
    });
    return m.findOneByOrFail(JointParticipation, { tenantId: department.tenant_id, id });
  });
}

/** The lead withdraws an invitation (or a participant) while the task is still in draft. */
export async function withdrawParticipant(ctx: RequestContext, globalId: string): Promise<JointParticipation> {
  const viewer = requireViewer(ctx);
  assertPlanner(ctx);
  return tenantTx(ctx, async (m) => {
    const part = await lockParticipation(m, globalId);
    if (part.leadTenantId !== viewer.tenantId) throw forbidden('只有牵头单位可以撤回邀请');
    const task = await m.findOneByOrFail(Task, { tenantId: viewer.tenantId, id: part.taskId });
    assertTaskKeeper(ctx, await ownershipOf(m, task));
    if (task.status !== TaskStatus.DRAFT) throw ruleViolation('TASK_STATE', '名单已封存，参与部门不能再变动');
    if (!OPEN.includes(part.status)) throw ruleViolation('JOINT_STATE', '该邀请已结束');
    await m.update(JointParticipation, { tenantId: part.tenantId, id: part.id }, { status: JointStatus.WITHDRAWN });
    await appendAudit(m, actorOf(ctx), {
      action: 'joint.withdraw',
      objectType: 'JointParticipation',
      objectId: toGlobalId('JointParticipation', part.id),
      before: { status: part.status },
    });
    return m.findOneByOrFail(JointParticipation, { tenantId: part.tenantId, id: part.id });
  });
}

/** The invited department (its head, or its bureau's office) accepts or declines. */
export async function respondToInvitation(ctx: RequestContext, globalId: string, accept: boolean, note?: string | null): Promise<JointParticipation> {
  const text = note?.trim() || null;
  if (text && text.length > 500) throw badInput([{ field: 'note', message: '答复意见不超过 500 字' }]);
  if (!accept && !text) throw badInput([{ field: 'note', message: '谢绝邀请请说明理由' }]);
  return tenantTx(ctx, async (m) => {
    const part = await lockOwnParticipation(ctx, m, globalId);
    if (part.status !== JointStatus.INVITED) throw ruleViolation('JOINT_STATE', '该邀请已答复或已撤回');
    await assertLeadDraft(m, part);
    const status = accept ? JointStatus.ACCEPTED : JointStatus.DECLINED;
    await m.update(
      JointParticipation,
      { tenantId: part.tenantId, id: part.id },
      { status, responseNote: text, respondedAt: new Date(), respondedBy: ctx.viewer!.userId },
    );
    await appendAudit(m, actorOf(ctx), {
      action: accept ? 'joint.accept' : 'joint.decline',
      objectType: 'JointParticipation',
      objectId: toGlobalId('JointParticipation', part.id),
      after: { note: text },
    });
    return m.findOneByOrFail(JointParticipation, { tenantId: part.tenantId, id: part.id });
  });
}

/** An accepted participant names its own items and inspectors, and which of the lead's items they join. */
export async function savePart(ctx: RequestContext, globalId: string, input: JointPartInput): Promise<JointParticipation> {
  const problems = [];
  if (!input.itemIds.length) problems.push({ field: 'itemIds', message: '至少选择一个本单位的抽查事项' });
  if (!input.inspectorIds.length) problems.push({ field: 'inspectorIds', message: '至少选择一名本单位的执法检查人员' });
  if (new Set(input.itemIds).size !== input.itemIds.length) problems.push({ field: 'itemIds', message: '事项重复' });
  if (new Set(input.inspectorIds).size !== input.inspectorIds.length) problems.push({ field: 'inspectorIds', message: '检查人员重复' });
  if (problems.length) throw badInput(problems);
  return tenantTx(ctx, async (m) => {
    const part = await lockOwnParticipation(ctx, m, globalId);
    if (part.status !== JointStatus.ACCEPTED) throw ruleViolation('JOINT_STATE', '请先接受邀请');
    const lead = await assertLeadDraft(m, part);
    const items = await resolveRefs(m, InspectionItem, 'InspectionItem', input.itemIds, 'itemIds', '本单位没有该抽查事项');
    const inspectors = await resolveRefs(m, Inspector, 'Inspector', input.inspectorIds, 'inspectorIds', '本单位没有该执法检查人员');
    const bad = [
      ...input.itemIds.flatMap((g, i) =>
        items.get(g)!.status === ItemStatus.PUBLISHED ? [] : [{ field: `itemIds.${i}`, message: `“${items.get(g)!.name}”尚未公布` }],
      ),
      ...input.inspectorIds.flatMap((g, i) =>
        inspectors.get(g)!.status === InspectorStatus.ACTIVE ? [] : [{ field: `inspectorIds.${i}`, message: `${inspectors.get(g)!.name}不在岗，不能参加抽取` }],
      ),
    ];
    const leadItems = new Set(lead.lead_items.map((i) => i.id));
    const leadItemIds = (input.leadItemIds ?? []).map((g, i) => {
      const id = fromGlobalUuid(g, 'InspectionItem');
      if (!id || !leadItems.has(id)) bad.push({ field: `leadItemIds.${i}`, message: '不是牵头任务的抽查事项' });
      return id ?? '';
    });
    if (bad.length) throw badInput(bad);
    // A part is a round of the participant's own items: its yearly caps hold as for its own tasks.
    const year = Number(lead.starts_on.slice(0, 4));
    refuseViolations('参加联合抽查将超出本单位的年度上限', await yearCapViolations(m, part.tenantId, year, TaskKind.SPECIAL, [...items.values()], part.taskId));
    const after = {
      itemIds: input.itemIds.map((g) => items.get(g)!.id),
      inspectorIds: input.inspectorIds.map((g) => inspectors.get(g)!.id),
      leadItemIds: [...new Set(leadItemIds)],
    };
    await m.update(JointParticipation, { tenantId: part.tenantId, id: part.id }, after);
    await appendAudit(m, actorOf(ctx), {
      action: 'joint.part',
      objectType: 'JointParticipation',
      objectId: toGlobalId('JointParticipation', part.id),
      before: { itemIds: part.itemIds, inspectorIds: part.inspectorIds, leadItemIds: part.leadItemIds },
      after,
    });
    return m.findOneByOrFail(JointParticipation, { tenantId: part.tenantId, id: part.id });
  });
}

async function lockLeadTask(m: EntityManager, taskGlobalId: string): Promise<Task> {
  const task = await loadTask(m, taskGlobalId);
  await m.query('SELECT 1 FROM tasks WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [task.tenantId, task.id]);
  if (!task.joint) throw ruleViolation('JOINT_TASK', '该任务不是联合抽查任务');
  if (task.status !== TaskStatus.DRAFT) throw ruleViolation('TASK_STATE', '名单已封存，参与部门不能再变动');
  return task;
}

/**
 * A participation, locked. `tenantId`: the participant bureau's, when the viewer is that bureau; the lead
 * (another bureau) reaches it without, through the joint_parties policy: a read across tenants.
 */
async function lockParticipation(m: EntityManager, globalId: string, tenantId?: string): Promise<JointParticipation> {
  const id = fromGlobalUuid(globalId, 'JointParticipation');
  const query = m.createQueryBuilder(JointParticipation, 'p').setLock('pessimistic_write');
  if (tenantId) query.where('p.tenant_id = :t AND p.id = :id', { t: tenantId, id });
  else query.where('p.id = :id', { id });
  const part = id ? await query.getOne() : null;
  if (!part) throw notFound('联合抽查邀请');
  return part;
}

/** A participation of the viewer's own bureau, which the department's head or the bureau's office answers for. */
async function lockOwnParticipation(ctx: RequestContext, m: EntityManager, globalId: string): Promise<JointParticipation> {
  const viewer = requireViewer(ctx);
  const part = await lockParticipation(m, globalId, viewer.tenantId);
  const office = viewer.roles.includes('OFFICE');
  const head = viewer.roles.includes('DEPARTMENT_HEAD') && viewer.departmentId === part.departmentId;
  if (!office && !head) throw forbidden('联合抽查邀请由受邀部门负责人或领导小组办公室答复');
  return part;
}

/** The lead's task must still be in draft; the participant reads it through the joint view. */
async function assertLeadDraft(m: EntityManager, part: JointParticipation) {
  const [row] = await jointTaskRows(m, 'participation_id = $1', [part.id]);
  if (!row) throw notFound('联合抽查任务');
  if (row.task_status !== TaskStatus.DRAFT) throw ruleViolation('TASK_STATE', '牵头单位已封存名单，不能再变动');
  return row;
}
