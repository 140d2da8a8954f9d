import { afterCommit } from '../../db/after-commit';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { AppPubSub } from '../../graphql/pubsub';
import { publishOnCommit } from '../../graphql/pubsub';

export const SESSION_REVOKED_TOPIC = 'SESSION_REVOKED';

/**
 * Access tokens are stateless for up to their TTL; a revoked session (sign-out, deactivation,
 * suspension) must stop working at once on every instance. Each instance keeps the ids revoked within
 * the last TTL in memory: loaded at start, then fed by the revocations every instance publishes.
 */
/** Each app data source's own revocation list, so that a revoking request takes effect on its server at once. */
const LOCAL = new WeakMap<DataSource, SessionRevocations>();

export class SessionRevocations {
  private readonly revoked = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  static async start(db: DataSource, pubsub: AppPubSub, ttlSeconds: number, log: Logger): Promise<SessionRevocations> {
    const revocations = new SessionRevocations(ttlSeconds * 1000);
    LOCAL.set(db, revocations);
    const load = async () => {
      const since = new Date(Date.now() - ttlSeconds * 1000);
      const rows = (await db.query('SELECT recently_revoked_sessions($1) AS id', [since])) as { id: string }[];
      revocations.add(rows.map((r) => r.id));
    };
    await load();
    // Revocations published while the LISTEN connection was down were not heard: read them again.
    pubsub.onReconnect(() => void load().catch((error: unknown) => log.error({ err: error }, 'could not reload revoked sessions')));
    void (async () => {
      try {
        for await (const payload of pubsub.subscribe(SESSION_REVOKED_TOPIC)) {
          revocations.add((payload as { sessionIds: string[] }).sessionIds);
        }
      } catch (error) {
        log.error({ err: error }, 'session revocation feed stopped');
      }
    })();
    return revocations;
  }

  add(sessionIds: string[]): void {
    const now = Date.now();
    for (const id of sessionIds) this.revoked.set(id, now + this.ttlMs);
    if (this.revoked.size > 10_000) for (const [id, until] of this.revoked) if (until < now) this.revoked.delete(id);
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > Date.now();
  }
}

/**
 * Revokes sessions in the caller's transaction (under its tenant scope) and tells every instance
 * once it commits. `where` narrows the sessions: one user's, all but one, or the whole tenant's.
 */
export async function revokeSessions(manager: EntityManager, where: { userId?: string; exceptSessionId?: string; sessionId?: string }): Promise<string[]> {
  const rows = (await manager.query(
    `UPDATE sessions SET revoked_at = now()
      WHERE revoked_at IS NULL
        AND ($1::uuid IS NULL OR user_id = $1)
        AND ($2::uuid IS NULL OR id <> $2)
        AND ($3::uuid IS NULL OR id = $3)
      RETURNING id`,
    [where.userId ?? null, where.exceptSessionId ?? null, where.sessionId ?? null],
  )) as unknown[];
  // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
  const returned = (Array.isArray(rows[0]) ? rows[0] : rows) as { id: string }[];
  const ids = returned.map((r) => r.id);
  if (ids.length) {
    await publishOnCommit(manager, SESSION_REVOKED_TOPIC, { sessionIds: ids });
    // This server knows at once; the others (and this one again) hear it through NOTIFY.
    afterCommit(manager, () => LOCAL.get(manager.connection)?.add(ids));
  }
  return ids;
}
