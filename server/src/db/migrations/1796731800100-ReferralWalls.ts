import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addTenantWall, removeTenantWall } from '../rls';

/** The receiver's columns of a referral, as received_referrals() answers them. */
const RECEIVED_COLUMNS = `id uuid, from_bureau_name text, target_kind text, target_department_id uuid, target_department_name text, reason text,
  entity_name text, entity_uscc text, findings text, result_label text, inspected_on date, evidence jsonb, status text,
  sent_on date, accept_due_on date, accepted_on date, returned_on date, return_reason text, filed_on date, case_no text,
  not_filed_on date, not_filed_reason text, closed_on date, closing_note text, updated_at timestamptz`;

/**
 * Referrals (移送) cross the tenant wall on purpose, and only here. The table is the referring bureau's
 * (the usual tenant wall); its app role may change only the referring side's columns. The receiving
 * bureau reaches a row through two owner-rights functions, each naming its own condition on
 * app_current_tenant(): received_referrals() answers the referrals sent to the caller's bureau, with what
 * was referred and nothing else of the record; referral_receive() moves one of them along the receiver's
 * steps and writes only the receiver's columns. An external body's steps are recorded by the referring
 * bureau itself through the same function. referral_notify_receivers() puts the notice of a sent
 * referral in the receiving department head's inbox (or the receiving office's), in the receiving bureau.
 */
export class ReferralWalls1796731800100 implements MigrationInterface {
  name = 'ReferralWalls1796731800100';

  public async up(q: QueryRunner): Promise<void> {
    await addTenantWall(q, 'referrals');
    await q.query(`GRANT SELECT, INSERT ON referrals TO spotcheck_app`);
    await q.query(`GRANT UPDATE (status, decided_by, decided_at, decision_note, sent_on, accept_due_on, updated_at) ON referrals TO spotcheck_app`);

    await q.query(`CREATE FUNCTION received_referrals() RETURNS TABLE (${RECEIVED_COLUMNS})
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
      SELECT r.id, n.name, r.target_kind, r.target_department_id, r.target_department_name, r.reason,
             r.entity_name, r.entity_uscc, r.findings, r.result_label, r.inspected_on, r.evidence, r.status,
             r.sent_on, r.accept_due_on, r.accepted_on, r.returned_on, r.return_reason, r.filed_on, r.case_no,
             r.not_filed_on, r.not_filed_reason, r.closed_on, r.closing_note, r.updated_at
        FROM referrals r JOIN tenants n ON n.id = r.tenant_id
       WHERE app_current_tenant() IS NOT NULL AND r.target_tenant_id = app_current_tenant()
         AND r.target_kind <> 'EXTERNAL' AND r.sent_on IS NOT NULL
       ORDER BY r.sent_on DESC, r.id $$`);

    await q.query(`CREATE FUNCTION referral_receive(p_id uuid, p_from text, p_to text, p_on date, p_text text, p_case_no text) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE changed integer;
      BEGIN
        IF app_current_tenant() IS NULL OR (p_from, p_to) NOT IN
           (('SENT', 'ACCEPTED'), ('SENT', 'RETURNED'), ('ACCEPTED', 'FILED'), ('ACCEPTED', 'NOT_FILED'), ('FILED', 'CLOSED')) THEN
          RETURN false;
        END IF;
        UPDATE referrals SET status = p_to, updated_at = now(),
               accepted_on = CASE WHEN p_to = 'ACCEPTED' THEN p_on ELSE accepted_on END,
               returned_on = CASE WHEN p_to = 'RETURNED' THEN p_on ELSE returned_on END,
               return_reason = CASE WHEN p_to = 'RETURNED' THEN p_text ELSE return_reason END,
               filed_on = CASE WHEN p_to = 'FILED' THEN p_on ELSE filed_on END,
               case_no = CASE WHEN p_to = 'FILED' THEN p_case_no ELSE case_no END,
               not_filed_on = CASE WHEN p_to = 'NOT_FILED' THEN p_on ELSE not_filed_on END,
               not_filed_reason = CASE WHEN p_to = 'NOT_FILED' THEN p_text ELSE not_filed_reason END,
               closed_on = CASE WHEN p_to = 'CLOSED' THEN p_on ELSE closed_on END,
               closing_note = CASE WHEN p_to = 'CLOSED' THEN p_text ELSE closing_note END
         WHERE id = p_id AND status = p_from AND sent_on IS NOT NULL
           AND ((target_kind <> 'EXTERNAL' AND target_tenant_id = app_current_tenant())
             OR (target_kind = 'EXTERNAL' AND tenant_id = app_current_tenant()));
        GET DIAGNOSTICS changed = ROW_COUNT;
        RETURN changed = 1;
      END $$`);

    await q.query(`CREATE FUNCTION referral_notify_receivers(p_id uuid, p_kind text, p_title text, p_body text, p_link text)
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

    for (const fn of [
      'received_referrals()',
      'referral_receive(uuid, text, text, date, text, text)',
      'referral_notify_receivers(uuid, text, text, text, text)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO spotcheck_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION referral_notify_receivers(uuid, text, text, text, text)`);
    await q.query(`DROP FUNCTION referral_receive(uuid, text, text, date, text, text)`);
    await q.query(`DROP FUNCTION received_referrals()`);
    await q.query(`REVOKE ALL ON referrals FROM spotcheck_app`);
    await removeTenantWall(q, 'referrals');
  }
}
