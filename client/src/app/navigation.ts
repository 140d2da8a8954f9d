/** The current path, and a way to change it without reloading (the server answers every path with the app). */
import { useSyncExternalStore } from 'react';

export const PATHS = {
  login: '/login',
  redeem: '/redeem',
  me: '/me',
  tenants: '/tenants',
  people: '/people',
  roleGrants: '/role-grants',
  settings: '/settings',
  plans: '/plans',
  tasks: '/tasks',
  jointInvitations: '/joint-invitations',
  referrals: '/referrals',
  dashboard: '/dashboard',
  provincialDashboard: '/province',
  items: '/items',
  entities: '/entities',
  inspectors: '/inspectors',
  rules: '/rules',
  creditLists: '/credit-lists',
  ruleBounds: '/rule-bounds',
  imports: '/imports',
  calendar: '/calendar',
  publicPortal: '/public',
  workbench: '/workbench',
  myVisits: '/my-visits',
  audit: '/audit',
  notifications: '/notifications',
  entityRecord: '/record',
  inspections: '/inspections',
} as const;

const seg = encodeURIComponent;

/** Addresses of the pages below a menu item (global ids are encoded: they may hold "/", "+" or "="). */
export const LINKS = {
  newPlan: `${PATHS.plans}/new`,
  plan: (id: string) => `${PATHS.plans}/${seg(id)}`,
  editPlan: (id: string) => `${PATHS.plans}/${seg(id)}/edit`,
  newTask: `${PATHS.tasks}/new`,
  task: (id: string) => `${PATHS.tasks}/${seg(id)}`,
  editTask: (id: string) => `${PATHS.tasks}/${seg(id)}/edit`,
  ceremony: (taskId: string) => `${PATHS.tasks}/${seg(taskId)}/ceremony`,
  ceremonyScreen: (taskId: string) => `${PATHS.tasks}/${seg(taskId)}/ceremony/screen`,
  invitation: (id: string) => `${PATHS.jointInvitations}/${seg(id)}`,
  referral: (id: string) => `${PATHS.referrals}/${seg(id)}`,
  newEntity: `${PATHS.entities}/new`,
  entity: (id: string) => `${PATHS.entities}/${seg(id)}`,
  editEntity: (id: string) => `${PATHS.entities}/${seg(id)}/edit`,
  recusals: `${PATHS.inspectors}/recusals`,
  newImport: (kind: 'entities' | 'inspectors') => `${PATHS.imports}/new?kind=${kind}`,
  importJob: (id: string) => `${PATHS.imports}/${seg(id)}`,
  inspection: (id: string) => `${PATHS.inspections}/${seg(id)}`,
  inspectionsOfTask: (taskId: string) => `${PATHS.inspections}?task=${seg(taskId)}`,
  annualReport: `${PATHS.dashboard}/annual-report`,
  provincialAnnualReport: `${PATHS.provincialDashboard}/annual-report`,
};

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function getPath(): string {
  return window.location.pathname;
}

/** Goes to `path`, which may carry a query string (`/login?username=…`). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (window.location.pathname + window.location.search === path) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath, getPath);
}

/** One query-string parameter of the current address, read once (e.g. to prefill a form). */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}
