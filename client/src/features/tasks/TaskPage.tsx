/**
 * One task and its 实施方案: items and ratios, who enters the draw, the joint participants, and the
 * next steps — 修改 and 取消 for the task's keepers (canKeepTask) while in draft, 摇号仪式 for everyone.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Table, Tag, type ButtonProps } from 'antd';
import { CheckOutlined, EditOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { ENTITY_STATUS, RISK_CLASS_LABELS, formatRatio, type RestrictableRiskClass } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS } from '../../app/navigation';
import { canKeepTask, canReadInspections } from '../../app/permissions';
import { useFormProblem } from '../../app/useFormProblem';
import { AppLink, BackLink } from '../../components/BackLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { taskMessages, TASK_STATUS_COLORS } from './messages';
import { APPROVE_TASK, CANCEL_TASK, TASK, type TaskDetail } from './operations';
import { ParticipantsCard } from './ParticipantsCard';
import { TaskRecordsCard } from './TaskRecordsCard';
import { AssignmentsCard } from '../inspections/AssignmentsCard';
import { UnreportedAlert } from '../inspections/UnreportedAlert';

type ItemRow = TaskDetail['items'][number];
interface Filters {
  targetTypes?: string[];
  regionCodes?: string[];
  industries?: string[];
  statuses?: string[];
  riskClasses?: string[];
  departmentIds?: string[];
  categories?: string[];
}

export function TaskPage({ id }: { id: string }) {
  const { lang } = useI18n();
  const m = useMessages(taskMessages);
  const user = useCurrentUser();
  const [cancelling, setCancelling] = useState(false);
  const [approving, setApproving] = useState(false);
  const { data, error } = useQuery(TASK, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const task = data?.node.__typename === 'Task' ? data.node : null;
  if (!task) return <QueryState error={error} />;
  // A frozen pool (COMMITTED, DRAWN) is neither edited nor cancelled: the server refuses it as task.frozen.
  const keeper = canKeepTask(user, task) && task.status === 'DRAFT';
  const target = (task.targetFilter ?? {}) as Filters;
  const inspectors = (task.inspectorFilter ?? {}) as Filters;
  const list = (values: string[] | undefined) => (values?.length ? values.join('、') : m('anyValue'));

  const itemColumns = [
    { key: 'name', title: m('item'), render: (_: unknown, r: ItemRow) => r.item?.name ?? '—' },
    { key: 'target', title: m('targetTypes'), render: (_: unknown, r: ItemRow) => r.item?.targetType ?? '—' },
    { key: 'department', title: m('itemDepartment'), render: (_: unknown, r: ItemRow) => r.item?.department?.name ?? '—' },
    { key: 'ratio', title: m('ratio'), render: (_: unknown, r: ItemRow) => `${formatRatio(r.ratio)}（${Number(r.ratio) * 100}%）` },
  ];

  return (
    <Flex vertical gap={16} style={{ width: '100%' }} data-testid="task-page">
      <BackLink to={PATHS.tasks} />
      <Card
        title={
          <Space wrap>
            <span data-testid="task-title">{task.title}</span>
            {task.joint && <Tag color="purple">{m('jointTag')}</Tag>}
            <Tag color={task.kind === 'SPECIAL' ? 'orange' : 'blue'} data-testid="task-kind" data-kind={task.kind}>
              {m(task.kind)}
            </Tag>
            {task.awaitingLeaderApproval && (
              <Tag color="warning" data-testid="task-awaiting-approval">
                {m('awaitingApproval')}
              </Tag>
            )}
            <Tag color={TASK_STATUS_COLORS[task.status]} data-testid="task-status" data-status={task.status}>
              {m(task.status)}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {task.awaitingLeaderApproval && user.me.roles.includes('LEADER') && (
              <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setApproving(true)} data-testid="task-approve">
                {m('approve')}
              </Button>
            )}
            {keeper && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(LINKS.editTask(task.id))} data-testid="task-edit">
                {m('editTask')}
              </Button>
            )}
            {keeper && (
              <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setCancelling(true)} data-testid="task-cancel">
                {m('cancelTask')}
              </Button>
            )}
            {task.status !== 'CANCELLED' || task.draw ? (
              <Button
                type="primary"
                icon={<ThunderboltOutlined aria-hidden />}
                onClick={() => navigate(LINKS.ceremony(task.id))}
                data-testid="task-open-ceremony"
              >
                {m('openCeremony')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'plan',
              label: m('plan'),
              children: task.plan ? (
                <AppLink to={LINKS.plan(task.plan.id)}>{`${task.plan.title}（${m('planRound', { year: task.plan.year, round: task.round ?? '?' })}）`}</AppLink>
              ) : (
                m('noPlan')
              ),
              span: 2,
            },
            ...(task.reason ? [{ key: 'reason', label: m(task.kind === 'SPECIAL' ? 'specialReason' : 'lateReason'), children: task.reason, span: 2 }] : []),
            ...(task.leaderApprovedAt
              ? [
                  {
                    key: 'approval',
                    label: m('approvalTitle'),
                    children: <span data-testid="task-approval">{`${formatDateTime(task.leaderApprovedAt, lang)} ${task.leaderComment ?? ''}`}</span>,
                    span: 2,
                  },
                ]
              : []),
            { key: 'period', label: m('period'), children: `${task.startsOn} — ${task.endsOn}` },
            { key: 'teamSize', label: m('teamSize'), children: task.teamSize },
            ...(task.joint ? [{ key: 'lead', label: m('leadDepartment'), children: task.leadDepartment?.name ?? '—', span: 2 }] : []),
            { key: 'purpose', label: m('purpose'), children: task.purpose, span: 2 },
            { key: 'procedure', label: m('procedure'), children: task.procedure, span: 2 },
            { key: 'division', label: m('divisionOfLabour'), children: task.divisionOfLabour, span: 2 },
            { key: 'confidentiality', label: m('confidentiality'), children: task.confidentiality, span: 2 },
            { key: 'targetTypes', label: m('targetTypes'), children: list(target.targetTypes) },
            { key: 'regionCodes', label: m('regionCodes'), children: list(target.regionCodes) },
            { key: 'industries', label: m('industries'), children: list(target.industries) },
            {
              key: 'statuses',
              label: m('statuses'),
              children: target.statuses?.length ? target.statuses.map((s) => ENTITY_STATUS.labels[s as 'EXISTING'] ?? s).join('、') : m('statusesHint'),
            },
            {
              key: 'riskClasses',
              label: m('riskClasses'),
              children: (
                <span data-testid="task-risk-classes">
                  {target.riskClasses?.length ? target.riskClasses.map((c) => RISK_CLASS_LABELS[c as RestrictableRiskClass] ?? c).join('、') : m('riskAll')}
                </span>
              ),
            },
            {
              key: 'departments',
              label: m('inspectorDepartments'),
              children: inspectors.departmentIds?.length ? m('departmentCount', { count: inspectors.departmentIds.length }) : m('anyValue'),
            },
            { key: 'categories', label: m('categories'), children: list(inspectors.categories) },
            { key: 'updatedAt', label: m('updatedAt'), children: formatDateTime(task.updatedAt, lang) },
          ]}
        />
      </Card>
      <Card title={m('items')}>
        <Table<ItemRow>
          rowKey={(r) => r.item?.id ?? r.ratio}
          size="small"
          columns={itemColumns}
          dataSource={task.items}
          pagination={false}
          data-testid="task-items"
        />
      </Card>
      {task.joint && <ParticipantsCard task={task} canManage={canKeepTask(user, task)} />}
      {task.draw?.status === 'DRAWN' && canReadInspections(user) && <UnreportedAlert taskId={task.id} />}
      {task.draw?.status === 'DRAWN' && canReadInspections(user) && <TaskRecordsCard taskId={task.id} />}
      {task.draw?.status === 'DRAWN' && canReadInspections(user) && <AssignmentsCard drawId={task.draw.id} taskId={task.id} />}
      <CancelTaskModal task={task} open={cancelling} onClose={() => setCancelling(false)} />
      <ApproveTaskModal task={task} open={approving} onClose={() => setApproving(false)} />
    </Flex>
  );
}

function CancelTaskModal({ task, open, onClose }: { task: TaskDetail; open: boolean; onClose: () => void }) {
  const m = useMessages(taskMessages);
  const [cancel, { loading }] = useMutation(CANCEL_TASK);
  return (
    <TaskTextModal
      open={open}
      onClose={onClose}
      loading={loading}
      run={(reason) => cancel({ variables: { id: task.id, reason }, refetchQueries: ['Tasks'] })}
      done={m('cancelled')}
      title={m('cancelTask')}
      okText={m('cancelTask')}
      danger
      label={m('cancelReason')}
      required={m('cancelReasonRequired')}
      maxLength={500}
      testId="task-cancel"
      field="reason"
    />
  );
}

/** 分管领导批准 a 专项检查 or a late window, with the comment kept in the audit trail. */
function ApproveTaskModal({ task, open, onClose }: { task: TaskDetail; open: boolean; onClose: () => void }) {
  const m = useMessages(taskMessages);
  const [approve, { loading }] = useMutation(APPROVE_TASK);
  return (
    <TaskTextModal
      open={open}
      onClose={onClose}
      loading={loading}
      run={(comment) => approve({ variables: { id: task.id, comment }, refetchQueries: ['Tasks'] })}
      done={m('approved')}
      title={m('approvalTitle')}
      okText={m('approve')}
      label={m('approvalComment')}
      required={m('approvalRequired')}
      maxLength={2000}
      testId="task-approve"
      field="comment"
    />
  );
}

/** A step on the task that takes one required text (a reason, a comment): `${testId}-submit`, `-error` and `-${field}`. */
function TaskTextModal(props: {
  open: boolean;
  onClose: () => void;
  loading: boolean;
  run: (text: string) => Promise<unknown>;
  done: string;
  title: string;
  okText: string;
  danger?: boolean;
  label: string;
  required: string;
  maxLength: number;
  testId: string;
  field: 'reason' | 'comment';
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const { problem, report, clear } = useFormProblem(form, [props.field]);
  const submit = async (values: Record<string, string>) => {
    clear();
    try {
      await props.run(values[props.field]!.trim());
      void message.success(props.done);
      props.onClose();
    } catch (error) {
      report(error);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={props.okText}
      cancelText={t('cancel')}
      confirmLoading={props.loading}
      okButtonProps={{ danger: props.danger, 'data-testid': `${props.testId}-submit` } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} testId={`${props.testId}-error`} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label={props.label} name={props.field} rules={[{ required: true, whitespace: true, message: props.required }]}>
          <Input.TextArea rows={3} maxLength={props.maxLength} data-testid={`${props.testId}-${props.field}`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
