/**
 * 审计留痕: the bureau's audit events, newest first, filtered by action prefix, time and user; the
 * supervisor verifies the hash chain from its start. New events arrive over `auditEventAppended`
 * (the first page refreshes itself; elsewhere a count says how many came).
 */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useLazyQuery, useQuery, useSubscription } from '@apollo/client/react';
import { Alert, AutoComplete, Button, Card, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { describeError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { canVerifyAudit } from '../../app/permissions';
import { problemMessage } from '../../app/problem-text';
import { useCursorPages } from '../../app/useCursorPages';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { connectionPages } from '../../components/csv-pages';
import { QueryState } from '../../components/QueryState';
import { auditFilterOf, NO_FILTER, PREFIX_PATTERN, USERNAME_PATTERN, type AuditFilter, type AuditFilterValues } from './audit-filter';
import { ACTION_PREFIXES, auditMessages, prefixKey, prefixOf } from './messages';
import { parseKeptHeads } from './kept-heads';
import { changeLine, fieldChanges, OBJECT_TYPES } from './audit-details';
import { AUDIT_EVENT_APPENDED, AUDIT_EVENTS, VERIFY_AUDIT_CHAIN, type AuditRow } from './operations';
import { DateField } from '../../components/DateField';

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

function ChainReport() {
  const m = useMessages(auditMessages);
  const { t } = useI18n();
  const [kept, setKept] = useState('');
  const [verify, { data, loading, error }] = useLazyQuery(VERIFY_AUDIT_CHAIN, { fetchPolicy: 'network-only' });
  const report = data?.verifyAuditChain;
  const problem = describeError(error);
  const heads = parseKeptHeads(kept);
  const title = !report
    ? null
    : report.status === 'TRUNCATED'
      ? m('verifyTruncated', { anchor: report.anchorSeq ?? '?', source: report.anchorSource ? m(`source_${report.anchorSource}`) : '' })
      : report.ok
        ? m('verifyIntact', { checked: report.checked })
        : m('verifyBroken', { seq: report.firstBrokenSeq ?? '?', checked: report.checked });
  return (
    <Flex vertical gap={8}>
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item
          label={m('keptHeads')}
          htmlFor="audit-kept-heads"
          help={typeof heads === 'number' ? m('keptHeadsInvalid', { line: heads }) : m('keptHeadsHelp')}
          validateStatus={typeof heads === 'number' ? 'error' : undefined}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            id="audit-kept-heads"
            rows={2}
            value={kept}
            onChange={(e) => setKept(e.target.value)}
            data-testid="audit-kept-heads"
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
      </Form>
      <div>
        <Button
          icon={<SafetyCertificateOutlined aria-hidden />}
          loading={loading}
          disabled={typeof heads === 'number'}
          onClick={() => typeof heads !== 'number' && void verify({ variables: { heads: heads.length ? heads : null } })}
          data-testid="audit-verify"
        >
          {m('verify')}
        </Button>
      </div>
      {problem && <Alert type="error" showIcon title={m('verifyFailed')} description={problemMessage(problem, t)} data-testid="audit-verify-result" />}
      {report && !loading && (
        <Alert
          type={report.ok ? 'success' : 'error'}
          showIcon
          data-testid="audit-verify-result"
          data-ok={report.ok ? 'true' : 'false'}
          data-status={report.status}
          title={title}
          description={report.ok ? (report.headsChecked ? m('verifyHeads', { heads: report.headsChecked }) : undefined) : report.reason}
        />
      )}
    </Flex>
  );
}

export function AuditPage() {
  const { lang } = useI18n();
  const m = useMessages(auditMessages);
  const user = useCurrentUser();
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const [form] = Form.useForm<AuditFilterValues>();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [fresh, setFresh] = useState(0);
  const { data, loading, error, refetch } = useQuery(AUDIT_EVENTS, {
    variables: { ...filter, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.auditEvents;
  const onFirstPage = pages.page === 1;

  useSubscription(AUDIT_EVENT_APPENDED, {
    onData: () => {
      if (onFirstPage) void refetch();
      else setFresh((n) => n + 1);
    },
  });

  const apply = (next: AuditFilter) => {
    setFilter(next);
    setFresh(0);
    pages.reset();
  };

  const actorOf = (e: AuditRow) => e.actorName ?? e.actorUsername ?? (e.action.startsWith('statement.') ? m('entityActor') : m('system'));
  const objectOf = (e: AuditRow) => (e.objectType ? (OBJECT_TYPES[e.objectType] ?? e.objectType) : '—');
  const columns = [
    { key: 'seq', title: m('seq'), width: 70, dataIndex: 'seq' },
    { key: 'time', title: m('time'), width: 170, render: (_: unknown, e: AuditRow) => formatDateTime(e.occurredAt, lang) },
    {
      key: 'user',
      title: m('user'),
      render: (_: unknown, e: AuditRow) => (
        <Space size={4} wrap>
          <span title={e.actorUsername ?? undefined}>{actorOf(e)}</span>
          {e.device && (
            <Typography.Text type="secondary" data-testid="audit-device">
              {e.device}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'action',
      title: m('action'),
      render: (_: unknown, e: AuditRow) => {
        const prefix = prefixOf(e.action);
        return (
          <Space size={4} wrap>
            <span title={e.action} data-testid="audit-action">
              {e.actionLabel}
            </span>
            {prefix && <Tag>{m(prefixKey(prefix))}</Tag>}
          </Space>
        );
      },
    },
    {
      key: 'target',
      title: m('target'),
      render: (_: unknown, e: AuditRow) => <span title={e.objectId ?? undefined}>{objectOf(e)}</span>,
    },
    {
      key: 'details',
      title: m('details'),
      render: (_: unknown, e: AuditRow) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }} data-testid="audit-details">
          {fieldChanges(e.before, e.after).map(changeLine).join('；') || '—'}
        </Typography.Text>
      ),
    },
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('seq'), value: (e: AuditRow) => e.seq },
      { title: m('time'), value: (e: AuditRow) => e.occurredAt },
      { title: m('user'), value: (e: AuditRow) => actorOf(e) },
      { title: m('action'), value: (e: AuditRow) => e.actionLabel },
      { title: m('actionCode'), value: (e: AuditRow) => e.action },
      { title: m('device'), value: (e: AuditRow) => e.device ?? '' },
      { title: m('target'), value: (e: AuditRow) => [e.objectType, e.objectId].filter(Boolean).join(' · ') },
      { title: m('before'), value: (e: AuditRow) => json(e.before) },
      { title: m('after'), value: (e: AuditRow) => json(e.after) },
      { title: m('requestId'), value: (e: AuditRow) => e.requestId ?? '' },
      { title: m('prevHash'), value: (e: AuditRow) => e.prevHash },
      { title: m('hash'), value: (e: AuditRow) => e.hash },
    ],
    fetchPage: connectionPages(client, AUDIT_EVENTS, filter, (page) => page.auditEvents),
  });

  if (error && !data) return <QueryState error={error} />;
  return (
    <Card
      title={
        <Space>
          <span>{m('title')}</span>
          <Tag color="green">{m('live')}</Tag>
        </Space>
      }
      style={{ width: '100%' }}
      data-testid="audit-card"
      extra={<ExportCsvButton spec={exportSpec} testId="audit-export" />}
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {m('intro')}
        </Typography.Paragraph>
        {canVerifyAudit(user) && <ChainReport />}
        <Form<AuditFilterValues>
          form={form}
          layout="inline"
          onFinish={(values) => apply(auditFilterOf(values))}
          data-testid="audit-filter"
          style={{ rowGap: 8 }}
        >
          <Form.Item name="prefix" label={m('prefix')} rules={[{ pattern: PREFIX_PATTERN, message: m('prefixInvalid') }, { max: 100 }]}>
            <AutoComplete
              style={{ width: 240 }}
              placeholder={m('prefixPlaceholder')}
              allowClear
              data-testid="audit-prefix"
              options={ACTION_PREFIXES.map((p) => ({ value: p, label: `${p} ${m(prefixKey(p))}` }))}
              filterOption={(input, option) => !!option && (option.value as string).startsWith(input.trim().toLowerCase())}
            />
          </Form.Item>
          <Form.Item name="from" label={m('range')}>
            <DateField aria-label={`${m('range')} ≥`} data-testid="audit-from" />
          </Form.Item>
          <Form.Item
            name="to"
            dependencies={['from']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, to?: string) => {
                  const from = getFieldValue('from') as string | undefined;
                  return !to || !from || to >= from ? Promise.resolve() : Promise.reject(new Error(m('rangeInvalid')));
                },
              }),
            ]}
          >
            <DateField aria-label={`${m('range')} ≤`} data-testid="audit-to" />
          </Form.Item>
          <Form.Item name="actor" label={m('actor')} rules={[{ pattern: USERNAME_PATTERN, message: m('actorInvalid') }, { max: 64 }]}>
            <Input placeholder={m('actorPlaceholder')} style={{ width: 180 }} allowClear data-testid="audit-actor" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                {m('search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply(NO_FILTER);
                }}
                data-testid="audit-reset"
              >
                {m('reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {fresh > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="audit-fresh"
            title={m('newEvents', { count: fresh })}
            action={
              <Button
                size="small"
                onClick={() => {
                  setFresh(0);
                  pages.reset();
                }}
              >
                {m('showNew')}
              </Button>
            }
          />
        )}
        <div>
          <Table<AuditRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('empty') }}
            onRow={(e) => ({ 'data-testid': 'audit-row', 'data-action': e.action, 'data-seq': e.seq }) as HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowRender: (e) => (
                <Flex vertical gap={4} style={{ fontSize: 12 }}>
                  <div>
                    <Typography.Text strong>{m('actionCode')}：</Typography.Text>
                    <Typography.Text code>{e.action}</Typography.Text>
                    {e.objectId && (
                      <>
                        {' · '}
                        <Typography.Text strong>{objectOf(e)}：</Typography.Text>
                        <Typography.Text code>{e.objectId}</Typography.Text>
                      </>
                    )}
                  </div>
                  {fieldChanges(e.before, e.after).map((c) => (
                    <div key={c.field}>
                      {c.field && <Typography.Text strong>{c.field}：</Typography.Text>}
                      {c.before !== null && c.after !== null ? (
                        <>
                          <Typography.Text delete type="secondary">
                            {c.before}
                          </Typography.Text>
                          {' → '}
                          <Typography.Text>{c.after}</Typography.Text>
                        </>
                      ) : (
                        <Typography.Text>{c.after ?? c.before}</Typography.Text>
                      )}
                    </div>
                  ))}
                  {e.requestId && (
                    <div>
                      <Typography.Text strong>{m('requestId')}：</Typography.Text>
                      {e.requestId}
                    </div>
                  )}
                  <div>
                    <Typography.Text strong>{m('prevHash')}：</Typography.Text>
                    <Typography.Text code>{e.prevHash}</Typography.Text>
                  </div>
                  <div>
                    <Typography.Text strong>{m('hash')}：</Typography.Text>
                    <Typography.Text code>{e.hash}</Typography.Text>
                  </div>
                </Flex>
              ),
            }}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="audit-pager" />
        </div>
      </Flex>
    </Card>
  );
}
