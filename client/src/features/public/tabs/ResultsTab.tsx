/**
 * A bureau's published results: search by entity name or USCC, filter by item, plan and task; with a
 * task chosen, its 公示 as PDF and Excel. Paged by key; the total on request. Filters live in the address, so a filtered list can be shared.
 */
import { useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Input, Select, Space, Typography } from 'antd';
import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useI18n, useMessages } from '../../../app/i18n';
import { navigate, queryParam } from '../../../app/navigation';
import { useCursorPages } from '../../../app/useCursorPages';
import { CursorPager } from '../../../components/CursorPager';
import { connectionPages } from '../../../components/csv-pages';
import { ExportCsvButton } from '../../../components/ExportCsvButton';
import { publicMessages } from '../messages';
import { PUBLIC_ITEMS, PUBLIC_PLANS, PUBLIC_RESULTS, PUBLIC_TASK_OPTIONS, PUBLIC_TASK_HAS_RESULTS } from '../operations';
import { PUBLIC_FILES, PUBLIC_LINKS } from '../paths';
import { useResultCsvColumns } from '../result-csv';
import { ResultsTable } from '../ResultsTable';

interface Filters {
  itemId: string | null;
  planId: string | null;
  taskId: string | null;
  search: string;
}

export function NoticeDownloads({ bureauId, taskId }: { bureauId: string; taskId: string }) {
  const m = useMessages(publicMessages);
  const { data } = useQuery(PUBLIC_TASK_HAS_RESULTS, { variables: { bureauId, taskId } });
  if (!data?.publicResults.edges.length) return null;
  return (
    <Space data-testid="public-notice-downloads">
      <Typography.Text type="secondary">{m('noticeDownloads')}：</Typography.Text>
      <Typography.Link href={PUBLIC_FILES.notice(taskId, 'pdf', bureauId)} download data-testid="public-notice-pdf">
        <FilePdfOutlined aria-hidden /> {m('downloadPdf')}
      </Typography.Link>
      <Typography.Link href={PUBLIC_FILES.notice(taskId, 'xlsx', bureauId)} download data-testid="public-notice-xlsx">
        <FileExcelOutlined aria-hidden /> {m('downloadXlsx')}
      </Typography.Link>
    </Space>
  );
}

export function ResultsTab({ bureauId }: { bureauId: string }) {
  const { t } = useI18n();
  const m = useMessages(publicMessages);
  const client = useApolloClient();
  const csvColumns = useResultCsvColumns();
  const pages = useCursorPages(20);
  const [filters, setFilters] = useState<Filters>(() => ({
    itemId: queryParam('item'),
    planId: queryParam('plan'),
    taskId: queryParam('task'),
    search: queryParam('q') ?? '',
  }));
  const items = useQuery(PUBLIC_ITEMS, { variables: { bureauId } });
  const plans = useQuery(PUBLIC_PLANS, { variables: { bureauId } });
  const tasks = useQuery(PUBLIC_TASK_OPTIONS, { variables: { bureauId } });
  // Results are paged by key and counted only on request (统计总数): a bureau may publish a million.
  const [withCount, setWithCount] = useState(false);
  const variables = { bureauId, itemId: filters.itemId, planId: filters.planId, taskId: filters.taskId, search: filters.search || null };
  const { data, loading, error } = useQuery(PUBLIC_RESULTS, { variables: { ...variables, first: pages.first, after: pages.after, withCount } });
  const connection = data?.publicResults;

  const change = (next: Partial<Filters>) => {
    const merged = { ...filters, ...next };
    setFilters(merged);
    pages.reset();
    navigate(PUBLIC_LINKS.bureau(bureauId, 'results', { item: merged.itemId, plan: merged.planId, task: merged.taskId, q: merged.search }), { replace: true });
  };

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: csvColumns,
    fetchPage: connectionPages(client, PUBLIC_RESULTS, { ...variables, withCount: true }, (page) => page.publicResults),
  });

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={filters.search}
          placeholder={m('searchResults')}
          aria-label={m('searchResults')}
          style={{ width: 280 }}
          onSearch={(value) => change({ search: value.trim() })}
          data-testid="public-results-search"
        />
        <Select<string | null>
          style={{ width: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={m('filterItem')}
          value={filters.itemId}
          onChange={(v) => change({ itemId: v ?? null })}
          options={[{ value: null, label: m('allItems') }, ...(items.data?.publicItems ?? []).map((i) => ({ value: i.id, label: i.name }))]}
          data-testid="public-results-item"
        />
        <Select<string | null>
          style={{ width: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={m('filterPlan')}
          value={filters.planId}
          onChange={(v) => change({ planId: v ?? null })}
          options={[{ value: null, label: m('allPlans') }, ...(plans.data?.publicPlans ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))]}
          data-testid="public-results-plan"
        />
        <Select<string | null>
          style={{ width: 260 }}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={m('filterTask')}
          value={filters.taskId}
          onChange={(v) => change({ taskId: v ?? null })}
          options={[
            { value: null, label: m('allTasks') },
            ...(tasks.data?.publicTaskNotices.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.title })),
          ]}
          data-testid="public-results-task"
        />
        <ExportCsvButton spec={exportSpec} testId="public-results-export" />
      </Space>
      {filters.taskId && (
        <div style={{ marginBottom: 12 }}>
          <NoticeDownloads bureauId={bureauId} taskId={filters.taskId} />
        </div>
      )}
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <ResultsTable rows={connection?.edges.map((e) => e.node) ?? []} loading={loading && !data} />
          <CursorPager
            pages={pages}
            totalCount={connection?.totalCount}
            onCount={() => setWithCount(true)}
            pageInfo={connection?.pageInfo}
            loading={loading}
            testId="public-results-pager"
          />
        </>
      )}
    </div>
  );
}
