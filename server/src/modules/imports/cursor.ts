import type { EntityManager } from 'typeorm';

let cursors = 0;

/**
 * Reads a query's rows in batches through a server-side cursor of the caller's transaction, so a large
 * result never sits whole in memory. `sql` has no parameters (the RLS scope already narrows it).
 */
export async function forEachBatch<R>(m: EntityManager, sql: string, batch: number, each: (rows: R[]) => Promise<void> | void): Promise<void> {
  cursors += 1;
  const name = `spotcheck_cursor_${cursors}`;
  await m.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`);
  for (;;) {
    const rows = (await m.query(`FETCH ${batch} FROM ${name}`)) as R[];
    if (rows.length) await each(rows);
    if (rows.length < batch) break;
  }
  await m.query(`CLOSE ${name}`);
}
