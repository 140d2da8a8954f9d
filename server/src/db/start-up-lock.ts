import { Client } from 'pg';

/**
 * Runs `work` while holding the start-up lock of this database: servers starting at once migrate, seed
 * and install the job queues one after the other (pg-boss creating the same queue's partition from two
 * servers at once deadlocks). The lock is a session advisory lock on a connection of its own, so it
 * goes away with a server that dies while holding it.
 */
export const TAKE_START_UP_LOCK = `SELECT pg_advisory_lock(hashtextextended('spotcheck.start-up', 0))`;

export async function withStartUpLock<T>(adminUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, application_name: 'spotcheck-admin' });
  await client.connect();
  try {
    await client.query(TAKE_START_UP_LOCK);
    return await work();
  } finally {
    await client.end(); // ends the session, and the lock with it
  }
}
