import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import type { Task } from '../tasks/task.entity';
import { InspectionStatus } from './inspection.entity';
import type { InspectionStatusCount } from './inspection.types';

/**
 * The viewer's bureau's records of a task by status, every status listed (0 when none): the same
 * records as `inspections(taskId:)` — the task's own and, for a joint task, this bureau's parts of it.
 */
export async function taskInspectionProgress(ctx: RequestContext, task: Pick<Task, 'id'>): Promise<InspectionStatusCount[]> {
  const viewer = requireViewer(ctx);
  const rows = (await readTx(ctx, (m) =>
    m.query(
      `SELECT i.status, count(*)::int AS count FROM inspections i
        WHERE i.tenant_id = $1
          AND (i.task_id = $2 OR i.participation_id IN (SELECT jp.id FROM joint_participants jp WHERE jp.tenant_id = $1 AND jp.task_id = $2))
        GROUP BY i.status`,
      [viewer.tenantId, task.id],
    ),
  )) as { status: InspectionStatus; count: number }[];
  const counts = new Map(rows.map((r) => [r.status, r.count]));
  return Object.values(InspectionStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
