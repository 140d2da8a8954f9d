import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The publication portal's two further owner-rights views, beside public_tenants, public_items,
 * public_inspectors, public_entities, public_plans and public_draws: published results and task
 * notices. Only active bureaus, only published rows, no access codes, no ids but those the API turns
 * into global ids, and no personal data beyond what a publication carries.
 */
export class PortalViews1796117200000 implements MigrationInterface {
  name = 'PortalViews1796117200000';

  public async up(q: QueryRunner): Promise<void> {
    // One row per published inspection record. A joint participant's record names the lead's task and
    // draw; the task's title and plan show only while the lead bureau is active too.
    await q.query(`CREATE VIEW public_results WITH (security_barrier) AS
      SELECT r.tenant_id, r.id, r.entity_name, r.entity_uscc, r.inspected_on, r.result_category,
             c.label AS custom_label, c.problem AS custom_problem, r.findings, r.published_at,
             r.corrects_id, r.corrected_by_id, r.correction_reason, r.draw_id, r.item_ids,
             t.tenant_id AS task_tenant_id, t.id AS task_id, t.title AS task_title, t.plan_id,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name) ORDER BY i.position), '[]'::jsonb)
                FROM inspection_items i WHERE i.tenant_id = r.tenant_id AND i.id = ANY (r.item_ids)) AS items
        FROM inspections r
        JOIN tenants n ON n.id = r.tenant_id AND n.status = 'ACTIVE'
        LEFT JOIN joint_participants p ON p.tenant_id = r.tenant_id AND p.id = r.participation_id
        LEFT JOIN (tasks t JOIN tenants tn ON tn.id = t.tenant_id AND tn.status = 'ACTIVE')
               ON t.tenant_id = coalesce(p.lead_tenant_id, r.tenant_id) AND t.id = coalesce(r.task_id, p.task_id)
        LEFT JOIN result_categories c ON c.tenant_id = r.tenant_id AND r.result_category = 'custom:' || c.id::text
       WHERE r.status = 'PUBLISHED'`);
    // 任务公告: a task is announced once its draw is committed (the pool frozen and its hash published);
    // it stays announced whatever happens to the task afterwards. The latest draw is the one shown.
    await q.query(`CREATE VIEW public_task_notices WITH (security_barrier) AS
      SELECT t.tenant_id, t.id, t.plan_id, t.round, t.title, t.purpose, t.procedure, t.division_of_labour, t.confidentiality,
             t.starts_on, t.ends_on, t.team_size, t.joint, t.status,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name, 'ratio', ti.ratio::text) ORDER BY i.position), '[]'::jsonb)
                FROM task_items ti JOIN inspection_items i ON i.tenant_id = ti.tenant_id AND i.id = ti.item_id
               WHERE ti.tenant_id = t.tenant_id AND ti.task_id = t.id) AS items,
             (SELECT min(f.committed_at) FROM draws f WHERE f.tenant_id = t.tenant_id AND f.task_id = t.id) AS announced_at,
             d.id AS draw_id, d.status AS draw_status, d.algorithm AS draw_algorithm, d.input_hash AS draw_input_hash,
             d.commitment AS draw_commitment, d.rule_version AS draw_rule_version, d.committed_at AS draw_committed_at, d.drawn_at AS draw_drawn_at
        FROM tasks t
        JOIN tenants n ON n.id = t.tenant_id AND n.status = 'ACTIVE'
        JOIN LATERAL (SELECT * FROM draws x WHERE x.tenant_id = t.tenant_id AND x.task_id = t.id ORDER BY x.committed_at DESC LIMIT 1) d ON true`);
    await q.query(`GRANT SELECT ON public_results, public_task_notices TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_task_notices, public_results`);
  }
}
