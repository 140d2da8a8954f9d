import type { ClientConfig } from 'pg';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { PersistentClient } from './persistent-client';

/** The advisory-lock key of a claim (its own key space: 7263). */
const KEY_SQL = 'hashtextextended($1, 7263)';

/**
 * Work this process has taken on and keeps only in memory (an import it queued or runs). Each claim is
 * a session advisory lock held by one connection of this process. When the process dies, or loses its
 * database, the locks go with it; anyone can then tell the work is orphaned, because they can take the
 * lock (`isOrphaned`). After a reconnect the claims still held are taken again.
 */
export class WorkClaims {
  private readonly held = new Set<string>();
  private readonly client: PersistentClient;

  constructor(connection: ClientConfig, log: Logger) {
    this.client = new PersistentClient({ ...connection, application_name: 'spotcheck-claims' }, log, 'work claims', async (client) => {
      for (const key of this.held) await client.query(`SELECT pg_advisory_lock(${KEY_SQL})`, [key]);
    });
  }

  /** Claims `key` for this process; refuses a key that someone else holds. */
  async claim(key: string): Promise<void> {
    const client = await this.client.get();
    const [{ got }] = (await client.query(`SELECT pg_try_advisory_lock(${KEY_SQL}) AS got`, [key])).rows as { got: boolean }[];
    if (!got) throw new Error(`work ${key} is claimed by another process`);
    this.held.add(key);
  }

  /** Gives `key` up. Without a connection there is nothing to unlock: the lock went with it. */
  async release(key: string): Promise<void> {
    if (!this.held.delete(key) || !this.client.connected) return;
    try {
      const client = await this.client.get();
      await client.query(`SELECT pg_advisory_unlock(${KEY_SQL})`, [key]);
    } catch {
      // The connection broke meanwhile, and the lock with it.
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/**
 * True when no process holds a claim on `key`. The check holds the lock until the caller's transaction
 * ends, so the owner cannot come back (reconnect) while the caller settles the orphaned work.
 */
export async function isOrphaned(m: EntityManager, key: string): Promise<boolean> {
  const [{ free }] = (await m.query(`SELECT pg_try_advisory_xact_lock(${KEY_SQL}) AS free`, [key])) as { free: boolean }[];
  return free;
}
