import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `SELECT p.id AS participation_id, p.tenant_id, p.lead_tenant_id, s.seq, e.uscc, e.name, s.item_ids, s.inspector_ids
        FROM joint_participants p
        JOIN draws d ON d.tenant_id = p.lead_tenant_id AND d.task_id = p.task_id AND d.status = 'DRAWN'
        JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id
        JOIN market_entities e ON e.tenant_id = s.tenant_id AND e.id = s.entity_id
       WHERE p.status = 'ACCEPTED' AND (cardinality(p.lead_item_ids) = 0 OR s.item_ids && p.lead_item_ids)
         AND (p.tenant_id = app_current_tenant() OR p.lead_tenant_id = app_current_tenant())`;

/**
 * A joint task's drawn entities as its parties see them, with what a participant's inspector needs in 我的检查:
 * the draw, the entity's address, the lead's task title and its last day. The view keeps its columns and its
 * condition; the new ones come last (a view may only grow at its end).
 */
export class JointVisits1796990000000 implements MigrationInterface {
  name = 'JointVisits1796990000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE VIEW joint_drawn_entities WITH (security_barrier) AS
      SELECT p.id AS participation_id, p.tenant_id, p.lead_tenant_id, s.seq, e.uscc, e.name, s.item_ids, s.inspector_ids,
             d.id AS draw_id, e.address, t.id AS task_id, t.title AS task_title, t.ends_on
        FROM joint_participants p
        JOIN draws d ON d.tenant_id = p.lead_tenant_id AND d.task_id = p.task_id AND d.status = 'DRAWN'
        JOIN tasks t ON t.tenant_id = p.lead_tenant_id AND t.id = p.task_id
        JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id
        JOIN market_entities e ON e.tenant_id = s.tenant_id AND e.id = s.entity_id
       WHERE p.status = 'ACCEPTED' AND (cardinality(p.lead_item_ids) = 0 OR s.item_ids && p.lead_item_ids)
         AND (p.tenant_id = app_current_tenant() OR p.lead_tenant_id = app_current_tenant())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW joint_drawn_entities`);
    await q.query(`CREATE VIEW joint_drawn_entities WITH (security_barrier) AS ${BEFORE}`);
    await q.query(`GRANT SELECT ON joint_drawn_entities TO spotcheck_app`);
  }
}
