/**
 * The bell in the header: the unread count as a badge, and a pop-over with the latest notifications
 * (open one to mark it read and go to its page), 全部已读 and a link to all of them. New notifications
 * arrive over the `notificationAdded` subscription; the count is also asked every minute in case the
 * socket is down.
 */
import { useState } from 'react';
import { App, Badge, Button, Empty, Popover, Space, Spin, Tag, Typography } from 'antd';
import { PlainList, PlainListItem } from '../../components/PlainList';
import { BellOutlined } from '@ant-design/icons';
import { useQuery, useSubscription } from '@apollo/client/react';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { navigate, PATHS } from '../../app/navigation';
import { KIND_COLORS, kindKey, notificationMessages } from './messages';
import { MY_NOTIFICATIONS, NOTIFICATION_ADDED, UNREAD_NOTIFICATION_COUNT, type NotificationRow } from './operations';
import { useNotificationActions } from './useNotificationActions';

const LATEST = 6;
const POLL_MS = 60_000;

export function NotificationBell() {
  const { lang } = useI18n();
  const m = useMessages(notificationMessages);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const count = useQuery(UNREAD_NOTIFICATION_COUNT, { fetchPolicy: 'cache-and-network', pollInterval: POLL_MS });
  const latest = useQuery(MY_NOTIFICATIONS, { variables: { first: LATEST }, skip: !open, fetchPolicy: 'cache-and-network' });
  const actions = useNotificationActions();
  useSubscription(NOTIFICATION_ADDED, { onData: () => void actions.refresh() });
  const unread = count.data?.unreadNotificationCount ?? 0;
  const rows = latest.data?.myNotifications.edges.map((e) => e.node) ?? [];

  const openRow = (row: NotificationRow) => {
    setOpen(false);
    void actions.open(row);
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notification-popover">
      {latest.loading && !latest.data ? (
        <Spin size="small" style={{ display: 'block', margin: '16px auto' }} />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('empty')} />
      ) : (
        <PlainList>
          {rows.map((row) => (
            <PlainListItem
              key={row.id}
              data-testid="notification-item"
              data-read={row.read ? 'true' : 'false'}
              style={{ cursor: 'pointer', background: row.read ? undefined : '#f0f5ff', padding: '8px' }}
              onClick={() => openRow(row)}
            >
              <Space size={6}>
                <Tag color={KIND_COLORS[row.kind]}>{m(kindKey(row.kind))}</Tag>
                <Typography.Text strong={!row.read}>{row.title}</Typography.Text>
              </Space>
              <div style={{ marginTop: 4 }}>
                {row.body && <Typography.Paragraph style={{ margin: 0 }}>{row.body}</Typography.Paragraph>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(row.createdAt, lang)}
                </Typography.Text>
              </div>
            </PlainListItem>
          ))}
        </PlainList>
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Button
          size="small"
          disabled={unread === 0}
          loading={actions.markingAll}
          data-testid="notification-mark-all"
          onClick={async () => {
            const marked = await actions.markAllRead();
            if (marked !== null) void message.success(m('markedAll', { count: marked }));
          }}
        >
          {m('markAllRead')}
        </Button>
        <Button
          size="small"
          type="link"
          data-testid="notification-view-all"
          onClick={() => {
            setOpen(false);
            navigate(PATHS.notifications);
          }}
        >
          {m('viewAll')}
        </Button>
      </Space>
    </div>
  );

  return (
    <Popover content={content} title={m('latest')} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button type="text" aria-label={unread ? m('bellUnread', { count: unread }) : m('bell')} data-testid="notification-bell" style={{ color: '#fff' }}>
        <span data-testid="notification-count" data-count={unread}>
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ color: '#fff', fontSize: 18 }} aria-hidden />
          </Badge>
        </span>
      </Button>
    </Popover>
  );
}
