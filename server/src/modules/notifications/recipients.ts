import type { EntityManager } from 'typeorm';
import type { Role } from '@spotcheck/shared';

/** The active users of the tenant who hold `role`. */
export async function usersWithRole(m: EntityManager, tenantId: string, role: Role): Promise<string[]> {
  const rows = (await m.query(`SELECT id FROM users WHERE tenant_id = $1 AND status = 'ACTIVE' AND $2 = ANY(roles::text[]) ORDER BY id`, [tenantId, role])) as {
    id: string;
  }[];
  return rows.map((r) => r.id);
}
