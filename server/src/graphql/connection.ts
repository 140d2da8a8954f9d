import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay 分页信息' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `每页条数，默认 ${DEFAULT_PAGE_SIZE}，最多 ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** As ConnectionShape, but the total is counted only when a query asks for `totalCount` (GraphQL calls the function). */
export type LazyCountConnection<T> = Omit<ConnectionShape<T>, 'totalCount'> & { totalCount: () => Promise<number> };

/** `XConnection { edges { cursor node } pageInfo totalCount }` for an object type X. */
export function Connection<T extends object>(Item: ClassType<T>) {
  @ObjectType(`${Item.name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => Item) node!: T;
  }

  @ObjectType(`${Item.name}Connection`)
  class ItemConnection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    // A function for the lists paged by key (paginateByKey): GraphQL calls it only when a query asks.
    @Field(() => Int, { description: '符合条件的总数' }) totalCount!: number | (() => Promise<number>);
  }
  return ItemConnection;
}

const TOTAL = 'page_total__';

/**
 * Pages through an ordered query of entities. Cursors are opaque offsets within the same ordering.
 * A query of one table reads its page and its total in one statement (the total a subquery that
 * PostgreSQL runs once, beside the page's own plan); a separate count only for an empty page after
 * the first, or for a query with joins (whose page TypeORM reads in two steps).
 */
export function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: PageArgs): Promise<ConnectionShape<T>> {
  const map = query.expressionMap;
  const oneTable = !map.joinAttributes.length && !map.groupBys.length && !map.selectDistinct && !map.selectDistinctOn.length;
  // One after the other: both run on the request transaction's single connection.
  if (!oneTable) return page(args, async (offset, first) => [await query.clone().skip(offset).take(first).getMany(), await query.getCount()]);
  return page(args, async (offset, first) => {
    const whole = query.clone().select('1').orderBy();
    const wholeSql = whole.getQuery();
    const { entities, raw } = await query
      .clone()
      .addSelect(`(SELECT count(*)::int FROM (${wholeSql}) whole)`, TOTAL)
      .setParameters(whole.getParameters())
      .skip(offset)
      .take(first)
      .getRawAndEntities();
    // An empty first page is a total of none; an empty page further on counts what it skipped.
    const total = raw.length ? Number((raw[0] as Record<string, unknown>)[TOTAL]) : offset === 0 && first > 0 ? 0 : await query.getCount();
    return [entities, total];
  });
}

/** Pages through an ordered SQL query of raw rows (the public views), mapping each row. */
export function paginateSql<R, T>(
  db: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[],
  args: PageArgs,
  map: (row: R) => T,
): Promise<ConnectionShape<T>> {
  return page(args, async (offset, first) => {
    const n = params.length;
    // The page and the total in one statement (PostgreSQL counts once, not per row); a separate count
    // only when the page is empty.
    const rows = (await db.query(`SELECT page.*, (SELECT count(*)::int FROM (${sql}) whole) AS ${TOTAL} FROM (${sql}) page LIMIT $${n + 1} OFFSET $${n + 2}`, [
      ...params,
      first,
      offset,
    ])) as (R & { [TOTAL]: number })[];
    const count = rows.length
      ? rows[0]![TOTAL]
      : ((await db.query(`SELECT count(*)::int AS count FROM (${sql}) page`, params)) as { count: number }[])[0]!.count;
    return [rows.map(({ [TOTAL]: _total, ...row }) => map(row as R)), count];
  });
}

async function page<T>(args: PageArgs, fetch: (offset: number, first: number) => Promise<[T[], number]>): Promise<ConnectionShape<T>> {
  const { offset, first } = pageBounds(args);
  const [rows, totalCount] = await fetch(offset, first);
  return connectionOf(rows, offset, totalCount);
}

/** The window a page's arguments ask for; BAD_USER_INPUT when `first` or the cursor is invalid. */
export function pageBounds(args: PageArgs): { offset: number; first: number } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput([{ field: 'first', message: `须为 0 到 ${MAX_PAGE_SIZE} 之间的整数` }]);
  }
  return { offset: args.after ? decodeCursor(args.after) + 1 : 0, first };
}

/** A connection of the rows found at `offset`, out of `totalCount`. */
export function connectionOf<T>(rows: T[], offset: number, totalCount: number): ConnectionShape<T> {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: offset + rows.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput([{ field: 'after', message: '游标无效' }]);
  return Number(match[1]);
}

/**
 * Keyset paging over a query ordered by one unique text key (e.g. a bureau's USCC): the cursor is the
 * last key seen, so a page deep in the list is one index range scan, not an OFFSET over what came before.
 * `fetch(after, limit)` returns rows whose key is greater than `after`, in key order; one extra row
 * tells whether there is a next page. `count` runs only when the query asks for `totalCount`.
 */
export async function paginateByKey<T>(
  args: PageArgs,
  keyOf: (row: T) => string,
  fetch: (after: string | null, limit: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<LazyCountConnection<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput([{ field: 'first', message: `须为 0 到 ${MAX_PAGE_SIZE} 之间的整数` }]);
  }
  const after = args.after ? decodeKeyCursor(args.after) : null;
  const rows = first === 0 ? [] : await fetch(after, first + 1);
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeKeyCursor(keyOf(node)), node }));
  return {
    edges,
    totalCount: count,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function encodeKeyCursor(key: string): string {
  return Buffer.from(`key:${key}`).toString('base64url');
}

function decodeKeyCursor(cursor: string): string {
  const match = /^key:(.{1,200})$/s.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput([{ field: 'after', message: '游标无效' }]);
  return match[1]!;
}
