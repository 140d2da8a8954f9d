/** 登录记录: the user's own sign-ins, failed attempts and lock-outs, newest first, page by page. */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Card, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { CursorPager } from '../../components/CursorPager';
import { connectionPages } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { accountMessages } from './messages';
import { SIGN_IN_HISTORY, type SignInEvent } from './operations';

const ACTION_COLORS: Record<string, string> = { 'auth.login': 'green', 'auth.login_failed': 'orange', 'auth.locked': 'red' };
const KNOWN_ACTIONS = new Set(['auth.login', 'auth.login_failed', 'auth.locked'] as const);

/** What the server recorded with a sign-in (the audit event's JSON `after`). */
function details(e: SignInEvent): { ip?: string | null; userAgent?: string | null } {
  return (e.after ?? {}) as { ip?: string | null; userAgent?: string | null };
}
export function SignInHistoryCard() {
  const { t, lang } = useI18n();
  const m = useMessages(accountMessages);
  const client = useApolloClient();
  const pages = useCursorPages(10);
  const { data, loading, error } = useQuery(SIGN_IN_HISTORY, {
    variables: { first: pages.first, after: pages.after },
    fetchPolicy: 'network-only',
  });
  const history = data?.signInHistory;

  const actionLabel = (action: string) =>
    KNOWN_ACTIONS.has(action as 'auth.login') ? m(action as 'auth.login' | 'auth.login_failed' | 'auth.locked') : action;

  const columns = [
    { key: 'time', title: m('time'), dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v, lang) },
    {
      key: 'action',
      title: m('result'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tag color={ACTION_COLORS[action] ?? 'default'} data-action={action}>
          {actionLabel(action)}
        </Tag>
      ),
    },
    { key: 'ip', title: m('ip'), render: (_: unknown, e: SignInEvent) => details(e).ip ?? '—' },
    {
      key: 'device',
      title: m('device'),
      render: (_: unknown, e: SignInEvent) => (
        <Typography.Text ellipsis={{ tooltip: details(e).userAgent }} style={{ maxWidth: 360 }}>
          {details(e).userAgent ?? '—'}
        </Typography.Text>
      ),
    },
  ];

  const exportSpec = () => ({
    fileName: m('historyTitle'),
    columns: [
      { title: m('time'), value: (e: SignInEvent) => formatDateTime(e.occurredAt, lang) },
      { title: m('result'), value: (e: SignInEvent) => actionLabel(e.action) },
      { title: m('ip'), value: (e: SignInEvent) => details(e).ip ?? '' },
      { title: m('device'), value: (e: SignInEvent) => details(e).userAgent ?? '' },
    ],
    fetchPage: connectionPages(client, SIGN_IN_HISTORY, {}, (page) => page.signInHistory),
  });

  return (
    <Card title={m('historyTitle')} data-testid="sign-in-history-card" extra={<ExportCsvButton spec={exportSpec} testId="sign-in-history-export" />}>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<SignInEvent>
            rowKey="id"
            size="small"
            loading={loading}
            columns={columns}
            dataSource={history?.edges.map((e) => e.node) ?? []}
            pagination={false}
          />
          <CursorPager pages={pages} totalCount={history?.totalCount ?? 0} pageInfo={history?.pageInfo} loading={loading} testId="sign-in-history-pager" />
        </>
      )}
    </Card>
  );
}
