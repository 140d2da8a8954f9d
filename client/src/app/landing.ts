/** Where each role starts: its own work, not the account page. */
import { PATHS } from './navigation';
import type { AppRoute } from './routes';

/**
 * The first of these the user may open: 我的检查 for an inspector (their day in the field), 工作台 for
 * others who handle tasks, the province's dashboard for provincial users, the units for the operator;
 * 我的账号 for anyone else.
 */
const LANDINGS = [PATHS.myVisits, PATHS.workbench, PATHS.provincialDashboard, PATHS.tenants] as const;

export function landingPath(allowed: readonly AppRoute[]): string {
  return LANDINGS.find((path) => allowed.some((route) => route.path === path)) ?? PATHS.me;
}
