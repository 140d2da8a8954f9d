import type { DataSource } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { connectionOf, pageBounds, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import type { RequestLoader } from '../../graphql/loaders';
import { JsonRowShape } from '../../db/json-rows';
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
}

const statementOf = new WeakMap<DataSource, { shapes: Shapes; sql: string }>();

/**
 * The page of a draw's selections ($1 the tenant, $2 the draw, $3 only the viewer's own when true, $4
 * the viewer's user id, $5 LIMIT, $6 OFFSET), its total, and every row it names (entities, items,
 * inspectors, their departments, the latest record of each selection) as JSON, in one statement with
 * bind parameters. The whole draw is counted without the viewer's filter when it does not apply.
 */
function pageStatement(db: DataSource): { shapes: Shapes; sql: string } {
  let found = statementOf.get(db);
  if (found) return found;
  const shapes: Shapes = {
    entity: new JsonRowShape(db, MarketEntity),
    item: new JsonRowShape(db, InspectionItem),
    inspector: new JsonRowShape(db, Inspector),
    department: new JsonRowShape(db, Department),
    inspection: new JsonRowShape(db, Inspection),
  };
  const chosen = `s.tenant_id = $1 AND s.draw_id = $2
    AND (NOT $3::boolean OR s.inspector_ids && ARRAY(SELECT me.id FROM inspectors me WHERE me.tenant_id = $1 AND me.user_id = $4::uuid))`;
  const sql = `
    WITH page AS (
      SELECT s.seq, s.entity_id AS "entityId", s.item_ids AS "itemIds", s.inspector_ids AS "inspectorIds",
             (SELECT i.id FROM inspections i WHERE i.tenant_id = s.tenant_id AND i.draw_id = s.draw_id AND i.seq = s.seq AND i.participation_id IS NULL
               ORDER BY i.created_at DESC LIMIT 1) AS "inspectionId"
        FROM draw_selections s WHERE ${chosen} ORDER BY s.seq LIMIT $5 OFFSET $6),
    items AS (SELECT * FROM inspection_items x WHERE x.tenant_id = $1 AND x.id IN (SELECT unnest(p."itemIds") FROM page p)),
    team AS (SELECT * FROM inspectors x WHERE x.tenant_id = $1 AND x.id IN (SELECT unnest(p."inspectorIds") FROM page p))
    SELECT CASE WHEN $3 THEN (SELECT count(*)::int FROM draw_selections s WHERE ${chosen})
                ELSE (SELECT count(*)::int FROM draw_selections s WHERE s.tenant_id = $1 AND s.draw_id = $2) END AS total,
           (SELECT json_agg(p ORDER BY p.seq) FROM page p) AS page,
           (SELECT json_agg(r) FROM (SELECT ${shapes.entity.columns('x')} FROM market_entities x WHERE x.tenant_id = $1 AND x.id IN (SELECT p."entityId" FROM page p)) r) AS entities,
           (SELECT json_agg(r) FROM (SELECT ${shapes.item.columns('x')} FROM items x) r) AS items,
           (SELECT json_agg(r) FROM (SELECT ${shapes.inspector.columns('x')} FROM team x) r) AS inspectors,
           (SELECT json_agg(r) FROM (SELECT ${shapes.department.columns('x')} FROM departments x
              WHERE x.tenant_id = $1 AND x.id IN (SELECT department_id FROM items UNION SELECT department_id FROM team)) r) AS departments,
           (SELECT json_agg(r) FROM (SELECT ${shapes.inspection.columns('x')} FROM inspections x WHERE x.tenant_id = $1 AND x.id IN (SELECT p."inspectionId" FROM page p)) r) AS inspections`;
  found = { shapes, sql };
  statementOf.set(db, found);
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
 * A page of `inspectionAssignments`: the selections, their total and every row they name in one
 * statement of the request's read transaction. The rows are primed into the request's loaders, so that
 * the field resolvers below (departments, users, any other field asked) find them there.
 */
export async function assignmentPage(ctx: RequestContext, drawId: string, mine: boolean, args: PageArgs): Promise<ConnectionShape<InspectionAssignment>> {
  const viewer = requireViewer(ctx);
  const { offset, first } = pageBounds(args);
  const { shapes, sql } = pageStatement(ctx.app.db);
  const [row] = (await readTx(ctx, (m) => m.query(sql, [viewer.tenantId, drawId, mine, viewer.userId, first, offset]))) as PageRow[];
  const entities = primed(ctx.loaders.of(MarketEntity), shapes.entity, row!.entities);
  const items = primed(ctx.loaders.of(InspectionItem), shapes.item, row!.items);
  const inspectors = primed(ctx.loaders.of(Inspector), shapes.inspector, row!.inspectors);
  primed(ctx.loaders.of(Department), shapes.department, row!.departments);
  const records = primed(ctx.loaders.of(Inspection), shapes.inspection, row!.inspections);
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

/** The rows by id, primed into the request's loader. */
function primed<T extends { id: string }>(loader: RequestLoader<T>, shape: JsonRowShape<T>, json: Record<string, unknown>[] | null): Map<string, T> {
  const rows = shape.hydrateAll(json);
  for (const r of rows) loader.prime(r.id, r);
  return new Map(rows.map((r) => [r.id, r]));
}
