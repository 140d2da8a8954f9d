import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform calendar entries are reference data with no tenant: every scope reads them (the public
 * deadline query has none), and only a transaction in the platform tenant's scope may write them.
 * Local calendar adjustments are an ordinary tenant table.
 */
export class CalendarWalls1796113400000 implements MigrationInterface {
  name = 'CalendarWalls1796113400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE platform_calendar_entries ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY read_all ON platform_calendar_entries FOR SELECT USING (true)`);
    const platformScope = `EXISTS (SELECT 1 FROM tenants WHERE id = app_current_tenant() AND kind = 'PLATFORM')`;
    await q.query(`CREATE POLICY platform_writes ON platform_calendar_entries FOR INSERT WITH CHECK (${platformScope})`);
    await q.query(`CREATE POLICY platform_deletes ON platform_calendar_entries FOR DELETE USING (${platformScope})`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON platform_calendar_entries TO spotcheck_app`);

    await q.query(`ALTER TABLE calendar_adjustments ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON calendar_adjustments
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON calendar_adjustments TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON calendar_adjustments FROM spotcheck_app`);
    await q.query(`DROP POLICY tenant_isolation ON calendar_adjustments`);
    await q.query(`ALTER TABLE calendar_adjustments DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON platform_calendar_entries FROM spotcheck_app`);
    for (const policy of ['read_all', 'platform_writes', 'platform_deletes']) {
      await q.query(`DROP POLICY ${policy} ON platform_calendar_entries`);
    }
    await q.query(`ALTER TABLE platform_calendar_entries DISABLE ROW LEVEL SECURITY`);
  }
}
