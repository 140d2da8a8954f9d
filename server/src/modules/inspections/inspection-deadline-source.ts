import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import type { DeadlineItem, DeadlineSource } from '../../jobs/deadlines/deadline-source';
import { todayInChina } from './inspection-deadlines';

/** The day before `day` (YYYY-MM-DD): reminders come the day before a deadline. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Inspection deadlines for the sweep: the team's report (N working days after the inspection, while the
 * record is a draft or returned) and the office's publication (M working days after approval).
 */
export const inspectionDeadlines: DeadlineSource = {
  name: 'inspections',
  async due(m: EntityManager, now: Date): Promise<DeadlineItem[]> {
    const tomorrow = todayInChina(new Date(now.getTime() + 86_400_000));
    const reports = (await m.query(
      `SELECT i.id, i.entity_name, to_char(i.report_due_on, 'YYYY-MM-DD') AS due,
              ARRAY(SELECT u.user_id FROM inspectors u WHERE u.id = ANY(i.team_ids) AND u.user_id IS NOT NULL) AS users
         FROM inspections i WHERE i.status IN ('DRAFT', 'RETURNED') AND i.report_due_on <= $1`,
      [tomorrow],
    )) as { id: string; entity_name: string; due: string; users: string[] }[];
    const publications = (await m.query(
      `SELECT i.id, i.entity_name, to_char(i.publication_due_on, 'YYYY-MM-DD') AS due
         FROM inspections i WHERE i.status = 'APPROVED' AND i.publication_due_on <= $1`,
      [tomorrow],
    )) as { id: string; entity_name: string; due: string }[];
    const office = publications.length
      ? ((await m.query(`SELECT id FROM users WHERE 'OFFICE' = ANY(roles) AND status = 'ACTIVE'`)) as { id: string }[]).map((r) => r.id)
      : [];
    const link = (id: string) => `/inspections/${toGlobalId('Inspection', id)}`;
    return [
      ...reports.map((r) => ({
        key: `inspection:${r.id}:report`,
        dueOn: r.due,
        remindOn: dayBefore(r.due),
        recipients: r.users,
        title: `${r.entity_name} 检查报告`,
        body: `检查报告应于 ${r.due}（含）前提交`,
        link: link(r.id),
      })),
      ...publications.map((r) => ({
        key: `inspection:${r.id}:publication`,
        dueOn: r.due,
        remindOn: dayBefore(r.due),
        recipients: office,
        title: `${r.entity_name} 检查结果公示`,
        body: `检查结果应于 ${r.due}（含）前公示`,
        link: link(r.id),
      })),
    ];
  },
};
