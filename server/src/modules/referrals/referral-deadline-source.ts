import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import type { DeadlineItem, DeadlineSource } from '../../jobs/deadlines/deadline-source';
import { dayBefore, usersWithRole } from '../inspections/inspection-deadline-source';
import { todayInChina } from '../inspections/inspection-deadlines';

interface DueRow {
  id: string;
  entity_name: string;
  from_bureau_name: string;
  due: string;
  heads: string[];
}

/**
 * Referrals waiting to be accepted or returned, in the receiving bureau (through received_referrals(),
 * so the sweep of a bureau sees only what was sent to it): the receiving department's head is reminded
 * the day before the due day (its office when the department has no head), the leaders are told once overdue.
 */
export const referralDeadlines: DeadlineSource = {
  name: 'referrals',
  async due(m: EntityManager, now: Date, tenantId: string): Promise<DeadlineItem[]> {
    const tomorrow = todayInChina(new Date(now.getTime() + 86_400_000));
    const rows = (await m.query(
      `SELECT r.id, r.entity_name, r.from_bureau_name, to_char(r.accept_due_on, 'YYYY-MM-DD') AS due,
              ARRAY(SELECT u.id FROM users u WHERE u.tenant_id = $1 AND u.department_id = r.target_department_id
                       AND 'DEPARTMENT_HEAD' = ANY(u.roles) AND u.status = 'ACTIVE' ORDER BY u.id) AS heads
         FROM received_referrals() r WHERE r.status = 'SENT' AND r.accept_due_on <= $2`,
      [tenantId, tomorrow],
    )) as DueRow[];
    if (!rows.length) return [];
    const leaders = await usersWithRole(m, tenantId, 'LEADER');
    const office = await usersWithRole(m, tenantId, 'OFFICE');
    return rows.map((r) => ({
      key: `referral:${r.id}:accept`,
      dueOn: r.due,
      remindOn: dayBefore(r.due),
      recipients: r.heads.length ? r.heads : office,
      escalateTo: leaders,
      title: `${r.entity_name} 移送案件接收`,
      body: `${r.from_bureau_name}移送的案件应于 ${r.due}（含）前接收或退回`,
      link: `/referrals/${toGlobalId('Referral', r.id)}`,
    }));
  },
};
