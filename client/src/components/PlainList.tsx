/**
 * Rows divided by a line, as antd's List shows them, without List itself: List brings its pagination, and
 * with it a select, into every page that shows one (the inspector's home and the bell among them).
 */
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

const LIST: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const ITEM: CSSProperties = { padding: '12px 0', borderBlockEnd: '1px solid rgba(5, 5, 5, 0.06)' };

export function PlainList({ children, ...rest }: HTMLAttributes<HTMLUListElement> & { children: ReactNode }) {
  return (
    <ul {...rest} style={{ ...LIST, ...rest.style }}>
      {children}
    </ul>
  );
}

export function PlainListItem({ children, ...rest }: HTMLAttributes<HTMLLIElement> & { children: ReactNode; [data: `data-${string}`]: string | undefined }) {
  return (
    <li {...rest} style={{ ...ITEM, ...rest.style }}>
      {children}
    </li>
  );
}
