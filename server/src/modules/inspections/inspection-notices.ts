import type { EntityManager } from 'typeorm';
import { INSPECTION_WORKFLOW, toGlobalId, type InspectionAction } from '@spotcheck/shared';
import { notify } from '../notifications/notification.service';
import { guardOf } from './inspection-actions';
import type { Inspection } from './inspection.entity';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** What each step tells, and whether the record's team hears of it as well as those who act next. */
const NOTICE_OF: Record<InspectionAction, { kind: string; title: string; team: boolean }> = {
  SUBMIT: { kind: 'RECORD_SUBMITTED', title: '检查记录待审核', team: false },
  RETURN: { kind: 'RECORD_RETURNED', title: '检查记录被退回', team: true },
  PASS_REVIEW: { kind: 'RECORD_REVIEWED', title: '检查记录待审批', team: false },
  REJECT: { kind: 'RECORD_RETURNED', title: '检查记录被领导退回', team: true },
  APPROVE: { kind: 'RECORD_APPROVED', title: '检查记录已审批，待公示', team: true },
  PUBLISH: { kind: 'RECORD_PUBLISHED', title: '检查结果已公示', team: true },
};

/**
 * The users who may take a next step of the record in `status`: the workflow's role for it and the same
 * guards as `availableActions` (the team submits, the item's department head reviews, nobody takes two
 * duties of one record), each user in the place of the viewer.
 */
export async function nextActors(m: EntityManager, record: Pick<Inspection, 'tenantId' | 'id'>, status: string): Promise<string[]> {
  const parts = INSPECTION_WORKFLOW.transitions
    .filter((t) => t.from.includes(status as never))
    .map((t) => {
      const guard = guardOf(t.action, `COALESCE(ux.id, '${NOBODY}'::uuid)`).replace(/:guardDepartment/g, 'u.department_id').replace(/:guardUser/g, 'u.id');
      return `(EXISTS (SELECT 1 FROM unnest(u.roles) r WHERE r::text IN (${t.roles.map((r) => `'${r}'`).join(', ')})) AND ${guard})`;
    });
  if (!parts.length) return [];
  const rows = (await m.query(
    `SELECT u.id FROM inspections i JOIN users u ON u.tenant_id = i.tenant_id AND u.status = 'ACTIVE'
       LEFT JOIN LATERAL (SELECT x.id FROM inspectors x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id ORDER BY x.id LIMIT 1) ux ON true
      WHERE i.tenant_id = $1 AND i.id = $2 AND (${parts.join(' OR ')})`,
    [record.tenantId, record.id],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The accounts of the record's team. */
export async function teamUsers(m: EntityManager, record: Pick<Inspection, 'tenantId' | 'teamIds'>): Promise<string[]> {
  const rows = (await m.query(`SELECT user_id FROM inspectors WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND user_id IS NOT NULL`, [
    record.tenantId,
    record.teamIds,
  ])) as { user_id: string }[];
  return rows.map((r) => r.user_id);
}

/** Tells those who act next on the record (and, for some steps, its team) of the step just taken; never the actor. */
export async function noticeOfStep(m: EntityManager, record: Inspection, action: InspectionAction, actorId: string, comment: string | null): Promise<void> {
  const notice = NOTICE_OF[action];
  const told = new Set(await nextActors(m, record, record.status));
  if (notice.team) for (const id of await teamUsers(m, record)) told.add(id);
  told.delete(actorId);
  await notify(m, {
    tenantId: record.tenantId,
    userIds: [...told],
    kind: notice.kind,
    title: `${notice.title}：${record.entityName}`,
    body: comment,
    link: `/inspections/${toGlobalId('Inspection', record.id)}`,
  });
}
