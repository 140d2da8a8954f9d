/** 年度计划: the bureau's annual plans by year and status, paged, with export; the office drafts new ones. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { canEditPlans } from '../../app/permissions';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { FilterSelect } from '../../components/FilterSelect';
import { connectionPages } from '../../components/csv-pages';
import { planMessages, PLAN_STATUS_COLORS } from './messages';
import { PLANS, type PlanRow, type PlanStatus } from './operations';

const STATUSES: PlanStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED'];

export function PlansPage() {
  const { t, lang } = useI18n();
  const m = useMessages(planMessages);
  const user = useCurrentUser();
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<PlanStatus | null>(null);
  const filters = { year, status };
  const { data, loading, error } = useQuery(PLANS, { variables: { ...filters, first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const connection = data?.plans;

  const columns = [
    { key: 'year', title: m('year'), dataIndex: 'year', width: 80 },
    {
      key: 'title',
      title: m('planTitle'),
      render: (_: unknown, p: PlanRow) => (
        <AppLink to={LINKS.plan(p.id)} testId="plan-link">
          {p.title}
        </AppLink>
      ),
    },
    { key: 'version', title: m('version'), render: (_: unknown, p: PlanRow) => m('versionLabel', { version: p.version }), width: 90 },
    { key: 'rounds', title: m('rounds'), dataIndex: 'rounds', width: 100 },
    {
      key: 'status',
      title: m('status'),
      render: (_: unknown, p: PlanRow) => (
        <Tag color={PLAN_STATUS_COLORS[p.status]} data-testid="plan-status" data-status={p.status}>
          {m(p.status)}
        </Tag>
      ),
    },
    { key: 'updatedAt', title: m('updatedAt'), render: (_: unknown, p: PlanRow) => formatDateTime(p.updatedAt, lang) },
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('year'), value: (p: PlanRow) => p.year },
      { title: m('planTitle'), value: (p: PlanRow) => p.title },
      { title: m('version'), value: (p: PlanRow) => p.version },
      { title: m('rounds'), value: (p: PlanRow) => p.rounds },
      { title: m('status'), value: (p: PlanRow) => m(p.status) },
      { title: m('ruleVersion'), value: (p: PlanRow) => p.ruleVersion },
      { title: m('approvedAt'), value: (p: PlanRow) => formatDateTime(p.approvedAt, lang) },
      { title: m('publishedAt'), value: (p: PlanRow) => formatDateTime(p.publishedAt, lang) },
    ],
    fetchPage: connectionPages(client, PLANS, filters, (page) => page.plans),
  });

  return (
    <Card
      title={m('title')}
      style={{ width: '100%' }}
      data-testid="plans-card"
      extra={
        <Space>
          <ExportCsvButton spec={exportSpec} testId="plans-export" />
          {canEditPlans(user) && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(LINKS.newPlan)} data-testid="plan-new">
              {m('newPlan')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          aria-label={m('yearFilter')}
          placeholder={m('yearFilter')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => {
            setYear(typeof v === 'number' ? v : null);
            pages.reset();
          }}
          data-testid="plans-year-filter"
        />
        <FilterSelect<PlanStatus>
          label={m('statusFilter')}
          width={160}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={STATUSES.map((s) => ({ value: s, label: m(s) }))}
          testId="plans-status-filter"
        />
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<PlanRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            locale={{ emptyText: m('empty') }}
            onRow={(p) => ({ 'data-testid': 'plan-row', 'data-title': p.title }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="plans-pager" />
        </>
      )}
    </Card>
  );
}
