import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../graphql/context';
import { rateLimited } from '../graphql/errors';

/** Failures on one account from one address before each next attempt waits (then 1, 2, 4… × LOGIN_FAILURE_DELAY_MS). */
export const PAIR_FREE_FAILURES = 3;
/** Failures on one account from all addresses together before each next attempt waits (capped short). */
export const ACCOUNT_FREE_FAILURES = 10;

type Scope = 'address' | 'account' | 'pair';

function refusal(scope: Scope, retryAt: Date) {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
  const when = seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return rateLimited(scope === 'address' ? `本网络地址登录失败次数过多，请 ${when}后再试` : `该账号登录失败次数较多，请 ${when}后再试`, seconds);
}

/**
 * Reserves a sign-in attempt before any password is hashed: counted at once as a failure against the
 * address (within LOGIN_IP_WINDOW_MINUTES), the account and the account from this address, atomically
 * in the database, so that concurrent requests and several instances share the limits. Refused with
 * RATE_LIMITED while any of them asks to wait. Nothing locks: the account's wait is capped short
 * (LOGIN_ACCOUNT_MAX_DELAY_SECONDS), the guessing address's grows to LOGIN_PAIR_MAX_DELAY_SECONDS.
 */
export async function reserveSignIn(ctx: RequestContext, name: string): Promise<void> {
  const { config } = ctx.app;
  const [row] = (await ctx.app.db.query('SELECT retry_at, scope FROM login_reserve($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    ctx.ip ?? 'unknown',
    name,
    config.loginFailureDelayMs,
    PAIR_FREE_FAILURES,
    config.loginThrottle.pairMaxDelaySeconds,
    ACCOUNT_FREE_FAILURES,
    config.loginThrottle.accountMaxDelaySeconds,
    config.loginAddressLimit.maxFailures,
    config.loginAddressLimit.windowMinutes,
  ])) as { retry_at: Date | null; scope: Scope | null }[];
  if (row?.retry_at && row.scope) {
    ctx.app.metrics.signInsThrottled.inc({ scope: row.scope });
    if (row.scope !== 'address') ctx.app.log.info({ ip: ctx.ip, scope: row.scope }, 'sign-in throttled');
    else ctx.app.log.warn({ ip: ctx.ip, until: row.retry_at }, 'sign-ins from this address refused after repeated failures');
    throw refusal(row.scope, new Date(row.retry_at));
  }
}

/**
 * The password was right: the account's and the pair's counts end, and the address gets its reservation
 * back. On the sign-in's own transaction: a second pool connection per sign-in could starve the pool.
 */
export async function signInSucceeded(ctx: RequestContext, m: EntityManager, name: string): Promise<void> {
  await m.query('SELECT login_succeeded($1, $2)', [ctx.ip ?? 'unknown', name]);
}
