import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { connectionOf, pageBounds, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { JsonRowShape } from '../../db/json-rows';
import { tenantRead, type NamedStatement } from '../../db/tenant-read';
import { Department } from '../departments/department.entity';
import { MarketEntity } from '../entities/market-entity.entity';
import { Inspector } from '../inspectors/inspector.entity';
import { InspectionItem } from '../items/inspection-item.entity';
import { Inspection } from './inspection.entity';
import { InspectionAssignment } from './inspection.types';
import { inOrder } from '../draws/selection-parts';

interface Shapes {
  entity: JsonRowShape<MarketEntity>;
  item: JsonRowShape<InspectionItem>;
  inspector: JsonRowShape<Inspector>;
  department: JsonRowShape<Department>;
  inspection: JsonRowShape<Inspection>;
  statement: NamedStatement;
}

const shapesOf = new WeakMap<DataSource, Shapes>();

/**
 * The page of a draw's selections ($1 the draw, $2 only the viewer's own when true, $3 the viewer's
 * user id, $4 LIMIT, $5 OFFSET), its total, and every row it names (entities, items, inspectors, their
 * departments, the latest record of each selection), as JSON, in one statement. The whole draw is
 * counted without the viewer's filter when it does not apply: the generic plan would test it on
 * every row.
 */
function shapes(db: DataSource): Shapes {
  let found = shapesOf.get(db);
  if (found) return found;
  const entity = new JsonRowShape(db, MarketEntity);
  const item = new JsonRowShape(db, InspectionItem);
  const inspector = new JsonRowShape(db, Inspector);
  const department = new JsonRowShape(db, Department);
  const inspection = new JsonRowShape(db, Inspection);
  const chosen = `s.draw_id = $1 AND (NOT $2::boolean OR s.inspector_ids && ARRAY(SELECT me.id FROM inspectors me WHERE me.user_id = $3::uuid))`;
  const text = `
    WITH page AS (
      SELECT s.seq, s.entity_id AS "entityId", s.item_ids AS "itemIds", s.inspector_ids AS "inspectorIds",
             (SELECT i.id FROM inspections i WHERE i.draw_id = s.draw_id AND i.seq = s.seq ORDER BY i.created_at DESC LIMIT 1) AS "inspectionId"
        FROM draw_selections s WHERE ${chosen} ORDER BY s.seq LIMIT $4 OFFSET $5),
    items AS (SELECT * FROM inspection_items x WHERE x.id IN (SELECT unnest(p."itemIds") FROM page p)),
    team AS (SELECT * FROM inspectors x WHERE x.id IN (SELECT unnest(p."inspectorIds") FROM page p))
    SELECT CASE WHEN $2 THEN (SELECT count(*)::int FROM draw_selections s WHERE ${chosen})
                ELSE (SELECT count(*)::int FROM draw_selections s WHERE s.draw_id = $1) END AS total,
           (SELECT json_agg(p ORDER BY p.seq) FROM page p) AS page,
           (SELECT json_agg(r) FROM (SELECT ${entity.columns('x')} FROM market_entities x WHERE x.id IN (SELECT p."entityId" FROM page p)) r) AS entities,
           (SELECT json_agg(r) FROM (SELECT ${item.columns('x')} FROM items x) r) AS items,
           (SELECT json_agg(r) FROM (SELECT ${inspector.columns('x')} FROM team x) r) AS inspectors,
           (SELECT json_agg(r) FROM (SELECT ${department.columns('x')} FROM departments x
              WHERE x.id IN (SELECT department_id FROM items UNION SELECT department_id FROM team)) r) AS departments,
           (SELECT json_agg(r) FROM (SELECT ${inspection.columns('x')} FROM inspections x WHERE x.id IN (SELECT p."inspectionId" FROM page p)) r) AS inspections`;
  found = { entity, item, inspector, department, inspection, statement: { name: 'inspection_assignments_page', text, params: ['uuid', 'boolean', 'uuid', 'int', 'int'] } };
  shapesOf.set(db, found);
  return found;
}

interface PageRow {
  total: number;
  page: { seq: number; entityId: string; itemIds: string[]; inspectorIds: (string | null)[]; inspectionId: string | null }[] | null;
  entities: Record<string, unknown>[] | null;
  items: Record<string, unknown>[] | null;
  inspectors: Record<string, unknown>[] | null;
  departments: Record<string, unknown>[] | null;
  inspections: Record<string, unknown>[] | null;
}

/**
 * A page of `inspectionAssignments`: the hot list of `npm run bench -- api`, read by one prepared
 * statement in a lean read-only transaction, in one round trip. The rows it names are primed into the request's loaders,
 * so that the field resolvers below (departments, and any other field asked) do not query again.
 */
export async function assignmentPage(ctx: RequestContext, drawId: string, mine: boolean, args: PageArgs): Promise<ConnectionShape<InspectionAssignment>> {
  const viewer = ctx.viewer!;
  const { offset, first } = pageBounds(args);
  const s = shapes(ctx.app.db);
  const [row] = await tenantRead<PageRow>(ctx.app.db, viewer.tenantId, s.statement, [drawId, mine, viewer.userId, first, offset]);
  const entities = primed(ctx.loaders.MarketEntity, s.entity.hydrateAll(row!.entities));
  const items = primed(ctx.loaders.InspectionItem, s.item.hydrateAll(row!.items));
  const inspectors = primed(ctx.loaders.Inspector, s.inspector.hydrateAll(row!.inspectors));
  primed(ctx.loaders.Department, s.department.hydrateAll(row!.departments));
  const records = new Map(s.inspection.hydrateAll(row!.inspections).map((r) => [r.id, r]));
  const globalDrawId = toGlobalId('Draw', drawId);
  const nodes = (row!.page ?? []).map((p) =>
    Object.assign(new InspectionAssignment(), {
      drawId: globalDrawId,
      seq: p.seq,
      entity: entities.get(p.entityId) ?? null,
      items: inOrder(items, p.itemIds),
      team: inOrder(inspectors, p.inspectorIds),
      inspection: p.inspectionId ? (records.get(p.inspectionId) ?? null) : null,
    }),
  );
  return connectionOf(nodes, offset, row!.total);
}

function primed<T extends { id: string }>(loader: DataLoader<string, T | null>, rows: T[]): Map<string, T> {
  const found = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) loader.prime(r.id, r);
  return found;
}
