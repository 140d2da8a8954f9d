import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RLS for credit records. They are append-only for the app role: the one column pair it may update is
 * the link by which a published correction supersedes the original's record.
 */
export class CreditWalls1796117100000 implements MigrationInterface {
  name = 'CreditWalls1796117100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_records ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON credit_records
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT ON credit_records TO spotcheck_app`);
    await q.query(`GRANT UPDATE (superseded_by_id, superseded_at) ON credit_records TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON credit_records FROM spotcheck_app`);
    await q.query(`DROP POLICY tenant_isolation ON credit_records`);
    await q.query(`ALTER TABLE credit_records DISABLE ROW LEVEL SECURITY`);
  }
}
