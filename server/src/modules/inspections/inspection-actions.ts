import type { EntityManager } from 'typeorm';
import { INSPECTION_WORKFLOW, type InspectionAction, type RecordDuty, type Role } from '@spotcheck/shared';
import { Inspection } from './inspection.entity';
import { VIEWER_INSPECTOR_SQL, viewerInspectorParameters } from './inspection-access';
import { recordTrail, type RecordTrail } from './inspection-trail';

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
export function oneDutyGuard(duty: RecordDuty, inspector = ':guardInspector'): string {
  const others = (Object.keys(DUTY_OF_ACTION) as InspectionAction[])
    .filter((a) => DUTY_OF_ACTION[a] !== duty)
    .map((a) => `'${a}'`)
    .join(', ');
  return `(NOT EXISTS (SELECT 1 FROM inspection_steps ds WHERE ds.tenant_id = i.tenant_id AND ds.inspection_id = i.id
      AND ds.user_id = :guardUser AND ds.action IN (${others}))${duty === 'REPORT' ? '' : ` AND NOT (${inspector} = ANY(i.team_ids))`})`;
}

/**
 * What an action needs beyond the workflow's role, as SQL over the record `i`: the team submits, the
 * department head reviews, and nobody takes two duties of one record. The `availableActions` field and
 * the `awaitingMe` filter both use these, and the workflow service refuses the same cases.
 */
export function guardOf(action: InspectionAction, inspector = ':guardInspector'): string {
  const guards: Record<InspectionAction, () => string> = {
    SUBMIT: () => `(${inspector} = ANY(i.team_ids) AND ${oneDutyGuard('REPORT', inspector)})`,
    RETURN: () => `(${REVIEWER_GUARD} AND ${oneDutyGuard('REVIEW', inspector)})`,
    PASS_REVIEW: () => `(${REVIEWER_GUARD} AND ${oneDutyGuard('REVIEW', inspector)})`,
    REJECT: () => oneDutyGuard('APPROVAL', inspector),
    APPROVE: () => oneDutyGuard('APPROVAL', inspector),
    PUBLISH: () => oneDutyGuard('PUBLICATION', inspector),
  };
  return guards[action]();
}

export function guardParameters(viewer: ActionViewer): Record<string, unknown> {
  return { guardInspector: viewer.inspectorId ?? NOBODY, guardDepartment: viewer.departmentId, guardUser: viewer.userId };
}

const quoted = (states: readonly string[]) => states.map((s) => `'${s}'`).join(', ');

/**
 * SQL over the record `i`: true when the viewer has an action on it (the roles of the workflow, and the
 * guards). Null when the viewer's roles take no action at all. Bind `guardParameters(viewer)`.
 */
export function awaitingCondition(viewer: Pick<ActionViewer, 'roles'>, inspector = ':guardInspector'): string | null {
  const parts = INSPECTION_WORKFLOW.transitions
    .filter((t) => t.roles.some((r) => viewer.roles.includes(r)))
    .map((t) => {
      return `(i.status IN (${quoted(t.from)}) AND ${guardOf(t.action, inspector)})`;
    });
  return parts.length ? `(${parts.join(' OR ')})` : null;
}

/** What a transition of one record checks and writes, read in one statement after the record is locked. */
export interface TransitionFacts {
  /** The viewer's own inspector row in the bureau, if any. */
  inspectorId: string | null;
  /** The viewer's name as the step records it. */
  userName: string | null;
  /** The department head may review it (REVIEWER_GUARD). */
  mayReview: boolean;
  /** The viewer has taken no other duty of it than the action's (oneDutyGuard). */
  keepsOneDuty: boolean;
  /** Its steps and confirmations so far, as its page shows them. */
  trail: RecordTrail;
}

/**
 * The viewer's inspector row and name, the reviewer and four-eyes guards, and the record's trail (what
 * its page shows with it), in one statement. It must run after the record's lock: a statement that waited for the lock would
 * still see the other transaction's steps as of its own start.
 */
export async function transitionFacts(
  m: EntityManager,
  record: Pick<Inspection, 'tenantId' | 'id'>,
  duty: RecordDuty,
  viewer: Pick<ActionViewer, 'userId' | 'departmentId'>,
): Promise<TransitionFacts> {
  const trail = recordTrail(m.connection);
  const row = (await m
    .createQueryBuilder()
    .from(Inspection, 'i')
    .innerJoin(
      (q) =>
        q
          .select('(SELECT x.id FROM inspectors x WHERE x.tenant_id = :tenant AND x.user_id = :guardUser ORDER BY x.id LIMIT 1)', 'inspector_id')
          .addSelect('(SELECT u.display_name FROM users u WHERE u.tenant_id = :tenant AND u.id = :guardUser)', 'user_name')
          .fromDummy(),
      'me',
      'true',
    )
    .select('me.inspector_id', 'inspector_id')
    .addSelect('me.user_name', 'user_name')
    .addSelect(REVIEWER_GUARD, 'may_review')
    .addSelect(oneDutyGuard(duty, `COALESCE(me.inspector_id, '${NOBODY}'::uuid)`), 'keeps_one_duty')
    .addSelect(trail.stepsColumn, 'trail_steps')
    .addSelect(trail.confirmationsColumn, 'trail_confirmations')
    .where('i.tenant_id = :tenant AND i.id = :id', { tenant: record.tenantId, id: record.id })
    .setParameters({ guardUser: viewer.userId, guardDepartment: viewer.departmentId })
    .getRawOne()) as {
    inspector_id: string | null;
    user_name: string | null;
    may_review: boolean;
    keeps_one_duty: boolean;
  } & Parameters<typeof trail.hydrate>[0];
  return {
    inspectorId: row.inspector_id,
    userName: row.user_name,
    mayReview: row.may_review === true,
    keepsOneDuty: row.keeps_one_duty === true,
    trail: trail.hydrate(row),
  };
}

/**
 * For each record of `ids`, those of `actions` whose guard lets the viewer take it: one statement for
 * all. A viewer whose inspector row this request has not read yet (`inspectorId` undefined) has it
 * read by the same statement.
 */
export async function actionGuards(
  m: EntityManager,
  tenantId: string,
  ids: string[],
  actions: InspectionAction[],
  viewer: Omit<ActionViewer, 'inspectorId'> & { inspectorId: string | null | undefined },
): Promise<Map<string, Set<InspectionAction>>> {
  const known = viewer.inspectorId !== undefined;
  const query = m
    .createQueryBuilder()
    .from(Inspection, 'i')
    .select('i.id', 'id')
    .where('i.tenant_id = :tenant AND i.id IN (:...ids)', { tenant: tenantId, ids })
    .setParameters(guardParameters({ ...viewer, inspectorId: viewer.inspectorId ?? null }))
    .setParameters(viewerInspectorParameters({ tenantId, userId: viewer.userId }));
  actions.forEach((action, n) => query.addSelect(guardOf(action, known ? ':guardInspector' : VIEWER_INSPECTOR_SQL), `g${n}`));
  const rows = (await query.getRawMany()) as Record<string, unknown>[];
  return new Map(rows.map((row) => [row.id as string, new Set(actions.filter((_, n) => row[`g${n}`] === true))]));
}
