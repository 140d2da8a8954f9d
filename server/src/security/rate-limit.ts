import type { AppServices } from '../graphql/context';
import { AppError } from '../graphql/errors';

/** One limit: at most `max` requests per `windowSeconds` for one key, e.g. `entity-code:<hash>`. */
export interface RateLimit {
  key: string;
  max: number;
  windowSeconds: number;
  /** What the refusal says; `{seconds}` is replaced by the wait. */
  message: string;
}

/**
 * Counts a request against each limit in the database (so every instance shares the count) and
 * refuses with RATE_LIMITED, `retryAfterSeconds` and `reason: TOO_FREQUENT` (not a lock-out) when one
 * is exceeded. Every request counts, refused ones too: a client that keeps hammering keeps waiting.
 * For counting failures only (wrong codes, wrong passwords) see access-code-lookup.ts and
 * login-throttle.ts.
 */
export async function hitRateLimits(app: AppServices, limits: RateLimit[]): Promise<void> {
  for (const limit of limits) {
    const [{ wait }] = (await app.db.query('SELECT rate_limit_hit($1, $2, $3) AS wait', [limit.key, limit.max, limit.windowSeconds])) as { wait: number | null }[];
    if (wait !== null) {
      app.log.warn({ key: limit.key.replace(/:.*/, ':…'), wait }, 'rate limit exceeded');
      throw new AppError('RATE_LIMITED', limit.message.replace('{seconds}', String(wait)), { retryAfterSeconds: wait, reason: 'TOO_FREQUENT' });
    }
  }
}
