import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_SIGNATURE = 'referral_notify_receivers(uuid, text, text, text, text)';
const SIGNATURE = 'referral_notify(uuid, text, text, text, text, text, text, uuid)';

/**
 * A referral's notices cross the tenant wall in both directions, through one function of the owner's
 * rights: to the receiver when it is sent (its department's heads, else its office), and back to the
 * referring bureau's office at each of the receiver's steps. Each notice gets its outbound copies by the
 * recipient's own preferences (notification_preferences, group 结果处理), as notify() gives them within a
 * bureau; the old function wrote the inbox only. The caller must be the referral's sender (to = RECEIVER)
 * or its receiving bureau (to = SENDER); anyone else writes nothing. The receiver never learns the
 * referring record's id: the sender's link is made here.
 */
export class ReferralNotices1796990100000 implements MigrationInterface {
  name = 'ReferralNotices1796990100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${OLD_SIGNATURE}`);
    await q.query(`CREATE FUNCTION referral_notify(p_id uuid, p_to text, p_step text, p_kind text, p_title text, p_body text, p_link text, p_except uuid)
      RETURNS TABLE (tenant_id uuid, user_id uuid, id uuid, outbound boolean)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      #variable_conflict use_column
      DECLARE
        v_tenant uuid;
        v_department uuid;
        v_link text := p_link;
      BEGIN
        IF p_to = 'RECEIVER' THEN
          SELECT x.target_tenant_id, x.target_department_id INTO v_tenant, v_department FROM referrals x
           WHERE x.id = p_id AND x.tenant_id = app_current_tenant() AND x.status = 'SENT' AND x.target_kind <> 'EXTERNAL';
        ELSIF p_to = 'SENDER' THEN
          SELECT x.tenant_id, '/inspections/' || rtrim(translate(encode(convert_to('Inspection:' || x.inspection_id, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')
            INTO v_tenant, v_link FROM referrals x
           WHERE x.id = p_id AND x.target_tenant_id = app_current_tenant() AND x.target_kind <> 'EXTERNAL' AND x.sent_on IS NOT NULL;
        END IF;
        IF v_tenant IS NULL THEN
          RETURN;
        END IF;
        RETURN QUERY
        WITH heads AS (
          SELECT u.id FROM users u
           WHERE p_to = 'RECEIVER' AND u.tenant_id = v_tenant AND u.department_id = v_department
             AND 'DEPARTMENT_HEAD' = ANY (u.roles) AND u.status <> 'DEACTIVATED'
        ), receivers AS (
          SELECT h.id FROM heads h
          UNION ALL
          SELECT u.id FROM users u
           WHERE u.tenant_id = v_tenant AND 'OFFICE' = ANY (u.roles) AND u.status <> 'DEACTIVATED' AND NOT EXISTS (SELECT 1 FROM heads)
        ), inserted AS (
          INSERT INTO notifications (tenant_id, user_id, kind, title, body, link, dedupe_key)
          SELECT v_tenant, r.id, p_kind, p_title, p_body, v_link,
                 CASE WHEN p_to = 'RECEIVER' THEN 'referral:' || p_id ELSE 'referral:' || p_id || ':' || p_step END
            FROM receivers r WHERE r.id IS DISTINCT FROM p_except
          ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
          RETURNING notifications.tenant_id, notifications.user_id, notifications.id
        ), copies AS (
          INSERT INTO notification_deliveries (tenant_id, notification_id, user_id, channel)
          SELECT i.tenant_id, i.id, i.user_id, p.channel FROM inserted i
            JOIN notification_preferences p ON p.tenant_id = i.tenant_id AND p.user_id = i.user_id AND p.kind_group = 'RESULTS' AND p.enabled
          RETURNING notification_deliveries.notification_id
        )
        SELECT i.tenant_id, i.user_id, i.id, EXISTS (SELECT 1 FROM copies c WHERE c.notification_id = i.id) FROM inserted i;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${SIGNATURE}`);
    await q.query(`CREATE FUNCTION ${OLD_SIGNATURE.replace('(uuid, text, text, text, text)', '(p_id uuid, p_kind text, p_title text, p_body text, p_link text)')}
      RETURNS TABLE (tenant_id uuid, user_id uuid, id uuid)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      WITH r AS (
        SELECT x.id, x.target_tenant_id, x.target_department_id FROM referrals x
         WHERE x.id = p_id AND x.tenant_id = app_current_tenant() AND x.status = 'SENT' AND x.target_kind <> 'EXTERNAL'
      ), heads AS (
        SELECT u.tenant_id, u.id FROM users u JOIN r ON u.tenant_id = r.target_tenant_id AND u.department_id = r.target_department_id
         WHERE 'DEPARTMENT_HEAD' = ANY (u.roles) AND u.status <> 'DEACTIVATED'
      ), receivers AS (
        SELECT * FROM heads
        UNION ALL
        SELECT u.tenant_id, u.id FROM users u JOIN r ON u.tenant_id = r.target_tenant_id
         WHERE 'OFFICE' = ANY (u.roles) AND u.status <> 'DEACTIVATED' AND NOT EXISTS (SELECT 1 FROM heads)
      )
      INSERT INTO notifications (tenant_id, user_id, kind, title, body, link, dedupe_key)
      SELECT v.tenant_id, v.id, p_kind, p_title, p_body, p_link, 'referral:' || p_id FROM receivers v
      ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
      RETURNING notifications.tenant_id, notifications.user_id, notifications.id $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${OLD_SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${OLD_SIGNATURE} TO spotcheck_app`);
  }
}
