import type DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral } from 'typeorm';
import type { GraphQLResolveInfo } from 'graphql';
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
import { plainSelection, selectedFields } from '../../graphql/selection';

/** The rows of one page, each as the whole row or narrowed to the plain fields asked. */
interface Shapes {
  entity: JsonRowShape<MarketEntity>;
  item: JsonRowShape<InspectionItem>;
  inspector: JsonRowShape<Inspector>;
  department: JsonRowShape<Department>;
  inspection: JsonRowShape<Inspection>;
}

/** For each of the shapes, the properties the query needs. */
type Asked = { [K in keyof Shapes]: ReadonlySet<string> };

interface PageStatement {
  statement: NamedStatement;
  shapes: Shapes;
}

interface Statements {
  whole: Shapes;
  byColumns: Map<string, PageStatement>;
}

const statementsOf = new WeakMap<DataSource, Statements>();
/** Statements kept per process, one per distinct set of columns asked; any other set reads whole rows. */
const VARIANTS_KEPT = 32;

function statementsFor(db: DataSource): Statements {
  let found = statementsOf.get(db);
  if (!found) {
    const whole = {
      entity: new JsonRowShape(db, MarketEntity),
      item: new JsonRowShape(db, InspectionItem),
      inspector: new JsonRowShape(db, Inspector),
      department: new JsonRowShape(db, Department),
      inspection: new JsonRowShape(db, Inspection),
    };
    // The first statement kept reads whole rows: it answers any selection once the others are full.
    found = { whole, byColumns: new Map() };
    statementsOf.set(db, found);
    statementOf(found, { entity: whole.entity.properties, item: whole.item.properties, inspector: whole.inspector.properties, department: whole.department.properties, inspection: whole.inspection.properties });
  }
  return found;
}

/**
 * The statement that reads what is asked, prepared under a name of its own, and the shapes it reads.
 * The shapes are narrowed only when a statement is made; a request that asks the same columns (in any
 * order) finds it by its columns, in the entities' own order.
 */
function statementOf(statements: Statements, asked: Asked): PageStatement {
  const { whole } = statements;
  const kinds = Object.keys(whole) as (keyof Shapes)[];
  const columns = kinds.map((k) => [...whole[k].properties].filter((p) => asked[k].has(p)).join(',')).join('|');
  let found = statements.byColumns.get(columns);
  if (found) return found;
  if (statements.byColumns.size >= VARIANTS_KEPT) return statements.byColumns.values().next().value!;
  const shapes: Shapes = {
    entity: whole.entity.only(asked.entity),
    item: whole.item.only(asked.item),
    inspector: whole.inspector.only(asked.inspector),
    department: whole.department.only(asked.department),
    inspection: whole.inspection.only(asked.inspection),
  };
  const statement: NamedStatement = { name: `inspection_assignments_page_${statements.byColumns.size}`, text: pageSql(shapes), params: ['uuid', 'boolean', 'uuid', 'int', 'int'] };
  found = { statement, shapes };
  statements.byColumns.set(columns, found);
  return found;
}

/**
 * The page of a draw's selections ($1 the draw, $2 only the viewer's own when true, $3 the viewer's
 * user id, $4 LIMIT, $5 OFFSET), its total, and every row it names (entities, items, inspectors, their
 * departments, the latest record of each selection), as JSON, in one statement. The whole draw is
 * counted without the viewer's filter when it does not apply: the generic plan would test it on
 * every row.
 */
function pageSql({ entity, item, inspector, department, inspection }: Shapes): string {
  const chosen = `s.draw_id = $1 AND (NOT $2::boolean OR s.inspector_ids && ARRAY(SELECT me.id FROM inspectors me WHERE me.user_id = $3::uuid))`;
  return `
    WITH page AS (
      SELECT s.seq, s.entity_id AS "entityId", s.item_ids AS "itemIds", s.inspector_ids AS "inspectorIds",
             (SELECT i.id FROM inspections i WHERE i.tenant_id = s.tenant_id AND i.draw_id = s.draw_id AND i.seq = s.seq AND i.participation_id IS NULL ORDER BY i.created_at DESC LIMIT 1) AS "inspectionId"
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
}

/** The properties of the plain fields asked under `path` of each node, or all of them when any other field is asked. */
function askedOf(whole: JsonRowShape<ObjectLiteral>, info: GraphQLResolveInfo, path: string): ReadonlySet<string> {
  return plainSelection(whole.target, whole.properties, selectedFields(info, ['edges', 'node', path])) ?? whole.properties;
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
 * statement in a lean read-only transaction, in one round trip. Where only plain column fields of
 * the entities, items, team or records are asked, only their columns are read; whole rows are primed
 * into the request's loaders, so that the field resolvers below (departments, and any other field
 * asked) do not query again.
 */
export async function assignmentPage(ctx: RequestContext, drawId: string, mine: boolean, args: PageArgs, info: GraphQLResolveInfo): Promise<ConnectionShape<InspectionAssignment>> {
  const viewer = ctx.viewer!;
  const { offset, first } = pageBounds(args);
  const statements = statementsFor(ctx.app.db);
  const { whole } = statements;
  const { statement, shapes: s } = statementOf(statements, {
    entity: askedOf(whole.entity, info, 'entity'),
    item: askedOf(whole.item, info, 'items'),
    inspector: askedOf(whole.inspector, info, 'team'),
    department: whole.department.properties,
    inspection: askedOf(whole.inspection, info, 'inspection'),
  });
  const [row] = await tenantRead<PageRow>(ctx.app.db, viewer.tenantId, statement, [drawId, mine, viewer.userId, first, offset]);
  const entities = primed(ctx.loaders.MarketEntity, s.entity, row!.entities);
  const items = primed(ctx.loaders.InspectionItem, s.item, row!.items);
  const inspectors = primed(ctx.loaders.Inspector, s.inspector, row!.inspectors);
  primed(ctx.loaders.Department, s.department, row!.departments);
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

/** The rows by id; whole rows are primed into the request's loader, partial ones never are. */
function primed<T extends { id: string }>(loader: DataLoader<string, T | null>, shape: JsonRowShape<T>, json: Record<string, unknown>[] | null): Map<string, T> {
  const rows = shape.hydrateAll(json);
  const found = new Map(rows.map((r) => [r.id, r]));
  if (shape.whole) for (const r of rows) loader.prime(r.id, r);
  return found;
}
