import type DataLoader from 'dataloader';
import { In, type EntityManager, type EntityTarget } from 'typeorm';
import type { RequestContext } from '../../graphql/context';
import { Department } from '../departments/department.entity';
import { MarketEntity } from '../entities/market-entity.entity';
import { Inspector } from '../inspectors/inspector.entity';
import { InspectionItem } from '../items/inspection-item.entity';

export interface SelectionRefs {
  entityId: string;
  itemIds: string[];
  inspectorIds: (string | null)[];
}

export interface SelectionParts {
  entity: MarketEntity | null;
  items: InspectionItem[];
  team: Inspector[];
}

/**
 * The entities, items and inspectors that a page of draw selections names, and the departments of
 * those items and inspectors, read in the page's own transaction: one query per table, whatever the
 * page size. They are primed into the request's loaders, which the field resolvers below use.
 *
 * Not through the loaders from inside the transaction: each loader opens a transaction of its own,
 * so the request would hold one pooled connection while waiting for another, and as many requests
 * at once as the pool has connections would wait for each other until the pool timed out.
 */
export async function loadSelectionParts(ctx: RequestContext, m: EntityManager, rows: SelectionRefs[]): Promise<SelectionParts[]> {
  // One after the other: they share the transaction's connection.
  const entities = await loadPrimed(
    m,
    MarketEntity,
    ctx.loaders.of(MarketEntity),
    rows.map((r) => r.entityId),
  );
  const items = await loadPrimed(
    m,
    InspectionItem,
    ctx.loaders.of(InspectionItem),
    rows.flatMap((r) => r.itemIds),
  );
  const inspectors = await loadPrimed(
    m,
    Inspector,
    ctx.loaders.of(Inspector),
    rows.flatMap((r) => r.inspectorIds),
  );
  const departments = [...items.values(), ...inspectors.values()].map((row) => row.departmentId);
  await loadPrimed(m, Department, ctx.loaders.of(Department), departments);
  return rows.map((r) => ({
    entity: entities.get(r.entityId) ?? null,
    items: inOrder(items, r.itemIds),
    team: inOrder(inspectors, r.inspectorIds),
  }));
}

/** Rows by id under the transaction's RLS scope; each id asked for is primed, as null when invisible. */
async function loadPrimed<T extends { id: string }>(
  m: EntityManager,
  entity: EntityTarget<T>,
  loader: DataLoader<string, T | null>,
  ids: (string | null | undefined)[],
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const rows = wanted.length ? await m.getRepository(entity).findBy({ id: In(wanted) } as never) : [];
  const found = new Map(rows.map((row) => [row.id, row]));
  for (const id of wanted) loader.prime(id, found.get(id) ?? null);
  return found;
}

/** The rows of `ids` that were found, in the order of `ids`. */
export function inOrder<T>(found: Map<string, T>, ids: (string | null)[]): T[] {
  // A loop, not flatMap: a page of 50 calls this twice per row, and flatMap's arrays cost more than the lookups.
  const rows: T[] = [];
  for (const id of ids) {
    const row = id ? found.get(id) : undefined;
    if (row) rows.push(row);
  }
  return rows;
}
