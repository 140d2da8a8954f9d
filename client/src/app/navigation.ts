/** The current path, and a way to change it without reloading (the server answers every path with the app). */
import { useSyncExternalStore } from 'react';

export const PATHS = {
  login: '/login',
  redeem: '/redeem',
  me: '/me',
  tenants: '/tenants',
  people: '/people',
  settings: '/settings',
} as const;

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
