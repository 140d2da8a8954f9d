/**
 * 角色授予审批 (four eyes): grants of the office, leader or supervisor roles wait here until a second
 * person decides them. Everyone who reads them sees the list; only the one the server names (`canDecide`:
 * a leader who neither proposed nor receives it, or the operator for a unit without a leader) gets the buttons.
 */
import { useState, type HTMLAttributes } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { ROLE_LABELS, type Role } from '@spotcheck/shared';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { ProblemAlert } from '../../components/ProblemAlert';
import { peopleMessages } from './messages';
import { APPROVE_ROLE_GRANT, REJECT_ROLE_GRANT, ROLE_GRANTS, type RoleGrantRow, type RoleGrantStatus } from './operations';

const STATUS_COLORS: Record<RoleGrantStatus, string> = { PENDING: 'gold', APPROVED: 'green', REJECTED: 'red', SUPERSEDED: 'default' };

export function RoleGrantsCard({ showBureau = false }: { showBureau?: boolean }) {
  const { t, lang } = useI18n();
  const m = useMessages(peopleMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const { busyId, run } = useRowAction();
  const [onlyPending, setOnlyPending] = useState(true);
  const { data, loading, error } = useQuery(ROLE_GRANTS, { variables: { status: onlyPending ? 'PENDING' : null }, fetchPolicy: 'cache-and-network' });
  const [approve] = useMutation(APPROVE_ROLE_GRANT);
  const [rejecting, setRejecting] = useState<RoleGrantRow | null>(null);
  const roleNames = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]?.[lang] ?? r).join('、') || '—';
  const refetchQueries = ['RoleGrants', 'Users'];

  const approveGrant = async (grant: RoleGrantRow) => {
    try {
      await approve({ variables: { id: grant.id }, refetchQueries });
      void message.success(m('grantApproved', { user: grant.username }));
    } catch (e) {
      notify(e);
    }
  };

  const columns = [
    { key: 'username', title: m('grantUser'), dataIndex: 'username' },
    ...(showBureau ? [{ key: 'tenant', title: m('grantBureau'), render: (_: unknown, g: RoleGrantRow) => g.tenant?.name ?? '—' }] : []),
    { key: 'rolesBefore', title: m('grantRolesBefore'), render: (_: unknown, g: RoleGrantRow) => roleNames(g.rolesBefore) },
    {
      key: 'roles',
      title: m('grantRoles'),
      render: (_: unknown, g: RoleGrantRow) => (
        <Space size={[4, 4]} wrap>
          {g.roles.map((role) => (
            <Tag key={role} color={g.addedRoles.includes(role) ? 'gold' : 'blue'}>
              {ROLE_LABELS[role]?.[lang] ?? role}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'proposedBy', title: m('grantProposedBy'), render: (_: unknown, g: RoleGrantRow) => `${g.proposedByName}（${formatDateTime(g.proposedAt, lang)}）` },
    {
      key: 'status',
      title: m('grantStatus'),
      render: (_: unknown, g: RoleGrantRow) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLORS[g.status]} data-testid="grant-status" data-status={g.status}>
            {m(g.status)}
          </Tag>
          {g.decidedByName && <Typography.Text type="secondary">{`${g.decidedByName}${g.decisionNote ? `：${g.decisionNote}` : ''}`}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: m('grantDecision'),
      render: (_: unknown, g: RoleGrantRow) =>
        g.canDecide ? (
          <Space size={4}>
            <Popconfirm
              title={m('approveGrantConfirm', { user: g.username, roles: roleNames(g.addedRoles) })}
              okText={t('confirm')}
              cancelText={t('cancel')}
              onConfirm={() => run(g.id, () => approveGrant(g))}
            >
              <Button size="small" type="primary" loading={busyId === g.id} data-testid="grant-approve">
                {m('approveGrant')}
              </Button>
            </Popconfirm>
            <Button size="small" danger disabled={busyId === g.id} onClick={() => setRejecting(g)} data-testid="grant-reject">
              {m('rejectGrant')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={m('grantsTitle')}
      data-testid="role-grants-card"
      extra={
        <Segmented<string>
          value={onlyPending ? 'pending' : 'all'}
          onChange={(v) => setOnlyPending(v === 'pending')}
          options={[
            { value: 'pending', label: m('grantsPending') },
            { value: 'all', label: m('grantsAll') },
          ]}
          data-testid="role-grants-filter"
        />
      }
    >
      <Typography.Paragraph type="secondary">{m('fourEyesRule')}</Typography.Paragraph>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <Table<RoleGrantRow>
          rowKey="id"
          size="small"
          loading={loading && !data}
          columns={columns}
          dataSource={data?.roleGrants ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: m('noGrants') }}
          onRow={(g) => ({ 'data-testid': 'grant-row', 'data-username': g.username }) as HTMLAttributes<HTMLElement>}
        />
      )}
      <RejectGrantModal grant={rejecting} onClose={() => setRejecting(null)} refetchQueries={refetchQueries} />
    </Card>
  );
}

function RejectGrantModal({ grant, onClose, refetchQueries }: { grant: RoleGrantRow | null; onClose: () => void; refetchQueries: string[] }) {
  const { t } = useI18n();
  const m = useMessages(peopleMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const { problem, report, clear } = useFormProblem(form, ['note']);
  const [reject, { loading }] = useMutation(REJECT_ROLE_GRANT);
  const close = () => {
    clear();
    onClose();
  };
  const submit = async ({ note }: { note: string }) => {
    if (!grant) return;
    clear();
    try {
      await reject({ variables: { id: grant.id, note: note.trim() }, refetchQueries });
      void message.success(m('grantRejected', { user: grant.username }));
      close();
    } catch (error) {
      report(error);
    }
  };
  return (
    <Modal
      open={grant !== null}
      title={`${m('rejectGrant')}${grant ? `：${grant.username}` : ''}`}
      onCancel={close}
      onOk={() => form.submit()}
      okText={m('rejectGrant')}
      cancelText={t('cancel')}
      confirmLoading={loading}
      okButtonProps={{ danger: true, 'data-testid': 'grant-reject-submit' } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} testId="grant-reject-error" />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label={m('rejectReason')} name="note" rules={[{ required: true, whitespace: true, message: m('rejectReasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="grant-reject-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
