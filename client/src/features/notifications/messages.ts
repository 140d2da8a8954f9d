import { defineMessages } from '../../app/i18n';

export const notificationMessages = defineMessages(
  {
    bell: '通知',
    bellUnread: '通知，{count} 条未读',
    title: '站内通知',
    latest: '最新通知',
    markAllRead: '全部已读',
    markedAll: '已将 {count} 条通知标为已读',
    markRead: '标为已读',
    viewAll: '查看全部通知',
    empty: '暂无通知',
    emptyUnread: '没有未读通知',
    show: '显示',
    showAll: '全部',
    showUnread: '只看未读',
    unread: '未读',
    read: '已读',
    time: '时间',
    kind: '类别',
    content: '内容',
    subject: '标题',
    detail: '详情',
    link: '链接',
    state: '状态',
    open: '打开',
    kind_DEADLINE_REMINDER: '即将到期',
    kind_DEADLINE_OVERDUE: '已逾期',
    kind_REFERRAL_RECEIVED: '移送案件',
    kind_OTHER: '通知',
    exportName: '站内通知',
    live: '实时',
  },
  {
    bell: 'Notifications',
    bellUnread: 'Notifications, {count} unread',
    title: 'Notifications',
    latest: 'Latest notifications',
    markAllRead: 'Mark all read',
    markedAll: '{count} notifications marked read',
    markRead: 'Mark read',
    viewAll: 'All notifications',
    empty: 'No notifications',
    emptyUnread: 'No unread notifications',
    show: 'Show',
    showAll: 'All',
    showUnread: 'Unread only',
    unread: 'Unread',
    read: 'Read',
    time: 'Time',
    kind: 'Kind',
    content: 'Content',
    subject: 'Title',
    detail: 'Details',
    link: 'Link',
    state: 'State',
    open: 'Open',
    kind_DEADLINE_REMINDER: 'Due soon',
    kind_DEADLINE_OVERDUE: 'Overdue',
    kind_REFERRAL_RECEIVED: 'Referred case',
    kind_OTHER: 'Notice',
    exportName: 'notifications',
    live: 'Live',
  },
);

export type NotificationKindKey = 'kind_DEADLINE_REMINDER' | 'kind_DEADLINE_OVERDUE' | 'kind_REFERRAL_RECEIVED' | 'kind_OTHER';

export function kindKey(kind: string): NotificationKindKey {
  return kind === 'DEADLINE_REMINDER' || kind === 'DEADLINE_OVERDUE' || kind === 'REFERRAL_RECEIVED' ? `kind_${kind}` : 'kind_OTHER';
}

export const KIND_COLORS: Record<string, string> = { DEADLINE_REMINDER: 'gold', DEADLINE_OVERDUE: 'red', REFERRAL_RECEIVED: 'blue' };
