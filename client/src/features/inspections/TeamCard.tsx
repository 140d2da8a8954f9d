/**
 * 检查组 and their confirmations: each member has confirmed the record as it now reads, confirmed an
 * earlier wording (to do again), or not at all; the signed-in member confirms here.
 */
import type { HTMLAttributes } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { inspectionMessages } from './messages';
import { CONFIRM_INSPECTION, type InspectionDetail, type TeamMember } from './operations';

interface Props {
  record: InspectionDetail;
  /** The record is a draft or returned (confirmations count only then). */
  open: boolean;
  /** The form holds changes not saved yet: confirming now would confirm the old wording. */
  dirty: boolean;
}

export function TeamCard({ record, open, dirty }: Props) {
  const { lang } = useI18n();
  const m = useMessages(inspectionMessages);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [confirm, { loading }] = useMutation(CONFIRM_INSPECTION);
  const confirmationOf = (member: TeamMember) => record.confirmations.find((c) => c.inspector?.id === member.id);

  const confirmNow = async () => {
    try {
      await confirm({ variables: { id: record.id } });
      void message.success(m('confirmedToast'));
    } catch (error) {
      notify(error);
    }
  };

  const columns = [
    {
      key: 'name',
      title: m('member'),
      render: (_: unknown, member: TeamMember) => (
        <Space direction="vertical" size={0}>
          <span>{`${member.name}${member.user?.id === user.me.id ? m('you') : ''}`}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={m('certificateNo')}>
            {member.certificateNo}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'confirmation',
      title: m('confirmation'),
      render: (_: unknown, member: TeamMember) => {
        const c = confirmationOf(member);
        if (!c)
          return (
            <Tag data-testid="confirmation-state" data-state="NONE">
              {m('notConfirmed')}
            </Tag>
          );
        return c.current ? (
          <Tag color="green" icon={<CheckCircleOutlined aria-hidden />} data-testid="confirmation-state" data-state="CURRENT">
            {m('confirmedCurrent')} · {formatDateTime(c.confirmedAt, lang)}
          </Tag>
        ) : (
          <Tag color="orange" data-testid="confirmation-state" data-state="STALE">
            {m('confirmedStale')}
          </Tag>
        );
      },
    },
    {
      key: 'action',
      title: '',
      render: (_: unknown, member: TeamMember) =>
        open && member.user?.id === user.me.id && !confirmationOf(member)?.current ? (
          <Tooltip title={dirty ? m('unsaved') : m('confirmHint')}>
            <Button type="primary" size="small" loading={loading} disabled={dirty} onClick={() => void confirmNow()} data-testid="record-confirm">
              {m('confirm')}
            </Button>
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <Card title={m('confirmations')} data-testid="team-card">
      {open && (
        <Alert
          type={record.allConfirmed ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={record.allConfirmed ? m('allConfirmed') : m('notAllConfirmed')}
          data-testid="all-confirmed"
          data-confirmed={record.allConfirmed}
        />
      )}
      <Table<TeamMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={record.team}
        pagination={false}
        onRow={(member) => ({ 'data-testid': 'team-row', 'data-name': member.name }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
