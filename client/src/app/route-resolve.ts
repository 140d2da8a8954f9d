/** Which page an address shows: a menu item itself, or one of the pages below it, with its parameters. */
import type { ReactNode } from 'react';
import type { CurrentUser } from './current-user';
import { matchPattern } from './route-match';
import type { AppRoute } from './routes';

export interface ResolvedPage {
  /** The menu item that stays selected. */
  route: AppRoute;
  node: () => ReactNode;
  bare: boolean;
}

export function resolvePage(routes: readonly AppRoute[], user: CurrentUser, path: string): ResolvedPage | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of routes) {
    if (route.path === clean) return { route, node: route.render, bare: false };
    for (const page of route.pages ?? []) {
      const params = matchPattern(page.pattern, clean);
      if (!params) continue;
      if (page.allowed && !page.allowed(user)) return null;
      return { route, node: () => page.render(params), bare: !!page.bare };
    }
  }
  return null;
}
