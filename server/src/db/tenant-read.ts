import { escapeLiteral, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { isUuid } from '@spotcheck/shared';
import { appPool } from './app-pool';

/** The types a lean statement's parameters may have: each is written into the message as a checked literal. */
export type LeanParam = 'uuid' | 'boolean' | 'int' | 'text';

/** A read-only statement of a hot list, prepared once per connection under its name. */
export interface NamedStatement {
  /** An SQL identifier of lower-case letters, digits and underscores. */
  name: string;
  text: string;
  /** The types of $1, $2, … */
  params: readonly LeanParam[];
}

const NAME = /^[a-z_][a-z0-9_]*$/;
const preparedOn = new WeakMap<PoolClient, Set<string>>();

/**
 * The lean path for hot read-only lists: one statement in a READ ONLY transaction under the tenant's
 * row-level security, on a connection of the app's pool, without TypeORM's query runner, in one
 * round trip. The transaction, its tenant scope, the statement (prepared on the connection the first
 * time, then planned once: the hot lists look rows up by key, whatever the values) and COMMIT go as
 * one message of several statements. Such a message takes no parameters, so every value is written as
 * a literal of its declared type, checked before any SQL is sent (a UUID, a boolean, an integer, or
 * text quoted by pg's escapeLiteral).
 */
export async function tenantRead<R extends QueryResultRow>(db: DataSource, tenantId: string, statement: NamedStatement, values: readonly unknown[]): Promise<R[]> {
  if (!isUuid(tenantId)) throw new Error('tenantRead: the tenant id is not a UUID');
  if (!NAME.test(statement.name)) throw new Error(`tenantRead: ${JSON.stringify(statement.name)} is not a statement name`);
  if (values.length !== statement.params.length) throw new Error(`tenantRead: ${statement.name} takes ${statement.params.length} values, not ${values.length}`);
  const args = statement.params.map((type, i) => literal(type, values[i], `${statement.name} $${i + 1}`));
  const client = await appPool(db).connect();
  const prepared = preparedOn.get(client) ?? new Set<string>();
  const listed = (list: readonly string[]) => (list.length ? `(${list.join(', ')})` : '');
  const prepare = prepared.has(statement.name) ? '' : `PREPARE ${statement.name}${listed(statement.params)} AS ${statement.text}; `;
  let results: QueryResult<R>[];
  try {
    results = (await client.query(
      `BEGIN READ ONLY; SELECT set_config('app.tenant_id', '${tenantId}', true), set_config('plan_cache_mode', 'force_generic_plan', true); ` +
        `${prepare}EXECUTE ${statement.name}${listed(args)}; COMMIT`,
    )) as unknown as QueryResult<R>[];
  } catch (error) {
    // The transaction and the connection's prepared statements are in an unknown state: the connection
    // is closed, never handed to the next request.
    client.release(error as Error);
    throw error;
  }
  prepared.add(statement.name);
  preparedOn.set(client, prepared);
  client.release();
  return results.at(-2)!.rows;
}

function literal(type: LeanParam, value: unknown, what: string): string {
  if (value === null || value === undefined) return 'NULL';
  switch (type) {
    case 'uuid':
      if (typeof value === 'string' && isUuid(value)) return `'${value}'`;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return String(value);
      break;
    case 'int':
      if (Number.isSafeInteger(value)) return String(value);
      break;
    case 'text':
      if (typeof value === 'string') return escapeLiteral(value);
      break;
  }
  throw new Error(`tenantRead: ${what} is not a ${type}`);
}
