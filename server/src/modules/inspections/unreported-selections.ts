import { readTx, type RequestContext } from '../../graphql/context';
import type { Task } from '../tasks/task.entity';
import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import type { DeadlineItem, DeadlineSource } from '../../jobs/deadlines/deadline-source';
import { todayInChina } from './inspection-deadlines';
import { dayBefore, usersWithRole } from './inspection-deadline-source';

/**
 * SQL: no submitted report of the task's own part of the selection `s` (of the bureau's own draw)
 * exists — no record, or one still a draft or sent back. A joint participant's record (even of the same
 * bureau) is its own part and reports only that. `$1` is the tenant.
 */
export const NOT_REPORTED = `NOT EXISTS (SELECT 1 FROM inspections i
   WHERE i.tenant_id = $1 AND i.draw_id = s.draw_id AND i.seq = s.seq AND i.participation_id IS NULL
     AND i.status NOT IN ('DRAFT', 'RETURNED'))`;

interface TaskRow {
  id: string;
  title: string;
  due: string;
  n: number;
  heads: string[];
}

interface ShareRow {
  participation_id: string;
  title: string;
  due: string;
  n: number;
  heads: string[];
}

/** How many selections of a task are still without a submitted report once its window has closed. */
export async function unreportedAfterWindow(m: EntityManager, tenantId: string, taskId: string, today = todayInChina()): Promise<number> {
  const [row] = (await m.query(
    `SELECT count(*)::int AS n
       FROM tasks t
       JOIN draws d ON d.tenant_id = t.tenant_id AND d.task_id = t.id AND d.status = 'DRAWN'
       JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id
      WHERE t.tenant_id = $1 AND t.id = $2 AND t.status = 'DRAWN' AND t.ends_on < $3 AND ${NOT_REPORTED}`,
    [tenantId, taskId, today],
  )) as { n: number }[];
  return row?.n ?? 0;
}

/**
 * Nothing drawn is forgotten: when a task's window (or a joint task's, for a participant's share)
 * closes, the selections still without a submitted report are overdue. The department heads of their
 * items are reminded the day before and told when it has closed, with the leader.
 */
export const unreportedSelections: DeadlineSource = {
  name: 'unreported-selections',
  async due(m: EntityManager, now: Date, tenantId: string): Promise<DeadlineItem[]> {
    const tomorrow = todayInChina(new Date(now.getTime() + 86_400_000));
    const tasks = (await m.query(
      `SELECT t.id, t.title, to_char(t.ends_on, 'YYYY-MM-DD') AS due, count(DISTINCT s.seq)::int AS n,
              ARRAY(SELECT u.id FROM users u
                     WHERE u.tenant_id = t.tenant_id AND 'DEPARTMENT_HEAD' = ANY(u.roles) AND u.status = 'ACTIVE'
                       AND EXISTS (SELECT 1 FROM inspection_items it WHERE it.tenant_id = t.tenant_id AND it.id = ANY(array_agg(x.item_id))
                                    AND (it.department_id IS NULL OR it.department_id = u.department_id))) AS heads
         FROM tasks t
         JOIN draws d ON d.tenant_id = t.tenant_id AND d.task_id = t.id AND d.status = 'DRAWN'
         JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id
         CROSS JOIN LATERAL unnest(s.item_ids) AS x(item_id)
        WHERE t.tenant_id = $1 AND t.status = 'DRAWN' AND t.ends_on <= $2 AND ${NOT_REPORTED}
        GROUP BY t.tenant_id, t.id, t.title, t.ends_on`,
      [tenantId, tomorrow],
    )) as TaskRow[];
    const shares = (await m.query(
      `SELECT p.participation_id, p.title, to_char(p.ends_on, 'YYYY-MM-DD') AS due, count(*)::int AS n,
              ARRAY(SELECT u.id FROM users u
                     WHERE u.tenant_id = p.tenant_id AND 'DEPARTMENT_HEAD' = ANY(u.roles) AND u.status = 'ACTIVE'
                       AND u.department_id = p.department_id) AS heads
         FROM joint_task_parties p
         JOIN joint_drawn_entities j ON j.participation_id = p.participation_id AND j.tenant_id = p.tenant_id
        WHERE p.tenant_id = $1 AND p.status = 'ACCEPTED' AND p.task_status = 'DRAWN' AND p.ends_on <= $2
          AND NOT EXISTS (SELECT 1 FROM inspections i
                           WHERE i.tenant_id = $1 AND i.participation_id = p.participation_id AND i.seq = j.seq
                             AND i.status NOT IN ('DRAFT', 'RETURNED'))
        GROUP BY p.tenant_id, p.participation_id, p.title, p.ends_on, p.department_id`,
      [tenantId, tomorrow],
    )) as ShareRow[];
    if (!tasks.length && !shares.length) return [];
    const leaders = await usersWithRole(m, tenantId, 'LEADER');
    const item = (key: string, title: string, due: string, n: number, heads: string[], link: string): DeadlineItem => ({
      key,
      dueOn: due,
      remindOn: dayBefore(due),
      recipients: heads,
      escalateTo: leaders,
      title: `${title} 摇中对象未提交检查报告`,
      body: `检查时间截至 ${due}，尚有 ${n} 个摇中的检查对象未提交检查报告`,
      link,
    });
    return [
      ...tasks.map((t) => item(`task:${t.id}:unreported`, t.title, t.due, t.n, t.heads, `/tasks/${toGlobalId('Task', t.id)}`)),
      ...shares.map((s) =>
        item(
          `joint:${s.participation_id}:unreported`,
          s.title,
          s.due,
          s.n,
          s.heads,
          `/joint-invitations/${toGlobalId('JointParticipation', s.participation_id)}`,
        ),
      ),
    ];
  },
};

/** `unreportedAfterWindow` of a task, in the request's reads. */
export function unreportedOverdue(ctx: RequestContext, task: Pick<Task, 'tenantId' | 'id'>): Promise<number> {
  return readTx(ctx, (m) => unreportedAfterWindow(m, task.tenantId, task.id));
}
