import type { EntityManager } from 'typeorm';
import { ruleViolation, notFound } from '../../graphql/errors';
import { Inspection, InspectionStatus } from './inspection.entity';

/**
 * Locks the record a decision acts on (责令整改, 移送): one a leader has approved or that is published, and
 * not corrected since. `rule` names the refusal; `act` completes its message (…才能责令整改).
 */
export async function lockDecidedRecord(m: EntityManager, tenantId: string, inspectionId: string | null, rule: string, act: string): Promise<Inspection> {
  const record = inspectionId
    ? await m
        .createQueryBuilder(Inspection, 'i')
        .setLock('pessimistic_write')
        .where('i.tenant_id = :t AND i.id = :id', { t: tenantId, id: inspectionId })
        .getOne()
    : null;
  if (!record) throw notFound('检查记录');
  if (![InspectionStatus.APPROVED, InspectionStatus.PUBLISHED].includes(record.status)) {
    throw ruleViolation(rule, `只有领导已审批或已公示的检查记录才能${act}`);
  }
  if (record.correctedById) throw ruleViolation(rule, `该记录已被更正，请对更正后的记录${act}`);
  return record;
}
