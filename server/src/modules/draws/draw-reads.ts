import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { perRequest } from '../../graphql/request-loaders';
import { Draw } from './draw.entity';
import { DrawSelection } from './draw-selection.entity';
import { loadSelectionParts } from './selection-parts';

function drawOfTaskLoader(ctx: RequestContext) {
  return new DataLoader<string, Draw | null>(async (taskIds) => {
    const rows = await readTx(ctx, (m) => m.findBy(Draw, { tenantId: requireViewer(ctx).tenantId, taskId: In([...taskIds]) }));
    const byTask = new Map(rows.map((d) => [d.taskId, d]));
    for (const d of rows) ctx.loaders.of(Draw).prime(d.id, d);
    return taskIds.map((id) => byTask.get(id) ?? null);
  });
}

/** A task's draw: one statement for all the tasks a response asks about. */
export function drawOfTask(ctx: RequestContext, taskId: string): Promise<Draw | null> {
  return perRequest(ctx, drawOfTaskLoader).load(taskId);
}

/** A page of a draw's selections with the entities, items and inspectors they name. */
export function drawResults(ctx: RequestContext, draw: Draw, page: PageArgs) {
  return readTx(ctx, async (m) => {
    const query = m
      .createQueryBuilder(DrawSelection, 's')
      .where('s.tenant_id = :tenant AND s.draw_id = :id', { tenant: requireViewer(ctx).tenantId, id: draw.id })
      .orderBy('s.seq');
    const connection = await paginate(query, page);
    const parts = await loadSelectionParts(
      ctx,
      m,
      connection.edges.map((e) => e.node),
    );
    const edges = connection.edges.map(({ cursor, node }, i) => ({ cursor, node: { seq: node.seq, ...parts[i]! } }));
    return { ...connection, edges };
  });
}
