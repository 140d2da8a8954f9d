import type { MigrationInterface, QueryRunner } from 'typeorm';

/** RLS for annual plans, and the public view of published plans (owner's rights, public columns only). */
export class PlanWalls1795465800000 implements MigrationInterface {
  name = 'PlanWalls1795465800000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['annual_plans', 'annual_plan_items']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON annual_plans TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON annual_plan_items TO spotcheck_app`);
    await q.query(`CREATE VIEW public_plans WITH (security_barrier) AS
      SELECT p.tenant_id, p.id, p.year, p.title, p.scope, p.inspector_requirements, p.rounds, p.schedule, p.published_at,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('item', i.name, 'ratio', pi.ratio, 'rounds', pi.rounds) ORDER BY i.position), '[]'::jsonb)
                FROM annual_plan_items pi JOIN inspection_items i ON i.tenant_id = pi.tenant_id AND i.id = pi.item_id
               WHERE pi.tenant_id = p.tenant_id AND pi.plan_id = p.id) AS items
        FROM annual_plans p JOIN tenants t ON t.id = p.tenant_id AND t.status = 'ACTIVE'
       WHERE p.status = 'PUBLISHED'`);
    await q.query(`GRANT SELECT ON public_plans TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_plans`);
    for (const table of ['annual_plans', 'annual_plan_items']) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
