import type { EntityManager } from 'typeorm';
import type { AppServices, RequestContext } from '../graphql/context';
import { AppError, rateLimited } from '../graphql/errors';

/**
 * The one rate limiter by client address (and by key). Every count is kept in the database, atomically by
 * a SQL function, so concurrent requests and every instance share it; a refusal is RATE_LIMITED with
 * `retryAfterSeconds`. Three counters, for three kinds of abuse:
 *
 * - **requests** (`hitRateLimits`, table `rate_limit_hits`): at most N requests a window per key, e.g. an
 *   access code's writes per address and per code. Every request counts, refused ones too (`reason:
 *   TOO_FREQUENT`, not a lock-out).
 * - **wrong access codes** (`accessCodeLockedUntil`/`accessCodeFailed`, table `access_code_failures`):
 *   failures only, per address; after the maximum within the window the address waits out the window.
 * - **sign-ins** (`reserveSignIn`/`signInSucceeded`, tables `login_throttles`, `login_failures`): an
 *   attempt is reserved as a failure before any password is hashed, against the address, the account and
 *   the pair; the waits double, and a right password gives the reservation back.
 *
 * The tables stay three (their SQL functions differ in what they count and when a count ends); this
 * module is the only code that reaches them.
 */

/** Whole seconds until `until`, at least 1. */
export function secondsUntil(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
}

// ---- requests per window

/** One limit: at most `max` requests per `windowSeconds` for one key, e.g. `entity-code:<hash>`. */
export interface RateLimit {
  key: string;
  max: number;
  windowSeconds: number;
  /** What the refusal says; `{seconds}` is replaced by the wait. */
  message: string;
}

/** Counts a request against each limit; refuses when one is exceeded. */
export async function hitRateLimits(app: AppServices, limits: RateLimit[]): Promise<void> {
  for (const limit of limits) {
    const [{ wait }] = (await app.db.query('SELECT rate_limit_hit($1, $2, $3) AS wait', [limit.key, limit.max, limit.windowSeconds])) as {
      wait: number | null;
    }[];
    if (wait !== null) {
      app.log.warn({ key: limit.key.replace(/:.*/, ':…'), wait }, 'rate limit exceeded');
      throw new AppError('RATE_LIMITED', limit.message.replace('{seconds}', String(wait)), { retryAfterSeconds: wait, reason: 'TOO_FREQUENT' });
    }
  }
}

// ---- wrong access codes per address

function codesLocked(until: Date) {
  const seconds = secondsUntil(until);
  return rateLimited(`查阅码错误次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds);
}

/** Refuses an address that typed too many wrong codes (ACCESS_CODE_MAX_FAILURES within ACCESS_CODE_LOCK_MINUTES). */
export async function assertAccessCodesAllowed(app: AppServices, ip: string | null): Promise<void> {
  const [{ until }] = (await app.db.query('SELECT access_code_locked_until($1) AS until', [ip ?? 'unknown'])) as { until: Date | null }[];
  if (until) throw codesLocked(until);
}

/** Counts a wrong code against the address; refuses at once when that was one too many. */
export async function countWrongAccessCode(app: AppServices, ip: string | null): Promise<void> {
  const { maxFailures, lockMinutes } = app.config.accessCode;
  const [{ until }] = (await app.db.query('SELECT access_code_failed($1, $2, $3) AS until', [ip ?? 'unknown', maxFailures, lockMinutes])) as {
    until: Date | null;
  }[];
  if (until) throw codesLocked(until);
}

// ---- sign-ins per address, account and pair

/** Failures on one account from one address before each next attempt waits (then 1, 2, 4… × LOGIN_FAILURE_DELAY_MS). */
export const PAIR_FREE_FAILURES = 3;
/** Failures on one account from all addresses together before each next attempt waits (capped short). */
export const ACCOUNT_FREE_FAILURES = 10;

type SignInScope = 'address' | 'account' | 'pair';

function signInRefusal(scope: SignInScope, retryAt: Date) {
  const seconds = secondsUntil(retryAt);
  const when = seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return rateLimited(scope === 'address' ? `本网络地址登录失败次数过多，请 ${when}后再试` : `该账号登录失败次数较多，请 ${when}后再试`, seconds);
}

/**
 * Reserves a sign-in attempt before any password is hashed: counted at once as a failure against the
 * address (within LOGIN_IP_WINDOW_MINUTES), the account and the account from this address. Refused while
 * any of them asks to wait. Nothing locks: the account's wait is capped short
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
  ])) as { retry_at: Date | null; scope: SignInScope | null }[];
  if (row?.retry_at && row.scope) {
    ctx.app.metrics.signInsThrottled.inc({ scope: row.scope });
    if (row.scope !== 'address') ctx.app.log.info({ ip: ctx.ip, scope: row.scope }, 'sign-in throttled');
    else ctx.app.log.warn({ ip: ctx.ip, until: row.retry_at }, 'sign-ins from this address refused after repeated failures');
    throw signInRefusal(row.scope, new Date(row.retry_at));
  }
}

/**
 * The password was right: the account's and the pair's counts end, and the address gets its reservation
 * back. On the sign-in's own transaction: a second pool connection per sign-in could starve the pool.
 */
export async function signInSucceeded(ctx: RequestContext, m: EntityManager, name: string): Promise<void> {
  await m.query('SELECT login_succeeded($1, $2)', [ctx.ip ?? 'unknown', name]);
}
