import type { NotificationChannelName } from '../../../config';

/** How each channel is named to users on 我的账号. */
export const CHANNEL_LABELS: Record<NotificationChannelName, string> = {
  outbox: '开发发件箱（仅记录在系统中，不真实发送）',
};

/** Who an outbound copy is for. A gateway looks up the address it needs (phone, e-mail) by the user. */
export interface OutboundRecipient {
  tenantId: string;
  userId: string;
  username: string;
  displayName: string;
}

export interface OutboundMessage {
  /** The delivery's id: a retried send carries the same one, so a gateway can drop a duplicate. */
  id: string;
  kind: string;
  title: string;
  body: string | null;
  /** The web app's path of what the notification is about. */
  link: string | null;
}

/**
 * An outbound channel (SMS gateway, e-mail, the development outbox). `send` resolves once the message
 * was handed over and throws when it was not; the delivery job retries it later. Channels are chosen
 * by NOTIFY_CHANNELS.
 */
export interface NotificationChannel {
  readonly name: string;
  /** How the channel is named to users on 我的账号. */
  readonly label: string;
  send(to: OutboundRecipient, message: OutboundMessage): Promise<void>;
}
