/**
 * The record's content: a form for the team while the record is a draft or returned (checked as typed,
 * with what is still missing before it can be submitted), the same content read-only for everyone else.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Typography, type FormRule } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { labelProblems, missingForSubmit } from '@spotcheck/shared';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { todayInChina } from './format';
import { inspectionMessages } from './messages';
import { SAVE_INSPECTION, type InspectionDetail } from './operations';
import { useCurrentUser } from '../../app/current-user';
import { offlineMessages } from '../offline/messages';
import { enqueue, isNetworkFailure, newKey } from '../offline/queue';

export interface ResultCategoryOption {
  code: string;
  label: string;
  active: boolean;
}

interface Values {
  inspectedOn: Dayjs | null;
  place?: string;
  siteConditions?: string;
  findings?: string;
  interviewNotes?: string;
  resultCategory?: string | null;
}

const FIELDS = ['inspectedOn', 'place', 'siteConditions', 'findings', 'interviewNotes', 'resultCategory'] as const;
const TEXT_LIMIT = 20000;

function textRule(max: number): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      if (!value?.trim()) return Promise.resolve();
      const problems = labelProblems(value, 'text', max);
      return problems.length ? Promise.reject(new Error(problems.map((p) => p.message).join('；'))) : Promise.resolve();
    },
  };
}

function valuesOf(record: InspectionDetail): Values {
  return {
    inspectedOn: record.inspectedOn ? dayjs(record.inspectedOn) : null,
    place: record.place ?? '',
    siteConditions: record.siteConditions ?? '',
    findings: record.findings ?? '',
    interviewNotes: record.interviewNotes ?? '',
    resultCategory: record.resultCategory?.code ?? null,
  };
}

function dirtyAgainst(values: Values, saved: Values): boolean {
  const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD') ?? null;
  return (
    day(values.inspectedOn) !== day(saved.inspectedOn) ||
    (['place', 'siteConditions', 'findings', 'interviewNotes'] as const).some((k) => (values[k] ?? '').trim() !== (saved[k] ?? '').trim()) ||
    (values.resultCategory ?? null) !== (saved.resultCategory ?? null)
  );
}

const orNull = (value: string | undefined | null) => (value?.trim() ? value : null);

/** The form's values as the record's input: what is saved, and what the submit check reads. */
function inputOf(values: Values) {
  return {
    inspectedOn: values.inspectedOn?.format('YYYY-MM-DD') ?? null,
    place: orNull(values.place),
    siteConditions: orNull(values.siteConditions),
    findings: orNull(values.findings),
    interviewNotes: orNull(values.interviewNotes),
    resultCategory: values.resultCategory ?? null,
  };
}

export function RecordForm({
  record,
  categories,
  editable,
  onDirtyChange,
}: {
  record: InspectionDetail;
  categories: ResultCategoryOption[];
  editable: boolean;
  onDirtyChange: (dirty: boolean) => void;
}) {
  return editable ? <EditableRecord record={record} categories={categories} onDirtyChange={onDirtyChange} /> : <ReadOnlyRecord record={record} />;
}

function EditableRecord({
  record,
  categories,
  onDirtyChange,
}: {
  record: InspectionDetail;
  categories: ResultCategoryOption[];
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useI18n();
  const m = useMessages(inspectionMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [save, { loading }] = useMutation(SAVE_INSPECTION);
  const o = useMessages(offlineMessages);
  const owner = useCurrentUser().me.id;
  const initial = useMemo(() => valuesOf(record), [record]);
  const previous = useRef(initial);
  const watched = Form.useWatch([], form) as Values | undefined;
  const current = watched ?? initial;

  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  // A newer version of the record (saved here, or by another member): untouched fields follow it, and
  // what is still unsaved is measured against it; typing is never thrown away.
  useEffect(() => {
    const values = form.getFieldsValue(true) as Values;
    if (!dirtyAgainst(values, previous.current)) form.setFieldsValue(initial);
    previous.current = initial;
    onDirtyChange(dirtyAgainst(form.getFieldsValue(true) as Values, initial));
  }, [form, initial, onDirtyChange]);

  const missing = missingForSubmit(inputOf(current));

  // Each save carries its own key: when the answer is lost (no signal) it goes to the device's queue
  // under the same key, so the server saves it once whether or not the first try arrived.
  const submit = async (values: Values) => {
    clear();
    const input = inputOf(values);
    const clientKey = newKey();
    const keep = async () => {
      await enqueue({ kind: 'save', key: clientKey, owner, inspectionId: record.id, label: record.entityName, queuedAt: Date.now(), input });
      void message.info(o('savedOnDevice'));
    };
    if (!navigator.onLine) return keep();
    try {
      await save({ variables: { id: record.id, input, clientKey }, refetchQueries: ['Inspections'] });
      void message.success(m('saved'));
    } catch (error) {
      if (isNetworkFailure(error)) await keep();
      else report(error);
    }
  };

  const options = categories.filter((c) => c.active || c.code === initial.resultCategory).map((c) => ({ value: c.code, label: c.label }));
  const today = dayjs(todayInChina()).endOf('day');

  return (
    <Card title={m('content')} data-testid="record-form-card">
      <ProblemAlert problem={problem} testId="record-form-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(_, values) => onDirtyChange(dirtyAgainst(values, initial))}
        data-testid="record-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={m('inspectedOn')}
              name="inspectedOn"
              rules={[
                { validator: (_, value: Dayjs | null) => (value && value.isAfter(today) ? Promise.reject(new Error(m('futureDate'))) : Promise.resolve()) },
              ]}
            >
              <DatePicker
                style={{ width: '100%' }}
                format="YYYY-MM-DD"
                disabledDate={(d) => d.isAfter(today)}
                // Enter takes the typed date; it does not also submit the whole form.
                onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
                data-testid="record-inspected-on"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label={m('place')} name="place" rules={[textRule(500)]}>
              <Input maxLength={500} data-testid="record-place" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={m('siteConditions')} name="siteConditions" rules={[textRule(TEXT_LIMIT)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={TEXT_LIMIT} data-testid="record-site-conditions" />
        </Form.Item>
        <Form.Item label={m('findings')} name="findings" rules={[textRule(TEXT_LIMIT)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={TEXT_LIMIT} data-testid="record-findings" />
        </Form.Item>
        <Form.Item label={m('interviewNotes')} name="interviewNotes" rules={[textRule(TEXT_LIMIT)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={TEXT_LIMIT} data-testid="record-interview-notes" />
        </Form.Item>
        <Form.Item label={m('resultCategory')} name="resultCategory">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={m('resultRequired')} data-testid="record-result" />
        </Form.Item>
        {missing.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={m('missingForSubmit', { list: missing.map((p) => p.message).join('、') })}
            data-testid="record-missing"
          />
        )}
        <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={loading} data-testid="record-save">
          {loading ? t('save') : m('saveRecord')}
        </Button>
      </Form>
    </Card>
  );
}

function ReadOnlyRecord({ record }: { record: InspectionDetail }) {
  const m = useMessages(inspectionMessages);
  const text = (value: string | null | undefined) =>
    value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <Typography.Text type="secondary">{m('notFilled')}</Typography.Text>;
  return (
    <Card title={m('content')} data-testid="record-content">
      <Typography.Paragraph type="secondary">{m('readOnlyHint')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 150 } }}
        items={[
          { key: 'inspectedOn', label: m('inspectedOn'), children: text(record.inspectedOn) },
          { key: 'place', label: m('place'), children: text(record.place) },
          { key: 'siteConditions', label: m('siteConditions'), children: text(record.siteConditions) },
          { key: 'findings', label: m('findings'), children: text(record.findings) },
          { key: 'interviewNotes', label: m('interviewNotes'), children: text(record.interviewNotes) },
          { key: 'result', label: m('resultCategory'), children: <span data-testid="record-result-label">{text(record.resultCategory?.label)}</span> },
        ]}
      />
    </Card>
  );
}
