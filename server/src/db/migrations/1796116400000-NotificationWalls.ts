import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RLS for notifications and the deadline sweep's claims. Readers may only mark their own notifications
 * read (the service narrows to the viewer), so the app role updates nothing else of a row. Jobs that
 * visit every bureau learn which ones exist from `active_tenant_ids()`; all they do there runs under
 * that tenant's scope.
 */
export class NotificationWalls1796116400000 implements MigrationInterface {
  name = 'NotificationWalls1796116400000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'deadline_notices']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT ON notifications TO spotcheck_app`);
    await q.query(`GRANT UPDATE (read_at) ON notifications TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT ON deadline_notices TO spotcheck_app`);

    await q.query(`CREATE FUNCTION active_tenant_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT id FROM tenants WHERE status = 'ACTIVE' ORDER BY id $$`);
    await q.query(`REVOKE ALL ON FUNCTION active_tenant_ids() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION active_tenant_ids() TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION active_tenant_ids()`);
    for (const table of ['notifications', 'deadline_notices']) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
