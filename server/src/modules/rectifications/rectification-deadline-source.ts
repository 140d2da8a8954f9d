import type { EntityManager } from 'typeorm';
import { addCalendarDays, toGlobalId } from '@spotcheck/shared';
import type { DeadlineItem, DeadlineSource } from '../../jobs/deadlines/deadline-source';
import { usersWithRole } from '../inspections/inspection-deadline-source';
import { todayInChina } from '../inspections/inspection-deadlines';

/** Calendar days before the due day from which the team is reminded. */
export const RECTIFICATION_REMIND_DAYS = 3;

interface DueRow {
  id: string;
  inspection_id: string;
  entity_name: string;
  due: string;
  team: string[];
}

/**
 * Rectifications whose entity has not reported yet: the re-check team (the record's own or the drawn one; the office when
 * no member has an account) is reminded RECTIFICATION_REMIND_DAYS before the due day, and once the due day
 * has passed the leaders are told (the escalation of an overdue rectification).
 */
export const rectificationDeadlines: DeadlineSource = {
  name: 'rectifications',
  async due(m: EntityManager, now: Date, tenantId: string): Promise<DeadlineItem[]> {
    const horizon = addCalendarDays(todayInChina(now), RECTIFICATION_REMIND_DAYS);
    const rows = (await m.query(
      `SELECT r.id, r.inspection_id, i.entity_name, to_char(r.due_on, 'YYYY-MM-DD') AS due,
              ARRAY(SELECT p.user_id FROM inspectors p JOIN users u ON u.tenant_id = p.tenant_id AND u.id = p.user_id
                     WHERE p.tenant_id = $1 AND p.id = ANY (coalesce(nullif(r.recheck_team_ids, '{}'), i.team_ids)) AND u.status = 'ACTIVE' ORDER BY p.user_id) AS team
         FROM rectifications r JOIN inspections i ON i.tenant_id = r.tenant_id AND i.id = r.inspection_id
        WHERE r.tenant_id = $1 AND r.status = 'OPEN' AND r.due_on <= $2`,
      [tenantId, horizon],
    )) as DueRow[];
    if (!rows.length) return [];
    const leaders = await usersWithRole(m, tenantId, 'LEADER');
    const office = await usersWithRole(m, tenantId, 'OFFICE');
    return rows.map((r) => ({
      key: `rectification:${r.id}:report`,
      dueOn: r.due,
      remindOn: addCalendarDays(r.due, -RECTIFICATION_REMIND_DAYS),
      recipients: r.team.length ? r.team : office,
      escalateTo: leaders,
      title: `${r.entity_name} 整改期限`,
      body: `责令整改的期限为 ${r.due}（含），检查对象尚未报告整改情况`,
      link: `/inspections/${toGlobalId('Inspection', r.inspection_id)}`,
    }));
  },
};
