import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A joint task's draw is the lead bureau's, but its teams hold the participant bureaus' inspectors too.
 * joint_notify_assignments() lets the lead's transaction put the assignment notice in the inboxes of one
 * accepted participation's drawn inspectors, in the participant's bureau, and queue the outbound copies
 * their preferences ask for — nothing else crosses the wall: only a DRAWN draw of the caller's own bureau,
 * only that task's participation, only its inspectors on the draw's teams.
 */
export class JointAssignmentNotices1796980200000 implements MigrationInterface {
  name = 'JointAssignmentNotices1796980200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION joint_notify_assignments(p_draw uuid, p_participation uuid, p_title text, p_body text, p_link text)
      RETURNS TABLE (tenant_id uuid, user_id uuid, id uuid, outbound bigint)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      WITH part AS (
        SELECT p.tenant_id, p.inspector_ids FROM draws d
          JOIN joint_participants p ON p.lead_tenant_id = d.tenant_id AND p.task_id = d.task_id AND p.status = 'ACCEPTED'
         WHERE d.id = p_draw AND d.tenant_id = app_current_tenant() AND d.status = 'DRAWN' AND p.id = p_participation
      ), drawn AS (
        SELECT DISTINCT u.tenant_id, u.id FROM part
          JOIN draw_selections s ON s.tenant_id = app_current_tenant() AND s.draw_id = p_draw
          JOIN inspectors x ON x.tenant_id = part.tenant_id AND x.id = ANY (part.inspector_ids) AND x.id = ANY (s.inspector_ids)
          JOIN users u ON u.tenant_id = x.tenant_id AND u.id = x.user_id AND u.status <> 'DEACTIVATED'
      ), inserted AS (
        INSERT INTO notifications (tenant_id, user_id, kind, title, body, link, dedupe_key)
        SELECT v.tenant_id, v.id, 'TASK_ASSIGNED', p_title, p_body, p_link, 'assigned:' || p_draw FROM drawn v
        ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
        RETURNING tenant_id, user_id, id
      ), outbound AS (
        INSERT INTO notification_deliveries (tenant_id, notification_id, user_id, channel)
        SELECT i.tenant_id, i.id, i.user_id, np.channel FROM inserted i
          JOIN notification_preferences np ON np.tenant_id = i.tenant_id AND np.user_id = i.user_id AND np.kind_group = 'ASSIGNMENT' AND np.enabled
        RETURNING 1
      )
      SELECT i.tenant_id, i.user_id, i.id, (SELECT count(*) FROM outbound) FROM inserted i $$`);
    await q.query(`REVOKE ALL ON FUNCTION joint_notify_assignments(uuid, uuid, text, text, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION joint_notify_assignments(uuid, uuid, text, text, text) TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION joint_notify_assignments(uuid, uuid, text, text, text)`);
  }
}
