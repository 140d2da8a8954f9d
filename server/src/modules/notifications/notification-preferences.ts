import { Field, ObjectType } from 'type-graphql';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { CHANNEL_LABELS } from './channels/channel';
import { NOTIFICATION_GROUPS, isNotificationGroup, type NotificationGroup } from './notification-kinds';

@ObjectType({ description: '一个外发通道上的设置' })
export class NotificationChannelSetting {
  @Field({ description: '通道，如 outbox' }) channel!: string;
  @Field({ description: '通道名称' }) label!: string;
  @Field({ description: '是否经此通道外发' }) enabled!: boolean;
}

@ObjectType({ description: '一类通知的接收设置：站内通知始终接收，外发通道可逐一开关' })
export class NotificationPreferenceGroup {
  @Field({ description: '类别，如 RECORD' }) group!: string;
  @Field({ description: '类别名称' }) label!: string;
  @Field(() => [NotificationChannelSetting], { description: '本服务器启用的外发通道' }) channels!: NotificationChannelSetting[];
}

/** The viewer's settings: every group, with each channel this server has (off unless chosen). */
export function myNotificationPreferences(ctx: RequestContext): Promise<NotificationPreferenceGroup[]> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const rows = (await m.query(`SELECT kind_group, channel, enabled FROM notification_preferences WHERE tenant_id = $1 AND user_id = $2`, [
      viewer.tenantId,
      viewer.userId,
    ])) as { kind_group: string; channel: string; enabled: boolean }[];
    const chosen = new Set(rows.filter((r) => r.enabled).map((r) => `${r.kind_group}/${r.channel}`));
    return (Object.keys(NOTIFICATION_GROUPS) as NotificationGroup[]).map((group) => ({
      group,
      label: NOTIFICATION_GROUPS[group],
      channels: ctx.app.config.notifyChannels.map((channel) => ({ channel, label: CHANNEL_LABELS[channel], enabled: chosen.has(`${group}/${channel}`) })),
    }));
  });
}

/** Turns one channel on or off for one group of the viewer's notifications. */
export async function setNotificationPreference(ctx: RequestContext, group: string, channel: string, enabled: boolean): Promise<NotificationPreferenceGroup[]> {
  const viewer = requireViewer(ctx);
  if (!isNotificationGroup(group)) throw badInput([{ field: 'group', message: '没有这一类通知' }]);
  if (!(ctx.app.config.notifyChannels as readonly string[]).includes(channel)) throw badInput([{ field: 'channel', message: '本系统未启用该外发通道' }]);
  await tenantTx(ctx, (m) =>
    m.query(
      `INSERT INTO notification_preferences (tenant_id, user_id, kind_group, channel, enabled) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, user_id, kind_group, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [viewer.tenantId, viewer.userId, group, channel, enabled],
    ),
  );
  return myNotificationPreferences(ctx);
}
