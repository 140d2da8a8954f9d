/** Addresses of the public portal (no sign-in): everything below /public. */
import { PATHS } from '../../app/navigation';

const seg = encodeURIComponent;

export type BureauTab = 'results' | 'notices' | 'plans' | 'items' | 'entities' | 'inspectors' | 'draws' | 'anchors';
export const BUREAU_TABS: readonly BureauTab[] = ['results', 'notices', 'plans', 'items', 'entities', 'inspectors', 'draws', 'anchors'];

export const PUBLIC_LINKS = {
  home: PATHS.publicPortal,
  bureau: (id: string, tab: BureauTab = 'results', query?: Record<string, string | null | undefined>) => {
    const params = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => !!e[1]));
    const search = params.toString();
    return `${PATHS.publicPortal}/bureaus/${seg(id)}/${tab}${search ? `?${search}` : ''}`;
  },
  entity: (uscc: string) => `${PATHS.publicPortal}/entities/${seg(uscc)}`,
  entityResult: (uscc: string, resultId: string) => `${PATHS.publicPortal}/entities/${seg(uscc)}#${seg(resultId)}`,
  draw: (id: string) => `${PATHS.publicPortal}/draws/${seg(id)}`,
  verify: `${PATHS.publicPortal}/verify`,
};

/** Server files (not pages of the app): the 公示 of a task's results and the feeds. */
export const PUBLIC_FILES = {
  notice: (taskId: string, format: 'pdf' | 'xlsx', bureauId?: string) =>
    `/api/public/notices/${seg(taskId)}.${format}${bureauId ? `?bureau=${seg(bureauId)}` : ''}`,
  feed: (format: 'atom' | 'json', bureauId?: string) => `/api/public/feed.${format}${bureauId ? `?bureau=${seg(bureauId)}` : ''}`,
};
