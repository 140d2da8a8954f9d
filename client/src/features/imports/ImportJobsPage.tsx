/** 数据导入: the bureau's imports, newest first, by kind; each opens its progress or summary; the office starts new ones. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { canImport } from '../../app/permissions';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { FilterSelect } from '../../components/FilterSelect';
import { connectionPages } from '../../components/csv-pages';
import { IMPORT_STATUS_COLORS, importMessages } from './messages';
import { IMPORT_JOBS, type ImportJobRow, type ImportKind } from './operations';

export function ImportJobsPage() {
  const { t, lang } = useI18n();
  const m = useMessages(importMessages);
  const user = useCurrentUser();
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const [kind, setKind] = useState<ImportKind | null>(null);
  const { data, loading, error } = useQuery(IMPORT_JOBS, { variables: { kind, first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const connection = data?.importJobs;

  const columns = [
    {
      key: 'file',
      title: m('fileName'),
      render: (_: unknown, j: ImportJobRow) => (
        <AppLink to={LINKS.importJob(j.id)} testId="import-job-link">
          {j.fileName}
        </AppLink>
      ),
    },
    { key: 'kind', title: m('kind'), render: (_: unknown, j: ImportJobRow) => m(`kind_${j.kind}`) },
    {
      key: 'status',
      title: m('status'),
      render: (_: unknown, j: ImportJobRow) => (
        <Tag color={IMPORT_STATUS_COLORS[j.status]} data-testid="import-job-row-status">
          {m(`status_${j.status}`)}
        </Tag>
      ),
    },
    { key: 'inserted', title: m('inserted'), dataIndex: 'insertedRows' },
    { key: 'updated', title: m('updated'), dataIndex: 'updatedRows' },
    { key: 'errors', title: m('errors'), dataIndex: 'errorRows' },
    { key: 'by', title: m('createdBy'), render: (_: unknown, j: ImportJobRow) => j.createdBy?.displayName ?? '—' },
    { key: 'created', title: m('createdAt'), render: (_: unknown, j: ImportJobRow) => formatDateTime(j.createdAt, lang) },
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('fileName'), value: (j: ImportJobRow) => j.fileName },
      { title: m('kind'), value: (j: ImportJobRow) => m(`kind_${j.kind}`) },
      { title: m('mode'), value: (j: ImportJobRow) => m(`mode_${j.mode}`) },
      { title: m('status'), value: (j: ImportJobRow) => m(`status_${j.status}`) },
      { title: m('processedRows'), value: (j: ImportJobRow) => j.processedRows },
      { title: m('inserted'), value: (j: ImportJobRow) => j.insertedRows },
      { title: m('updated'), value: (j: ImportJobRow) => j.updatedRows },
      { title: m('errors'), value: (j: ImportJobRow) => j.errorRows },
      { title: m('warnings'), value: (j: ImportJobRow) => j.warningRows },
      { title: m('failureReason'), value: (j: ImportJobRow) => j.failureReason ?? '' },
      { title: m('createdBy'), value: (j: ImportJobRow) => j.createdBy?.displayName ?? '' },
      { title: m('createdAt'), value: (j: ImportJobRow) => j.createdAt },
      { title: m('finishedAt'), value: (j: ImportJobRow) => j.finishedAt ?? '' },
    ],
    fetchPage: connectionPages(client, IMPORT_JOBS, { kind }, (page) => page.importJobs),
  });

  return (
    <Card
      title={m('jobsTitle')}
      style={{ width: '100%' }}
      data-testid="imports-card"
      extra={
        <Space wrap>
          <ExportCsvButton spec={exportSpec} testId="imports-export" />
          {canImport(user) && (
            <>
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate(LINKS.newImport('entities'))} data-testid="imports-new-entities">
                {m('newEntities')}
              </Button>
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate(LINKS.newImport('inspectors'))} data-testid="imports-new-inspectors">
                {m('newInspectors')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect<ImportKind>
          label={m('kindFilter')}
          width={200}
          value={kind}
          onChange={(v) => {
            setKind(v);
            pages.reset();
          }}
          options={[
            { value: 'ENTITIES', label: m('kind_ENTITIES') },
            { value: 'INSPECTORS', label: m('kind_INSPECTORS') },
          ]}
        />
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<ImportJobRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('empty') }}
            onRow={(j) => ({ 'data-testid': 'import-job-row', 'data-file': j.fileName }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="imports-pager" />
        </>
      )}
    </Card>
  );
}
