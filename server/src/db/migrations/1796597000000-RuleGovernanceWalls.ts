import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule governance. Proposals and a province's bounds are each their tenant's own (RLS). Two narrow paths
 * cross the wall, both with the owner's rights and the viewer taken from app_current_tenant():
 * `rule_bounds_above()` gives a bureau the bounds of the provinces above it (its own tenant path), and
 * `bureau_rule_limits()` gives a provincial department the bounded limits of its bureaus' current rules —
 * ratio band, rounds a year, draws per entity — and nothing else of them.
 */
export class RuleGovernanceWalls1796597000000 implements MigrationInterface {
  name = 'RuleGovernanceWalls1796597000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['rule_proposals', 'rule_bounds']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT ON rule_proposals TO spotcheck_app`);
    await q.query(`GRANT UPDATE (status, reviewed_by, reviewed_at, review_comment, approved_version) ON rule_proposals TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT ON rule_bounds TO spotcheck_app`);
    await q.query(`GRANT UPDATE (bounds, reason, updated_by, updated_at) ON rule_bounds TO spotcheck_app`);

    await q.query(`CREATE FUNCTION rule_bounds_above() RETURNS TABLE (tenant_id uuid, name text, bounds jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT b.tenant_id, t.name::text, b.bounds
          FROM rule_bounds b JOIN tenants t ON t.id = b.tenant_id
         WHERE b.tenant_id <> app_current_tenant()
           AND t.kind = 'PROVINCIAL_DEPARTMENT'
           AND position('/' || b.tenant_id::text || '/' IN (SELECT s.path FROM tenants s WHERE s.id = app_current_tenant())) > 0
         ORDER BY t.path
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION rule_bounds_above() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION rule_bounds_above() TO spotcheck_app`);

    await q.query(`CREATE FUNCTION bureau_rule_limits()
      RETURNS TABLE (tenant_id uuid, name text, version int, ratio_min text, ratio_max text, rounds_min int, rounds_max int, max_draws int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT t.id, t.name::text, r.version, r.rules #>> '{ratio,min}', r.rules #>> '{ratio,max}',
               (r.rules #>> '{roundsPerYear,min}')::int, (r.rules #>> '{roundsPerYear,max}')::int,
               (r.rules ->> 'maxDrawsPerEntityPerYear')::int
          FROM tenants v
          JOIN tenants t ON position('/' || v.id::text || '/' IN t.path) > 0
          JOIN LATERAL (SELECT s.version, s.rules FROM rule_sets s WHERE s.tenant_id = t.id ORDER BY s.version DESC LIMIT 1) r ON true
         WHERE v.id = app_current_tenant() AND v.kind = 'PROVINCIAL_DEPARTMENT' AND v.status = 'ACTIVE'
           AND t.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND t.status = 'ACTIVE'
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION bureau_rule_limits() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION bureau_rule_limits() TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION bureau_rule_limits()`);
    await q.query(`DROP FUNCTION rule_bounds_above()`);
    for (const table of ['rule_proposals', 'rule_bounds']) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
