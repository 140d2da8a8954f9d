import type { MigrationInterface, QueryRunner } from 'typeorm';

const GRANTS: Record<string, string> = {
  inspection_items: 'SELECT, INSERT, UPDATE',
  inspection_item_versions: 'SELECT, INSERT',
  inspectors: 'SELECT, INSERT, UPDATE',
  recusals: 'SELECT, INSERT, UPDATE, DELETE',
  market_entities: 'SELECT, INSERT, UPDATE',
  market_entity_changes: 'SELECT, INSERT',
  import_jobs: 'SELECT, INSERT, UPDATE',
  import_errors: 'SELECT, INSERT',
};

/**
 * RLS for the item list, the directories and imports; history tables are append-only. The public
 * portal reads through four views that run with the owner's rights (so across tenants) and expose
 * only the public columns of active bureaus: the one narrow path out of the tenant wall here.
 */
export class DirectoryWalls1795464900000 implements MigrationInterface {
  name = 'DirectoryWalls1795464900000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, privileges] of Object.entries(GRANTS)) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
      await q.query(`GRANT ${privileges} ON ${table} TO spotcheck_app`);
    }
    await q.query(`CREATE VIEW public_tenants WITH (security_barrier) AS
      SELECT t.id, t.name, t.display_name, t.region_code, t.kind, t.public_header, t.public_footer, t.contact
        FROM tenants t WHERE t.status = 'ACTIVE' AND t.kind <> 'PLATFORM'`);
    await q.query(`CREATE VIEW public_items WITH (security_barrier) AS
      SELECT i.tenant_id, i.id, d.name AS department_name, i.version, i.name, i.legal_basis, i.inspecting_body,
             i.category, i.target_type, i.min_ratio, i.frequency_per_year, i.methods, i.remarks, i.updated_at
        FROM inspection_items i
        JOIN tenants t ON t.id = i.tenant_id AND t.status = 'ACTIVE'
        LEFT JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
       WHERE i.status = 'PUBLISHED'`);
    await q.query(`CREATE VIEW public_inspectors WITH (security_barrier) AS
      SELECT p.tenant_id, p.id, p.name, p.post, p.certificate_no
        FROM inspectors p JOIN tenants t ON t.id = p.tenant_id AND t.status = 'ACTIVE'
       WHERE p.status = 'ACTIVE'`);
    await q.query(`CREATE VIEW public_entities WITH (security_barrier) AS
      SELECT e.tenant_id, e.id, e.name, e.uscc, e.address
        FROM market_entities e JOIN tenants t ON t.id = e.tenant_id AND t.status = 'ACTIVE'`);
    await q.query(`GRANT SELECT ON public_tenants, public_items, public_inspectors, public_entities TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_entities, public_inspectors, public_items, public_tenants`);
    for (const table of Object.keys(GRANTS)) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
