import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * A table that scrolls sideways (on a phone, or with many columns) must be reachable by keyboard to be
 * scrolled (WCAG 2.1.1): antd's scroll containers get no tab stop, so each is given one as it appears.
 */
export function useScrollableTablesFocusable(): void {
  useEffect(() => {
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
    };
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(mark);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    mark();
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
