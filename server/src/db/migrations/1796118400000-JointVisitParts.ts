import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A joint task's visit to one drawn entity has a part per department: the lead department's (the lead's
 * record, `participation_id` null) and each accepted participant's (its own record). This owner-rights
 * view lists the parts of every drawn entity of a joint task with what each part covers (its items, its
 * group of the drawn team) and the state of its newest record, if opened. The lead bureau sees every part;
 * a participant bureau sees its own parts and the lead's part of the entities its part covers; nobody
 * else sees anything. Names only: a party reads no other bureau's rows beyond these.
 */
export class JointVisitParts1796118400000 implements MigrationInterface {
  name = 'JointVisitParts1796118400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW joint_visit_parts WITH (security_barrier) AS
      WITH parts AS (
        SELECT t.tenant_id AS lead_tenant_id, t.id AS task_id, s.draw_id, s.seq, s.item_ids AS drawn_item_ids,
               t.tenant_id AS part_tenant_id, NULL::uuid AS participation_id, t.lead_department_id AS department_id, s.item_ids,
               ARRAY(SELECT x FROM unnest(s.inspector_ids) AS x WHERE NOT EXISTS (
                 SELECT 1 FROM joint_participants o
                  WHERE o.lead_tenant_id = t.tenant_id AND o.task_id = t.id AND o.status = 'ACCEPTED' AND x = ANY (o.inspector_ids))) AS team_ids
          FROM tasks t
          JOIN draws d ON d.tenant_id = t.tenant_id AND d.task_id = t.id AND d.status = 'DRAWN'
          JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id
         WHERE t.joint
        UNION ALL
        SELECT p.lead_tenant_id, p.task_id, s.draw_id, s.seq, s.item_ids,
               p.tenant_id, p.id, p.department_id, p.item_ids,
               ARRAY(SELECT x FROM unnest(s.inspector_ids) AS x WHERE x = ANY (p.inspector_ids))
          FROM joint_participants p
          JOIN draws d ON d.tenant_id = p.lead_tenant_id AND d.task_id = p.task_id AND d.status = 'DRAWN'
          JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id
         WHERE p.status = 'ACCEPTED' AND (cardinality(p.lead_item_ids) = 0 OR s.item_ids && p.lead_item_ids))
      SELECT x.lead_tenant_id, x.task_id, x.draw_id, x.seq, x.part_tenant_id, x.participation_id,
             n.name AS bureau_name, dp.name AS department_name,
             (SELECT coalesce(jsonb_agg(i.name ORDER BY i.position), '[]'::jsonb) FROM inspection_items i
               WHERE i.tenant_id = x.part_tenant_id AND i.id = ANY (x.item_ids)) AS items,
             (SELECT coalesce(jsonb_agg(i.name ORDER BY i.name), '[]'::jsonb) FROM inspectors i
               WHERE i.tenant_id = x.part_tenant_id AND i.id = ANY (x.team_ids)) AS team,
             r.id AS inspection_id, r.status, r.published_at
        FROM parts x
        JOIN tenants n ON n.id = x.part_tenant_id
        LEFT JOIN departments dp ON dp.tenant_id = x.part_tenant_id AND dp.id = x.department_id
        LEFT JOIN LATERAL (
          SELECT r.id, r.status, r.published_at FROM inspections r
           WHERE r.tenant_id = x.part_tenant_id AND r.draw_id = x.draw_id AND r.seq = x.seq
             AND r.participation_id IS NOT DISTINCT FROM x.participation_id
           ORDER BY r.created_at DESC LIMIT 1) r ON true
       WHERE x.lead_tenant_id = app_current_tenant()
          OR x.part_tenant_id = app_current_tenant()
          OR (x.participation_id IS NULL AND EXISTS (
                SELECT 1 FROM joint_participants c
                 WHERE c.lead_tenant_id = x.lead_tenant_id AND c.task_id = x.task_id AND c.tenant_id = app_current_tenant()
                   AND c.status = 'ACCEPTED' AND (cardinality(c.lead_item_ids) = 0 OR x.drawn_item_ids && c.lead_item_ids)))`);
    await q.query(`GRANT SELECT ON joint_visit_parts TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW joint_visit_parts`);
  }
}
