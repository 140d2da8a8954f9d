import { IsNull, type EntityManager } from 'typeorm';
import { fromGlobalUuid } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginate, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { badInput, notFound } from '../../graphql/errors';
import { publishOnCommit } from '../../graphql/pubsub';
import { Notification } from './notification.entity';

export const NOTIFICATION_TOPIC = 'NOTIFICATION_ADDED';

export interface NotificationNotice {
  tenantId: string;
  userId: string;
  notificationId: string;
}

export interface NotifyInput {
  tenantId: string;
  userIds: readonly string[];
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  /** A second notify() with the same key gives a user who already has it nothing new. */
  dedupeKey?: string | null;
}

/**
 * Puts a notification in each recipient's inbox, inside the caller's transaction, which must be
 * scoped to `tenantId` (RLS refuses anything else). Recipients who are not active or invited users of
 * the tenant are skipped. Subscribers hear of each new notification once the transaction commits.
 * Answers the ids of the notifications created.
 */
export async function notify(m: EntityManager, input: NotifyInput): Promise<string[]> {
  if (!input.userIds.length) return [];
  const rows = (await m.query(
    `INSERT INTO notifications (tenant_id, user_id, kind, title, body, link, dedupe_key)
     SELECT u.tenant_id, u.id, $3, $4, $5, $6, $7
       FROM users u
      WHERE u.tenant_id = $1 AND u.id = ANY($2::uuid[]) AND u.status <> 'DEACTIVATED'
     ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
     RETURNING id, user_id`,
    [input.tenantId, [...new Set(input.userIds)], input.kind, input.title, input.body ?? null, input.link ?? null, input.dedupeKey ?? null],
  )) as { id: string; user_id: string }[];
  for (const row of rows) {
    await publishOnCommit(m, NOTIFICATION_TOPIC, { tenantId: input.tenantId, userId: row.user_id, notificationId: row.id } satisfies NotificationNotice);
  }
  return rows.map((r) => r.id);
}

/** The viewer's own inbox, newest first. */
export function listMyNotifications(ctx: RequestContext, args: PageArgs & { unreadOnly?: boolean | null }): Promise<ConnectionShape<Notification>> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) => {
    const query = m.createQueryBuilder(Notification, 'n').where('n.user_id = :user', { user: viewer.userId });
    if (args.unreadOnly) query.andWhere('n.read_at IS NULL');
    return paginate(query.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC'), args);
  });
}

export function unreadNotificationCount(ctx: RequestContext): Promise<number> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) => m.countBy(Notification, { userId: viewer.userId, readAt: IsNull() }));
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
        WHERE user_id = $1 AND id = ANY($2::uuid[]) RETURNING id`,
      [viewer.userId, ids],
    )) as [{ id: string }[], number];
    if (rows[1] !== ids.length) throw notFound('通知');
    return m.getRepository(Notification).find({ where: ids.map((id) => ({ id: id!, userId: viewer.userId })), order: { createdAt: 'DESC' } });
  });
}

export function markAllNotificationsRead(ctx: RequestContext): Promise<number> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const [, count] = (await m.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [viewer.userId])) as [unknown, number];
    return count;
  });
}

/** One of the viewer's notifications, read afresh. */
export function viewerNotification(ctx: RequestContext, id: string, userId: string): Promise<Notification | null> {
  return readTx(ctx, (m) => m.findOneBy(Notification, { tenantId: requireViewer(ctx).tenantId, id, userId }));
}
