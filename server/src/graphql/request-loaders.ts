import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { readTx, type RequestContext } from './context';
import type { RequestReads } from '../db/request-reads';

const madeFor = new WeakMap<RequestReads, Map<unknown, unknown>>();

/**
 * What `make` builds, once per request (keyed by the request's reads, which every shallow copy of the
 * context Apollo hands a resolver shares). `make` is a module-level function: it is the key.
 */
export function perRequest<T>(ctx: RequestContext, make: (ctx: RequestContext) => T): T {
  let made = madeFor.get(ctx.reads);
  if (!made) madeFor.set(ctx.reads, (made = new Map()));
  if (!made.has(make)) made.set(make, make(ctx));
  return made.get(make) as T;
}

/**
 * A per-request loader of the rows that belong to each of many parents (a record's steps, its
 * confirmations): one statement for all the parents a level of the response asks about, in the
 * request's read transaction. `fetch` returns the rows of all the given parents in the order wanted.
 */
export function childrenLoader<T>(
  ctx: RequestContext,
  fetch: (m: EntityManager, parentIds: string[]) => Promise<T[]>,
  parentOf: (row: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const rows = await readTx(ctx, (m) => fetch(m, [...ids]));
    const byParent = new Map<string, T[]>();
    for (const row of rows) {
      const parent = parentOf(row);
      const list = byParent.get(parent);
      if (list) list.push(row);
      else byParent.set(parent, [row]);
    }
    return ids.map((id) => byParent.get(id) ?? []);
  });
}
