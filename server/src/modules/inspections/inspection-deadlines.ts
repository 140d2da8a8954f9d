import type { EntityManager } from 'typeorm';
import { beijingDate, withRuleDefaults, type RuleSet } from '@spotcheck/shared';
import { addWorkdaysFor } from '../calendar/workdays';
import { RuleSetVersion } from '../rules/rule-set.entity';

type Due = { date: string; provisional: boolean };

async function deadlineRules(m: EntityManager, tenantId: string): Promise<RuleSet['deadlines']> {
  return withRuleDefaults((await m.findOneOrFail(RuleSetVersion, { where: { tenantId }, order: { version: 'DESC' } })).rules).deadlines;
}

/** Report due N working days (the bureau's rule, 3 by default) after the inspection, on the bureau's calendar. */
export async function reportDue(m: EntityManager, tenantId: string, inspectedOn: string): Promise<Due> {
  const { date, provisional } = await addWorkdaysFor(m, tenantId, inspectedOn, (await deadlineRules(m, tenantId)).reportWorkingDays);
  return { date, provisional };
}

export interface ChainDue {
  review: Due;
  approval: Due;
  publication: Due;
}

/**
 * The rest of the chain, all from the report's submission (000 第十六条: the department reviews, the
 * leader approves and the result is published within 10 working days of the report): the review due
 * R working days after it, the approval A working days after the review's deadline, publication P
 * working days after the submission. A late step does not give the next one more time.
 */
export async function chainDue(m: EntityManager, tenantId: string, submittedOn: string): Promise<ChainDue> {
  const rules = await deadlineRules(m, tenantId);
  const pick = ({ date, provisional }: Due) => ({ date, provisional });
  const review = pick(await addWorkdaysFor(m, tenantId, submittedOn, rules.reviewWorkingDays));
  const approval = pick(await addWorkdaysFor(m, tenantId, review.date, rules.approvalWorkingDays));
  const publication = pick(await addWorkdaysFor(m, tenantId, submittedOn, rules.publicationWorkingDays));
  return { review, approval: { ...approval, provisional: approval.provisional || review.provisional }, publication };
}

/** Today in China (Beijing time), as YYYY-MM-DD: deadlines are calendar days there. */
export function todayInChina(now = new Date()): string {
  return beijingDate(now);
}
