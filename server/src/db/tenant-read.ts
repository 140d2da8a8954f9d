import type { PoolClient, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { isUuid } from '@spotcheck/shared';
import { appPool } from './app-pool';

/** A read-only statement of a hot list, prepared once per connection under its name. */
export interface NamedStatement {
  name: string;
  text: string;
}

export interface TenantReader {
  query<R extends QueryResultRow>(statement: NamedStatement, values: unknown[]): Promise<R[]>;
}

/**
 * The lean path for hot read-only lists: one READ ONLY transaction under the tenant's RLS scope on a
 * connection of the app's pool, without TypeORM's query runner. The transaction and its scope open in
 * one round trip (`BEGIN READ ONLY; …; SELECT set_config(…)`, the id checked as a UUID since a
 * message of several statements takes no parameters), each statement is prepared once per connection
 * and planned once (a generic plan: the hot lists look rows up by key, whatever the values), and
 * COMMIT closes it: three round trips for a list read by one statement.
 */
export async function tenantRead<T>(db: DataSource, tenantId: string, work: (reader: TenantReader) => Promise<T>): Promise<T> {
  if (!isUuid(tenantId)) throw new Error('tenantRead: the tenant id is not a UUID');
  const client: PoolClient = await appPool(db).connect();
  let broken: Error | undefined;
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL plan_cache_mode = force_generic_plan; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
    const result = await work({
      query: async <R extends QueryResultRow>(statement: NamedStatement, values: unknown[]) =>
        (await client.query<R>({ name: statement.name, text: statement.text, values })).rows,
    });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that could not roll back is dropped, never handed to the next request mid-transaction.
    client.release(broken);
  }
}
