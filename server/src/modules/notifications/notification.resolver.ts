import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { forbidden } from '../../graphql/errors';
import { Allow } from '../../graphql/permissions';
import { Notification } from './notification.entity';
import {
  NOTIFICATION_TOPIC,
  listMyNotifications,
  viewerNotification,
  markAllNotificationsRead,
  markNotificationsRead,
  unreadNotificationCount,
  type NotificationNotice,
} from './notification.service';
import { NotificationPreferenceGroup, myNotificationPreferences, setNotificationPreference } from './notification-preferences';

const NotificationConnection = Connection(Notification);

@ArgsType()
class MyNotificationArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: '只看未读' })
  unreadOnly?: boolean | null;
}

/** Each user's own inbox. Marking read is the reader's own state, so it is not audited. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Allow('read', 'Notification')
  @Query(() => NotificationConnection, { description: '我的站内通知，最新在前' })
  myNotifications(@Ctx() ctx: RequestContext, @Args() args: MyNotificationArgs) {
    return listMyNotifications(ctx, args);
  }

  @Allow('read', 'Notification')
  @Query(() => Int, { description: '我的未读通知数' })
  unreadNotificationCount(@Ctx() ctx: RequestContext) {
    return unreadNotificationCount(ctx);
  }

  @Allow('update', 'Notification')
  @Mutation(() => [Notification], { description: '把我的若干通知标为已读；任一 id 不是我的通知则 NOT_FOUND，且不做任何改动' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID]) ids: string[]) {
    return markNotificationsRead(ctx, ids);
  }

  @Allow('update', 'Notification')
  @Mutation(() => Int, { description: '把我的全部未读通知标为已读，返回条数' })
  markAllNotificationsRead(@Ctx() ctx: RequestContext) {
    return markAllNotificationsRead(ctx);
  }

  @Allow('read', 'Notification')
  @Query(() => [NotificationPreferenceGroup], { description: '我的通知接收设置：站内通知始终接收，外发通道按类别开关' })
  myNotificationPreferences(@Ctx() ctx: RequestContext) {
    return myNotificationPreferences(ctx);
  }

  @Allow('update', 'Notification')
  @Mutation(() => [NotificationPreferenceGroup], { description: '开启或关闭我的一类通知在一个外发通道上的发送' })
  setNotificationPreference(
    @Ctx() ctx: RequestContext,
    @Arg('group', { description: '通知类别，如 RECORD' }) group: string,
    @Arg('channel', { description: '外发通道，如 outbox' }) channel: string,
    @Arg('enabled') enabled: boolean,
  ) {
    return setNotificationPreference(ctx, group, channel, enabled);
  }

  @Allow('read', 'Notification')
  @Subscription(() => Notification, {
    topics: NOTIFICATION_TOPIC,
    // Only the signed-in user's own, and nothing more once their session is revoked.
    filter: ({ payload, context }: { payload: NotificationNotice; context: RequestContext }) =>
      !!context.viewer &&
      payload.tenantId === context.viewer.tenantId &&
      payload.userId === context.viewer.userId &&
      !context.app.revocations.isRevoked(context.viewer.sessionId),
    description: '我收到新通知时推送',
  })
  async notificationAdded(@Root() notice: NotificationNotice, @Ctx() ctx: RequestContext) {
    if (!ctx.viewer) throw forbidden();
    const userId = ctx.viewer.userId;
    const notification = await viewerNotification(ctx, notice.notificationId, userId);
    if (!notification) throw forbidden();
    return notification;
  }
}
