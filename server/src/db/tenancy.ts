import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction whose row-level-security scope is `tenantId`. The setting is
 * transaction-local (`set_config(..., true)`), so a pooled connection never carries it further.
 */
export function inTenant<T>(db: DataSource, tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction(async (manager) => {
    await switchTenantScope(manager, tenantId);
    return work(manager);
  });
}

/**
 * Moves the current transaction's RLS scope to another tenant. Only for the few flows that must
 * write into a tenant other than the viewer's (onboarding a bureau, suspending one); each use is
 * audited in both chains.
 */
export async function switchTenantScope(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
}
