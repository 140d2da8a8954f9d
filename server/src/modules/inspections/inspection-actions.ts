import type { EntityManager } from 'typeorm';
import { INSPECTION_WORKFLOW, type InspectionAction, type RecordDuty, type Role } from '@spotcheck/shared';
import { Inspection } from './inspection.entity';

/** Who the viewer is, as far as the record's workflow cares. */
export interface ActionViewer {
  userId: string;
  roles: readonly Role[];
  /** The viewer's own inspector row in the bureau, if any. */
  inspectorId: string | null;
  departmentId: string | null;
}

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * A department head reviews the records of their own department. A joint task's record is a department's
 * part of the visit: the participant's part is its department's (the participation's), the lead's part
 * the lead department's. Any other record is reviewed by item: one of its items has no department or the
 * head's department (or its items are gone).
 */
export const REVIEWER_GUARD = `(CASE
  WHEN i.participation_id IS NOT NULL THEN EXISTS (SELECT 1 FROM joint_participants jp
    WHERE jp.tenant_id = i.tenant_id AND jp.id = i.participation_id AND jp.department_id = :guardDepartment)
  WHEN EXISTS (SELECT 1 FROM tasks jt WHERE jt.tenant_id = i.tenant_id AND jt.id = i.task_id AND jt.joint AND jt.lead_department_id IS NOT NULL)
    THEN EXISTS (SELECT 1 FROM tasks jt WHERE jt.tenant_id = i.tenant_id AND jt.id = i.task_id AND jt.lead_department_id = :guardDepartment)
  ELSE (NOT EXISTS (SELECT 1 FROM inspection_items it WHERE it.tenant_id = i.tenant_id AND it.id = ANY(i.item_ids))
    OR EXISTS (SELECT 1 FROM inspection_items it WHERE it.tenant_id = i.tenant_id AND it.id = ANY(i.item_ids) AND (it.department_id IS NULL OR it.department_id = :guardDepartment)))
END)`;

/** Which duty of the record each action is; one person takes at most one duty of one record. */
export const DUTY_OF_ACTION: Record<InspectionAction, RecordDuty> = {
  SUBMIT: 'REPORT',
  RETURN: 'REVIEW',
  PASS_REVIEW: 'REVIEW',
  REJECT: 'APPROVAL',
  APPROVE: 'APPROVAL',
  PUBLISH: 'PUBLICATION',
};

/**
 * SQL over the record `i`: true while the viewer has taken no other duty of it than `duty` — no step of
 * another duty in its trail, and (unless reporting) not on its team, whatever roles they hold.
 */
export function oneDutyGuard(duty: RecordDuty): string {
  const others = (Object.keys(DUTY_OF_ACTION) as InspectionAction[])
    .filter((a) => DUTY_OF_ACTION[a] !== duty)
    .map((a) => `'${a}'`)
    .join(', ');
  return `(NOT EXISTS (SELECT 1 FROM inspection_steps ds WHERE ds.tenant_id = i.tenant_id AND ds.inspection_id = i.id
      AND ds.user_id = :guardUser AND ds.action IN (${others}))${duty === 'REPORT' ? '' : ' AND NOT (:guardInspector = ANY(i.team_ids))'})`;
}

/**
 * What an action needs beyond the workflow's role, as SQL over the record `i`: the team submits, the
 * department head reviews, and nobody takes two duties of one record. The `availableActions` field and
 * the `awaitingMe` filter both use these, and the workflow service refuses the same cases.
 */
const GUARDS: Record<InspectionAction, string> = {
  SUBMIT: `(:guardInspector = ANY(i.team_ids) AND ${oneDutyGuard('REPORT')})`,
  RETURN: `(${REVIEWER_GUARD} AND ${oneDutyGuard('REVIEW')})`,
  PASS_REVIEW: `(${REVIEWER_GUARD} AND ${oneDutyGuard('REVIEW')})`,
  REJECT: oneDutyGuard('APPROVAL'),
  APPROVE: oneDutyGuard('APPROVAL'),
  PUBLISH: oneDutyGuard('PUBLICATION'),
};

export function guardParameters(viewer: ActionViewer): Record<string, unknown> {
  return { guardInspector: viewer.inspectorId ?? NOBODY, guardDepartment: viewer.departmentId, guardUser: viewer.userId };
}

const quoted = (states: readonly string[]) => states.map((s) => `'${s}'`).join(', ');

/**
 * SQL over the record `i`: true when the viewer has an action on it (the roles of the workflow, and the
 * guards). Null when the viewer's roles take no action at all. Bind `guardParameters(viewer)`.
 */
export function awaitingCondition(viewer: ActionViewer): string | null {
  const parts = INSPECTION_WORKFLOW.transitions
    .filter((t) => t.roles.some((r) => viewer.roles.includes(r)))
    .map((t) => {
      return `(i.status IN (${quoted(t.from)}) AND ${GUARDS[t.action]})`;
    });
  return parts.length ? `(${parts.join(' OR ')})` : null;
}

/** Whether the viewer has taken no other duty of this record than `duty` (the same guard as `availableActions`). */
export async function keepsOneDuty(
  m: EntityManager,
  recordId: string,
  duty: RecordDuty,
  viewer: Pick<ActionViewer, 'userId' | 'inspectorId'>,
): Promise<boolean> {
  const row = (await m
    .createQueryBuilder()
    .from(Inspection, 'i')
    .select(oneDutyGuard(duty), 'ok')
    .where('i.id = :id', { id: recordId })
    .setParameters({ guardUser: viewer.userId, guardInspector: viewer.inspectorId ?? NOBODY })
    .getRawOne()) as { ok: boolean } | undefined;
  return row?.ok === true;
}

/** Whether the department head may review this record (the same guard as `availableActions`). */
export async function mayReview(m: EntityManager, recordId: string, departmentId: string | null): Promise<boolean> {
  const row = (await m
    .createQueryBuilder()
    .from(Inspection, 'i')
    .select(REVIEWER_GUARD, 'ok')
    .where('i.id = :id', { id: recordId })
    .setParameters({ guardDepartment: departmentId })
    .getRawOne()) as { ok: boolean } | undefined;
  return row?.ok === true;
}

/** For each record of `ids`, those of `actions` whose guard lets the viewer take it: one statement for all. */
export async function actionGuards(
  m: EntityManager,
  tenantId: string,
  ids: string[],
  actions: InspectionAction[],
  viewer: ActionViewer,
): Promise<Map<string, Set<InspectionAction>>> {
  const query = m
    .createQueryBuilder()
    .from(Inspection, 'i')
    .select('i.id', 'id')
    .where('i.tenant_id = :tenant AND i.id IN (:...ids)', { tenant: tenantId, ids })
    .setParameters(guardParameters(viewer));
  actions.forEach((action, n) => query.addSelect(GUARDS[action], `g${n}`));
  const rows = (await query.getRawMany()) as Record<string, unknown>[];
  return new Map(rows.map((row) => [row.id as string, new Set(actions.filter((_, n) => row[`g${n}`] === true))]));
}
