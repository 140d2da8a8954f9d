/**
 * Forward cursor paging (first/after): the cursors of the pages already passed are kept so that
 * 上一页 goes back without guessing at the server's opaque cursors.
 */
import { useCallback, useState } from 'react';

export interface CursorPages {
  first: number;
  after: string | null;
  /** 1-based. */
  page: number;
  next: (endCursor: string | null | undefined) => void;
  prev: () => void;
  reset: () => void;
}

export function useCursorPages(pageSize = 20): CursorPages {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((list) => [...list, endCursor]);
  }, []);
  const prev = useCallback(() => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)), []);
  const reset = useCallback(() => setCursors([null]), []);
  return { first: pageSize, after: cursors.at(-1) ?? null, page: cursors.length, next, prev, reset };
}
