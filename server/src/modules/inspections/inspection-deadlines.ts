import type { EntityManager } from 'typeorm';
import { addWorkdaysFor } from '../calendar/workdays';
import { RuleSetVersion } from '../rules/rule-set.entity';

async function rules(m: EntityManager) {
  return (await m.findOneOrFail(RuleSetVersion, { where: {}, order: { version: 'DESC' } })).rules;
}

/** Report due N working days (the bureau's rule, 3 by default) after the inspection, on the bureau's calendar. */
export async function reportDue(m: EntityManager, tenantId: string, inspectedOn: string): Promise<{ date: string; provisional: boolean }> {
  const { date, provisional } = await addWorkdaysFor(m, tenantId, inspectedOn, (await rules(m)).deadlines.reportWorkingDays);
  return { date, provisional };
}

/** Publication due M working days (10 by default) after the leader's approval. */
export async function publicationDue(m: EntityManager, tenantId: string, approvedOn: string): Promise<{ date: string; provisional: boolean }> {
  const { date, provisional } = await addWorkdaysFor(m, tenantId, approvedOn, (await rules(m)).deadlines.publicationWorkingDays);
  return { date, provisional };
}

/** Today in China (Asia/Shanghai), as YYYY-MM-DD: deadlines are calendar days there. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
