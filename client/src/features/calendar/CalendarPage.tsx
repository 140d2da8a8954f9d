/**
 * 工作日调整: the bureau's own days off and make-up working days by year (the office adds and deletes
 * them), which years' national holidays are known, and a deadline calculator that applies both.
 */
import { useState, type HTMLAttributes } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { canEditCalendar } from '../../app/permissions';
import { useFormProblem } from '../../app/useFormProblem';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { calendarMessages } from './messages';
import { ADD_CALENDAR_ADJUSTMENT, CALENDAR_PAGE, LOCAL_DEADLINE, REMOVE_CALENDAR_ADJUSTMENT, type Adjustment } from './operations';
import { DateField } from '../../components/DateField';

interface AddValues {
  date: string;
  working: boolean;
  note: string;
}

function AddAdjustmentForm() {
  const m = useMessages(calendarMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const { problem, report, clear } = useFormProblem(form, ['date', 'working', 'note']);
  const [add, { loading }] = useMutation(ADD_CALENDAR_ADJUSTMENT);
  const submit = async (values: AddValues) => {
    clear();
    try {
      await add({ variables: { input: { date: values.date, working: values.working, note: values.note.trim() } }, refetchQueries: ['CalendarPage'] });
      void message.success(m('added', { date: values.date }));
      form.resetFields();
    } catch (error) {
      report(error);
    }
  };
  return (
    <>
      <ProblemAlert problem={problem} testId="calendar-add-error" />
      <Form<AddValues> form={form} layout="inline" initialValues={{ working: false, note: '' }} onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item name="date" rules={[{ required: true, message: m('dateRequired') }]}>
          <DateField aria-label={m('date')} data-testid="calendar-date" />
        </Form.Item>
        <Form.Item name="working">
          <Radio.Group
            optionType="button"
            options={[
              { value: false, label: m('rest') },
              { value: true, label: m('working') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" rules={[{ required: true, whitespace: true, message: m('noteRequired') }]} style={{ minWidth: 280 }}>
          <Input placeholder={m('note')} maxLength={200} aria-label={m('note')} data-testid="calendar-note" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={loading} data-testid="calendar-add">
            {m('add')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

function DeadlineCalculator() {
  const m = useMessages(calendarMessages);
  const [compute, { data, loading, error }] = useLazyQuery(LOCAL_DEADLINE);
  const notify = useNotifyProblem();
  const result = data?.addLocalWorkdays;
  return (
    <Card size="small" title={m('calculator')}>
      <Form
        layout="inline"
        initialValues={{ days: 3 }}
        onFinish={(v: { from: string; days: number }) => void compute({ variables: { from: v.from, days: v.days } }).catch(notify)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="from" label={m('from')} rules={[{ required: true, message: m('dateRequired') }]}>
          <DateField data-testid="calendar-from" />
        </Form.Item>
        <Form.Item name="days" label={m('days')}>
          <InputNumber min={1} max={365} precision={0} data-testid="calendar-days" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={loading} data-testid="calendar-compute">
            {m('compute')}
          </Button>
        </Form.Item>
      </Form>
      {result && !error && (
        <Space orientation="vertical" style={{ marginTop: 12 }} data-testid="calendar-deadline">
          <Typography.Text strong>{m('deadline', { date: result.date })}</Typography.Text>
          {result.provisional && <Alert type="warning" showIcon title={m('provisional', { years: result.provisionalYears.join('、') })} />}
        </Space>
      )}
    </Card>
  );
}

export function CalendarPage() {
  const { t, lang } = useI18n();
  const m = useMessages(calendarMessages);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, loading, error } = useQuery(CALENDAR_PAGE, { variables: { year }, fetchPolicy: 'cache-and-network' });
  const [remove] = useMutation(REMOVE_CALENDAR_ADJUSTMENT);
  const editable = canEditCalendar(user);
  const rows = data?.calendarAdjustments ?? [];
  const coverage = data?.calendarCoverage;
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 3 + i);

  const removeDay = async (date: string) => {
    try {
      await remove({ variables: { date }, refetchQueries: ['CalendarPage'] });
      void message.success(m('removed', { date }));
    } catch (e) {
      notify(e);
    }
  };

  const columns = [
    { key: 'date', title: m('date'), dataIndex: 'date' },
    {
      key: 'kind',
      title: m('kind'),
      render: (_: unknown, a: Adjustment) => (a.working ? <Tag color="blue">{m('working')}</Tag> : <Tag color="green">{m('rest')}</Tag>),
    },
    { key: 'note', title: m('note'), dataIndex: 'note' },
    { key: 'created', title: m('createdAt'), render: (_: unknown, a: Adjustment) => formatDateTime(a.createdAt, lang) },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('actions'),
            render: (_: unknown, a: Adjustment) => (
              <Popconfirm title={m('removeConfirm', { date: a.date })} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => void removeDay(a.date)}>
                <Button size="small" danger data-testid="calendar-remove">
                  {m('remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('date'), value: (a: Adjustment) => a.date },
      { title: m('kind'), value: (a: Adjustment) => (a.working ? m('working') : m('rest')) },
      { title: m('note'), value: (a: Adjustment) => a.note },
      { title: m('createdAt'), value: (a: Adjustment) => a.createdAt },
    ],
    fetchPage: async () => ({ rows, totalCount: rows.length, hasNextPage: false, endCursor: null }),
  });

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1000 }}>
      <Card
        title={m('title')}
        data-testid="calendar-card"
        extra={
          <Space>
            <Select
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              aria-label={m('year')}
              style={{ width: 100 }}
              data-testid="calendar-year"
            />
            <ExportCsvButton spec={exportSpec} testId="calendar-export" />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
        {coverage && (
          <Typography.Paragraph type="secondary">
            {m('coverage')}：
            {m('officialYears', { years: coverage.officialYears.length ? `${coverage.officialYears[0]}–${coverage.officialYears.at(-1)}` : m('none') })}；
            {m('platformYears', { years: coverage.platformYears.join('、') || m('none') })}
          </Typography.Paragraph>
        )}
        {editable && (
          <div style={{ marginBottom: 16 }}>
            <AddAdjustmentForm />
          </div>
        )}
        {error ? (
          <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
        ) : (
          <Table<Adjustment>
            rowKey="date"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: m('empty') }}
            onRow={(a) => ({ 'data-testid': 'calendar-row', 'data-date': a.date }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
      <DeadlineCalculator />
    </Flex>
  );
}
