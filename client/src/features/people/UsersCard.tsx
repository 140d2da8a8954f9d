/**
 * 人员: everyone in the unit, paged, with roles and status; invite, edit, deactivate / reactivate and
 * reset password. Rows holding a role above one's own reach show no actions (the server refuses them).
 */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { CursorPager } from '../../components/CursorPager';
import { connectionPages } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { OneTimeCodeModal, type IssuedCode } from '../../components/OneTimeCodeModal';
import { EditUserModal } from './EditUserModal';
import { useGrantableRoles } from './fields';
import { InviteUserModal } from './InviteUserModal';
import { peopleMessages } from './messages';
import { DEACTIVATE_USER, REACTIVATE_USER, RESET_USER_PASSWORD, USERS, type UserRow, type UserStatus } from './operations';

const STATUS_COLORS: Record<UserStatus, string> = { INVITED: 'gold', ACTIVE: 'green', DEACTIVATED: 'default' };

export function UsersCard() {
  const { t, lang } = useI18n();
  const m = useMessages(peopleMessages);
  const { me } = useCurrentUser();
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const client = useApolloClient();
  const { busyId, run } = useRowAction();
  const grantable = useGrantableRoles();
  const pages = useCursorPages(20);
  const { data, loading, error } = useQuery(USERS, { variables: { first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const [deactivate] = useMutation(DEACTIVATE_USER);
  const [reactivate] = useMutation(REACTIVATE_USER);
  const [reset] = useMutation(RESET_USER_PASSWORD);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const connection = data?.users;

  const toggleActive = async (user: UserRow) => {
    try {
      if (user.status === 'DEACTIVATED') {
        await reactivate({ variables: { id: user.id } });
        void message.success(m('reactivated', { name: user.displayName }));
      } else {
        await deactivate({ variables: { id: user.id } });
        void message.success(m('deactivated', { name: user.displayName }));
      }
    } catch (e) {
      notify(e);
    }
  };

  const resetPassword = async (user: UserRow) => {
    try {
      const { data: result } = await reset({ variables: { id: user.id } });
      if (!result) return;
      const { invitation } = result.resetUserPassword;
      setIssued({ username: user.username, code: invitation.code, expiresAt: invitation.expiresAt, context: m('resetContext', { name: user.displayName }) });
    } catch (e) {
      notify(e);
    }
  };

  const columns = [
    { key: 'username', title: m('username'), dataIndex: 'username' },
    {
      key: 'displayName',
      title: m('displayName'),
      render: (_: unknown, u: UserRow) => (
        <span>
          {u.displayName}
          {u.id === me.id && <Typography.Text type="secondary">{m('you')}</Typography.Text>}
        </span>
      ),
    },
    {
      key: 'roles',
      title: m('roles'),
      render: (_: unknown, u: UserRow) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((role) => (
            <Tag color="blue" key={role} data-role={role}>
              {ROLE_LABELS[role]?.[lang] ?? role}
            </Tag>
          ))}
          {u.pendingRoleGrant && (
            <Tag color="gold" data-testid="user-pending-grant">
              {m('rolesAwaitingApproval', { roles: u.pendingRoleGrant.addedRoles.map((role) => ROLE_LABELS[role]?.[lang] ?? role).join('、') })}
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'department', title: m('department'), render: (_: unknown, u: UserRow) => u.department?.name ?? '—' },
    {
      key: 'status',
      title: m('status'),
      dataIndex: 'status',
      render: (status: UserStatus) => (
        <Tag color={STATUS_COLORS[status]} data-testid="user-status" data-status={status}>
          {m(status)}
        </Tag>
      ),
    },
    { key: 'lastLoginAt', title: m('lastLoginAt'), dataIndex: 'lastLoginAt', render: (v: string | null) => formatDateTime(v, lang) },
    {
      key: 'actions',
      title: t('actions'),
      render: (_: unknown, u: UserRow) => {
        if (!u.roles.every((role) => grantable.includes(role))) return null;
        const self = u.id === me.id;
        const active = u.status !== 'DEACTIVATED';
        return (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setEditing(u)} data-testid="user-edit">
              {t('edit')}
            </Button>
            {!self && (
              <Popconfirm
                title={m(active ? 'deactivateConfirm' : 'reactivateConfirm', { name: u.displayName })}
                okText={t('confirm')}
                cancelText={t('cancel')}
                onConfirm={() => run(u.id, () => toggleActive(u))}
              >
                <Button size="small" danger={active} loading={busyId === u.id} data-testid="user-toggle-active">
                  {m(active ? 'deactivate' : 'reactivate')}
                </Button>
              </Popconfirm>
            )}
            {active && (
              <Popconfirm
                title={m('resetConfirm', { name: u.displayName })}
                okText={t('confirm')}
                cancelText={t('cancel')}
                onConfirm={() => run(u.id, () => resetPassword(u))}
              >
                <Button size="small" disabled={busyId === u.id} data-testid="user-reset-password">
                  {m('resetPassword')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  const exportSpec = () => ({
    fileName: m('usersTitle'),
    columns: [
      { title: m('username'), value: (u: UserRow) => u.username },
      { title: m('displayName'), value: (u: UserRow) => u.displayName },
      { title: m('roles'), value: (u: UserRow) => u.roles.map((role) => ROLE_LABELS[role]?.[lang] ?? role).join('、') },
      { title: m('department'), value: (u: UserRow) => u.department?.name ?? '' },
      { title: m('status'), value: (u: UserRow) => m(u.status) },
      { title: m('lastLoginAt'), value: (u: UserRow) => formatDateTime(u.lastLoginAt, lang) },
    ],
    fetchPage: connectionPages(client, USERS, {}, (page) => page.users),
  });

  return (
    <Card
      title={m('usersTitle')}
      data-testid="users-card"
      extra={
        <Space>
          <ExportCsvButton spec={exportSpec} testId="users-export" />
          <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setInviting(true)} data-testid="user-invite">
            {m('invite')}
          </Button>
        </Space>
      }
    >
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<UserRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="users-pager" />
        </>
      )}
      <InviteUserModal open={inviting} onClose={() => setInviting(false)} onInvited={setIssued} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <OneTimeCodeModal issued={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
