import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import type { DeadlineItem, DeadlineSource } from '../../jobs/deadlines/deadline-source';
import { todayInChina } from './inspection-deadlines';

/** The day before `day` (YYYY-MM-DD): reminders come the day before a deadline. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The active users of the tenant with a role. */
export async function usersWithRole(m: EntityManager, tenantId: string, role: 'LEADER' | 'OFFICE'): Promise<string[]> {
  const rows = (await m.query(`SELECT id FROM users WHERE tenant_id = $1 AND $2 = ANY(roles) AND status = 'ACTIVE' ORDER BY id`, [tenantId, role])) as {
    id: string;
  }[];
  return rows.map((r) => r.id);
}

/**
 * SQL: the department heads who review a record `i` (the reviewer guard's people): heads of its items'
 * departments, and every head when one of its items has no department.
 */
const REVIEWERS = `ARRAY(SELECT u.id FROM users u
   WHERE u.tenant_id = i.tenant_id AND 'DEPARTMENT_HEAD' = ANY(u.roles) AND u.status = 'ACTIVE'
     AND EXISTS (SELECT 1 FROM inspection_items it WHERE it.tenant_id = i.tenant_id AND it.id = ANY(i.item_ids)
                  AND (it.department_id IS NULL OR it.department_id = u.department_id)))`;

interface StepRow {
  id: string;
  entity_name: string;
  step: 'report' | 'review' | 'approval' | 'publication';
  due: string;
  users: string[] | null;
}

const STEPS: Record<StepRow['step'], { what: string; verb: string }> = {
  report: { what: '检查报告', verb: '提交' },
  review: { what: '检查报告审核', verb: '完成审核' },
  approval: { what: '检查结果审批', verb: '完成审批' },
  publication: { what: '检查结果公示', verb: '公示' },
};

/**
 * Each step of a record's chain, for the sweep, to the one who must act: the team's report (N working
 * days after the inspection), the department head's review and the leader's approval (their working
 * days from the submission), the office's publication (M working days from the submission). Once a
 * step is overdue the leader is told as well.
 */
export const inspectionDeadlines: DeadlineSource = {
  name: 'inspections',
  async due(m: EntityManager, now: Date, tenantId: string): Promise<DeadlineItem[]> {
    const tomorrow = todayInChina(new Date(now.getTime() + 86_400_000));
    const rows = (await m.query(
      `SELECT i.id, i.entity_name, 'report' AS step, to_char(i.report_due_on, 'YYYY-MM-DD') AS due,
              ARRAY(SELECT u.user_id FROM inspectors u WHERE u.tenant_id = i.tenant_id AND u.id = ANY(i.team_ids) AND u.user_id IS NOT NULL) AS users
         FROM inspections i WHERE i.tenant_id = $1 AND i.status IN ('DRAFT', 'RETURNED') AND i.report_due_on <= $2
       UNION ALL
       SELECT i.id, i.entity_name, 'review', to_char(i.review_due_on, 'YYYY-MM-DD'), ${REVIEWERS}
         FROM inspections i WHERE i.tenant_id = $1 AND i.status = 'SUBMITTED' AND i.review_due_on <= $2
       UNION ALL
       SELECT i.id, i.entity_name, 'approval', to_char(i.approval_due_on, 'YYYY-MM-DD'), NULL
         FROM inspections i WHERE i.tenant_id = $1 AND i.status = 'REVIEWED' AND i.approval_due_on <= $2
       UNION ALL
       SELECT i.id, i.entity_name, 'publication', to_char(i.publication_due_on, 'YYYY-MM-DD'), NULL
         FROM inspections i WHERE i.tenant_id = $1 AND i.status = 'APPROVED' AND i.publication_due_on <= $2`,
      [tenantId, tomorrow],
    )) as StepRow[];
    if (!rows.length) return [];
    const leaders = await usersWithRole(m, tenantId, 'LEADER');
    const office = await usersWithRole(m, tenantId, 'OFFICE');
    return rows.map((r) => {
      const { what, verb } = STEPS[r.step];
      return {
        key: `inspection:${r.id}:${r.step}`,
        dueOn: r.due,
        remindOn: dayBefore(r.due),
        recipients: r.step === 'approval' ? leaders : r.step === 'publication' ? office : (r.users ?? []),
        escalateTo: leaders,
        title: `${r.entity_name} ${what}`,
        body: `${what}应于 ${r.due}（含）前${verb}`,
        link: `/inspections/${toGlobalId('Inspection', r.id)}`,
      };
    });
  },
};
