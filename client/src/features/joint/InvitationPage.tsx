/**
 * One invitation to a joint task, as the invited bureau sees it: the lead's task, the answer (accept or
 * decline with a note), the department's own part (items, inspectors, which lead items it joins), and
 * after the draw the targets drawn for it with its inspectors in each team.
 */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { formatRatio } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { PATHS } from '../../app/navigation';
import { canAnswerInvitation, canOpenInspection } from '../../app/permissions';
import { useCursorPages } from '../../app/useCursorPages';
import { useFormProblem } from '../../app/useFormProblem';
import { BackLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { connectionPages } from '../../components/csv-pages';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { JointRecordButton } from '../inspections/JointRecordButton';
import { jointMessages, STATUS_COLORS } from './messages';
import {
  JOINT_DRAWN_ENTITIES,
  JOINT_INVITATION,
  JOINT_PART_OPTIONS,
  RESPOND_JOINT_INVITATION,
  SAVE_JOINT_PART,
  type DrawnEntityRow,
  type InvitationDetail,
} from './operations';

export function InvitationPage({ id }: { id: string }) {
  const { lang } = useI18n();
  const m = useMessages(jointMessages);
  const user = useCurrentUser();
  const { data, error } = useQuery(JOINT_INVITATION, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const part = data?.node.__typename === 'JointParticipation' ? data.node : null;
  if (!part) return <QueryState error={error} />;
  const mayAnswer = canAnswerInvitation(user, part.department?.id);
  const leadOpen = part.task.status === 'DRAFT';
  const taskStatus = ['DRAFT', 'COMMITTED', 'DRAWN', 'CANCELLED'].includes(part.task.status) ? m(part.task.status as 'DRAFT') : part.task.status;

  return (
    <Flex vertical gap={16} style={{ width: '100%' }} data-testid="invitation-page">
      <BackLink to={PATHS.jointInvitations} />
      <Card
        title={
          <Space wrap>
            <span data-testid="invitation-title">{part.task.title}</span>
            <Tag color={STATUS_COLORS[part.status]} data-testid="invitation-status" data-status={part.status}>
              {m(part.status)}
            </Tag>
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'lead', label: m('leadBureau'), children: part.task.leadBureauName },
            { key: 'leadDept', label: m('leadDepartment'), children: part.task.leadDepartmentName ?? '—' },
            { key: 'dept', label: m('invitedDepartment'), children: part.department ? `${part.department.bureauName} · ${part.department.name}` : '—' },
            { key: 'taskStatus', label: m('taskStatus'), children: taskStatus },
            { key: 'period', label: m('period'), children: `${part.task.startsOn} — ${part.task.endsOn}` },
            { key: 'teamSize', label: m('teamSize'), children: part.task.teamSize },
            { key: 'message', label: m('message'), children: part.message ?? '—', span: 2 },
            { key: 'purpose', label: m('purpose'), children: part.task.purpose, span: 2 },
            { key: 'procedure', label: m('procedure'), children: part.task.procedure, span: 2 },
            { key: 'division', label: m('divisionOfLabour'), children: part.task.divisionOfLabour, span: 2 },
            { key: 'confidentiality', label: m('confidentiality'), children: part.task.confidentiality, span: 2 },
            { key: 'leadItems', label: m('leadItems'), children: part.task.leadItems.map((i) => `${i.name}（${formatRatio(i.ratio)}）`).join('；'), span: 2 },
            { key: 'invitedAt', label: m('invitedAt'), children: formatDateTime(part.createdAt, lang) },
            { key: 'note', label: m('note'), children: part.responseNote ?? '—' },
          ]}
        />
      </Card>
      {part.status === 'INVITED' && leadOpen && (mayAnswer ? <AnswerCard part={part} /> : <Alert type="info" showIcon title={m('cannotAnswer')} />)}
      {part.status === 'ACCEPTED' && <PartCard part={part} editable={mayAnswer && leadOpen} />}
      {part.status === 'ACCEPTED' && (part.task.status === 'DRAWN' ? <DrawnCard partId={part.id} /> : <Alert type="info" showIcon title={m('notDrawn')} />)}
    </Flex>
  );
}

function AnswerCard({ part }: { part: InvitationDetail }) {
  const m = useMessages(jointMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const { problem, report, clear } = useFormProblem(form, ['note']);
  const [respond, { loading }] = useMutation(RESPOND_JOINT_INVITATION);
  const [declining, setDeclining] = useState(false);

  const answer = async (accept: boolean) => {
    clear();
    setDeclining(!accept);
    try {
      // Declining needs a reason: check the field first (the rule depends on the button pressed).
      if (!accept) await form.validateFields();
      const note = (form.getFieldValue('note') as string | undefined)?.trim() || null;
      await respond({ variables: { id: part.id, accept, note }, refetchQueries: ['JointInvitations'] });
      void message.success(m(accept ? 'accepted' : 'declined'));
    } catch (error) {
      if (error && typeof error === 'object' && 'errorFields' in error) return;
      report(error);
    }
  };

  return (
    <Card title={m('answer')} data-testid="invitation-answer">
      <ProblemAlert problem={problem} testId="invitation-answer-error" />
      <Form form={form} layout="vertical" disabled={loading}>
        <Form.Item label={m('note')} name="note" rules={[{ required: declining, whitespace: true, message: m('noteRequiredToDecline') }, { max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={m('notePlaceholder')} data-testid="invitation-note" />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            loading={loading && !declining}
            onClick={() => void answer(true)}
            data-testid="invitation-accept"
          >
            {m('accept')}
          </Button>
          <Button
            danger
            icon={<CloseOutlined aria-hidden />}
            loading={loading && declining}
            onClick={() => void answer(false)}
            data-testid="invitation-decline"
          >
            {m('decline')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

interface PartForm {
  itemIds: string[];
  inspectorIds: string[];
  leadItemIds: string[];
}

function PartCard({ part, editable }: { part: InvitationDetail; editable: boolean }) {
  const { t } = useI18n();
  const m = useMessages(jointMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<PartForm>();
  const { problem, report, clear } = useFormProblem(form, ['itemIds', 'inspectorIds', 'leadItemIds']);
  const options = useQuery(JOINT_PART_OPTIONS, { skip: !editable, fetchPolicy: 'cache-and-network' });
  const [save, { loading }] = useMutation(SAVE_JOINT_PART);
  // What is already chosen stays selectable even if it is no longer offered (e.g. an inspector since suspended).
  const itemOptions = new Map([
    ...part.items.map((i) => [i.id, i.name] as const),
    ...(options.data?.items.edges ?? []).map((e) => [e.node.id, e.node.name] as const),
  ]);
  const inspectorOptions = new Map([
    ...part.inspectors.map((i) => [i.id, `${i.name}（${i.certificateNo}）`] as const),
    ...(options.data?.inspectors.edges ?? []).map(
      (e) => [e.node.id, `${e.node.name}（${e.node.certificateNo}）${e.node.department ? ` · ${e.node.department.name}` : ''}`] as const,
    ),
  ]);

  const submit = async (values: PartForm) => {
    clear();
    try {
      await save({ variables: { id: part.id, input: { itemIds: values.itemIds, inspectorIds: values.inspectorIds, leadItemIds: values.leadItemIds } } });
      void message.success(m('partSaved'));
    } catch (error) {
      report(error);
    }
  };

  return (
    <Card title={m('part')} data-testid="invitation-part">
      {editable ? (
        <Typography.Paragraph type="secondary">{m('partHint')}</Typography.Paragraph>
      ) : (
        <Alert type="info" showIcon title={m('partLocked')} style={{ marginBottom: 16 }} />
      )}
      <ProblemAlert problem={problem} testId="invitation-part-error" />
      <Form<PartForm>
        form={form}
        layout="vertical"
        disabled={!editable || loading}
        onFinish={submit}
        initialValues={{ itemIds: part.items.map((i) => i.id), inspectorIds: part.inspectors.map((i) => i.id), leadItemIds: part.leadItemIds }}
      >
        <Form.Item label={m('ownItems')} name="itemIds" rules={[{ required: true, type: 'array', min: 1, message: m('ownItemsRequired') }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={[...itemOptions].map(([value, label]) => ({ value, label }))}
            aria-label={m('ownItems')}
            data-testid="part-items"
          />
        </Form.Item>
        <Form.Item
          label={m('ownInspectors')}
          name="inspectorIds"
          extra={options.data ? m('inspectorsOf', { count: options.data.inspectors.totalCount }) : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: m('ownInspectorsRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={[...inspectorOptions].map(([value, label]) => ({ value, label }))}
            aria-label={m('ownInspectors')}
            data-testid="part-inspectors"
          />
        </Form.Item>
        <Form.Item label={m('appliesTo')} name="leadItemIds" extra={m('appliesToHint')}>
          <Checkbox.Group options={part.task.leadItems.map((i) => ({ value: i.id, label: i.name }))} data-testid="part-lead-items" />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={loading} data-testid="part-save">
            {t('save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function DrawnCard({ partId }: { partId: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const m = useMessages(jointMessages);
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const { data, loading, error } = useQuery(JOINT_DRAWN_ENTITIES, {
    variables: { id: partId, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.node.__typename === 'JointParticipation' ? data.node.drawnEntities : undefined;

  const columns = [
    { key: 'seq', title: m('seq'), render: (_: unknown, r: DrawnEntityRow) => r.seq + 1, width: 70 },
    { key: 'name', title: m('entityName'), dataIndex: 'name' },
    { key: 'uscc', title: m('uscc'), dataIndex: 'uscc' },
    {
      key: 'own',
      title: m('inOwnDirectory'),
      render: (_: unknown, r: DrawnEntityRow) => r.entity?.name ?? <Typography.Text type="secondary">{m('notInDirectory')}</Typography.Text>,
    },
    { key: 'inspectors', title: m('ownInspectorsInTeam'), render: (_: unknown, r: DrawnEntityRow) => r.inspectors.map((i) => i.name).join('、') || '—' },
    ...(canOpenInspection(user, [])
      ? [{ key: 'record', title: '', render: (_: unknown, r: DrawnEntityRow) => <JointRecordButton participationId={partId} seq={r.seq} /> }]
      : []),
  ];

  const exportSpec = () => ({
    fileName: m('drawnExportName'),
    columns: [
      { title: m('seq'), value: (r: DrawnEntityRow) => r.seq + 1 },
      { title: m('entityName'), value: (r: DrawnEntityRow) => r.name },
      { title: m('uscc'), value: (r: DrawnEntityRow) => r.uscc },
      { title: m('inOwnDirectory'), value: (r: DrawnEntityRow) => r.entity?.name ?? '' },
      { title: m('ownInspectorsInTeam'), value: (r: DrawnEntityRow) => r.inspectors.map((i) => `${i.name}（${i.certificateNo}）`).join('、') },
    ],
    fetchPage: connectionPages(client, JOINT_DRAWN_ENTITIES, { id: partId }, (page) =>
      page.node.__typename === 'JointParticipation' ? page.node.drawnEntities : null,
    ),
  });

  return (
    <Card title={m('drawn')} data-testid="invitation-drawn" extra={<ExportCsvButton spec={exportSpec} testId="drawn-export" />}>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<DrawnEntityRow>
            rowKey="seq"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ 'data-testid': 'drawn-row', 'data-uscc': r.uscc }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="drawn-pager" />
        </>
      )}
    </Card>
  );
}
