/**
 * 制定 / 修改抽查任务 with its 实施方案: plan and round, purpose, procedure, division of labour,
 * confidentiality, period, team size, items and ratios, which targets and inspectors enter the draw,
 * and — for a 联合抽查 — the lead department. Checked as typed against the bureau's rules.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Divider, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ENTITY_STATUS, RISK_CLASS_LABELS, beijingDate, itemDueInRound, type RestrictableRiskClass } from '@spotcheck/shared';
import { labelRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS } from '../../app/navigation';
import { useFormProblem } from '../../app/useFormProblem';
import type { TaskFormOptionsQuery } from '../../gql/graphql';
import { BackLink } from '../../components/BackLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { parseRules } from '../plans/plan-check';
import { scheduleOf } from '../plans/schedule';
import { taskMessages } from './messages';
import { CREATE_TASK, TASK, TASK_FORM_OPTIONS, UPDATE_TASK, type TaskDetail } from './operations';
import { emptyTask, periodRule, ratioRule, taskInput, taskValues, type TaskFormValues } from './task-form';
import { RATIO_PLACEHOLDER } from '../../app/ratio';
import { DateField } from '../../components/DateField';

const FIELDS = [
  'kind',
  'reason',
  'planId',
  'round',
  'title',
  'purpose',
  'procedure',
  'divisionOfLabour',
  'confidentiality',
  'startsOn',
  'endsOn',
  'teamSize',
  'items',
  'regionCodes',
  'statuses',
  'riskClasses',
  'departmentIds',
  'leadDepartmentId',
] as const;
const RENAMES = {
  'targetFilter.regionCodes': 'regionCodes',
  'targetFilter.statuses': 'statuses',
  'targetFilter.riskClasses': 'riskClasses',
  'inspectorFilter.departmentIds': 'departmentIds',
};

type PlanOption = TaskFormOptionsQuery['plans']['edges'][number]['node'];

/** The plan's items due in a round (an item planned once a year only in its round), at their planned ratios. */
function itemsDueIn(plan: PlanOption, round: number) {
  return plan.items.filter((i) => i.item && itemDueInRound(round, i.rounds, plan.rounds)).map((i) => ({ itemId: i.item!.id, ratio: i.ratio }));
}

export function TaskFormPage({ id }: { id?: string }) {
  const options = useQuery(TASK_FORM_OPTIONS, { fetchPolicy: 'cache-and-network' });
  const existing = useQuery(TASK, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  const task = existing.data?.node.__typename === 'Task' ? existing.data.node : null;
  if (!options.data || (id && !task)) return <QueryState error={options.error ?? existing.error} />;
  return <TaskForm task={task} options={options.data} />;
}

function TaskForm({ task, options }: { task: TaskDetail | null; options: TaskFormOptionsQuery }) {
  const { t } = useI18n();
  const m = useMessages(taskMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskFormValues>();
  const { problem, report, clear } = useFormProblem(form, FIELDS, RENAMES);
  const [create, { loading: creating }] = useMutation(CREATE_TASK);
  const [update, { loading: updating }] = useMutation(UPDATE_TASK);
  const rules = parseRules(options.ruleSet?.rules);
  const minTeam = rules?.team.minSize ?? 2;
  const plans = options.plans.edges.map((e) => e.node);
  const items = options.items.edges.map((e) => e.node);
  const itemsById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const initial = useMemo(() => (task ? taskValues(task) : emptyTask(minTeam)), [task, minTeam]);
  const [planId, setPlanId] = useState(initial.planId ?? null);
  const [round, setRound] = useState(initial.round ?? null);
  const [joint, setJoint] = useState(initial.joint);
  const [kind, setKind] = useState(initial.kind);
  const startsOn = Form.useWatch('startsOn', form) as string | undefined;
  // A window already begun (Beijing date) is made only with a reason, and waits for the leader's approval.
  const late = kind === 'PLANNED' && !!startsOn && startsOn < beijingDate();
  const plan = plans.find((p) => p.id === planId);
  const rounds = plan ? scheduleOf(plan.schedule) : [];
  const chosenRound = rounds.find((r) => r.round === round);
  const editable = !task || task.status === 'DRAFT';
  const planned = plan ? new Set(plan.items.map((i) => i.item?.id)) : null;

  const onValuesChange = (changed: Partial<TaskFormValues>) => {
    if ('planId' in changed) {
      const next = plans.find((p) => p.id === changed.planId);
      setPlanId(next?.id ?? null);
      const first = next ? scheduleOf(next.schedule)[0] : undefined;
      setRound(first?.round ?? null);
      // A plan brings its rounds, and the items due in the first round at their planned ratios.
      form.setFieldsValue({
        round: first?.round ?? null,
        ...(first ? { startsOn: first.from, endsOn: first.to } : {}),
        ...(next && first ? { items: itemsDueIn(next, first.round) } : {}),
      });
    }
    if ('round' in changed) {
      setRound(changed.round ?? null);
      const r = rounds.find((x) => x.round === changed.round);
      if (r) form.setFieldsValue({ startsOn: r.from, endsOn: r.to, ...(plan ? { items: itemsDueIn(plan, r.round) } : {}) });
    }
    if ('joint' in changed) setJoint(!!changed.joint);
    if ('kind' in changed && changed.kind) setKind(changed.kind);
    if ('startsOn' in changed) void form.validateFields(['endsOn']).catch(() => undefined);
  };

  const submit = async (values: TaskFormValues) => {
    clear();
    const input = taskInput(values);
    try {
      if (task) {
        await update({ variables: { id: task.id, input }, refetchQueries: ['Tasks'] });
        void message.success(m('saved', { title: input.title }));
        navigate(LINKS.task(task.id));
      } else {
        const { data } = await create({ variables: { input }, refetchQueries: ['Tasks'] });
        void message.success(m('created', { title: input.title }));
        if (data) navigate(LINKS.task(data.createTask.id));
      }
    } catch (error) {
      report(error);
    }
  };

  const minRatioOf = (index: number) => {
    const id = form.getFieldValue(['items', index, 'itemId']) as string | undefined;
    return id ? itemsById.get(id)?.minRatio : undefined;
  };
  const text = (name: keyof TaskFormValues, max: number, rows = 2) => (
    <Form.Item label={m(name as 'purpose')} name={name} required rules={[labelRule(max)]}>
      <Input.TextArea rows={rows} maxLength={max} data-testid={`task-${name}`} />
    </Form.Item>
  );
  const tags = (name: keyof TaskFormValues, label: string) => (
    <Form.Item label={label} name={name} extra={m('tagsHint')}>
      <Select
        mode="tags"
        tokenSeparators={[',', '，', ' ']}
        placeholder={m('anyValue')}
        open={false}
        suffixIcon={null}
        aria-label={label}
        data-testid={`task-${name}`}
      />
    </Form.Item>
  );
  const departments = options.departments.edges.map((e) => ({ value: e.node.id, label: e.node.name }));

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1100 }}>
      <BackLink to={task ? LINKS.task(task.id) : PATHS.tasks} />
      <Card title={m(task ? 'editTask' : 'newTask')} data-testid="task-form">
        {!editable && <Alert type="warning" showIcon title={m('notEditable')} style={{ marginBottom: 16 }} />}
        <ProblemAlert problem={problem} testId="task-form-error" />
        <Form<TaskFormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={onValuesChange}
          onFinish={submit}
          disabled={!editable || creating || updating}
        >
          <Form.Item label={m('kind')} name="kind" extra={m(kind === 'SPECIAL' ? 'specialHint' : 'plannedHint')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'PLANNED', label: m('PLANNED') },
                { value: 'SPECIAL', label: m('SPECIAL') },
              ]}
              data-testid="task-kind"
            />
          </Form.Item>
          {kind === 'SPECIAL' && (
            <Form.Item
              label={m('specialReason')}
              name="reason"
              required
              rules={[{ required: true, whitespace: true, message: m('required', { field: m('specialReason') }) }]}
            >
              <Input.TextArea rows={2} maxLength={2000} placeholder={m('specialReasonPlaceholder')} data-testid="task-reason" />
            </Form.Item>
          )}
          <Row gutter={16} style={kind === 'SPECIAL' ? { display: 'none' } : undefined}>
            <Col xs={24} md={12}>
              <Form.Item label={m('plan')} name="planId" required>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={m('noPlan')}
                  options={plans.map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))}
                  aria-label={m('plan')}
                  data-testid="task-plan"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={m('round')}
                name="round"
                required
                rules={[{ required: kind === 'PLANNED' && !!plan, message: m('required', { field: m('round') }) }]}
              >
                <Select
                  disabled={!plan}
                  options={rounds.map((r) => ({ value: r.round, label: m('roundOption', { round: r.round, from: r.from, to: r.to }) }))}
                  aria-label={m('round')}
                  data-testid="task-round"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={m('taskTitle')} name="title" required rules={[labelRule(200)]}>
            <Input maxLength={200} data-testid="task-title" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item
                label={m('startsOn')}
                name="startsOn"
                rules={[
                  { required: true, message: m('required', { field: m('startsOn') }) },
                  periodRule('startsOn', () => (kind === 'PLANNED' ? chosenRound : undefined)),
                ]}
              >
                <DateField style={{ width: '100%' }} data-testid="task-starts-on" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                label={m('endsOn')}
                name="endsOn"
                dependencies={['startsOn']}
                rules={[
                  { required: true, message: m('required', { field: m('endsOn') }) },
                  periodRule('endsOn', () => (kind === 'PLANNED' ? chosenRound : undefined)),
                ]}
              >
                <DateField style={{ width: '100%' }} data-testid="task-ends-on" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                label={m('teamSize')}
                name="teamSize"
                extra={m('teamSizeHint', { min: minTeam })}
                rules={[
                  { required: true, message: m('required', { field: m('teamSize') }) },
                  { type: 'number', min: minTeam, max: 10, message: `每组人数须为 ${minTeam} 到 10 人` },
                ]}
              >
                <InputNumber min={1} max={10} data-testid="task-team-size" />
              </Form.Item>
            </Col>
          </Row>
          {late && (
            <Form.Item
              label={m('lateReason')}
              name="reason"
              extra={m('lateHint')}
              rules={[{ required: true, whitespace: true, message: m('required', { field: m('lateReason') }) }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="task-late-reason" />
            </Form.Item>
          )}

          <Divider titlePlacement="start">{m('plan_section')}</Divider>
          {text('purpose', 2000)}
          {text('procedure', 4000)}
          {text('divisionOfLabour', 4000)}
          {text('confidentiality', 2000, 1)}

          <Divider titlePlacement="start">{m('items')}</Divider>
          <Form.List
            name="items"
            rules={[
              {
                validator: async (_, rows: TaskFormValues['items']) => {
                  if (!rows?.length) throw new Error('至少选择一个抽查事项');
                  const ids = rows.map((r) => r?.itemId).filter(Boolean);
                  if (new Set(ids).size !== ids.length) throw new Error(m('duplicateItem'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap data-testid="task-item-row">
                    <Form.Item
                      name={[field.name, 'itemId']}
                      rules={[
                        { required: true, message: m('itemRequired') },
                        {
                          validator: (_, id?: string) =>
                            !id || !planned || planned.has(id) ? Promise.resolve() : Promise.reject(new Error('不在所选年度计划中')),
                        },
                        {
                          validator: (_, id?: string) =>
                            !id || itemsById.get(id)?.status === 'PUBLISHED' ? Promise.resolve() : Promise.reject(new Error('该事项尚未公布')),
                        },
                      ]}
                      style={{ width: 380 }}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={m('item')}
                        options={items.map((i) => ({ value: i.id, label: i.name }))}
                        aria-label={`${m('item')} ${index + 1}`}
                        data-testid="task-item"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'ratio']}
                      dependencies={[['items', field.name, 'itemId']]}
                      rules={[{ required: true, message: m('ratioRequired') }, ratioRule(rules, minRatioOf, field.name)]}
                      tooltip={m('ratioHint')}
                    >
                      <Input style={{ width: 110 }} placeholder={RATIO_PLACEHOLDER} aria-label={`${m('ratio')} ${index + 1}`} data-testid="task-item-ratio" />
                    </Form.Item>
                    <Typography.Text type="secondary">
                      {(() => {
                        const min = minRatioOf(field.name);
                        return min ? m('minRatio', { ratio: `${Number(min) * 100}%` }) : null;
                      })()}
                    </Typography.Text>
                    <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={m('remove')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})} data-testid="task-item-add">
                    {m('addItem')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>

          <Divider titlePlacement="start">{m('targets')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {tags('targetTypes', m('targetTypes'))}
            </Col>
            <Col xs={24} md={12}>
              {tags('regionCodes', m('regionCodes'))}
            </Col>
            <Col xs={24} md={12}>
              {tags('industries', m('industries'))}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={m('statuses')} name="statuses" extra={m('statusesHint')}>
                <Select
                  mode="multiple"
                  allowClear
                  options={ENTITY_STATUS.codes.map((c) => ({ value: c, label: ENTITY_STATUS.labels[c] }))}
                  aria-label={m('statuses')}
                  data-testid="task-statuses"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={m('riskClasses')} name="riskClasses" extra={m('riskClassesHint')}>
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={m('riskAll')}
                  options={(Object.keys(RISK_CLASS_LABELS) as RestrictableRiskClass[]).map((c) => ({ value: c, label: RISK_CLASS_LABELS[c] }))}
                  aria-label={m('riskClasses')}
                  data-testid="task-risk-classes"
                />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{m('inspectors')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={m('inspectorDepartments')} name="departmentIds">
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={m('anyValue')}
                  options={departments}
                  aria-label={m('inspectorDepartments')}
                  data-testid="task-departments"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {tags('categories', m('categories'))}
            </Col>
          </Row>

          <Divider titlePlacement="start">{m('joint')}</Divider>
          <Space align="start" wrap style={{ display: 'flex' }}>
            <Form.Item label={m('joint')} name="joint" valuePropName="checked">
              <Switch data-testid="task-joint" />
            </Form.Item>
            {joint && (
              <Form.Item
                label={m('leadDepartment')}
                name="leadDepartmentId"
                rules={[{ required: true, message: m('leadDepartmentRequired') }]}
                style={{ minWidth: 280 }}
              >
                <Select showSearch={{ optionFilterProp: 'label' }} options={departments} aria-label={m('leadDepartment')} data-testid="task-lead-department" />
              </Form.Item>
            )}
          </Space>

          <Form.Item style={{ marginTop: 8 }}>
            <Space>
              <Button type="primary" htmlType="submit" loading={creating || updating} data-testid="task-submit">
                {t('save')}
              </Button>
              <Button onClick={() => navigate(task ? LINKS.task(task.id) : PATHS.tasks)}>{t('cancel')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </Flex>
  );
}
