import type { DataSource } from 'typeorm';
import { inTenant } from '../../../db/tenancy';
import { CHANNEL_LABELS, type NotificationChannel, type OutboundMessage, type OutboundRecipient } from './channel';

/**
 * The development channel: each message is recorded in `notification_outbox` of the recipient's bureau,
 * once per delivery however often it is retried, and goes nowhere else.
 */
export class OutboxChannel implements NotificationChannel {
  readonly name = 'outbox';
  readonly label = CHANNEL_LABELS.outbox;

  constructor(private readonly db: DataSource) {}

  async send(to: OutboundRecipient, message: OutboundMessage): Promise<void> {
    await inTenant(this.db, to.tenantId, (m) =>
      m.query(
        `INSERT INTO notification_outbox (tenant_id, delivery_id, user_id, recipient, kind, title, body, link)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, delivery_id) DO NOTHING`,
        [to.tenantId, message.id, to.userId, `${to.displayName}（${to.username}）`, message.kind, message.title, message.body, message.link],
      ),
    );
  }
}
