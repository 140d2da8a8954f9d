import type { RequestContext } from '../graphql/context';
import { rateLimited } from '../graphql/errors';

function locked(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return rateLimited(`本网络地址登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds);
}

/** Refuses a sign-in from an address locked for too many failures, before any password is checked. */
export async function refuseLockedAddress(ctx: RequestContext): Promise<void> {
  const [{ until }] = (await ctx.app.db.query('SELECT login_locked_until($1) AS until', [ctx.ip ?? 'unknown'])) as { until: Date | null }[];
  if (until) throw locked(until);
}

/**
 * Counts a failed sign-in (an unknown name or a wrong password) against the client address; the one
 * that reaches LOGIN_IP_MAX_FAILURES within LOGIN_IP_WINDOW_MINUTES locks the address for that long.
 * A successful sign-in does not clear the count: one known account would otherwise reset the guessing.
 */
export async function countFailedLogin(ctx: RequestContext): Promise<void> {
  const { maxFailures, windowMinutes } = ctx.app.config.loginAddressLimit;
  const [{ until }] = (await ctx.app.db.query('SELECT login_failed($1, $2, $3) AS until', [ctx.ip ?? 'unknown', maxFailures, windowMinutes])) as { until: Date | null }[];
  if (until) {
    ctx.app.log.warn({ ip: ctx.ip, until }, 'sign-ins from this address locked after repeated failures');
    throw locked(until);
  }
}
