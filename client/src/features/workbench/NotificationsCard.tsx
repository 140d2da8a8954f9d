/** The viewer's unread notifications on the workbench; opening one marks it read and goes to its page. */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { navigate, PATHS } from '../../app/navigation';
import { useCursorPages } from '../../app/useCursorPages';
import { useRowAction } from '../../app/useRowAction';
import { connectionPages } from '../../components/csv-pages';
import { KIND_COLORS, kindKey, notificationMessages } from '../notifications/messages';
import { MY_NOTIFICATIONS, type NotificationRow } from '../notifications/operations';
import { useNotificationActions } from '../notifications/useNotificationActions';
import { workbenchMessages } from './messages';
import { WorkbenchList } from './WorkbenchList';

export function NotificationsCard() {
  const { lang } = useI18n();
  const m = useMessages(workbenchMessages);
  const nm = useMessages(notificationMessages);
  const client = useApolloClient();
  const pages = useCursorPages(5);
  const { data, loading, error } = useQuery(MY_NOTIFICATIONS, {
    variables: { unreadOnly: true, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const actions = useNotificationActions();
  const { busyId, run } = useRowAction();
  const connection = data?.myNotifications;

  const columns = [
    { key: 'kind', title: m('kind'), render: (_: unknown, n: NotificationRow) => <Tag color={KIND_COLORS[n.kind]}>{nm(kindKey(n.kind))}</Tag> },
    {
      key: 'title',
      title: m('body'),
      render: (_: unknown, n: NotificationRow) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => void actions.open(n)} data-testid="workbench-notifications-link">
            {n.title}
          </Typography.Link>
          {n.body && <Typography.Text type="secondary">{n.body}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'time', title: m('time'), render: (_: unknown, n: NotificationRow) => formatDateTime(n.createdAt, lang) },
    {
      key: 'read',
      title: '',
      render: (_: unknown, n: NotificationRow) => (
        <Button size="small" loading={busyId === n.id} onClick={() => run(n.id, () => actions.markOne(n))}>
          {m('markRead')}
        </Button>
      ),
    },
  ];

  const exportSpec = () => ({
    fileName: nm('exportName'),
    columns: [
      { title: m('time'), value: (n: NotificationRow) => n.createdAt },
      { title: m('kind'), value: (n: NotificationRow) => nm(kindKey(n.kind)) },
      { title: nm('subject'), value: (n: NotificationRow) => n.title },
      { title: nm('detail'), value: (n: NotificationRow) => n.body ?? '' },
      { title: nm('link'), value: (n: NotificationRow) => n.link ?? '' },
    ],
    fetchPage: connectionPages(client, MY_NOTIFICATIONS, { unreadOnly: true }, (page) => page.myNotifications),
  });

  return (
    <WorkbenchList<NotificationRow>
      title={m('notifications')}
      testId="workbench-notifications"
      rows={connection?.edges.map((e) => e.node) ?? []}
      totalCount={connection?.totalCount}
      pageInfo={connection?.pageInfo}
      pages={pages}
      loading={loading}
      error={error}
      columns={columns}
      empty={m('notificationsEmpty')}
      exportSpec={exportSpec}
      extra={
        <Button size="small" type="link" onClick={() => navigate(PATHS.notifications)} data-testid="workbench-all-notifications">
          {m('allNotifications')}
        </Button>
      }
    />
  );
}
