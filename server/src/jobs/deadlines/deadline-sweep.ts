import type { EntityManager } from 'typeorm';
import { beijingDayStart, beijingMinute } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { notify } from '../../modules/notifications/notification.service';
import { defineJob, type JobDefinition } from '../job';
import type { DeadlineItem, DeadlineSource } from './deadline-source';

export const DEADLINE_SWEEP_JOB = 'deadline-sweep';
export const DEADLINE_REMINDER = 'DEADLINE_REMINDER';
export const DEADLINE_OVERDUE = 'DEADLINE_OVERDUE';

export interface SweepResult {
  tenants: number;
  reminders: number;
  overdue: number;
  failures: number;
}

/**
 * One pass over every active tenant and every source: a reminder once when `remindAt` has come, an
 * overdue notice (and the source's `markOverdue`) once when the deadline has passed. Each tenant and
 * source is its own transaction, so one failing source delays nobody else; the pass fails at the end
 * if any did, and pg-boss retries it (the claims in `deadline_notices` make that harmless).
 */
export async function runDeadlineSweep(services: AppServices, sources: readonly DeadlineSource[], now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { tenants: 0, reminders: 0, overdue: 0, failures: 0 };
  if (!sources.length) return result;
  const tenants = (await services.db.query('SELECT active_tenant_ids() AS id')) as { id: string }[];
  result.tenants = tenants.length;
  for (const { id: tenantId } of tenants) {
    for (const source of sources) {
      try {
        await inTenant(services.db, tenantId, async (m) => {
          for (const item of await source.due(m, now, tenantId)) {
            const sent = await sweepItem(m, tenantId, source, item, now);
            if (sent === DEADLINE_REMINDER) result.reminders += 1;
            if (sent === DEADLINE_OVERDUE) result.overdue += 1;
          }
        });
      } catch (error) {
        result.failures += 1;
        services.log.error({ err: error, source: source.name, tenantId }, 'deadline source failed');
      }
    }
  }
  if (result.failures) throw new Error(`deadline sweep: ${result.failures} source run(s) failed`);
  return result;
}

async function sweepItem(m: EntityManager, tenantId: string, source: DeadlineSource, item: DeadlineItem, now: Date): Promise<string | null> {
  const dueAt = overdueFrom(item);
  if (now >= dueAt) {
    const told = [...new Set([...item.recipients, ...(item.escalateTo ?? [])])];
    if (!(await claim(m, tenantId, source, item, DEADLINE_OVERDUE, dueAt, told.length))) return null;
    await notify(m, {
      tenantId,
      userIds: told,
      kind: DEADLINE_OVERDUE,
      title: `已逾期：${item.title}`,
      body: item.body ?? `截止时间 ${dueLabel(item)} 已过`,
      link: item.link ?? null,
      dedupeKey: `deadline:${item.key}:${DEADLINE_OVERDUE}:${dueAt.toISOString()}`,
    });
    await source.markOverdue?.(m, item, now);
    return DEADLINE_OVERDUE;
  }
  const remindAt = item.remindAt ?? (item.remindOn ? beijingDayStart(item.remindOn) : null);
  if (remindAt && now >= remindAt) {
    if (!(await claim(m, tenantId, source, item, DEADLINE_REMINDER, dueAt, item.recipients.length))) return null;
    await notify(m, {
      tenantId,
      userIds: item.recipients,
      kind: DEADLINE_REMINDER,
      title: `即将到期：${item.title}`,
      body: item.body ?? `截止时间 ${dueLabel(item)}`,
      link: item.link ?? null,
      dedupeKey: `deadline:${item.key}:${DEADLINE_REMINDER}:${dueAt.toISOString()}`,
    });
    return DEADLINE_REMINDER;
  }
  return null;
}

/** Inserting the notice row is the claim; a concurrent sweep waits on the key and then finds it taken. */
async function claim(
  m: EntityManager,
  tenantId: string,
  source: DeadlineSource,
  item: DeadlineItem,
  kind: string,
  dueAt: Date,
  recipients: number,
): Promise<boolean> {
  const rows = (await m.query(
    `INSERT INTO deadline_notices (tenant_id, key, kind, due_at, source, recipients) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING key`,
    [tenantId, item.key, kind, dueAt, source.name, recipients],
  )) as unknown[];
  return rows.length === 1;
}

/** The first moment at which the item is overdue. */
export function overdueFrom(item: DeadlineItem): Date {
  if (item.dueAt) return item.dueAt;
  if (!item.dueOn) throw new Error(`deadline ${item.key}: neither dueAt nor dueOn`);
  return new Date(beijingDayStart(item.dueOn).getTime() + 24 * 3600 * 1000);
}

function dueLabel(item: DeadlineItem): string {
  if (item.dueOn) return item.dueOn;
  return beijingMinute(item.dueAt!);
}

/** The scheduled job: `DEADLINE_SWEEP_CRON`, once across all servers. */
export function deadlineSweepJob(sources: readonly DeadlineSource[]): JobDefinition<Record<string, never>> {
  return defineJob<Record<string, never>>({
    name: DEADLINE_SWEEP_JOB,
    // One sweep waiting is enough: a slow sweep does not pile up more behind it.
    policy: 'short',
    retryLimit: 2,
    retryDelaySeconds: 30,
    expireInSeconds: 15 * 60,
    schedule: (config) => config.deadlineSweepCron,
    handle: async ({ services, log }) => {
      const result = await runDeadlineSweep(services, sources);
      if (result.reminders || result.overdue) log.info(result, 'deadline sweep sent notices');
      return result;
    },
  });
}
