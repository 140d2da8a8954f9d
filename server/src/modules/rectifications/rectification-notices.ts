import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { REVIEWER_GUARD } from '../inspections/inspection-actions';
import { notify } from '../notifications/notification.service';

/** SQL answering the accounts of the re-check team of the rectification ($1 tenant, $2 rectification). */
const RECHECK_TEAM_SQL = `SELECT x.user_id AS id FROM rectifications r JOIN inspectors x ON x.tenant_id = r.tenant_id AND x.id = ANY(r.recheck_team_ids)
  WHERE r.tenant_id = $1 AND r.id = $2 AND x.user_id IS NOT NULL`;
/**
 * SQL answering the department heads answerable for the record, who propose the closing: those who review
 * it (the reviewer guard: its items' departments, or a joint task's lead or participating department)
 * ($1 tenant, $2 record).
 */
const CLOSING_HEADS_SQL = `SELECT u.id FROM inspections i JOIN users u ON u.tenant_id = i.tenant_id AND u.status = 'ACTIVE' AND 'DEPARTMENT_HEAD' = ANY(u.roles)
  WHERE i.tenant_id = $1 AND i.id = $2 AND ${REVIEWER_GUARD.replace(/:guardDepartment/g, 'u.department_id')}`;
const LEADERS_SQL = `SELECT id FROM users WHERE tenant_id = $1 AND status = 'ACTIVE' AND 'LEADER' = ANY(roles)`;

interface RectificationRef {
  tenantId: string;
  id: string;
  inspectionId: string;
}

const link = (r: RectificationRef) => `/inspections/${toGlobalId('Inspection', r.inspectionId)}`;

/** The re-check team (drawn at random or the record's own) learns of the rectification it will re-check. */
export async function noticeOfRecheckTeam(
  m: EntityManager,
  r: RectificationRef,
  entityName: string,
  dueOn: string,
  drawn: boolean,
  actorId: string,
): Promise<void> {
  await notify(m, {
    tenantId: r.tenantId,
    recipients: { sql: RECHECK_TEAM_SQL, params: [r.tenantId, r.id] },
    except: actorId,
    kind: 'RECHECK_ASSIGNED',
    title: `整改复查任务：${entityName}`,
    body: `${drawn ? '您被随机抽取为复查组成员' : '您所在检查组负责复查'}，整改期限至 ${dueOn}，检查对象报告整改情况后请及时复查。`,
    link: link(r),
  });
}

/** The entity reported its rectification: the re-check team is told to re-check it. */
export async function noticeOfRectificationReport(m: EntityManager, r: RectificationRef, late: boolean): Promise<void> {
  const [record] = (await m.query(`SELECT entity_name FROM inspections WHERE tenant_id = $1 AND id = $2`, [r.tenantId, r.inspectionId])) as {
    entity_name: string;
  }[];
  await notify(m, {
    tenantId: r.tenantId,
    recipients: { sql: RECHECK_TEAM_SQL, params: [r.tenantId, r.id] },
    kind: 'RECTIFICATION_REPORTED',
    title: `检查对象已报告整改情况：${record?.entity_name ?? ''}`,
    body: late ? '报告晚于整改期限，请复查。' : '请复查整改情况。',
    link: link(r),
  });
}

/** The re-check is recorded: the heads who propose the closing are told, with its result. */
export async function noticeOfRecheck(m: EntityManager, r: RectificationRef, entityName: string, passed: boolean, actorId: string): Promise<void> {
  await notify(m, {
    tenantId: r.tenantId,
    recipients: { sql: CLOSING_HEADS_SQL, params: [r.tenantId, r.inspectionId] },
    except: actorId,
    kind: 'RECHECK_RECORDED',
    title: `整改复查结果已记录：${entityName}`,
    body: passed ? '复查通过，请提出办结意见。' : '复查未通过，请提出办结意见。',
    link: link(r),
  });
}

/** The head's closing proposal waits for a leader (not the one who proposed it). */
export async function noticeOfClosingProposed(m: EntityManager, r: RectificationRef, actorId: string): Promise<void> {
  await notify(m, {
    tenantId: r.tenantId,
    recipients: { sql: LEADERS_SQL, params: [r.tenantId] },
    except: actorId,
    kind: 'RECTIFICATION_CLOSE_PROPOSED',
    title: '整改办结意见待审批',
    link: link(r),
  });
}

/** The leader's decision on the closing goes back to the head who proposed it. */
export async function noticeOfClosingDecided(
  m: EntityManager,
  r: RectificationRef,
  proposedBy: string | null,
  approved: boolean,
  actorId: string,
): Promise<void> {
  if (!proposedBy) return;
  await notify(m, {
    tenantId: r.tenantId,
    userIds: [proposedBy],
    except: actorId,
    kind: 'RECTIFICATION_CLOSE_DECIDED',
    title: approved ? '整改办结意见已批准' : '整改办结意见被退回，请重新提出',
    link: link(r),
  });
}
