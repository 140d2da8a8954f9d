import type { MigrationInterface, QueryRunner } from 'typeorm';

const HANDLING = `r.handling ->> 'outcome' AS handling_outcome, r.handling ->> 'basis' AS handling_basis,
             r.handling ->> 'deadlineWorkdays' AS handling_deadline_workdays`;

/**
 * The decided handling is published with the result: both portal views gain its outcome, basis and
 * deadline as their last columns (CREATE OR REPLACE keeps the grants), only for published records, as
 * before. Text only: no cast that could fail on a row the filter would drop.
 */
export class PublicHandling1796900200000 implements MigrationInterface {
  name = 'PublicHandling1796900200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(results(true));
    await q.query(list(true));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_result_list`);
    await q.query(list(false));
    await q.query(`GRANT SELECT ON public_result_list TO spotcheck_app`);
    await q.query(`DROP VIEW public_results`);
    await q.query(results(false));
    await q.query(`GRANT SELECT ON public_results TO spotcheck_app`);
  }
}

function results(withHandling: boolean): string {
  return `CREATE OR REPLACE VIEW public_results WITH (security_barrier) AS
      SELECT r.tenant_id, r.id, r.entity_name, r.entity_uscc, r.inspected_on, r.result_category,
             c.label AS custom_label, c.problem AS custom_problem, r.findings, r.published_at,
             r.corrects_id, r.corrected_by_id, r.correction_reason, r.draw_id, r.item_ids,
             t.tenant_id AS task_tenant_id, t.id AS task_id, t.title AS task_title, t.plan_id,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name) ORDER BY i.position), '[]'::jsonb)
                FROM inspection_items i WHERE i.tenant_id = r.tenant_id AND i.id = ANY (r.item_ids)) AS items${withHandling ? `,\n             ${HANDLING}` : ''}
        FROM inspections r
        JOIN tenants n ON n.id = r.tenant_id AND n.status = 'ACTIVE'
        LEFT JOIN joint_participants p ON p.tenant_id = r.tenant_id AND p.id = r.participation_id
        LEFT JOIN (tasks t JOIN tenants tn ON tn.id = t.tenant_id AND tn.status = 'ACTIVE')
               ON t.tenant_id = coalesce(p.lead_tenant_id, r.tenant_id) AND t.id = coalesce(r.task_id, p.task_id)
        LEFT JOIN result_categories c ON c.tenant_id = r.tenant_id AND r.result_category = 'custom:' || c.id::text
       WHERE r.status = 'PUBLISHED'`;
}

function list(withHandling: boolean): string {
  return `CREATE OR REPLACE VIEW public_result_list AS
      SELECT r.tenant_id, n.name AS bureau_name, n.region_code AS bureau_region, r.id, r.entity_name, r.entity_uscc, r.inspected_on,
             r.result_category, c.label AS custom_label, c.problem AS custom_problem, r.findings, r.published_at,
             r.corrects_id, r.corrected_by_id, r.correction_reason, r.draw_id, r.item_ids,
             t.tenant_id AS task_tenant_id, t.id AS task_id, t.title AS task_title, t.plan_id,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name) ORDER BY i.position), '[]'::jsonb)
                FROM inspection_items i WHERE i.tenant_id = r.tenant_id AND i.id = ANY (r.item_ids)) AS items${withHandling ? `,\n             ${HANDLING}` : ''}
        FROM inspections r
        JOIN tenants n ON n.id = r.tenant_id AND n.status = 'ACTIVE' AND n.kind <> 'PLATFORM'
        LEFT JOIN joint_participants p ON p.tenant_id = r.tenant_id AND p.id = r.participation_id
        LEFT JOIN (tasks t JOIN tenants tn ON tn.id = t.tenant_id AND tn.status = 'ACTIVE')
               ON t.tenant_id = coalesce(p.lead_tenant_id, r.tenant_id) AND t.id = coalesce(r.task_id, p.task_id)
        LEFT JOIN result_categories c ON c.tenant_id = r.tenant_id AND r.result_category = 'custom:' || c.id::text
       WHERE r.status = 'PUBLISHED'`;
}
