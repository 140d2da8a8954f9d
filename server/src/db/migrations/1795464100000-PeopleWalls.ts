import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readRegions } from '../../modules/regions/region-source';

/**
 * Region reference data, and the walls for onboarding and people: RLS on invitations and rule sets,
 * tenant writes limited to the writer's subtree and to the columns a service may change, and the
 * narrow cross-tenant lookups (an invitation code's tenant, recently revoked sessions).
 */
export class PeopleWalls1795464100000 implements MigrationInterface {
  name = 'PeopleWalls1795464100000';

  public async up(q: QueryRunner): Promise<void> {
    const regions = readRegions();
    await q.query(
      `INSERT INTO regions (code, name, level, parent_code)
       SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::varchar[])`,
      [regions.map((r) => r.code), regions.map((r) => r.name), regions.map((r) => r.level), regions.map((r) => r.parentCode)],
    );
    await q.query(`ALTER TABLE regions ADD CONSTRAINT fk_regions_parent FOREIGN KEY (parent_code) REFERENCES regions (code)`);
    await q.query(`ALTER TABLE tenants ADD CONSTRAINT fk_tenants_region FOREIGN KEY (region_code) REFERENCES regions (code)`);
    await q.query(`GRANT SELECT ON regions TO spotcheck_app`);

    await q.query(`CREATE POLICY tenant_insert_below ON tenants FOR INSERT
      WITH CHECK (position('/' || app_current_tenant()::text || '/' in path) > 0 AND id <> app_current_tenant())`);
    await q.query(`CREATE POLICY tenant_update_subtree ON tenants FOR UPDATE
      USING (position('/' || app_current_tenant()::text || '/' in path) > 0)`);
    await q.query(`GRANT INSERT ON tenants TO spotcheck_app`);
    await q.query(`GRANT UPDATE (name, status, display_name, contact, public_header, public_footer) ON tenants TO spotcheck_app`);

    for (const table of ['invitations', 'rule_sets']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON invitations TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT ON rule_sets TO spotcheck_app`);

    await q.query(`CREATE TABLE invitation_codes (code_hash text PRIMARY KEY, tenant_id uuid NOT NULL)`);
    await q.query(`REVOKE ALL ON invitation_codes FROM PUBLIC`);
    await q.query(`CREATE FUNCTION index_invitation_code() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        INSERT INTO invitation_codes (code_hash, tenant_id) VALUES (NEW.code_hash, NEW.tenant_id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER invitations_code_index AFTER INSERT ON invitations
      FOR EACH ROW EXECUTE FUNCTION index_invitation_code()`);
    await q.query(`CREATE FUNCTION auth_tenant_of_invitation(p_code_hash text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT tenant_id FROM invitation_codes WHERE code_hash = p_code_hash $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_tenant_of_invitation(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_tenant_of_invitation(text) TO spotcheck_app`);

    await q.query(`CREATE INDEX idx_sessions_revoked_at ON sessions (revoked_at) WHERE revoked_at IS NOT NULL`);
    await q.query(`CREATE FUNCTION recently_revoked_sessions(p_since timestamptz) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT id FROM sessions WHERE revoked_at >= p_since $$`);
    await q.query(`REVOKE ALL ON FUNCTION recently_revoked_sessions(timestamptz) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION recently_revoked_sessions(timestamptz) TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION recently_revoked_sessions(timestamptz)`);
    await q.query(`DROP INDEX idx_sessions_revoked_at`);
    await q.query(`DROP FUNCTION auth_tenant_of_invitation(text)`);
    await q.query(`DROP TRIGGER invitations_code_index ON invitations`);
    await q.query(`DROP FUNCTION index_invitation_code()`);
    await q.query(`DROP TABLE invitation_codes`);
    await q.query(`REVOKE ALL ON invitations, rule_sets FROM spotcheck_app`);
    for (const table of ['invitations', 'rule_sets']) {
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE INSERT, UPDATE ON tenants FROM spotcheck_app`);
    await q.query(`DROP POLICY tenant_update_subtree ON tenants`);
    await q.query(`DROP POLICY tenant_insert_below ON tenants`);
    await q.query(`REVOKE SELECT ON regions FROM spotcheck_app`);
    await q.query(`ALTER TABLE tenants DROP CONSTRAINT fk_tenants_region`);
    await q.query(`ALTER TABLE regions DROP CONSTRAINT fk_regions_parent`);
    await q.query(`DELETE FROM regions`);
  }
}
