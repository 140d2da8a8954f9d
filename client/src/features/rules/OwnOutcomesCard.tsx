/**
 * 本单位增设的处理结果: the office proposes one (a code, a label, the standard outcome it behaves as); a
 * leader other than the proposer approves it (then the handling form offers it) or returns it with a comment.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { HANDLING_LABELS, HANDLING_OUTCOMES, type HandlingOutcome } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { canProposeRules, canReviewRules } from '../../app/permissions';
import { useFormProblem } from '../../app/useFormProblem';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { OWN_HANDLING_OUTCOMES } from '../inspections/operations';
import { PROPOSE_OWN_OUTCOME, RETIRE_OWN_OUTCOME, REVIEW_OWN_OUTCOME } from './operations';

const STATUS: Record<string, { label: string; color: string }> = {
  PENDING: { label: '待审定', color: 'gold' },
  ACTIVE: { label: '已审定可用', color: 'green' },
  RETURNED: { label: '已退回', color: 'default' },
  RETIRING: { label: '停用待审定', color: 'orange' },
  RETIRED: { label: '已停用', color: 'default' },
};
const FIELDS = ['code', 'label', 'behavesAs', 'reason'] as const;

interface ProposalValues {
  code: string;
  label: string;
  behavesAs: HandlingOutcome;
  reason: string;
}

function ProposeForm({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposalValues>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [propose, { loading }] = useMutation(PROPOSE_OWN_OUTCOME, { refetchQueries: ['OwnHandlingOutcomes'] });
  const submit = async (values: ProposalValues) => {
    clear();
    try {
      await propose({ variables: { ...values, code: values.code.trim().toUpperCase(), behavesAs: values.behavesAs as never } });
      void message.success('已提交，待分管领导审定后可用');
      form.resetFields();
      onDone();
    } catch (error) {
      report(error);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="own-outcome-form" style={{ maxWidth: 560 }}>
      <ProblemAlert problem={problem} testId="own-outcome-problem" />
      <Form.Item label="名称" name="label" rules={[{ required: true, whitespace: true, message: '请填写处理结果名称' }]}>
        <Input maxLength={30} placeholder="如：约谈、责令限期改正" data-testid="own-outcome-label" />
      </Form.Item>
      <Form.Item
        label="代码"
        name="code"
        extra="2–30 位大写字母、数字或下划线，以字母开头，如 INTERVIEW"
        rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{1,29}$/, message: '代码为 2–30 位字母、数字或下划线，以字母开头' }]}
      >
        <Input maxLength={30} data-testid="own-outcome-code" />
      </Form.Item>
      <Form.Item label="按哪一标准处理结果办理" name="behavesAs" rules={[{ required: true, message: '请选择' }]}>
        <Select data-testid="own-outcome-behaves" options={HANDLING_OUTCOMES.map((o) => ({ value: o, label: HANDLING_LABELS[o] }))} />
      </Form.Item>
      <Form.Item label="增设理由" name="reason" rules={[{ required: true, whitespace: true, message: '请说明增设理由' }]}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="own-outcome-reason" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="own-outcome-submit">
          提交审定
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}

function ReviewButtons({ id }: { id: string }) {
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [comment, setComment] = useState('');
  const [review, { loading }] = useMutation(REVIEW_OWN_OUTCOME, { refetchQueries: ['OwnHandlingOutcomes'] });
  const decide = async (approve: boolean) => {
    try {
      await review({ variables: { id, approve, comment: comment.trim() || null } });
      void message.success(approve ? '已审定' : '已退回');
    } catch (error) {
      notify(error);
    }
  };
  return (
    <Space>
      <Popconfirm title="审定通过后即生效（增设的可以选用，停用的不再可选）" onConfirm={() => decide(true)}>
        <Button size="small" type="primary" loading={loading} data-testid="own-outcome-approve">
          审定通过
        </Button>
      </Popconfirm>
      <Popconfirm
        title="退回意见"
        description={<Input.TextArea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="own-outcome-return-comment" />}
        onConfirm={() => decide(false)}
      >
        <Button size="small" loading={loading} data-testid="own-outcome-return">
          退回
        </Button>
      </Popconfirm>
    </Space>
  );
}

function RetireButton({ id }: { id: string }) {
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [reason, setReason] = useState('');
  const [retire, { loading }] = useMutation(RETIRE_OWN_OUTCOME, { refetchQueries: ['OwnHandlingOutcomes'] });
  return (
    <Popconfirm
      title="停用理由（经分管领导审定后停用，已有记录保留其名称）"
      description={<Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="own-outcome-retire-reason" />}
      onConfirm={async () => {
        try {
          await retire({ variables: { id, reason } });
          void message.success('已提出停用，待分管领导审定');
        } catch (error) {
          notify(error);
        }
      }}
    >
      <Button size="small" loading={loading} data-testid="own-outcome-retire">
        提出停用
      </Button>
    </Popconfirm>
  );
}

export function OwnOutcomesCard() {
  const user = useCurrentUser();
  const [proposing, setProposing] = useState(false);
  const { data } = useQuery(OWN_HANDLING_OUTCOMES, { variables: {}, fetchPolicy: 'cache-and-network' });
  const rows = data?.ownHandlingOutcomes ?? [];
  const canReview = canReviewRules(user);
  type Row = (typeof rows)[number];
  return (
    <Card
      title="本单位增设的处理结果"
      data-testid="own-outcomes"
      extra={
        canProposeRules(user) &&
        !proposing && (
          <Button onClick={() => setProposing(true)} data-testid="own-outcome-propose">
            增设处理结果
          </Button>
        )
      }
    >
      {proposing && <ProposeForm onDone={() => setProposing(false)} />}
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: '尚未增设（处理建议使用标准处理结果）' }}
        columns={[
          { key: 'label', title: '名称', render: (_: unknown, o: Row) => <span data-testid="own-outcome-row-label">{o.label}</span> },
          { key: 'code', title: '代码', dataIndex: 'code' },
          { key: 'as', title: '按', render: (_: unknown, o: Row) => HANDLING_LABELS[o.behavesAs as HandlingOutcome] },
          { key: 'reason', title: '理由', render: (_: unknown, o: Row) => (o.retireReason ? `${o.reason}；停用：${o.retireReason}` : o.reason) },
          { key: 'by', title: '提出人', render: (_: unknown, o: Row) => o.proposedBy ?? '—' },
          {
            key: 'status',
            title: '状态',
            render: (_: unknown, o: Row) => (
              <Tag color={STATUS[o.status]?.color} data-testid="own-outcome-status">
                {STATUS[o.status]?.label ?? o.status}
              </Tag>
            ),
          },
          { key: 'reviewer', title: '审定人', render: (_: unknown, o: Row) => o.reviewedBy ?? '—' },
          { key: 'comment', title: '审定意见', render: (_: unknown, o: Row) => o.reviewComment ?? '—' },
          {
            key: 'actions',
            title: '',
            render: (_: unknown, o: Row) =>
              (o.status === 'PENDING' || o.status === 'RETIRING') && canReview && !o.proposedByMe ? (
                <ReviewButtons id={o.id} />
              ) : o.status === 'ACTIVE' && canProposeRules(user) ? (
                <RetireButton id={o.id} />
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
