import type { AppServices } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { defineJob } from '../../jobs/job';
import type { NotificationChannel } from './channels/channel';
import { configuredChannels } from './channels/channels';
import { DELIVERY_TOPIC, type DeliveryNotice } from './notification.service';

export const DELIVERY_JOB = 'notification-delivery';
/** After this many failed sends a copy is given up (FAILED); the in-app notification stays as it is. */
export const MAX_DELIVERY_ATTEMPTS = 5;
const FIRST_RETRY_SECONDS = 30;
const BATCH = 200;

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

interface DueDelivery {
  id: string;
  user_id: string;
  channel: string;
  attempts: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  username: string;
  display_name: string;
}

/**
 * Sends the outbound copies that are due, bureau by bureau, each under its tenant's scope. A copy whose
 * channel fails is tried again later (30 s, then doubling) up to MAX_DELIVERY_ATTEMPTS; one whose channel
 * this server does not have is given up at once. Rows are claimed with SKIP LOCKED, so two servers never
 * send the same copy at the same time; a channel may still see a copy twice if its hand-over succeeded
 * and the claim's commit did not (the delivery id lets it drop the duplicate; the outbox does).
 */
export async function runDeliveries(
  services: AppServices,
  channels: ReadonlyMap<string, NotificationChannel>,
  tenantIds?: readonly string[],
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const tenants = tenantIds ?? ((await services.db.query('SELECT active_tenant_ids() AS id')) as { id: string }[]).map((r) => r.id);
  for (const tenantId of tenants) {
    await inTenant(services.db, tenantId, async (m) => {
      const due = (await m.query(
        `SELECT d.id, d.user_id, d.channel, d.attempts, n.kind, n.title, n.body, n.link, u.username, u.display_name
           FROM notification_deliveries d
           JOIN notifications n ON n.tenant_id = d.tenant_id AND n.id = d.notification_id
           JOIN users u ON u.tenant_id = d.tenant_id AND u.id = d.user_id
          WHERE d.tenant_id = $1 AND d.status = 'PENDING' AND d.next_attempt_at <= now()
          ORDER BY d.next_attempt_at, d.id LIMIT ${BATCH}
            FOR UPDATE OF d SKIP LOCKED`,
        [tenantId],
      )) as DueDelivery[];
      for (const d of due) {
        const channel = channels.get(d.channel);
        try {
          if (!channel) throw new Error(`通道 ${d.channel} 未启用`);
          await channel.send(
            { tenantId, userId: d.user_id, username: d.username, displayName: d.display_name },
            { id: d.id, kind: d.kind, title: d.title, body: d.body, link: d.link },
          );
          await m.query(
            `UPDATE notification_deliveries SET status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE tenant_id = $1 AND id = $2`,
            [tenantId, d.id],
          );
          result.sent += 1;
        } catch (error) {
          const attempts = d.attempts + 1;
          const final = !channel || attempts >= MAX_DELIVERY_ATTEMPTS;
          await m.query(
            `UPDATE notification_deliveries SET status = $3, attempts = $4, last_error = $5,
                    next_attempt_at = now() + make_interval(secs => $6) WHERE tenant_id = $1 AND id = $2`,
            [
              tenantId,
              d.id,
              final ? 'FAILED' : 'PENDING',
              attempts,
              String((error as Error).message ?? error).slice(0, 500),
              FIRST_RETRY_SECONDS * 2 ** (attempts - 1),
            ],
          );
          if (final) result.failed += 1;
          else result.retrying += 1;
          services.log.warn({ err: error, delivery: d.id, channel: d.channel, attempts }, 'outbound notification not sent');
        }
      }
    });
  }
  return result;
}

/** The delivery job: one bureau's due copies when a step queued some, every bureau's on the schedule (the retries). */
export const deliveryJob = defineJob<{ tenantId?: string }>({
  name: DELIVERY_JOB,
  policy: 'short',
  schedule: (config) => (config.notifyChannels.length ? config.notifyDeliveryCron : null),
  scheduleData: {},
  handle: (ctx, data) => runDeliveries(ctx.services, configuredChannels(ctx.services), data.tenantId ? [data.tenantId] : undefined),
});

/**
 * Asks for the delivery job as soon as a transaction that queued outbound copies commits. Several
 * servers may all ask: the queue keeps one waiting job per bureau. Answers a function that stops listening.
 */
export function kickDeliveriesOnCommit(services: AppServices): () => void {
  if (!services.config.notifyChannels.length) return () => undefined;
  const events = services.pubsub.subscribe(DELIVERY_TOPIC);
  void (async () => {
    for await (const event of events) {
      const { tenantId } = event as DeliveryNotice;
      await services.jobs
        .send(DELIVERY_JOB, { tenantId }, { singletonKey: tenantId })
        .catch((error: unknown) => services.log.error({ err: error, tenantId }, 'could not queue the notification delivery'));
    }
  })();
  return () => void events.return?.(undefined);
}
