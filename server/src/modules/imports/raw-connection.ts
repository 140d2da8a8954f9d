import { once } from 'node:events';
import type { EntityManager } from 'typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The pg connection under TypeORM's query runner of a running transaction. */
function connectionOf(manager: EntityManager): PoolClient {
  const client = (manager.queryRunner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
  if (!client) throw new Error('needs the connection of a running transaction');
  return client;
}

/** Runs a statement in the transaction and answers its row count (TypeORM's query() drops it for INSERT). */
export async function execute(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  return (await connectionOf(manager).query(sql, params)).rowCount ?? 0;
}

/**
 * COPY … FROM STDIN of one block of lines, on the transaction's own connection: the rows land under its
 * RLS scope and roll back with it. Resolves once PostgreSQL has taken every row.
 */
export async function copyInto(manager: EntityManager, sql: string, parts: readonly Buffer[]): Promise<void> {
  const stream = connectionOf(manager).query(copyFrom(sql));
  const failed = once(stream, 'error').then(([error]) => {
    throw error as Error;
  });
  for (const part of parts) stream.write(part);
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  failed.catch(() => undefined);
}
