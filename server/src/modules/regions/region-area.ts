import type { EntityManager } from 'typeorm';

/** The codes of a region and every division below it (a bureau's area). */
export async function regionArea(manager: EntityManager, rootCode: string): Promise<Set<string>> {
  const rows = (await manager.query(
    `WITH RECURSIVE area AS (
       SELECT code FROM regions WHERE code = $1
       UNION ALL SELECT r.code FROM regions r JOIN area a ON r.parent_code = a.code)
     SELECT code FROM area`,
    [rootCode],
  )) as { code: string }[];
  return new Set(rows.map((r) => r.code));
}

/** The area of the tenant whose RLS scope the transaction is in. */
export async function currentTenantArea(manager: EntityManager): Promise<Set<string>> {
  const [tenant] = (await manager.query('SELECT region_code FROM tenants WHERE id = app_current_tenant()')) as { region_code: string }[];
  return tenant ? regionArea(manager, tenant.region_code) : new Set();
}
