/**
 * One import, steps 3 and 4: the server's progress, pushed over the importJobProgress subscription
 * (every 20,000 rows or every second) and polled as a fallback while the job runs; then the summary
 * with the per-row errors and the error report to download.
 */
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Flex, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS } from '../../app/navigation';
import { useCursorPages } from '../../app/useCursorPages';
import { BackLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { QueryState } from '../../components/QueryState';
import { DownloadButton } from './DownloadButton';
import { ImportSteps } from './ImportSteps';
import { IMPORT_STATUS_COLORS, importMessages } from './messages';
import { IMPORT_JOB, IMPORT_JOB_ERRORS, IMPORT_JOB_PROGRESS, type ImportErrorRow, type ImportJobRow } from './operations';

const DONE = new Set(['SUCCEEDED', 'FAILED']);

function ErrorList({ job }: { job: ImportJobRow }) {
  const m = useMessages(importMessages);
  const pages = useCursorPages(20);
  const { data, loading } = useQuery(IMPORT_JOB_ERRORS, { variables: { id: job.id, first: pages.first, after: pages.after } });
  const connection = data?.importJob?.errors;
  return (
    <>
      <Table<ImportErrorRow>
        rowKey={(r) => `${r.rowNumber}:${r.column ?? ''}:${r.code}:${r.message}`}
        size="small"
        loading={loading && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: m('noErrors') }}
        onRow={(r) => ({ 'data-testid': 'import-error-row', 'data-row': r.rowNumber }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'row', title: m('rowNumber'), width: 80, render: (_: unknown, r: ImportErrorRow) => r.rowNumber || '—' },
          { key: 'column', title: m('column'), render: (_: unknown, r: ImportErrorRow) => r.column ?? '—' },
          { key: 'message', title: m('message'), dataIndex: 'message' },
          {
            key: 'content',
            title: m('rowContent'),
            render: (_: unknown, r: ImportErrorRow) => (r.rowContent ? <Typography.Text type="secondary">{r.rowContent}</Typography.Text> : '—'),
          },
          {
            key: 'warning',
            title: m('warningOnly'),
            render: (_: unknown, r: ImportErrorRow) => (r.warning ? <Tag color="warning">{m('warningOnly')}</Tag> : null),
          },
        ]}
      />
      <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="import-errors-pager" />
    </>
  );
}

function useElapsed(from: string | null | undefined, running: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return from ? Math.max(0, (now - new Date(from).getTime()) / 1000) : null;
}

export function ImportJobPage({ id }: { id: string }) {
  const { lang } = useI18n();
  const m = useMessages(importMessages);
  const { data, error } = useQuery(IMPORT_JOB, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const job = data?.importJob ?? null;
  const running = !job || !DONE.has(job.status);
  // Progress pushed by the server lands in the cache (the job has an id); polling covers a lost socket.
  useSubscription(IMPORT_JOB_PROGRESS, { variables: { id }, skip: !running });
  useQuery(IMPORT_JOB, { variables: { id }, skip: !running, pollInterval: 1000, fetchPolicy: 'network-only' });
  const elapsed = useElapsed(job?.startedAt ?? job?.createdAt, running);

  if (!job) return <QueryState error={error} />;
  const kindPath = job.kind === 'ENTITIES' ? 'entities' : 'inspectors';
  const failed = job.status === 'FAILED';
  const nothingImported = job.mode === 'ALL_OR_NOTHING' && job.errorRows > 0 && job.insertedRows + job.updatedRows === 0;

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1000 }} data-testid="import-job-page" data-status={job.status}>
      <BackLink to={PATHS.imports} />
      <Card
        title={
          <Space wrap>
            <span>{m(`kind_${job.kind}`)}</span>
            <Typography.Text type="secondary">{job.fileName}</Typography.Text>
            <Tag color={IMPORT_STATUS_COLORS[job.status]} data-testid="import-job-status" data-status={job.status}>
              {m(`status_${job.status}`)}
            </Tag>
          </Space>
        }
      >
        <ImportSteps current={running ? 'process' : 'summary'} failed={failed} />
        {running && (
          <Flex vertical gap={8} data-testid="import-processing" aria-live="polite">
            <Progress percent={100} status="active" showInfo={false} />
            <Typography.Text>{m('processed', { count: job.processedRows })}</Typography.Text>
            {elapsed !== null && <Typography.Text type="secondary">{m('elapsed', { seconds: elapsed.toFixed(0) })}</Typography.Text>}
          </Flex>
        )}
        {!running && (
          <Flex vertical gap={12} data-testid="import-summary">
            {failed ? (
              <Alert type="error" showIcon title={m('failed')} description={job.failureReason} data-testid="import-failed" />
            ) : nothingImported ? (
              <Alert type="warning" showIcon title={m('noneImported')} data-testid="import-none" />
            ) : (
              <Alert
                type={job.errorRows ? 'warning' : 'success'}
                showIcon
                title={m('succeeded', { inserted: job.insertedRows, updated: job.updatedRows, errors: job.errorRows })}
                data-testid="import-succeeded"
              />
            )}
            <Space size={32} wrap>
              <Statistic title={m('inserted')} value={job.insertedRows} data-testid="import-inserted" />
              <Statistic title={m('updated')} value={job.updatedRows} data-testid="import-updated" />
              <Statistic title={m('errors')} value={job.errorRows} data-testid="import-errors" />
              <Statistic title={m('warnings')} value={job.warningRows} />
            </Space>
            <Space wrap>
              {job.errorRows + job.warningRows > 0 && (
                <DownloadButton
                  url={`/api/imports/${encodeURIComponent(job.id)}/errors.xlsx`}
                  fallbackName="import-errors.xlsx"
                  type="primary"
                  testId="import-error-report"
                >
                  {m('errorReport')}
                </DownloadButton>
              )}
              <Button onClick={() => navigate(LINKS.newImport(kindPath))} data-testid="import-again">
                {m('again')}
              </Button>
              <Button onClick={() => navigate(job.kind === 'ENTITIES' ? PATHS.entities : PATHS.inspectors)}>{m('toDirectory')}</Button>
            </Space>
          </Flex>
        )}
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'mode', label: m('mode'), children: m(`mode_${job.mode}`) },
            { key: 'format', label: m('file'), children: [job.fileFormat, job.encoding].filter(Boolean).join(' · ') || '—' },
            { key: 'by', label: m('createdBy'), children: job.createdBy?.displayName ?? '—' },
            { key: 'created', label: m('createdAt'), children: formatDateTime(job.createdAt, lang) },
            { key: 'finished', label: m('finishedAt'), children: formatDateTime(job.finishedAt, lang) },
            { key: 'processed', label: m('processedRows'), children: job.processedRows },
          ]}
        />
      </Card>
      {!running && job.errorRows + job.warningRows > 0 && (
        <Card title={m('errorList')} data-testid="import-error-list">
          <ErrorList job={job} />
        </Card>
      )}
    </Flex>
  );
}
