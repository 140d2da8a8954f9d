import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain's published heads. `audit_anchors` is the tenant's own, `audit_anchor_copies` the
 * province's copy of its bureaus' heads; both append-only for the app role (SELECT, INSERT), under RLS.
 * Two narrow paths cross the wall, with the owner's rights:
 * - `public_audit_anchors`, the public listing: an active tenant's heads, seq, hash and time, nothing else;
 * - `kept_audit_heads()`, which gives a tenant (app_current_tenant()) the heads that the provinces above
 *   it keep of its own chain, so its chain is checked against them even if its own anchors are gone.
 */
export class AuditAnchorWalls1796606700000 implements MigrationInterface {
  name = 'AuditAnchorWalls1796606700000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['audit_anchors', 'audit_anchor_copies']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
      await q.query(`GRANT SELECT, INSERT ON ${table} TO spotcheck_app`);
    }

    await q.query(`CREATE VIEW public_audit_anchors WITH (security_barrier) AS
      SELECT a.tenant_id, a.seq, a.hash, a.anchored_at
        FROM audit_anchors a JOIN tenants t ON t.id = a.tenant_id AND t.status = 'ACTIVE' AND t.kind <> 'PLATFORM'`);
    await q.query(`GRANT SELECT ON public_audit_anchors TO spotcheck_app`);

    await q.query(`CREATE FUNCTION kept_audit_heads() RETURNS TABLE (seq bigint, hash text, anchored_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c.seq, c.hash, c.anchored_at
          FROM audit_anchor_copies c
          JOIN tenants k ON k.id = c.tenant_id AND k.kind = 'PROVINCIAL_DEPARTMENT'
          JOIN tenants b ON b.id = c.bureau_id
         WHERE c.bureau_id = app_current_tenant()
           AND position('/' || k.id::text || '/' IN b.path) > 0
         ORDER BY c.seq
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION kept_audit_heads() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION kept_audit_heads() TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kept_audit_heads()`);
    await q.query(`DROP VIEW public_audit_anchors`);
    for (const table of ['audit_anchors', 'audit_anchor_copies']) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
