import { once } from 'node:events';
import type { EntityManager } from 'typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * COPY … FROM STDIN of one block of lines, on the transaction's own connection: the rows land under its
 * RLS scope and roll back with it. Resolves once PostgreSQL has taken every row.
 */
export async function copyInto(manager: EntityManager, sql: string, text: string): Promise<void> {
  const client = (manager.queryRunner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
  if (!client) throw new Error('COPY needs the connection of a running transaction');
  const stream = client.query(copyFrom(sql));
  const failed = once(stream, 'error').then(([error]) => {
    throw error as Error;
  });
  stream.end(text);
  await Promise.race([once(stream, 'finish'), failed]);
  failed.catch(() => undefined);
}
