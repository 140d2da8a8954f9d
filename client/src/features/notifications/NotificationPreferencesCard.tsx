/**
 * 通知接收设置 on 我的账号: in-app notifications are always on; per group of kinds, each outbound channel
 * the server has (NOTIFY_CHANNELS) can be switched on or off. Without a channel it says so.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Card, Switch, Table, Tag, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { notificationMessages } from './messages';
import { MY_NOTIFICATION_PREFERENCES, SET_NOTIFICATION_PREFERENCE } from './operations';
import type { MyNotificationPreferencesQuery } from '../../gql/graphql';

type Group = MyNotificationPreferencesQuery['myNotificationPreferences'][number];

export function NotificationPreferencesCard() {
  const m = useMessages(notificationMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const { data, loading, error } = useQuery(MY_NOTIFICATION_PREFERENCES, { fetchPolicy: 'cache-and-network' });
  const [save, saving] = useMutation(SET_NOTIFICATION_PREFERENCE, {
    update: (cache, result) => {
      const groups = result.data?.setNotificationPreference;
      if (groups) cache.writeQuery({ query: MY_NOTIFICATION_PREFERENCES, data: { myNotificationPreferences: groups } });
    },
  });
  const groups = data?.myNotificationPreferences ?? [];
  const channels = groups[0]?.channels.map((c) => ({ channel: c.channel, label: c.label })) ?? [];

  const toggle = async (group: string, channel: string, enabled: boolean) => {
    try {
      await save({ variables: { group, channel, enabled } });
      void message.success(m('prefsSaved'));
    } catch (e) {
      notify(e);
    }
  };

  const columns = [
    { key: 'group', title: m('prefsGroup'), dataIndex: 'label' },
    {
      key: 'inApp',
      title: m('prefsInApp'),
      render: () => <Tag color="green">{m('prefsAlways')}</Tag>,
    },
    ...channels.map((c) => ({
      key: c.channel,
      title: c.label,
      render: (_: unknown, g: Group) => {
        const setting = g.channels.find((x) => x.channel === c.channel);
        return (
          <Switch
            checked={setting?.enabled ?? false}
            disabled={saving.loading}
            aria-label={`${g.label}：${c.label}`}
            data-testid={`notification-pref-${g.group}-${c.channel}`}
            onChange={(on) => void toggle(g.group, c.channel, on)}
          />
        );
      },
    })),
  ];

  return (
    <Card title={m('prefsTitle')} data-testid="notification-preferences" role="region" aria-label={m('prefsTitle')}>
      <Typography.Paragraph type="secondary">{m('prefsIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />}
      {!loading && !error && channels.length === 0 && <Alert type="info" showIcon message={m('prefsNoChannel')} style={{ marginBottom: 12 }} />}
      <Table<Group> rowKey="group" size="small" pagination={false} loading={loading && !data} columns={columns} dataSource={groups} scroll={{ x: true }} />
    </Card>
  );
}
