import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['inspections', 'inspection_confirmations', 'inspection_steps', 'result_categories'];

/**
 * RLS for inspection records. A published record never changes, not even through SQL as the app role:
 * a correction is a new record, and the original only gains the link to it.
 */
export class InspectionWalls1796113800000 implements MigrationInterface {
  name = 'InspectionWalls1796113800000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON inspections TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON inspection_confirmations TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT ON inspection_steps TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON result_categories TO spotcheck_app`);
    await q.query(`CREATE FUNCTION refuse_changing_published_inspection() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'an inspection record is never deleted (%)', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status = 'PUBLISHED' AND (
             (to_jsonb(NEW) - 'corrected_by_id' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'corrected_by_id' - 'updated_at')
             OR OLD.corrected_by_id IS NOT NULL) THEN
          RAISE EXCEPTION 'a published inspection record never changes (%): publish a correction instead', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER inspections_immutable_once_published BEFORE UPDATE OR DELETE ON inspections
      FOR EACH ROW EXECUTE FUNCTION refuse_changing_published_inspection()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER inspections_immutable_once_published ON inspections`);
    await q.query(`DROP FUNCTION refuse_changing_published_inspection()`);
    for (const table of TABLES) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
