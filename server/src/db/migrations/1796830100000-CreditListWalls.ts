import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addTenantWall, removeTenantWall } from '../rls';

const TABLES = ['credit_list_entries', 'credit_repair_requests', 'joint_punishment_settings'];
/** Today on the calendar of the bureaus (Beijing), as the views and functions read it. */
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The walls of 信用公示 (docs/architecture.md, module credit):
 * - the three tables under RLS; entries and repair requests change only in their decision columns;
 * - `public_credit_entries`: the portal's owner-rights view of the approved entries in force of active
 *   bureaus, only of the lists the bureau's current rules publish;
 * - `province_blacklisted_usccs(usccs)`: 联合惩戒's one narrow path. It answers a city or county bureau
 *   which of the given USCCs — only those of its own directory — are on the blacklist (approved, in force)
 *   of another active bureau of a province above it that adopted 联合惩戒; the USCCs and nothing else.
 *   Anyone else (a province, the platform, no tenant at all) gets no rows;
 * - `joint_punishment_weight()`: the weight the provinces above the caller's bureau set (the largest), or
 *   NULL when none adopted it.
 */
export class CreditListWalls1796830100000 implements MigrationInterface {
  name = 'CreditListWalls1796830100000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await addTenantWall(q, table);
    await q.query(`GRANT SELECT, INSERT ON credit_list_entries, credit_repair_requests, joint_punishment_settings TO spotcheck_app`);
    await q.query(`GRANT UPDATE (status, reviewed_by, reviewed_at, review_comment, ended_on, ended_by_repair_id) ON credit_list_entries TO spotcheck_app`);
    await q.query(
      `GRANT UPDATE (status, decided_by, decided_at, decision_note, reviewed_by, reviewed_at, review_comment) ON credit_repair_requests TO spotcheck_app`,
    );
    await q.query(`GRANT UPDATE (enabled, weight, reason, updated_by, updated_at) ON joint_punishment_settings TO spotcheck_app`);

    await q.query(`CREATE VIEW public_credit_entries WITH (security_barrier) AS
      SELECT c.tenant_id, c.id, c.list, c.entity_name, c.entity_uscc, c.reason, c.legal_basis, c.decided_on, c.valid_until
        FROM credit_list_entries c
        JOIN tenants n ON n.id = c.tenant_id AND n.status = 'ACTIVE'
        JOIN LATERAL (SELECT r.rules FROM rule_sets r WHERE r.tenant_id = c.tenant_id ORDER BY r.version DESC LIMIT 1) v ON true
       WHERE c.status = 'APPROVED' AND c.decided_on <= ${TODAY} AND c.valid_until >= ${TODAY}
         AND coalesce((v.rules -> 'creditLists' ->> CASE c.list WHEN 'BLACKLIST' THEN 'publishBlacklist' ELSE 'publishWatchList' END)::boolean, true)`);
    await q.query(`GRANT SELECT ON public_credit_entries TO spotcheck_app`);

    // In steps, each a plain query of one distributed table (with the reference table tenants), so that it
    // plans on Citus as on PostgreSQL: the provinces above the caller that adopted it, the given USCCs that
    // are in the caller's own directory, then the blacklists of the provinces' other bureaus.
    await q.query(`CREATE FUNCTION province_blacklisted_usccs(p_usccs text[]) RETURNS TABLE (uscc text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_caller uuid := app_current_tenant(); v_path text; v_provinces uuid[]; v_mine text[];
      BEGIN
        SELECT t.path INTO v_path FROM tenants t
         WHERE t.id = v_caller AND t.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND t.status = 'ACTIVE';
        IF v_path IS NULL OR p_usccs IS NULL THEN
          RETURN;
        END IF;
        SELECT array_agg(s.tenant_id) INTO v_provinces FROM joint_punishment_settings s
         WHERE s.enabled AND position('/' || s.tenant_id::text || '/' IN v_path) > 0;
        IF v_provinces IS NULL THEN
          RETURN;
        END IF;
        SELECT array_agg(DISTINCT e.uscc) INTO v_mine FROM market_entities e WHERE e.tenant_id = v_caller AND e.uscc = ANY (p_usccs);
        IF v_mine IS NULL THEN
          RETURN;
        END IF;
        RETURN QUERY SELECT DISTINCT c.entity_uscc
          FROM credit_list_entries c
          JOIN tenants b ON b.id = c.tenant_id AND b.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND b.status = 'ACTIVE' AND b.id <> v_caller
         WHERE c.list = 'BLACKLIST' AND c.status = 'APPROVED' AND c.decided_on <= ${TODAY} AND c.valid_until >= ${TODAY}
           AND c.entity_uscc = ANY (v_mine)
           AND EXISTS (SELECT 1 FROM tenants p WHERE p.id = ANY (v_provinces) AND p.kind = 'PROVINCIAL_DEPARTMENT' AND p.status = 'ACTIVE'
                         AND position('/' || p.id::text || '/' IN b.path) > 0);
      END $$`);

    await q.query(`CREATE FUNCTION joint_punishment_weight() RETURNS numeric
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_path text;
      BEGIN
        SELECT t.path INTO v_path FROM tenants t
         WHERE t.id = app_current_tenant() AND t.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND t.status = 'ACTIVE';
        IF v_path IS NULL THEN
          RETURN NULL;
        END IF;
        RETURN (SELECT max(s.weight) FROM joint_punishment_settings s
                 WHERE s.enabled AND position('/' || s.tenant_id::text || '/' IN v_path) > 0
                   AND EXISTS (SELECT 1 FROM tenants p WHERE p.id = s.tenant_id AND p.kind = 'PROVINCIAL_DEPARTMENT' AND p.status = 'ACTIVE'));
      END $$`);

    for (const fn of ['province_blacklisted_usccs(text[])', 'joint_punishment_weight()']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO spotcheck_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION joint_punishment_weight()`);
    await q.query(`DROP FUNCTION province_blacklisted_usccs(text[])`);
    await q.query(`DROP VIEW public_credit_entries`);
    for (const table of TABLES) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await removeTenantWall(q, table);
    }
  }
}
