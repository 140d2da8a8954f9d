import { Client } from 'pg';
import { APP_ROLE } from '../db/data-source';

/** A connection as the app's role (under row-level security) to a test app's database, for asking as one tenant. */
export interface AppRoleClient {
  /** Runs `sql` in a transaction scoped to `tenantId` (none: no tenant), then rolls it back. */
  asTenant<T = any>(tenantId: string | null, sql: string, params?: unknown[]): Promise<T[]>;
  end(): Promise<void>;
}

export async function appRoleClient(adminUrl: string): Promise<AppRoleClient> {
  const client = new Client({ connectionString: adminUrl, options: `-c role=${APP_ROLE}` });
  await client.connect();
  return {
    async asTenant<T>(tenantId: string | null, sql: string, params: unknown[] = []): Promise<T[]> {
      await client.query('BEGIN');
      try {
        if (tenantId) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.query('ROLLBACK');
      }
    },
    end: () => client.end(),
  };
}
