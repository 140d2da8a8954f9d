import { toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { connectionOf, pageBounds, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import type { RequestLoader } from '../../graphql/loaders';
import { InspectionAssignment } from './inspection.types';
import { inOrder } from '../draws/selection-parts';

interface PageRow {
  seq: number;
  entity_id: string;
  item_ids: string[];
  inspector_ids: (string | null)[];
  inspection_id: string | null;
  total: number;
}

/**
 * The page of a draw's selections ($2 the draw, $3 only the viewer's own when true, $4 the viewer's
 * user id, $5 LIMIT, $6 OFFSET) with the latest record of each and the count of all that match, in one
 * statement. The whole draw is counted without the viewer's filter when it does not apply.
 */
const PAGE_SQL = `
  WITH chosen AS (
    SELECT s.tenant_id, s.draw_id, s.seq, s.entity_id, s.item_ids, s.inspector_ids FROM draw_selections s
     WHERE s.tenant_id = $1 AND s.draw_id = $2
       AND (NOT $3::boolean OR s.inspector_ids && ARRAY(SELECT me.id FROM inspectors me WHERE me.tenant_id = $1 AND me.user_id = $4::uuid)))
  SELECT c.seq, c.entity_id, c.item_ids, c.inspector_ids,
         (SELECT i.id FROM inspections i WHERE i.tenant_id = c.tenant_id AND i.draw_id = c.draw_id AND i.seq = c.seq AND i.participation_id IS NULL
           ORDER BY i.created_at DESC LIMIT 1) AS inspection_id,
         (SELECT count(*)::int FROM chosen) AS total
    FROM chosen c ORDER BY c.seq LIMIT $5 OFFSET $6`;

/**
 * A page of `inspectionAssignments`: the selections of the page in one statement, then the entities,
 * items, inspectors and records they name through the request's loaders (one statement each for the
 * whole page), all in the request's read transaction.
 */
export async function assignmentPage(ctx: RequestContext, drawId: string, mine: boolean, args: PageArgs): Promise<ConnectionShape<InspectionAssignment>> {
  const viewer = requireViewer(ctx);
  const { offset, first } = pageBounds(args);
  const rows = await readTx(ctx, (m) => m.query(PAGE_SQL, [viewer.tenantId, drawId, mine, viewer.userId, first, offset]) as Promise<PageRow[]>);
  const total = rows[0]?.total ?? (first === 0 || offset > 0 ? await countOf(ctx, drawId, mine) : 0);
  const [entities, items, inspectors, records] = await Promise.all([
    loaded(ctx.loaders.MarketEntity, rows.map((r) => r.entity_id)),
    loaded(ctx.loaders.InspectionItem, rows.flatMap((r) => r.item_ids)),
    loaded(ctx.loaders.Inspector, rows.flatMap((r) => r.inspector_ids.filter((id): id is string => !!id))),
    loaded(ctx.loaders.Inspection, rows.flatMap((r) => (r.inspection_id ? [r.inspection_id] : []))),
  ]);
  const globalDrawId = toGlobalId('Draw', drawId);
  const nodes = rows.map((r) =>
    Object.assign(new InspectionAssignment(), {
      drawId: globalDrawId,
      seq: r.seq,
      entity: entities.get(r.entity_id) ?? null,
      items: inOrder(items, r.item_ids),
      team: inOrder(inspectors, r.inspector_ids),
      inspection: r.inspection_id ? (records.get(r.inspection_id) ?? null) : null,
    }),
  );
  return connectionOf(nodes, offset, total);
}

/** The count when the page is empty (past the end, or `first: 0`). */
async function countOf(ctx: RequestContext, drawId: string, mine: boolean): Promise<number> {
  const viewer = requireViewer(ctx);
  const [row] = await readTx(ctx, (m) => m.query(`SELECT count(*)::int AS total FROM (${PAGE_SQL}) page`, [viewer.tenantId, drawId, mine, viewer.userId, null, 0]) as Promise<{ total: number }[]>);
  return row?.total ?? 0;
}

/** The rows of `ids` this request can see, by id. */
async function loaded<T extends { id: string }>(loader: RequestLoader<T>, ids: string[]): Promise<Map<string, T>> {
  const rows = await loader.loadMany([...new Set(ids)]);
  const found = new Map<string, T>();
  for (const row of rows) if (row && !(row instanceof Error)) found.set(row.id, row);
  return found;
}
