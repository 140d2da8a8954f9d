import { In } from 'typeorm';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { paginate, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { childrenLoader, perRequest } from '../../graphql/request-loaders';
import { VIEWER_INSPECTOR_SQL, viewerInspectorParameters } from '../inspections/inspection-access';
import { todayInChina } from '../inspections/inspection-deadlines';
import { Task, TaskStatus } from './task.entity';
import { TaskItem } from './task-item.entity';

export interface TaskListFilter extends PageArgs {
  status?: TaskStatus | null;
  mine?: boolean;
  inProgress?: boolean;
}

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The bureau's tasks, latest first, as the lists filter them; the rows are primed into the request's loader. */
export async function listTasks(ctx: RequestContext, filter: TaskListFilter): Promise<ConnectionShape<Task>> {
  const viewer = requireViewer(ctx);
  const page = await readTx(ctx, async (m) => {
    const query = m
      .createQueryBuilder(Task, 't')
      .where('t.tenant_id = :tenant', { tenant: viewer.tenantId })
      .orderBy('t.starts_on', 'DESC')
      .addOrderBy('t.created_at', 'DESC');
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.mine) {
      query.andWhere(
        `(EXISTS (SELECT 1 FROM draws d JOIN draw_selections s ON s.draw_id = d.id WHERE d.task_id = t.id AND ${VIEWER_INSPECTOR_SQL} = ANY(s.inspector_ids))
          OR EXISTS (SELECT 1 FROM inspections i WHERE i.task_id = t.id AND ${VIEWER_INSPECTOR_SQL} = ANY(i.team_ids)))`,
        viewerInspectorParameters(viewer),
      );
    }
    if (filter.inProgress) {
      query.andWhere(`(t.status IN ('DRAFT', 'COMMITTED') OR (t.status = 'DRAWN' AND t.ends_on >= :today))`, { today: todayInChina() });
    }
    return paginate(query, filter);
  });
  for (const edge of page.edges) ctx.loaders.of(Task).prime(edge.node.id, edge.node);
  return page;
}

function taskItemsLoader(ctx: RequestContext) {
  return childrenLoader(
    ctx,
    (m, ids) => m.find(TaskItem, { where: { tenantId: requireViewer(ctx).tenantId, taskId: In(ids) } }),
    (row) => row.taskId,
  );
}

/** A task's items with their sampling ratios: one statement for all the tasks a response asks about. */
export function taskItems(ctx: RequestContext, taskId: string): Promise<TaskItem[]> {
  return perRequest(ctx, taskItemsLoader).load(taskId);
}
