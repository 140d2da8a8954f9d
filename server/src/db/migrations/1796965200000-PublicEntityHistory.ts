import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal's entity page shows the entity's whole public history (docs/architecture.md, “The portal”);
 * its credit entries come from the lists' own view (public_credit_entries, CreditListWalls), and this
 * owner-rights view, read by USCC, of active bureaus only, adds its rectifications.
 * - `public_rectifications`: the rectifications of published records only (a 责令整改 opens its
 *   rectification at the leader's approval, before the record is published: until then it is not public).
 *   Only when it was ordered, its deadline and how it ended; a closing not yet approved is still running.
 *   Never the entity's report, the re-check, the notes or who did what.
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
    await q.query(`GRANT SELECT ON public_rectifications TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_rectifications`);
  }
}
