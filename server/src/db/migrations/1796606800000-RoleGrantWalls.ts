import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Role grants are their bureau's own (RLS). One narrow path crosses the wall: `role_grants_for_operator()`
 * gives the platform (and only a transaction scoped to the platform tenant) the ids of pending grants in
 * bureaus that have no leader who could approve them — a bureau's first leader, or a province's office.
 */
export class RoleGrantWalls1796606800000 implements MigrationInterface {
  name = 'RoleGrantWalls1796606800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE role_grants ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON role_grants
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT ON role_grants TO spotcheck_app`);
    await q.query(`GRANT UPDATE (status, decided_by, decided_by_name, decided_at, decision_note) ON role_grants TO spotcheck_app`);

    await q.query(`CREATE FUNCTION role_grants_for_operator() RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT g.tenant_id, g.id
          FROM role_grants g
         WHERE g.status = 'PENDING'
           AND EXISTS (SELECT 1 FROM tenants p WHERE p.id = app_current_tenant() AND p.kind = 'PLATFORM')
           AND NOT EXISTS (SELECT 1 FROM users u WHERE u.tenant_id = g.tenant_id AND 'LEADER' = ANY(u.roles)
                             AND u.status <> 'DEACTIVATED' AND u.id <> g.user_id AND u.id IS DISTINCT FROM g.proposed_by)
         ORDER BY g.proposed_at, g.id
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION role_grants_for_operator() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION role_grants_for_operator() TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION role_grants_for_operator()`);
    await q.query(`REVOKE ALL ON role_grants FROM spotcheck_app`);
    await q.query(`DROP POLICY tenant_isolation ON role_grants`);
    await q.query(`ALTER TABLE role_grants DISABLE ROW LEVEL SECURITY`);
  }
}
