/**
 * 检查记录: the bureau's inspection records, newest first, filtered by status, task, 只看我的 and 逾期, or
 * found by name or USCC; paged, with a CSV export of everything the filters select.
 */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Card, Checkbox, Input, Space, Table, Tag, Typography } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, queryParam } from '../../app/navigation';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { FilterSelect } from '../../components/FilterSelect';
import { connectionPages } from '../../components/csv-pages';
import { Deadline } from './Deadline';
import { InspectionStatusTag } from './InspectionStatusTag';
import { inspectionMessages } from './messages';
import { INSPECTION_TASK_OPTIONS, INSPECTIONS, type InspectionRow, type InspectionStatus } from './operations';

const STATUSES: InspectionStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'APPROVED', 'PUBLISHED'];

interface Filters {
  status: InspectionStatus | null;
  taskId: string | null;
  mine: boolean;
  overdue: boolean;
  search: string;
}

export function InspectionsPage() {
  const { t, lang } = useI18n();
  const m = useMessages(inspectionMessages);
  const user = useCurrentUser();
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const inspector = user.me.roles.includes('INSPECTOR');
  const [filters, setFilters] = useState<Filters>(() => ({
    status: null,
    taskId: queryParam('task'),
    mine: inspector && queryParam('mine') !== '0',
    overdue: false,
    search: '',
  }));
  const variables = {
    status: filters.status,
    taskId: filters.taskId,
    mine: filters.mine || null,
    overdue: filters.overdue || null,
    search: filters.search.trim() || null,
  };
  const { data, loading, error } = useQuery(INSPECTIONS, {
    variables: { ...variables, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const { data: taskData } = useQuery(INSPECTION_TASK_OPTIONS);
  const connection = data?.inspections;

  const change = (patch: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    pages.reset();
  };

  const columns = [
    {
      key: 'entity',
      title: m('entity'),
      render: (_: unknown, r: InspectionRow) => (
        <Space direction="vertical" size={0}>
          <AppLink to={LINKS.inspection(r.id)} testId="inspection-link">
            {r.entityName}
          </AppLink>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.entityUscc}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'status', title: m('status'), render: (_: unknown, r: InspectionRow) => <InspectionStatusTag status={r.status} /> },
    { key: 'result', title: m('resultCategory'), width: 200, ellipsis: true, render: (_: unknown, r: InspectionRow) => r.resultCategory?.label ?? '—' },
    { key: 'inspectedOn', title: m('inspectedOn'), render: (_: unknown, r: InspectionRow) => r.inspectedOn ?? '—' },
    {
      key: 'reportDue',
      title: m('reportDueOn'),
      render: (_: unknown, r: InspectionRow) => (
        <Deadline dueOn={r.reportDueOn} provisional={r.reportDueProvisional} overdue={r.reportOverdue} lateDays={r.reportedLateDays} testId="report-due" />
      ),
    },
    {
      key: 'publicationDue',
      title: m('publicationDueOn'),
      render: (_: unknown, r: InspectionRow) => (
        <Deadline
          dueOn={r.publicationDueOn}
          provisional={r.publicationDueProvisional}
          overdue={r.publicationOverdue}
          lateDays={r.publishedLateDays}
          testId="publication-due"
        />
      ),
    },
    { key: 'team', title: m('team'), render: (_: unknown, r: InspectionRow) => r.team.map((i) => i.name).join('、') || '—' },
    {
      key: 'task',
      title: m('task'),
      width: 240,
      ellipsis: true,
      render: (_: unknown, r: InspectionRow) => (r.task ? r.task.title : r.participationId ? <Tag color="purple">{m('joint')}</Tag> : '—'),
    },
    { key: 'updatedAt', title: m('updatedAt'), render: (_: unknown, r: InspectionRow) => formatDateTime(r.updatedAt, lang) },
  ];

  const mark = (overdue: boolean, provisional: boolean) => [overdue ? m('overdue') : '', provisional ? m('provisional') : ''].filter(Boolean).join('、');
  const lateMark = (days: number | null | undefined) => (days == null ? '' : days > 0 ? m('lateDays', { days }) : m('onTime'));
  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('entity'), value: (r: InspectionRow) => r.entityName },
      { title: m('uscc'), value: (r: InspectionRow) => r.entityUscc },
      { title: m('task'), value: (r: InspectionRow) => r.task?.title ?? (r.participationId ? m('joint') : '') },
      { title: m('team'), value: (r: InspectionRow) => r.team.map((i) => i.name).join('、') },
      { title: m('inspectedOn'), value: (r: InspectionRow) => r.inspectedOn ?? '' },
      { title: m('resultCategory'), value: (r: InspectionRow) => r.resultCategory?.label ?? '' },
      { title: m('status'), value: (r: InspectionRow) => m(r.status) },
      { title: m('reportDueOn'), value: (r: InspectionRow) => r.reportDueOn ?? '' },
      { title: `${m('reportDueOn')}·${m('overdue')}/${m('provisional')}`, value: (r: InspectionRow) => mark(r.reportOverdue, r.reportDueProvisional) },
      { title: m('reportDueOn') + '·' + m('onTime'), value: (r: InspectionRow) => lateMark(r.reportedLateDays) },
      { title: m('publicationDueOn'), value: (r: InspectionRow) => r.publicationDueOn ?? '' },
      {
        title: `${m('publicationDueOn')}·${m('overdue')}/${m('provisional')}`,
        value: (r: InspectionRow) => mark(r.publicationOverdue, r.publicationDueProvisional),
      },
      { title: m('publicationDueOn') + '·' + m('onTime'), value: (r: InspectionRow) => lateMark(r.publishedLateDays) },
      { title: m('updatedAt'), value: (r: InspectionRow) => formatDateTime(r.updatedAt, lang) },
    ],
    fetchPage: connectionPages(client, INSPECTIONS, variables, (page) => page.inspections),
  });

  const taskOptions = (taskData?.tasks.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.title }));
  if (filters.taskId && !taskOptions.some((o) => o.value === filters.taskId)) taskOptions.push({ value: filters.taskId, label: filters.taskId });

  return (
    <Card title={m('title')} style={{ width: '100%' }} data-testid="inspections-card" extra={<ExportCsvButton spec={exportSpec} testId="inspections-export" />}>
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect<InspectionStatus>
          label={m('statusFilter')}
          width={180}
          value={filters.status}
          onChange={(status) => change({ status })}
          options={STATUSES.map((s) => ({ value: s, label: m(s) }))}
          testId="inspections-status-filter"
        />
        <FilterSelect<string>
          label={m('taskFilter')}
          width={320}
          value={filters.taskId}
          onChange={(taskId) => change({ taskId })}
          options={taskOptions}
          searchable
          testId="inspections-task-filter"
        />
        <Input.Search
          aria-label={m('search')}
          placeholder={m('search')}
          allowClear
          style={{ width: 300 }}
          onSearch={(value) => change({ search: value })}
          data-testid="inspections-search"
        />
        {inspector && (
          <Checkbox checked={filters.mine} onChange={(e) => change({ mine: e.target.checked })} data-testid="inspections-mine">
            {m('mine')}
          </Checkbox>
        )}
        <Checkbox checked={filters.overdue} onChange={(e) => change({ overdue: e.target.checked })} data-testid="inspections-overdue">
          {m('overdueOnly')}
        </Checkbox>
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<InspectionRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('empty') }}
            onRow={(r) =>
              ({
                'data-testid': 'inspection-row',
                'data-name': r.entityName,
                'data-uscc': r.entityUscc,
                'data-status': r.status,
              }) as HTMLAttributes<HTMLElement>
            }
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="inspections-pager" />
        </>
      )}
    </Card>
  );
}
