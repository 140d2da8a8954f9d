import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['departments', 'users', 'sessions', 'audit_events'];

/**
 * The second wall. Every tenant table gets row-level security keyed on `app.tenant_id`; the app
 * runs as `spotcheck_app`, which owns nothing and has no BYPASSRLS. The audit log is append-only
 * for it. Login's lookup of a username across tenants is one SECURITY DEFINER function.
 */
export class TenantWalls1795463500000 implements MigrationInterface {
  name = 'TenantWalls1795463500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spotcheck_app') THEN
        CREATE ROLE spotcheck_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
      EXECUTE format('GRANT spotcheck_app TO %I', current_user);
    END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO spotcheck_app`);
    await q.query(`CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$`);

    await q.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_subtree ON tenants FOR SELECT
      USING (position('/' || app_current_tenant()::text || '/' in path) > 0)`);
    await q.query(`GRANT SELECT ON tenants TO spotcheck_app`);

    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON departments, users, sessions TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT ON audit_events TO spotcheck_app`);

    await q.query(`CREATE TABLE account_names (
      username text PRIMARY KEY, tenant_id uuid NOT NULL, user_id uuid NOT NULL)`);
    await q.query(`REVOKE ALL ON account_names FROM PUBLIC`);
    await q.query(`CREATE FUNCTION sync_account_name() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          DELETE FROM account_names WHERE tenant_id = OLD.tenant_id AND user_id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO account_names (username, tenant_id, user_id) VALUES (lower(NEW.username), NEW.tenant_id, NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER users_account_name AFTER INSERT OR UPDATE OF username OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION sync_account_name()`);
    await q.query(`CREATE FUNCTION auth_tenant_of(p_username text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT tenant_id FROM account_names WHERE username = lower(p_username) $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_tenant_of(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_tenant_of(text) TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_tenant_of(text)`);
    await q.query(`DROP TRIGGER users_account_name ON users`);
    await q.query(`DROP FUNCTION sync_account_name()`);
    await q.query(`DROP TABLE account_names`);
    await q.query(`REVOKE ALL ON departments, users, sessions, audit_events, tenants FROM spotcheck_app`);
    for (const table of TENANT_TABLES) {
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP POLICY tenant_subtree ON tenants`);
    await q.query(`ALTER TABLE tenants DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP FUNCTION app_current_tenant()`);
  }
}
