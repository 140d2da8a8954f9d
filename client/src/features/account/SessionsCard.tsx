/** 登录设备: the live sessions of the signed-in user; any but the current one can be signed out (下线). */
import type { HTMLAttributes } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { accountMessages } from './messages';
import { MY_SESSIONS, REVOKE_SESSION, type DeviceSession } from './operations';

export function SessionsCard() {
  const { t, lang } = useI18n();
  const m = useMessages(accountMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const { data, loading, error, refetch } = useQuery(MY_SESSIONS, { fetchPolicy: 'network-only' });
  const [revoke] = useMutation(REVOKE_SESSION);
  const { busyId, run } = useRowAction();

  const signOut = async (id: string) => {
    try {
      await revoke({ variables: { id } });
      void message.success(m('revoked'));
      await refetch();
    } catch (e) {
      notify(e);
    }
  };

  const columns = [
    {
      key: 'device',
      title: m('device'),
      render: (_: unknown, s: DeviceSession) => (
        <span>
          <Typography.Text ellipsis={{ tooltip: s.userAgent }} style={{ maxWidth: 360 }}>
            {s.userAgent ?? m('unknownDevice')}
          </Typography.Text>
          {s.current && (
            <Tag color="green" style={{ marginInlineStart: 8 }} data-testid="session-current">
              {m('currentDevice')}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'ip', title: m('ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    { key: 'createdAt', title: m('signedInAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
    { key: 'lastUsedAt', title: m('lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string) => formatDateTime(v, lang) },
    {
      key: 'actions',
      title: t('actions'),
      render: (_: unknown, s: DeviceSession) =>
        s.current ? null : (
          <Popconfirm title={m('revokeConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => run(s.id, () => signOut(s.id))}>
            <Button size="small" danger loading={busyId === s.id} data-testid="session-revoke">
              {m('revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card title={m('sessionsTitle')} data-testid="sessions-card">
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <Table<DeviceSession>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.mySessions ?? []}
          // The server lists at most 100 live sessions in one answer; page through them here.
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          onRow={(s) => ({ 'data-testid': 'session-row', 'data-id': s.id, 'data-current': String(s.current) }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </Card>
  );
}
