/**
 * How a list's rows reach ExportCsvButton: a GraphQL connection walked page by page with the list's own
 * query and filters, an offset-paged list, or a list the page already holds whole (not paged on the server).
 */
import type { ApolloClient, OperationVariables, TypedDocumentNode } from '@apollo/client';
import type { CsvPage } from './ExportCsvButton';

/** Rows per request while exporting (the servers' page limit). */
export const EXPORT_PAGE = 100;

export interface Connection<T> {
  /** Absent when the list counts only on request and the query did not ask. */
  totalCount?: number | null;
  edges: readonly { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export function connectionPage<T>(connection: Connection<T>): CsvPage<T> {
  return {
    rows: connection.edges.map((e) => e.node),
    totalCount: connection.totalCount ?? 0,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

/** `fetchPage` for a connection query: the same query and filters, 100 rows at a time, never from the cache. A `pick` that finds no connection gives no rows. */
export function connectionPages<TData, TVariables extends OperationVariables, T>(
  client: ApolloClient,
  query: TypedDocumentNode<TData, TVariables>,
  variables: Omit<TVariables, 'first' | 'after'>,
  pick: (data: TData) => Connection<T> | null,
): (after: string | null) => Promise<CsvPage<T>> {
  return async (after) => {
    // Apollo's option types cannot see that these generic variables are the query's own.
    const options = { query, variables: { ...variables, first: EXPORT_PAGE, after }, fetchPolicy: 'network-only' } as unknown as ApolloClient.QueryOptions<
      TData,
      TVariables
    >;
    const { data } = await client.query<TData, TVariables>(options);
    const connection = pick(data as TData);
    return connection ? connectionPage(connection) : { rows: [], totalCount: 0, hasNextPage: false, endCursor: null };
  };
}

/** `fetchPage` for a list paged by offset: the cursor handed back is the next offset. */
export function offsetPages<T>(
  fetch: (offset: number, first: number) => Promise<{ rows: T[]; totalCount: number }>,
): (after: string | null) => Promise<CsvPage<T>> {
  return async (after) => {
    const offset = Number(after ?? 0);
    const { rows, totalCount } = await fetch(offset, EXPORT_PAGE);
    const next = offset + rows.length;
    return { rows, totalCount, hasNextPage: rows.length > 0 && next < totalCount, endCursor: String(next) };
  };
}

/** `fetchPage` for a list the page already holds whole. */
export function loadedRows<T>(rows: readonly T[]): () => Promise<CsvPage<T>> {
  return () => Promise.resolve({ rows: [...rows], totalCount: rows.length, hasNextPage: false, endCursor: null });
}
