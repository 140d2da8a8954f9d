import type { EntityManager } from 'typeorm';
import type { ReferralStatus, ReferralTargetKind, ReferredEvidence } from './referral.entity';

/** One row of received_referrals(): a referral sent to the caller's bureau, as its receiver sees it. */
export interface ReceivedReferralRow {
  id: string;
  from_bureau_name: string;
  target_kind: ReferralTargetKind;
  target_department_id: string | null;
  target_department_name: string | null;
  reason: string;
  entity_name: string;
  entity_uscc: string;
  findings: string;
  result_label: string | null;
  inspected_on: string | null;
  evidence: ReferredEvidence[];
  status: ReferralStatus;
  sent_on: string | null;
  accept_due_on: string | null;
  accepted_on: string | null;
  returned_on: string | null;
  return_reason: string | null;
  filed_on: string | null;
  case_no: string | null;
  not_filed_on: string | null;
  not_filed_reason: string | null;
  closed_on: string | null;
  closing_note: string | null;
  updated_at: Date;
}

const DATE_COLUMNS = ['inspected_on', 'sent_on', 'accept_due_on', 'accepted_on', 'returned_on', 'filed_on', 'not_filed_on', 'closed_on'] as const;
const COLUMNS = `id, from_bureau_name, target_kind, target_department_id, target_department_name, reason, entity_name, entity_uscc, findings,
  result_label, evidence, status, return_reason, case_no, not_filed_reason, closing_note, updated_at,
  ${DATE_COLUMNS.map((c) => `to_char(${c}, 'YYYY-MM-DD') AS ${c}`).join(', ')}`;

/** The referrals received by the caller's bureau among `ids` (the function answers its own only). */
export async function receivedReferralRows(m: EntityManager, ids: readonly string[]): Promise<ReceivedReferralRow[]> {
  return (await m.query(`SELECT ${COLUMNS} FROM received_referrals() WHERE id = ANY($1::uuid[])`, [ids])) as ReceivedReferralRow[];
}

/** A page of the referrals the caller's bureau received, newest first, optionally of one state or one department. */
export function receivedReferralQuery(status: ReferralStatus | null, departmentId: string | null): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT ${COLUMNS} FROM received_referrals()
           WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR target_department_id = $2)
           ORDER BY sent_on DESC, id`,
    params: [status, departmentId],
  };
}
