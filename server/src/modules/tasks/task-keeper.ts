import type { EntityManager } from 'typeorm';
import { asSubject } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { forbidden, ruleViolation } from '../../graphql/errors';
import { TaskStatus, type Task } from './task.entity';

/** What decides who owns a task: a joint task's lead department, else the departments of its items. */
export interface TaskOwnership {
  joint: boolean;
  leadDepartmentId: string | null;
  itemDepartmentIds: (string | null)[];
}

/**
 * A task is kept (edited, cancelled, its joint partners invited) by the office, or by a department head
 * whose department owns it: the lead department of a joint task, else the department of every one of its
 * items. An item of another department, or of none, leaves the task to the office.
 */
export function assertTaskKeeper(ctx: RequestContext, ownership: TaskOwnership): void {
  const viewer = requireViewer(ctx);
  if (ctx.ability.can('manage', asSubject('Department', { tenantId: viewer.tenantId }))) return;
  const own = viewer.roles.includes('DEPARTMENT_HEAD') ? viewer.departmentId : null;
  const owned =
    own != null &&
    (ownership.joint ? ownership.leadDepartmentId === own : ownership.itemDepartmentIds.length > 0 && ownership.itemDepartmentIds.every((d) => d === own));
  if (!owned) throw forbidden('该任务由领导小组办公室或其事项所属部门（联合抽查为牵头部门）的负责人管理');
}

/** The owning side of a stored task. */
export async function ownershipOf(m: EntityManager, task: Task): Promise<TaskOwnership> {
  const rows = (await m.query(
    `SELECT i.department_id FROM task_items ti JOIN inspection_items i ON i.tenant_id = ti.tenant_id AND i.id = ti.item_id
      WHERE ti.tenant_id = $1 AND ti.task_id = $2`,
    [task.tenantId, task.id],
  )) as { department_id: string | null }[];
  return { joint: task.joint, leadDepartmentId: task.leadDepartmentId, itemDepartmentIds: rows.map((r) => r.department_id) };
}

/** Once the pool is frozen (committed, or drawn) the task stands as published: no edit, no cancel. */
export function assertNotFrozen(task: Task, doing: '修改' | '取消'): void {
  if (task.status === TaskStatus.COMMITTED || task.status === TaskStatus.DRAWN) {
    throw ruleViolation('task.frozen', `名单已封存的任务不能${doing}：封存的名单和摇号承诺已经公示`);
  }
  if (task.status !== TaskStatus.DRAFT) throw ruleViolation('TASK_STATE', `已取消的任务不能${doing}`);
}
