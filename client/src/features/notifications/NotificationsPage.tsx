/** 站内通知: all of the user's notifications, newest first, or the unread ones; open, mark read, export. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { useRowAction } from '../../app/useRowAction';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { connectionPages } from '../../components/csv-pages';
import { QueryState } from '../../components/QueryState';
import { KIND_COLORS, kindKey, notificationMessages } from './messages';
import { MY_NOTIFICATIONS, type NotificationRow } from './operations';
import { useNotificationActions } from './useNotificationActions';

type Show = 'all' | 'unread';

export function NotificationsPage() {
  const { lang } = useI18n();
  const m = useMessages(notificationMessages);
  const { message } = App.useApp();
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const [show, setShow] = useState<Show>('all');
  const unreadOnly = show === 'unread';
  const { data, loading, error } = useQuery(MY_NOTIFICATIONS, {
    variables: { first: pages.first, after: pages.after, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const actions = useNotificationActions();
  const { busyId, run } = useRowAction();
  const connection = data?.myNotifications;

  const columns = [
    {
      key: 'state',
      title: m('state'),
      width: 80,
      render: (_: unknown, n: NotificationRow) => (n.read ? <Tag>{m('read')}</Tag> : <Tag color="blue">{m('unread')}</Tag>),
    },
    { key: 'kind', title: m('kind'), width: 110, render: (_: unknown, n: NotificationRow) => <Tag color={KIND_COLORS[n.kind]}>{m(kindKey(n.kind))}</Tag> },
    {
      key: 'content',
      title: m('content'),
      render: (_: unknown, n: NotificationRow) => (
        <Space direction="vertical" size={0}>
          {n.link ? (
            <Typography.Link strong={!n.read} onClick={() => void actions.open(n)} data-testid="notification-open">
              {n.title}
            </Typography.Link>
          ) : (
            <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
          )}
          {n.body && <Typography.Text type="secondary">{n.body}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'time', title: m('time'), width: 180, render: (_: unknown, n: NotificationRow) => formatDateTime(n.createdAt, lang) },
    {
      key: 'actions',
      title: '',
      width: 110,
      render: (_: unknown, n: NotificationRow) =>
        n.read ? null : (
          <Button size="small" loading={busyId === n.id} onClick={() => run(n.id, () => actions.markOne(n))} data-testid="notification-mark-read">
            {m('markRead')}
          </Button>
        ),
    },
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('time'), value: (n: NotificationRow) => n.createdAt },
      { title: m('kind'), value: (n: NotificationRow) => m(kindKey(n.kind)) },
      { title: m('subject'), value: (n: NotificationRow) => n.title },
      { title: m('detail'), value: (n: NotificationRow) => n.body ?? '' },
      { title: m('state'), value: (n: NotificationRow) => (n.read ? m('read') : m('unread')) },
      { title: m('link'), value: (n: NotificationRow) => n.link ?? '' },
    ],
    fetchPage: connectionPages(client, MY_NOTIFICATIONS, { unreadOnly }, (page) => page.myNotifications),
  });

  if (error && !data) return <QueryState error={error} />;
  return (
    <Card
      title={m('title')}
      style={{ width: '100%' }}
      data-testid="notifications-card"
      extra={
        <Space wrap>
          <Button
            loading={actions.markingAll}
            data-testid="notifications-mark-all"
            onClick={async () => {
              const marked = await actions.markAllRead();
              if (marked !== null) void message.success(m('markedAll', { count: marked }));
            }}
          >
            {m('markAllRead')}
          </Button>
          <ExportCsvButton spec={exportSpec} testId="notifications-export" />
        </Space>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text id="notifications-show-label">{m('show')}</Typography.Text>
        <Segmented<Show>
          aria-labelledby="notifications-show-label"
          data-testid="notifications-filter"
          value={show}
          onChange={(value) => {
            setShow(value);
            pages.reset();
          }}
          options={[
            { value: 'all', label: m('showAll') },
            { value: 'unread', label: m('showUnread') },
          ]}
        />
      </Space>
      <Table<NotificationRow>
        rowKey="id"
        size="small"
        loading={loading && !data}
        columns={columns}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: unreadOnly ? m('emptyUnread') : m('empty') }}
        onRow={(n) => ({ 'data-testid': 'notification-row', 'data-read': n.read ? 'true' : 'false' }) as HTMLAttributes<HTMLElement>}
      />
      <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="notifications-pager" />
    </Card>
  );
}
