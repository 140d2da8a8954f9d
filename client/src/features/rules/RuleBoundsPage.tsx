/**
 * 细则范围 (province): the bounds the province sets for the rules of the bureaus below it — ratio floor
 * and ceiling, rounds a year, draws of one entity a year — and each bureau's current limits, marked
 * against the bounds as they are typed (the same `boundViolations` the server refuses with).
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Table, Tag, Typography } from 'antd';
import { RuleBoundsSchema, boundViolations, type BoundedRules, type RuleBounds } from '@spotcheck/shared';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { percentToFraction } from '../../app/ratio';
import { boundsMessages } from './bounds-messages';
import { RULE_BOUNDS_PAGE, SET_RULE_BOUNDS, type BureauLimits } from './operations';
import { JointPunishmentCard } from '../credit/JointPunishmentCard';

const NO_BOUNDS: RuleBounds = { ratio: { floor: '0', ceiling: '1' }, roundsPerYear: { min: 1, max: 12 }, maxDrawsPerEntityPerYear: 12 };
const pct = (r: string) => `${Number((Number(r) * 100).toFixed(2))}%`;

function BoundsForm({ initial, onChange }: { initial: RuleBounds; onChange: (bounds: RuleBounds | null) => void }) {
  const m = useMessages(boundsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ bounds: RuleBounds; reason: string }>();
  const { problem, report, clear } = useFormProblem(form, ['reason']);
  const [save, { loading }] = useMutation(SET_RULE_BOUNDS);
  const submit = async (values: { bounds: RuleBounds; reason: string }) => {
    clear();
    const parsed = RuleBoundsSchema.safeParse(form.getFieldValue('bounds'));
    if (!parsed.success) return;
    try {
      await save({ variables: { bounds: parsed.data, reason: values.reason.trim() }, refetchQueries: ['RuleBoundsPage'], awaitRefetchQueries: true });
      void message.success(m('saved'));
    } catch (error) {
      report(error);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ bounds: initial, reason: '' }}
      onValuesChange={() => {
        const parsed = RuleBoundsSchema.safeParse(form.getFieldValue('bounds'));
        onChange(parsed.success ? parsed.data : null);
      }}
      onFinish={submit}
      data-testid="bounds-form"
    >
      <ProblemAlert problem={problem} testId="bounds-error" />
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label={m('floor')} name={['bounds', 'ratio', 'floor']} normalize={percentToFraction}>
            <Input placeholder="0.02" data-testid="bounds-floor" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={m('ceiling')} name={['bounds', 'ratio', 'ceiling']} normalize={percentToFraction}>
            <Input placeholder="1" data-testid="bounds-ceiling" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={m('roundsMin')} name={['bounds', 'roundsPerYear', 'min']}>
            <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} data-testid="bounds-rounds-min" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={m('roundsMax')} name={['bounds', 'roundsPerYear', 'max']}>
            <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} data-testid="bounds-rounds-max" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item label={m('maxDraws')} name={['bounds', 'maxDrawsPerEntityPerYear']}>
            <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} data-testid="bounds-max-draws" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={m('reason')} name="reason" rules={[{ required: true, whitespace: true, message: m('reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="bounds-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} data-testid="bounds-save">
        {m('save')}
      </Button>
    </Form>
  );
}

export function RuleBoundsPage() {
  const { lang } = useI18n();
  const m = useMessages(boundsMessages);
  const { data, error } = useQuery(RULE_BOUNDS_PAGE, { fetchPolicy: 'cache-and-network' });
  const [draft, setDraft] = useState<RuleBounds | null | undefined>(undefined);
  if (!data) return <QueryState error={error} />;
  const saved = (data.ruleBounds?.bounds as RuleBounds | undefined) ?? null;
  const checking = draft === undefined ? saved : draft;
  const columns = [
    { key: 'name', title: m('bureau'), dataIndex: 'name' },
    { key: 'version', title: m('version'), render: (_: unknown, b: BureauLimits) => `v${b.version}` },
    {
      key: 'limits',
      title: m('limits'),
      render: (_: unknown, b: BureauLimits) => {
        const l = b.limits as BoundedRules;
        return m('limitsLine', {
          min: pct(l.ratio.min),
          max: pct(l.ratio.max),
          rmin: l.roundsPerYear.min,
          rmax: l.roundsPerYear.max,
          draws: l.maxDrawsPerEntityPerYear,
        });
      },
    },
    {
      key: 'fits',
      title: m('fits'),
      render: (_: unknown, b: BureauLimits) => {
        if (!checking) return '—';
        const broken = boundViolations(b.limits as BoundedRules, checking);
        return broken.length ? (
          <Flex vertical data-testid="bounds-bureau-outside">
            <Tag color="red">{m('outside')}</Tag>
            {broken.map((v) => (
              <Typography.Text key={v.rule} type="danger">
                {v.message}
              </Typography.Text>
            ))}
          </Flex>
        ) : (
          <Tag color="green" data-testid="bounds-bureau-inside">
            {m('inside')}
          </Tag>
        );
      },
    },
  ];
  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Card title={m('title')} data-testid="bounds-card">
        <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
        {data.ruleBounds ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="bounds-current"
            title={m('current', { at: formatDateTime(data.ruleBounds.updatedAt, lang) })}
            description={data.ruleBounds.reason ?? undefined}
          />
        ) : (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={m('none')} />
        )}
        <BoundsForm initial={saved ?? NO_BOUNDS} onChange={setDraft} />
      </Card>
      <Card title={m('bureaus')} data-testid="bounds-bureaus">
        <Table<BureauLimits> rowKey="id" size="small" columns={columns} dataSource={data.bureauRuleLimits} pagination={false} />
      </Card>
      <JointPunishmentCard />
    </Flex>
  );
}
