import type { EntityManager } from 'typeorm';
import { publishOnCommit } from '../../graphql/pubsub';
import { DELIVERY_TOPIC, NOTIFICATION_TOPIC, type DeliveryNotice, type NotificationNotice } from '../notifications/notification.service';

export interface ReferralNotice {
  /** RECEIVER: the referral was sent (the caller is its sender); SENDER: the receiver took a step (the caller received it). */
  to: 'RECEIVER' | 'SENDER';
  /** SENT, or the receiver's step: one notice per referral and step. */
  step: string;
  kind: 'REFERRAL_RECEIVED' | 'REFERRAL_STEP';
  title: string;
  body: string | null;
  /** The receiver's page; the sender's link (its record) is made by the database, which alone may read it. */
  link: string | null;
  except: string;
}

/**
 * Tells the other side of a referral, across the tenant wall, through referral_notify() (migration
 * ReferralNotices): the inbox, and the outbound copies each recipient asked for. Subscribers and the
 * delivery job hear of them once the transaction commits.
 */
export async function noticeAcrossReferral(m: EntityManager, referralId: string, notice: ReferralNotice): Promise<void> {
  const rows = (await m.query('SELECT tenant_id, user_id, id, outbound FROM referral_notify($1, $2, $3, $4, $5, $6, $7, $8)', [
    referralId,
    notice.to,
    notice.step,
    notice.kind,
    notice.title,
    notice.body,
    notice.link,
    notice.except,
  ])) as { tenant_id: string; user_id: string; id: string; outbound: boolean }[];
  for (const n of rows) {
    await publishOnCommit(m, NOTIFICATION_TOPIC, { tenantId: n.tenant_id, userId: n.user_id, notificationId: n.id } satisfies NotificationNotice);
  }
  for (const tenantId of new Set(rows.filter((r) => r.outbound).map((r) => r.tenant_id))) {
    await publishOnCommit(m, DELIVERY_TOPIC, { tenantId } satisfies DeliveryNotice);
  }
}
