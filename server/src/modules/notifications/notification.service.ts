import { IsNull, type EntityManager } from 'typeorm';
import { fromGlobalUuid } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginate, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { badInput, notFound } from '../../graphql/errors';
import { notificationOf, publishOnCommit } from '../../graphql/pubsub';
import { groupOfKind } from './notification-kinds';
import { Notification } from './notification.entity';

export const NOTIFICATION_TOPIC = 'NOTIFICATION_ADDED';

export interface NotificationNotice {
  tenantId: string;
  userId: string;
  notificationId: string;
}

export interface NotifyInput {
  tenantId: string;
  /** The recipients by id, or… */
  userIds?: readonly string[];
  /** …a query answering one `id` column of user ids, its parameters numbered from $1. */
  recipients?: { sql: string; params: readonly unknown[] };
  /** Never told, whoever else is: the one whose own action this notification is about. */
  except?: string | null;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  /** A second notify() with the same key gives a user who already has it nothing new. */
  dedupeKey?: string | null;
}

/** Published once a transaction that queued outbound copies commits: the delivery job is asked to send them. */
export const DELIVERY_TOPIC = 'NOTIFICATION_DELIVERY';

const OWN_PARAMETERS = 9;

/**
 * Puts a notification in each recipient's inbox, inside the caller's transaction, which must be
 * scoped to `tenantId` (RLS refuses anything else), and queues a copy on each outbound channel the
 * recipient chose for the kind's group (notification_preferences). Recipients who are not active or
 * invited users of the tenant are skipped, and so is `except`. Subscribers hear of each new
 * notification, and the delivery job of the copies, once the transaction commits. One statement.
 * Answers the ids of the notifications created.
 */
export async function notify(m: EntityManager, input: NotifyInput): Promise<string[]> {
  const listed = input.userIds ? [...new Set(input.userIds)] : null;
  if (listed && !listed.length) return [];
  const listedSql = 'SELECT unnest($2::uuid[]) AS id';
  const recipients = input.recipients
    ? `${input.recipients.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + OWN_PARAMETERS}`)} UNION ${listedSql}`
    : listedSql;
  const { channel } = notificationOf(NOTIFICATION_TOPIC, null);
  const rows = (await m.query(
    `WITH inserted AS (
       INSERT INTO notifications (tenant_id, user_id, kind, title, body, link, dedupe_key)
       SELECT u.tenant_id, u.id, $3, $4, $5, $6, $7
         FROM users u
        WHERE u.tenant_id = $1 AND u.id IN (${recipients}) AND u.status <> 'DEACTIVATED' AND u.id IS DISTINCT FROM $8::uuid
       ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
       RETURNING id, user_id),
     outbound AS (
       INSERT INTO notification_deliveries (tenant_id, notification_id, user_id, channel)
       SELECT $1, i.id, i.user_id, p.channel FROM inserted i
         JOIN notification_preferences p ON p.tenant_id = $1 AND p.user_id = i.user_id AND p.kind_group = $9 AND p.enabled
       RETURNING tenant_id)
     SELECT i.id, i.user_id,
            pg_notify('${channel}', json_build_object('type', '${NOTIFICATION_TOPIC}',
              'detail', json_build_object('tenantId', $1::uuid, 'userId', i.user_id, 'notificationId', i.id))::text)::text AS published,
            (SELECT count(*)::int FROM outbound) AS outbound
       FROM inserted i`,
    [
      input.tenantId,
      listed ?? [],
      input.kind,
      input.title,
      input.body ?? null,
      input.link ?? null,
      input.dedupeKey ?? null,
      input.except ?? null,
      groupOfKind(input.kind),
      ...(input.recipients?.params ?? []),
    ],
  )) as { id: string; user_id: string; outbound: number }[];
  if (rows.some((r) => r.outbound > 0)) await publishOnCommit(m, DELIVERY_TOPIC, { tenantId: input.tenantId } satisfies DeliveryNotice);
  return rows.map((r) => r.id);
}

export interface DeliveryNotice {
  tenantId: string;
}

/** The viewer's own inbox, newest first. */
export function listMyNotifications(ctx: RequestContext, args: PageArgs & { unreadOnly?: boolean | null }): Promise<ConnectionShape<Notification>> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) => {
    const query = m
      .createQueryBuilder(Notification, 'n')
      .where('n.tenant_id = :tenant AND n.user_id = :user', { tenant: viewer.tenantId, user: viewer.userId });
    if (args.unreadOnly) query.andWhere('n.read_at IS NULL');
    return paginate(query.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC'), args);
  });
}

export function unreadNotificationCount(ctx: RequestContext): Promise<number> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) => m.countBy(Notification, { tenantId: viewer.tenantId, userId: viewer.userId, readAt: IsNull() }));
}

/** Marks the viewer's own notifications read; any id that is not one of them is NOT_FOUND and changes nothing. */
export function markNotificationsRead(ctx: RequestContext, globalIds: readonly string[]): Promise<Notification[]> {
  const viewer = requireViewer(ctx);
  if (globalIds.length > 100) throw badInput([{ field: 'ids', message: '一次最多 100 条' }]);
  const ids = [...new Set(globalIds.map((id) => fromGlobalUuid(id, 'Notification')))];
  if (ids.some((id) => id === null)) throw notFound('通知');
  return tenantTx(ctx, async (m) => {
    const rows = (await m.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
        WHERE tenant_id = $3 AND user_id = $1 AND id = ANY($2::uuid[]) RETURNING id`,
      [viewer.userId, ids, viewer.tenantId],
    )) as [{ id: string }[], number];
    if (rows[1] !== ids.length) throw notFound('通知');
    return m
      .getRepository(Notification)
      .find({ where: ids.map((id) => ({ tenantId: viewer.tenantId, id: id!, userId: viewer.userId })), order: { createdAt: 'DESC' } });
  });
}

export function markAllNotificationsRead(ctx: RequestContext): Promise<number> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const [, count] = (await m.query(`UPDATE notifications SET read_at = now() WHERE tenant_id = $2 AND user_id = $1 AND read_at IS NULL`, [
      viewer.userId,
      viewer.tenantId,
    ])) as [unknown, number];
    return count;
  });
}

/** One of the viewer's notifications, read afresh. */
export function viewerNotification(ctx: RequestContext, id: string, userId: string): Promise<Notification | null> {
  return readTx(ctx, (m) => m.findOneBy(Notification, { tenantId: requireViewer(ctx).tenantId, id, userId }));
}
