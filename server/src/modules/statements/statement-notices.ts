import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { notify } from '../notifications/notification.service';
import { TEAM_USERS_SQL } from '../inspections/inspection-notices';
import type { Inspection } from '../inspections/inspection.entity';
import { StatementKind } from './statement.entity';

/** SQL answering the bureau's office ($1 tenant). */
const OFFICE_SQL = `SELECT id FROM users WHERE tenant_id = $1 AND status = 'ACTIVE' AND 'OFFICE' = ANY(roles)`;

const link = (record: Pick<Inspection, 'id'>) => `/inspections/${toGlobalId('Inspection', record.id)}`;

/** The entity's statement or objection reaches the record's team, who answer it, and the office, which follows them up. */
export async function noticeOfStatement(m: EntityManager, record: Inspection, kind: StatementKind, body: string): Promise<void> {
  await notify(m, {
    tenantId: record.tenantId,
    recipients: { sql: `${TEAM_USERS_SQL} UNION ${OFFICE_SQL}`, params: [record.tenantId, record.id] },
    kind: 'OBJECTION_FILED',
    title: `${kind === StatementKind.OBJECTION ? '检查对象提出异议' : '检查对象提交陈述说明'}：${record.entityName}`,
    body: body.length > 200 ? `${body.slice(0, 200)}…` : body,
    link: link(record),
  });
}

/**
 * The team's answer reaches the office, which was told of the statement (the entity filed it with its
 * access code and has no account to be told in); the member who answered is not told.
 */
export async function noticeOfAnswer(m: EntityManager, record: Inspection, answer: string, actorId: string): Promise<void> {
  await notify(m, {
    tenantId: record.tenantId,
    recipients: { sql: OFFICE_SQL, params: [record.tenantId] },
    except: actorId,
    kind: 'OBJECTION_ANSWERED',
    title: `检查组已答复陈述申辩：${record.entityName}`,
    body: answer.length > 200 ? `${answer.slice(0, 200)}…` : answer,
    link: link(record),
  });
}
