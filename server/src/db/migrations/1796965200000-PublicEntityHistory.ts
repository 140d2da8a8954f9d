import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Today on the calendar of the bureaus (Beijing), as the views read it. */
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The portal's entity page shows the entity's whole public history (docs/architecture.md, “The portal”):
 * two owner-rights views, read by USCC, of active bureaus only.
 * - `public_rectifications`: the rectifications of published records only (a 责令整改 opens its
 *   rectification at the leader's approval, before the record is published: until then it is not public).
 *   Only when it was ordered, its deadline and how it ended; a closing not yet approved is still running.
 *   Never the entity's report, the re-check, the notes or who did what.
 * - `public_credit_history`: the entries of the 黑名单/重点关注名单 that were published — approved, from
 *   their decision date, of a list the bureau's current rules publish — in force, past their period, or
 *   ended early by an approved 信用修复 (with its date). Pending and refused entries never.
 */
export class PublicEntityHistory1796965200000 implements MigrationInterface {
  name = 'PublicEntityHistory1796965200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW public_rectifications WITH (security_barrier) AS
      SELECT r.tenant_id, r.id, r.inspection_id, i.entity_uscc, r.opened_on, r.due_working_days, r.due_on,
             CASE WHEN r.status IN ('DONE', 'NOT_DONE') THEN r.status ELSE 'OPEN' END AS status,
             CASE WHEN r.status IN ('DONE', 'NOT_DONE') THEN r.closed_on END AS closed_on
        FROM rectifications r
        JOIN tenants n ON n.id = r.tenant_id AND n.status = 'ACTIVE' AND n.kind <> 'PLATFORM'
        JOIN inspections i ON i.tenant_id = r.tenant_id AND i.id = r.inspection_id AND i.status = 'PUBLISHED'`);
    await q.query(`CREATE VIEW public_credit_history WITH (security_barrier) AS
      SELECT c.tenant_id, c.id, c.list, c.entity_name, c.entity_uscc, c.reason, c.legal_basis, c.decided_on, c.valid_until,
             CASE WHEN c.status = 'REPAIRED' THEN c.ended_on END AS repaired_on
        FROM credit_list_entries c
        JOIN tenants n ON n.id = c.tenant_id AND n.status = 'ACTIVE' AND n.kind <> 'PLATFORM'
        JOIN LATERAL (SELECT r.rules FROM rule_sets r WHERE r.tenant_id = c.tenant_id ORDER BY r.version DESC LIMIT 1) v ON true
       WHERE c.status IN ('APPROVED', 'REPAIRED') AND c.decided_on <= ${TODAY}
         AND coalesce((v.rules -> 'creditLists' ->> CASE c.list WHEN 'BLACKLIST' THEN 'publishBlacklist' ELSE 'publishWatchList' END)::boolean, true)`);
    await q.query(`GRANT SELECT ON public_rectifications, public_credit_history TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_credit_history`);
    await q.query(`DROP VIEW public_rectifications`);
  }
}
