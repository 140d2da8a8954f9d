import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { notify } from '../notifications/notification.service';
import { usersWithRole } from '../notifications/recipients';
import { teamUsers } from '../inspections/inspection-notices';
import type { Inspection } from '../inspections/inspection.entity';
import { StatementKind } from './statement.entity';

const link = (record: Pick<Inspection, 'id'>) => `/inspections/${toGlobalId('Inspection', record.id)}`;

/** The entity's statement or objection reaches the record's team, who answer it, and the office, which follows them up. */
export async function noticeOfStatement(m: EntityManager, record: Inspection, kind: StatementKind, body: string): Promise<void> {
  const told = new Set([...(await teamUsers(m, record)), ...(await usersWithRole(m, record.tenantId, 'OFFICE'))]);
  await notify(m, {
    tenantId: record.tenantId,
    userIds: [...told],
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
  const told = (await usersWithRole(m, record.tenantId, 'OFFICE')).filter((id) => id !== actorId);
  await notify(m, {
    tenantId: record.tenantId,
    userIds: told,
    kind: 'OBJECTION_ANSWERED',
    title: `检查组已答复陈述申辩：${record.entityName}`,
    body: answer.length > 200 ? `${answer.slice(0, 200)}…` : answer,
    link: link(record),
  });
}
