import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction whose row-level-security scope is `tenantId`. The setting is
 * transaction-local (`set_config(..., true)`), so a pooled connection never carries it further.
 */
export function inTenant<T>(db: DataSource, tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return work(manager);
  });
}
