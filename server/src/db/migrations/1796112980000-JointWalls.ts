import type { MigrationInterface, QueryRunner } from 'typeorm';

const VIEWS = ['joint_drawn_entities', 'joint_part_recusals', 'joint_part_inspectors', 'joint_part_items', 'joint_task_parties', 'joint_partner_departments'];

/**
 * Joint tasks cross the tenant wall on purpose, and only here. A participation row is visible to its two
 * parties (the participant's tenant and the lead's); every view below shows a party only the rows of the
 * joint tasks it is party to, through those rows. Views run with their owner's rights, so each one
 * names its own condition on app_current_tenant().
 */
export class JointWalls1796112980000 implements MigrationInterface {
  name = 'JointWalls1796112980000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE joint_participants ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY joint_parties ON joint_participants
      USING (tenant_id = app_current_tenant() OR lead_tenant_id = app_current_tenant())
      WITH CHECK (tenant_id = app_current_tenant() OR lead_tenant_id = app_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON joint_participants TO spotcheck_app`);

    // The departments a bureau may invite: names only, of active bureaus; nothing without a tenant scope.
    await q.query(`CREATE VIEW joint_partner_departments WITH (security_barrier) AS
      SELECT d.tenant_id, n.name AS tenant_name, n.region_code, d.id, d.name
        FROM departments d
        JOIN tenants n ON n.id = d.tenant_id AND n.status = 'ACTIVE' AND n.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU')
       WHERE app_current_tenant() IS NOT NULL`);

    // The joint task as each party sees it, one row per participation.
    await q.query(`CREATE VIEW joint_task_parties WITH (security_barrier) AS
      SELECT p.id AS participation_id, p.tenant_id, p.lead_tenant_id, p.task_id, p.department_id, p.status,
             t.title, t.purpose, t.procedure, t.division_of_labour, t.confidentiality, t.starts_on, t.ends_on,
             t.team_size, t.status AS task_status, t.lead_department_id,
             n.name AS lead_tenant_name, ld.name AS lead_department_name,
             pn.name AS tenant_name, pd.name AS department_name,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name, 'ratio', ti.ratio::text) ORDER BY i.position), '[]'::jsonb)
                FROM task_items ti JOIN inspection_items i ON i.tenant_id = ti.tenant_id AND i.id = ti.item_id
               WHERE ti.tenant_id = t.tenant_id AND ti.task_id = t.id) AS lead_items,
             (SELECT d.id FROM draws d WHERE d.tenant_id = t.tenant_id AND d.task_id = t.id ORDER BY d.committed_at DESC LIMIT 1) AS draw_id
        FROM joint_participants p
        JOIN tasks t ON t.tenant_id = p.lead_tenant_id AND t.id = p.task_id
        JOIN tenants n ON n.id = t.tenant_id
        JOIN tenants pn ON pn.id = p.tenant_id
        JOIN departments pd ON pd.tenant_id = p.tenant_id AND pd.id = p.department_id
        LEFT JOIN departments ld ON ld.tenant_id = t.tenant_id AND ld.id = t.lead_department_id
       WHERE p.tenant_id = app_current_tenant() OR p.lead_tenant_id = app_current_tenant()`);

    // A part's items and inspectors, for both parties.
    await q.query(`CREATE VIEW joint_part_items WITH (security_barrier) AS
      SELECT p.id AS participation_id, p.tenant_id, p.lead_tenant_id, p.task_id, i.id, i.name, i.target_type, i.status
        FROM joint_participants p
        JOIN inspection_items i ON i.tenant_id = p.tenant_id AND i.id = ANY (p.item_ids)
       WHERE p.tenant_id = app_current_tenant() OR p.lead_tenant_id = app_current_tenant()`);
    await q.query(`CREATE VIEW joint_part_inspectors WITH (security_barrier) AS
      SELECT p.id AS participation_id, p.tenant_id, p.lead_tenant_id, p.task_id, p.department_id AS group_department_id, p.status AS participation_status,
             i.id, i.name, i.certificate_no, i.status, i.certificate_valid_from, i.certificate_valid_to
        FROM joint_participants p
        JOIN inspectors i ON i.tenant_id = p.tenant_id AND i.id = ANY (p.inspector_ids)
       WHERE p.tenant_id = app_current_tenant() OR p.lead_tenant_id = app_current_tenant()`);

    // The participants' declared recusals, by USCC and certificate, for the lead's draw only.
    await q.query(`CREATE VIEW joint_part_recusals WITH (security_barrier) AS
      SELECT p.lead_tenant_id, p.task_id, i.certificate_no, e.uscc, r.valid_from, r.valid_to
        FROM joint_participants p
        JOIN recusals r ON r.tenant_id = p.tenant_id AND r.inspector_id = ANY (p.inspector_ids)
        JOIN inspectors i ON i.tenant_id = r.tenant_id AND i.id = r.inspector_id
        JOIN market_entities e ON e.tenant_id = r.tenant_id AND e.id = r.entity_id
       WHERE p.status = 'ACCEPTED' AND p.lead_tenant_id = app_current_tenant()`);

    // What the draw gave each part: the drawn entities of the lead items the part applies to.
    await q.query(`CREATE VIEW joint_drawn_entities WITH (security_barrier) AS
      SELECT p.id AS participation_id, p.tenant_id, p.lead_tenant_id, s.seq, e.uscc, e.name, s.item_ids, s.inspector_ids
        FROM joint_participants p
        JOIN draws d ON d.tenant_id = p.lead_tenant_id AND d.task_id = p.task_id AND d.status = 'DRAWN'
        JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id
        JOIN market_entities e ON e.tenant_id = s.tenant_id AND e.id = s.entity_id
       WHERE p.status = 'ACCEPTED' AND (cardinality(p.lead_item_ids) = 0 OR s.item_ids && p.lead_item_ids)
         AND (p.tenant_id = app_current_tenant() OR p.lead_tenant_id = app_current_tenant())`);
    for (const view of VIEWS) await q.query(`GRANT SELECT ON ${view} TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const view of VIEWS) await q.query(`DROP VIEW ${view}`);
    await q.query(`REVOKE ALL ON joint_participants FROM spotcheck_app`);
    await q.query(`DROP POLICY joint_parties ON joint_participants`);
    await q.query(`ALTER TABLE joint_participants DISABLE ROW LEVEL SECURITY`);
  }
}
