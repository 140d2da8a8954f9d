import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RLS for draws; a drawn draw is immutable even to the app role (a trigger refuses any change), and
 * the public reads draw records through a view of active bureaus that never shows an unrevealed seed.
 */
export class DrawWalls1795466700000 implements MigrationInterface {
  name = 'DrawWalls1795466700000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['draws', 'draw_selections']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON draws TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT ON draw_selections TO spotcheck_app`);
    await q.query(`CREATE FUNCTION refuse_changing_drawn_draw() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'DRAWN' THEN
          RAISE EXCEPTION 'a drawn draw never changes (draw %)', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER draws_immutable_once_drawn BEFORE UPDATE OR DELETE ON draws
      FOR EACH ROW EXECUTE FUNCTION refuse_changing_drawn_draw()`);
    await q.query(`CREATE VIEW public_draws WITH (security_barrier) AS
      SELECT d.tenant_id, d.id, t.title AS task_title, t.starts_on, t.ends_on, d.status, d.algorithm, d.input_hash,
             d.commitment, d.rule_version, d.summary, d.committed_at, d.drawn_at, d.record_gz
        FROM draws d
        JOIN tasks t ON t.tenant_id = d.tenant_id AND t.id = d.task_id
        JOIN tenants n ON n.id = d.tenant_id AND n.status = 'ACTIVE'`);
    await q.query(`GRANT SELECT ON public_draws TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_draws`);
    await q.query(`DROP TRIGGER draws_immutable_once_drawn ON draws`);
    await q.query(`DROP FUNCTION refuse_changing_drawn_draw()`);
    for (const table of ['draws', 'draw_selections']) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
