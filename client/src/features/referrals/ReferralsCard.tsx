/**
 * The referrals (移送) of one inspection record and their state, on the record's page: the office
 * proposes one (approved or published records), the leader approves or declines it, and for an
 * external body the office records what the body reported.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Flex, Form, Input, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { NEXT_STEPS, REFERRAL_STATUS_COLORS, referralMessages } from './messages';
import { APPROVE_REFERRAL, RECORD_REFERRALS, REJECT_REFERRAL, WITHDRAW_REFERRAL, type OwnReferral } from './operations';
import { ReferralStepButton } from './ReferralStepModal';
import { ReferButton } from './ReferButton';

const REFERABLE = ['APPROVED', 'PUBLISHED'];

export function ReferralsCard({ inspectionId, status }: { inspectionId: string; status: string }) {
  const m = useMessages(referralMessages);
  const user = useCurrentUser();
  const { data } = useQuery(RECORD_REFERRALS, { variables: { id: inspectionId }, fetchPolicy: 'cache-and-network' });
  const node = data?.node?.__typename === 'Inspection' ? data.node : null;
  const referrals = node?.referrals ?? [];
  const office = user.me.roles.includes('OFFICE');
  const canRefer = office && REFERABLE.includes(status);
  if (!referrals.length && !canRefer) return null;
  return (
    <Card title={m('cardTitle')} data-testid="referrals-card" extra={canRefer && <ReferButton inspectionId={inspectionId} />}>
      <List
        dataSource={referrals}
        locale={{ emptyText: m('empty') }}
        renderItem={(r) => (
          <List.Item data-testid="referral-item" data-status={r.status}>
            <ReferralSummary referral={r} />
          </List.Item>
        )}
      />
    </Card>
  );
}

function ReferralSummary({ referral: r }: { referral: OwnReferral }) {
  const m = useMessages(referralMessages);
  const user = useCurrentUser();
  const roles = user.me.roles;
  const receiver = [r.targetBureauName, r.targetDepartmentName].filter(Boolean).join(' · ');
  const dated = (key: 'sentOn' | 'acceptDueOn' | 'acceptedOn' | 'returnedOn' | 'filedOn' | 'notFiledOn' | 'closedOn') =>
    r[key] ? [{ key, label: m(key), children: r[key] }] : [];
  const noted = (key: 'returnReason' | 'caseNo' | 'notFiledReason' | 'closingNote' | 'decisionNote') =>
    r[key] ? [{ key, label: m(key), children: r[key] }] : [];
  return (
    <Flex vertical gap={8} style={{ width: '100%', minWidth: 0 }}>
      <Space wrap>
        <Tag color={REFERRAL_STATUS_COLORS[r.status]} data-testid="referral-status">
          {m(r.status)}
        </Tag>
        <Typography.Text strong style={{ wordBreak: 'break-all' }}>
          {receiver}
        </Typography.Text>
        <Tag>{m(r.targetKind)}</Tag>
      </Space>
      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{r.reason}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          ...dated('sentOn'),
          ...dated('acceptDueOn'),
          ...dated('acceptedOn'),
          ...dated('returnedOn'),
          ...noted('returnReason'),
          ...dated('filedOn'),
          ...noted('caseNo'),
          ...dated('notFiledOn'),
          ...noted('notFiledReason'),
          ...dated('closedOn'),
          ...noted('closingNote'),
          ...noted('decisionNote'),
        ]}
      />
      <Space wrap>
        {r.status === 'PROPOSED' && roles.includes('LEADER') && <DecisionButtons id={r.id} />}
        {r.status === 'PROPOSED' && roles.includes('OFFICE') && <WithdrawButton id={r.id} />}
        {r.targetKind === 'EXTERNAL' &&
          roles.includes('OFFICE') &&
          (NEXT_STEPS[r.status] ?? []).map((step) => <ReferralStepButton key={step} id={r.id} step={step} external refetch={['RecordReferrals']} />)}
      </Space>
    </Flex>
  );
}

function DecisionButtons({ id }: { id: string }) {
  const { t } = useI18n();
  const m = useMessages(referralMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [approve, approving] = useMutation(APPROVE_REFERRAL);
  const [reject, rejecting] = useMutation(REJECT_REFERRAL);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const refetchQueries = ['RecordReferrals'];
  return (
    <>
      <Popconfirm
        title={m('approveConfirm')}
        okText={t('confirm')}
        cancelText={t('cancel')}
        onConfirm={() =>
          void approve({ variables: { id }, refetchQueries }).then(
            () => void message.success(m('approved')),
            (e: unknown) => notify(e),
          )
        }
      >
        <Button type="primary" size="small" loading={approving.loading} data-testid="referral-approve">
          {m('approve')}
        </Button>
      </Popconfirm>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid="referral-reject">
        {m('reject')}
      </Button>
      <Modal
        open={open}
        title={m('rejectTitle')}
        onCancel={() => setOpen(false)}
        confirmLoading={rejecting.loading}
        destroyOnHidden
        onOk={async () => {
          const { note } = await form.validateFields();
          try {
            await reject({ variables: { id, note: note.trim() }, refetchQueries });
            void message.success(m('rejected'));
            setOpen(false);
          } catch (e) {
            notify(e);
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item label={m('note')} name="note" rules={[{ required: true, whitespace: true, message: m('noteRequired') }, { max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="referral-reject-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function WithdrawButton({ id }: { id: string }) {
  const m = useMessages(referralMessages);
  const notify = useNotifyProblem();
  const [withdraw, { loading }] = useMutation(WITHDRAW_REFERRAL);
  return (
    <Button size="small" loading={loading} onClick={() => void withdraw({ variables: { id }, refetchQueries: ['RecordReferrals'] }).catch(notify)}>
      {m('withdraw')}
    </Button>
  );
}
