/**
 * 信用惩戒名单 (/credit-lists): the bureau's 黑名单 and 重点关注名单. The office proposes entries (a leader
 * approves them on the workbench) and decides the entities' credit repair requests; everyone of the
 * bureau reads both.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, DatePicker, Flex, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCurrentUser } from '../../app/current-user';
import { useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { creditMessages } from './messages';
import {
  CREDIT_ENTITY_SEARCH,
  CREDIT_LIST_ENTRIES,
  CREDIT_REPAIR_REQUESTS,
  DECIDE_CREDIT_REPAIR,
  PROPOSE_CREDIT_ENTRY,
  type CreditEntryRow,
  type CreditRepairRow,
} from './operations';
import type { CreditEntryStatus, CreditListKind } from '../../gql/graphql';

interface ProposeValues {
  entityId: string;
  list: CreditListKind;
  reason: string;
  legalBasis: string;
  decidedOn?: Dayjs;
  validUntil: Dayjs;
}

const STATUS_COLORS: Record<string, string> = { PENDING: 'gold', APPROVED: 'red', REJECTED: 'default', REPAIRED: 'green' };

function ProposeForm({ onDone }: { onDone: () => void }) {
  const m = useMessages(creditMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [form] = Form.useForm<ProposeValues>();
  const [search, setSearch] = useState('');
  const { data } = useQuery(CREDIT_ENTITY_SEARCH, { variables: { search }, skip: search.trim().length < 2 });
  const [propose, { loading }] = useMutation(PROPOSE_CREDIT_ENTRY);
  const options = (data?.entities.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}（${e.node.uscc}）` }));
  return (
    <Form<ProposeValues>
      form={form}
      layout="vertical"
      initialValues={{ list: 'BLACKLIST' as CreditListKind }}
      data-testid="credit-propose-form"
      onFinish={async (v) => {
        try {
          await propose({
            variables: {
              input: {
                entityId: v.entityId,
                list: v.list,
                reason: v.reason,
                legalBasis: v.legalBasis,
                decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : null,
                validUntil: v.validUntil.format('YYYY-MM-DD'),
              },
            },
          });
          void message.success(m('proposed'));
          form.resetFields();
          onDone();
        } catch (error) {
          notify(error);
        }
      }}
    >
      <Form.Item name="entityId" label={m('entity')} rules={[{ required: true, message: m('required') }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setSearch}
          options={options}
          placeholder={m('entitySearch')}
          notFoundContent={null}
          data-testid="credit-entity-select"
        />
      </Form.Item>
      <Form.Item name="list" label={m('list')}>
        <Segmented
          options={[
            { value: 'BLACKLIST' as CreditListKind, label: m('BLACKLIST') },
            { value: 'WATCH' as CreditListKind, label: m('WATCH') },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label={m('reason')} rules={[{ required: true, whitespace: true, message: m('required') }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="credit-reason" />
      </Form.Item>
      <Form.Item name="legalBasis" label={m('legalBasis')} rules={[{ required: true, whitespace: true, message: m('required') }]}>
        <Input maxLength={2000} data-testid="credit-legal-basis" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="decidedOn" label={m('decidedOn')}>
          <DatePicker data-testid="credit-decided-on" />
        </Form.Item>
        <Form.Item name="validUntil" label={m('validUntil')} rules={[{ required: true, message: m('required') }]}>
          <DatePicker data-testid="credit-valid-until" />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={loading} data-testid="credit-propose-submit">
        {m('submit')}
      </Button>
    </Form>
  );
}

function RepairDecision({ row, onDone }: { row: CreditRepairRow; onDone: () => void }) {
  const m = useMessages(creditMessages);
  const notify = useNotifyProblem();
  const [note, setNote] = useState('');
  const [decide, { loading }] = useMutation(DECIDE_CREDIT_REPAIR);
  const run = async (grant: boolean) => {
    try {
      await decide({ variables: { id: row.id, grant, note } });
      onDone();
    } catch (error) {
      notify(error);
    }
  };
  return (
    <Flex vertical gap={4}>
      <Input.TextArea rows={2} placeholder={m('decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="credit-repair-note" />
      <Space wrap>
        <Button size="small" type="primary" loading={loading} disabled={!note.trim()} onClick={() => run(true)} data-testid="credit-repair-grant">
          {m('grant')}
        </Button>
        <Button size="small" danger loading={loading} disabled={!note.trim()} onClick={() => run(false)} data-testid="credit-repair-refuse">
          {m('refuse')}
        </Button>
      </Space>
    </Flex>
  );
}

export function CreditListsPage() {
  const m = useMessages(creditMessages);
  const user = useCurrentUser();
  const office = user.me.roles.includes('OFFICE');
  const [status, setStatus] = useState<CreditEntryStatus | 'ALL'>('ALL');
  const entries = useQuery(CREDIT_LIST_ENTRIES, { variables: { status: status === 'ALL' ? null : status }, fetchPolicy: 'cache-and-network' });
  const repairs = useQuery(CREDIT_REPAIR_REQUESTS, { fetchPolicy: 'cache-and-network' });
  const refresh = () => {
    void entries.refetch();
    void repairs.refetch();
  };
  const entryColumns = [
    { title: m('entity'), key: 'entity', render: (_: unknown, r: CreditEntryRow) => `${r.entityName}（${r.entityUscc}）` },
    { title: m('list'), key: 'list', render: (_: unknown, r: CreditEntryRow) => <Tag color={r.list === 'BLACKLIST' ? 'red' : 'orange'}>{m(r.list)}</Tag> },
    { title: m('reason'), dataIndex: 'reason', key: 'reason' },
    { title: m('legalBasis'), dataIndex: 'legalBasis', key: 'legalBasis' },
    { title: m('period'), key: 'period', render: (_: unknown, r: CreditEntryRow) => `${r.decidedOn} ～ ${r.validUntil}` },
    {
      title: m('status'),
      key: 'status',
      render: (_: unknown, r: CreditEntryRow) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[r.status]}>{m(r.status)}</Tag>
          {r.inForce && <Tag color="volcano">{m('inForce')}</Tag>}
        </Space>
      ),
    },
    { title: m('proposedBy'), dataIndex: 'proposedByName', key: 'proposedBy' },
  ];
  const repairColumns = [
    { title: m('entity'), key: 'entity', render: (_: unknown, r: CreditRepairRow) => `${r.entry.entityName}（${m(r.entry.list)}）` },
    { title: m('repairReasons'), dataIndex: 'reasons', key: 'reasons' },
    { title: m('submittedAt'), key: 'submittedAt', render: (_: unknown, r: CreditRepairRow) => new Date(r.submittedAt as string).toLocaleString('zh-CN') },
    {
      title: m('status'),
      key: 'status',
      render: (_: unknown, r: CreditRepairRow) => (
        <Flex vertical gap={4}>
          <Tag>{m(r.status)}</Tag>
          {r.decisionNote && <Typography.Text type="secondary">{`${m('note')}：${r.decisionNote}`}</Typography.Text>}
          {r.reviewComment && <Typography.Text type="secondary">{`${m('comment')}：${r.reviewComment}`}</Typography.Text>}
        </Flex>
      ),
    },
    ...(office
      ? [
          {
            title: m('decisionNote'),
            key: 'decide',
            render: (_: unknown, r: CreditRepairRow) => (r.status === 'SUBMITTED' ? <RepairDecision row={r} onDone={refresh} /> : null),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={16} style={{ width: '100%' }} data-testid="credit-lists-page">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {m('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{m('intro')}</Typography.Text>
      </Card>
      {office && (
        <Card title={m('propose')}>
          <ProposeForm onDone={refresh} />
        </Card>
      )}
      <Card
        title={m('entries')}
        extra={
          <Segmented<CreditEntryStatus | 'ALL'>
            size="small"
            value={status}
            onChange={setStatus}
            options={[
              { value: 'ALL', label: m('all') },
              { value: 'PENDING', label: m('PENDING') },
              { value: 'APPROVED', label: m('APPROVED') },
              { value: 'REPAIRED', label: m('REPAIRED') },
              { value: 'REJECTED', label: m('REJECTED') },
            ]}
          />
        }
      >
        <Table<CreditEntryRow>
          rowKey="id"
          size="small"
          loading={entries.loading && !entries.data}
          dataSource={entries.data?.creditListEntries ?? []}
          columns={entryColumns}
          locale={{ emptyText: m('empty') }}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="credit-entries"
        />
      </Card>
      <Card title={m('repairs')}>
        <Table<CreditRepairRow>
          rowKey="id"
          size="small"
          loading={repairs.loading && !repairs.data}
          dataSource={repairs.data?.creditRepairRequests ?? []}
          columns={repairColumns}
          locale={{ emptyText: m('repairsEmpty') }}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="credit-repairs"
        />
      </Card>
    </Flex>
  );
}
