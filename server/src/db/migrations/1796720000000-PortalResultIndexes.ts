import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal's published results at a million (issue 17): newest first by key (published_at, id), a
 * name fragment through the name's bigrams, a USCC prefix or a whole USCC through its index, each only
 * over published records (partial indexes), and the count only on request.
 *
 * public_results is a security_barrier view: PostgreSQL plans it apart, so a page's ORDER BY … LIMIT,
 * its key and its search cannot reach the indexes and every page reads every published record.
 * public_result_list is the same view without the barrier (as public_entity_directory is for the
 * directory, migration ListIndexes): it shows only what public_results shows, and the portal's queries
 * on it use only comparisons, strpos, starts_with and array containment, which raise no data-dependent
 * error, so no unpublished row can leak through a function seeing it before the filter.
 */
export class PortalResultIndexes1796720000000 implements MigrationInterface {
  name = 'PortalResultIndexes1796720000000';

  public async up(q: QueryRunner): Promise<void> {
    // Ascending, scanned backwards for newest first: a row comparison (published_at, id) < key is an
    // index condition on consecutive ascending columns.
    await q.query(`CREATE INDEX idx_inspections_published_order ON inspections (published_at, id) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX idx_inspections_published_tenant_order ON inspections (tenant_id, published_at, id) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX idx_inspections_published_uscc ON inspections (entity_uscc, published_at, id) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX idx_inspections_published_name_bigrams ON inspections USING gin (name_bigrams(entity_name)) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX idx_inspections_published_items ON inspections USING gin (item_ids) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE VIEW public_result_list AS
      SELECT r.tenant_id, n.name AS bureau_name, n.region_code AS bureau_region, r.id, r.entity_name, r.entity_uscc, r.inspected_on,
             r.result_category, c.label AS custom_label, c.problem AS custom_problem, r.findings, r.published_at,
             r.corrects_id, r.corrected_by_id, r.correction_reason, r.draw_id, r.item_ids,
             t.tenant_id AS task_tenant_id, t.id AS task_id, t.title AS task_title, t.plan_id,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name) ORDER BY i.position), '[]'::jsonb)
                FROM inspection_items i WHERE i.tenant_id = r.tenant_id AND i.id = ANY (r.item_ids)) AS items
        FROM inspections r
        JOIN tenants n ON n.id = r.tenant_id AND n.status = 'ACTIVE' AND n.kind <> 'PLATFORM'
        LEFT JOIN joint_participants p ON p.tenant_id = r.tenant_id AND p.id = r.participation_id
        LEFT JOIN (tasks t JOIN tenants tn ON tn.id = t.tenant_id AND tn.status = 'ACTIVE')
               ON t.tenant_id = coalesce(p.lead_tenant_id, r.tenant_id) AND t.id = coalesce(r.task_id, p.task_id)
        LEFT JOIN result_categories c ON c.tenant_id = r.tenant_id AND r.result_category = 'custom:' || c.id::text
       WHERE r.status = 'PUBLISHED'`);
    await q.query(`GRANT SELECT ON public_result_list TO spotcheck_app`);
    await q.query(`ANALYZE inspections`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_result_list`);
    await q.query(`DROP INDEX idx_inspections_published_items`);
    await q.query(`DROP INDEX idx_inspections_published_name_bigrams`);
    await q.query(`DROP INDEX idx_inspections_published_uscc`);
    await q.query(`DROP INDEX idx_inspections_published_tenant_order`);
    await q.query(`DROP INDEX idx_inspections_published_order`);
  }
}
