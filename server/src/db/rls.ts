import type { QueryRunner } from 'typeorm';

/**
 * The tenancy wall of a tenant table, for migrations: row-level security on, and the one policy every
 * tenant table has — a row is visible and writable only under its own tenant's scope
 * (`app_current_tenant()`, set per transaction by db/tenancy.ts). Grants stay in the migration: they
 * differ from table to table (append-only tables get no UPDATE, …).
 *
 * The migrations written before this helper (TenantWalls … RoleGrantWalls) spell the same two statements
 * out, some with other indentation; they are left as they are, byte for byte, and rls.test.ts checks that
 * each of their copies is this SQL but for whitespace. New migrations use the helper:
 *
 *   for (const table of ['things', 'thing_parts']) await addTenantWall(q, table);   // in up()
 *   for (const table of ['things', 'thing_parts']) await removeTenantWall(q, table); // in down()
 */
export function tenantWallSql(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
  ];
}

/** Undoes tenantWallSql, after the migration has revoked its grants. */
export function tenantWallRemovalSql(table: string): string[] {
  return [`DROP POLICY tenant_isolation ON ${table}`, `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`];
}

export async function addTenantWall(q: QueryRunner, table: string): Promise<void> {
  for (const sql of tenantWallSql(table)) await q.query(sql);
}

export async function removeTenantWall(q: QueryRunner, table: string): Promise<void> {
  for (const sql of tenantWallRemovalSql(table)) await q.query(sql);
}
