/**
 * 编制 / 修改年度计划 (the office): the plan, its rounds and items, checked against the bureau's rules
 * as it is typed — the same shared check the server runs when saving and on submission.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { RATIO_PLACEHOLDER, ratioFieldRule } from '../../app/ratio';
import { labelRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS } from '../../app/navigation';
import { useFormProblem } from '../../app/useFormProblem';
import { BackLink } from '../../components/BackLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { planMessages } from './messages';
import type { PlanFormOptionsQuery } from '../../gql/graphql';
import { CREATE_PLAN, PLAN, PLAN_FORM_OPTIONS, UPDATE_PLAN, type PlanDetail } from './operations';
import { formViolations, parseRules, planInput, type ItemOption, type PlanFormValues } from './plan-check';
import { scheduleOf } from './schedule';
import { DateField } from '../../components/DateField';

const FIELDS = ['year', 'title', 'scope', 'inspectorRequirements', 'rounds', 'schedule', 'items'] as const;

function initialValues(plan: PlanDetail | null, items: ItemOption[], minRounds: number): PlanFormValues {
  if (plan) {
    return {
      year: plan.year,
      title: plan.title,
      scope: plan.scope,
      inspectorRequirements: plan.inspectorRequirements ?? '',
      rounds: plan.rounds,
      schedule: scheduleOf(plan.schedule).map((r) => ({ from: r.from, to: r.to })),
      items: plan.items.map((r) => ({ itemId: r.item?.id, ratio: r.ratio, rounds: r.rounds })),
    };
  }
  return {
    year: new Date().getFullYear(),
    title: '',
    scope: '',
    inspectorRequirements: '',
    rounds: minRounds,
    schedule: Array.from({ length: minRounds }, () => ({})),
    // Every published item at its listed minimum, once: the usual starting point.
    items: items.filter((i) => i.status === 'PUBLISHED').map((i) => ({ itemId: i.id, ratio: i.minRatio, rounds: 1 })),
  };
}

export function PlanFormPage({ id }: { id?: string }) {
  const options = useQuery(PLAN_FORM_OPTIONS, { fetchPolicy: 'cache-and-network' });
  const existing = useQuery(PLAN, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  const plan = existing.data?.node.__typename === 'AnnualPlan' ? existing.data.node : null;
  if (!options.data || (id && !plan)) return <QueryState error={options.error ?? existing.error} />;
  return <PlanForm plan={plan} options={options.data} />;
}

function PlanForm({ plan, options }: { plan: PlanDetail | null; options: PlanFormOptionsQuery }) {
  const { t } = useI18n();
  const m = useMessages(planMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [create, { loading: creating }] = useMutation(CREATE_PLAN);
  const [update, { loading: updating }] = useMutation(UPDATE_PLAN);
  const rules = parseRules(options.ruleSet?.rules);
  const itemList = useMemo<ItemOption[]>(() => options.items.edges.map((e) => e.node), [options]);
  const items = useMemo(() => new Map(itemList.map((i) => [i.id, i])), [itemList]);
  const initial = useMemo(() => initialValues(plan, itemList, rules?.roundsPerYear.min ?? 1), [plan, itemList, rules?.roundsPerYear.min]);
  const [values, setValues] = useState<PlanFormValues>(initial);
  const violations = rules ? formViolations(values, rules, items) : [];
  const editable = !plan || plan.status === 'DRAFT' || plan.status === 'RETURNED';

  const onValuesChange = (changed: Partial<PlanFormValues>, all: PlanFormValues) => {
    // The schedule follows the number of rounds.
    if (typeof changed.rounds === 'number' && changed.rounds >= 1 && changed.rounds <= 12) {
      const schedule = all.schedule ?? [];
      const resized = Array.from({ length: changed.rounds }, (_, i) => schedule[i] ?? {});
      form.setFieldValue('schedule', resized);
      all = { ...all, schedule: resized };
    }
    setValues(all);
  };

  const submit = async (submitted: PlanFormValues) => {
    clear();
    const input = planInput(submitted);
    try {
      if (plan) {
        await update({ variables: { id: plan.id, input }, refetchQueries: ['Plans'] });
        void message.success(m('saved', { title: input.title }));
        navigate(LINKS.plan(plan.id));
      } else {
        const { data } = await create({ variables: { input }, refetchQueries: ['Plans'] });
        void message.success(m('created', { title: input.title }));
        if (data) navigate(LINKS.plan(data.createPlan.id));
      }
    } catch (error) {
      report(error);
    }
  };

  const itemOptions = itemList.map((i) => ({ value: i.id, label: i.status === 'PUBLISHED' ? i.name : `${i.name}（${i.status}）` }));

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1000 }}>
      <BackLink to={plan ? LINKS.plan(plan.id) : PATHS.plans} />
      <Card title={m(plan ? 'editPlan' : 'newPlan')} data-testid="plan-form">
        {!editable && <Alert type="warning" showIcon title={m('notEditable')} style={{ marginBottom: 16 }} />}
        <ProblemAlert problem={problem} testId="plan-form-error" />
        <Form<PlanFormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={onValuesChange}
          onFinish={submit}
          disabled={!editable || creating || updating}
        >
          <Space wrap align="start">
            <Form.Item label={m('year')} name="year" rules={[{ required: true, message: m('yearRequired') }]}>
              <InputNumber min={2000} max={2100} data-testid="plan-year" />
            </Form.Item>
            <Form.Item label={m('rounds')} name="rounds" rules={[{ required: true, message: m('roundsRequired') }]}>
              <InputNumber min={1} max={12} data-testid="plan-rounds" />
            </Form.Item>
          </Space>
          <Form.Item label={m('planTitle')} name="title" required rules={[labelRule(200)]}>
            <Input maxLength={200} data-testid="plan-title-input" />
          </Form.Item>
          <Form.Item label={m('scope')} name="scope" required rules={[labelRule(2000)]}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="plan-scope" />
          </Form.Item>
          <Form.Item label={m('inspectorRequirements')} name="inspectorRequirements">
            <Input.TextArea rows={2} maxLength={2000} data-testid="plan-requirements" />
          </Form.Item>

          <Typography.Title level={5}>{m('schedule')}</Typography.Title>
          <Form.List name="schedule">
            {(fields) =>
              fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap data-testid="plan-round-row">
                  <Typography.Text style={{ display: 'inline-block', width: 64 }}>{m('round', { round: index + 1 })}</Typography.Text>
                  <Form.Item name={[field.name, 'from']} rules={[{ required: true, message: m('dateRequired') }]}>
                    <DateField aria-label={`${m('round', { round: index + 1 })} ${m('from')}`} data-testid="plan-round-from" />
                  </Form.Item>
                  <span>—</span>
                  <Form.Item name={[field.name, 'to']} rules={[{ required: true, message: m('dateRequired') }]}>
                    <DateField aria-label={`${m('round', { round: index + 1 })} ${m('to')}`} data-testid="plan-round-to" />
                  </Form.Item>
                </Space>
              ))
            }
          </Form.List>

          <Typography.Title level={5}>{m('items')}</Typography.Title>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap data-testid="plan-item-row">
                    <Form.Item name={[field.name, 'itemId']} rules={[{ required: true, message: m('itemRequired') }]} style={{ width: 360 }}>
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        options={itemOptions}
                        placeholder={m('item')}
                        aria-label={`${m('item')} ${index + 1}`}
                        data-testid="plan-item"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'ratio']} rules={[{ required: true, message: m('ratioRequired') }, ratioFieldRule]} tooltip={m('ratioHint')}>
                      <Input style={{ width: 110 }} placeholder={RATIO_PLACEHOLDER} aria-label={`${m('ratio')} ${index + 1}`} data-testid="plan-item-ratio" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'rounds']} rules={[{ required: true, message: m('roundsRequired') }]}>
                      <InputNumber
                        min={1}
                        max={12}
                        addonAfter={m('itemRounds')}
                        aria-label={`${m('itemRounds')} ${index + 1}`}
                        data-testid="plan-item-rounds"
                      />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={m('remove')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ rounds: 1 })} data-testid="plan-item-add">
                    {m('addItem')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>

          {rules && (
            <Alert
              type={violations.length ? 'warning' : 'success'}
              showIcon
              role="status"
              aria-live="polite"
              data-testid="plan-violations"
              data-count={violations.length}
              style={{ marginBottom: 16 }}
              title={
                violations.length
                  ? m('violationsTitle', { count: violations.length, version: options.ruleSet!.version })
                  : m('compliant', { version: options.ruleSet!.version })
              }
              description={
                violations.length ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {violations.map((v, i) => (
                      <li key={i} data-rule={v.rule}>
                        {v.message}
                      </li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={creating || updating} data-testid="plan-submit">
                {t('save')}
              </Button>
              <Button onClick={() => navigate(plan ? LINKS.plan(plan.id) : PATHS.plans)}>{t('cancel')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </Flex>
  );
}
