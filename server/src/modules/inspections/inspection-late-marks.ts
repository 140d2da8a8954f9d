import type { EntityManager } from 'typeorm';
import { workdaysLateFor } from '../calendar/workdays';
import { chainDue } from './inspection-deadlines';
import type { Inspection } from './inspection.entity';

/**
 * At a submission: the report's lateness, fixed at the first submission and never reset (a correction
 * inherits its original's report date and is not marked), and the chain's deadlines counted from this
 * submission (a returned report, submitted again, starts the review's clock again).
 */
export async function submissionMarks(m: EntityManager, record: Inspection, today: string): Promise<Partial<Inspection>> {
  const chain = await chainDue(m, record.tenantId, today);
  const marks: Partial<Inspection> = {
    reviewDueOn: chain.review.date,
    approvalDueOn: chain.approval.date,
    publicationDueOn: chain.publication.date,
    publicationDueProvisional: chain.publication.provisional,
  };
  if (record.reportedLateDays == null && !record.correctsId && record.reportDueOn) {
    marks.reportedLateDays = await workdaysLateFor(m, record.tenantId, record.reportDueOn, today);
  }
  return marks;
}

/** At publication: how many working days after its due date the result was published, for good. */
export async function publicationMarks(m: EntityManager, record: Inspection, today: string): Promise<Partial<Inspection>> {
  if (record.publishedLateDays != null || !record.publicationDueOn) return {};
  return { publishedLateDays: await workdaysLateFor(m, record.tenantId, record.publicationDueOn, today) };
}
