/** Every result row of a drawn draw, fetched page after page (100 a request) once `enabled`. */
import { useEffect, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { DrawResultsQuery } from '../../gql/graphql';
import { DRAW_RESULTS, type ResultRow } from './operations';

export function useAllResults(drawId: string | null, enabled: boolean): { rows: ResultRow[]; total: number | null; done: boolean } {
  const client = useApolloClient();
  const [state, setState] = useState<{ rows: ResultRow[]; total: number | null; done: boolean }>({ rows: [], total: null, done: false });
  useEffect(() => {
    if (!drawId || !enabled) return;
    let stopped = false;
    void (async () => {
      const rows: ResultRow[] = [];
      let after: string | null = null;
      for (;;) {
        const { data }: { data?: DrawResultsQuery } = await client.query({
          query: DRAW_RESULTS,
          variables: { drawId, first: 100, after },
          fetchPolicy: 'network-only',
        });
        if (stopped) return;
        const page: Extract<DrawResultsQuery['node'], { __typename: 'Draw' }>['results'] | null = data?.node.__typename === 'Draw' ? data.node.results : null;
        if (!page) break;
        rows.push(...page.edges.map((e) => e.node));
        setState({ rows: [...rows], total: page.totalCount, done: !page.pageInfo.hasNextPage });
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      if (!stopped) setState((s) => ({ ...s, done: true }));
    })().catch(() => {
      if (!stopped) setState((s) => ({ ...s, done: true }));
    });
    return () => {
      stopped = true;
    };
  }, [client, drawId, enabled]);
  return state;
}
