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
 * SQL answering the users who may take a next step of the record ($1 tenant, $2 record) in `status`: the
 * workflow's role for it and the same guards as `availableActions` (the team submits, the item's
 * department head reviews, nobody takes two duties of one record), each user in the place of the viewer.
 */
function nextActorsSql(status: string): string | null {
  const parts = INSPECTION_WORKFLOW.transitions
    .filter((t) => t.from.includes(status as never))
    .map((t) => {
      const guard = guardOf(t.action, `COALESCE(ux.id, '${NOBODY}'::uuid)`)
        .replace(/:guardDepartment/g, 'u.department_id')
        .replace(/:guardUser/g, 'u.id');
      return `(EXISTS (SELECT 1 FROM unnest(u.roles) r WHERE r::text IN (${t.roles.map((r) => `'${r}'`).join(', ')})) AND ${guard})`;
    });
  if (!parts.length) return null;
  return `SELECT u.id FROM inspections i JOIN users u ON u.tenant_id = i.tenant_id AND u.status = 'ACTIVE'
       LEFT JOIN LATERAL (SELECT x.id FROM inspectors x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id ORDER BY x.id LIMIT 1) ux ON true
      WHERE i.tenant_id = $1 AND i.id = $2 AND (${parts.join(' OR ')})`;
}

/** SQL answering the accounts of the team of the record ($1 tenant, $2 record). */
export const TEAM_USERS_SQL = `SELECT x.user_id AS id FROM inspections i JOIN inspectors x ON x.tenant_id = i.tenant_id AND x.id = ANY(i.team_ids)
  WHERE i.tenant_id = $1 AND i.id = $2 AND x.user_id IS NOT NULL`;

/**
 * Tells those who act next on the record (and, for some steps, its team) of the step just taken; never
 * the actor. One statement.
 */
export async function noticeOfStep(m: EntityManager, record: Inspection, action: InspectionAction, actorId: string, comment: string | null): Promise<void> {
  const notice = NOTICE_OF[action];
  const sources = [nextActorsSql(record.status), notice.team ? TEAM_USERS_SQL : null].filter((q): q is string => q !== null);
  if (!sources.length) return;
  await notify(m, {
    tenantId: record.tenantId,
    recipients: { sql: sources.join(' UNION '), params: [record.tenantId, record.id] },
    except: actorId,
    kind: notice.kind,
    title: `${notice.title}：${record.entityName}`,
    body: comment,
    link: `/inspections/${toGlobalId('Inspection', record.id)}`,
  });
}
