/** One annual plan: what it says, its rounds and items, and the workflow steps open to this user. */
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Flex, Space, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { formatRatio } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS } from '../../app/navigation';
import { canEditPlans } from '../../app/permissions';
import { BackLink } from '../../components/BackLink';
import { loadedRows } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { QueryState } from '../../components/QueryState';
import { planMessages, PLAN_STATUS_COLORS } from './messages';
import { PLAN, type PlanDetail } from './operations';
import { PlanWorkflowButtons } from './PlanWorkflowButtons';
import { PlanVersionsCard } from './PlanVersionsCard';
import { PlanRiskCard } from '../rules/PlanRiskCard';
import { scheduleOf } from './schedule';

type PlanItemRow = PlanDetail['items'][number];

const percent = (ratio: string) => `${(Number(ratio) * 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`;

export function PlanPage({ id }: { id: string }) {
  const { lang } = useI18n();
  const m = useMessages(planMessages);
  const user = useCurrentUser();
  const { data, error } = useQuery(PLAN, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const plan = data?.node.__typename === 'AnnualPlan' ? data.node : null;
  if (!plan) return <QueryState error={error} />;
  const editable = canEditPlans(user) && (plan.status === 'DRAFT' || plan.status === 'RETURNED');

  const itemColumns = [
    { key: 'position', title: '#', render: (_: unknown, r: PlanItemRow) => r.item?.position ?? '—', width: 50 },
    { key: 'name', title: m('item'), render: (_: unknown, r: PlanItemRow) => r.item?.name ?? '—' },
    { key: 'department', title: m('department'), render: (_: unknown, r: PlanItemRow) => r.item?.department?.name ?? '—' },
    { key: 'ratio', title: m('ratio'), render: (_: unknown, r: PlanItemRow) => `${formatRatio(r.ratio)}（${percent(r.ratio)}）` },
    { key: 'minRatio', title: m('minRatio'), render: (_: unknown, r: PlanItemRow) => (r.item ? percent(r.item.minRatio) : '—') },
    { key: 'rounds', title: m('itemRounds'), dataIndex: 'rounds' },
  ];
  const itemRows = [...plan.items].sort((a, b) => (a.item?.position ?? 0) - (b.item?.position ?? 0));
  const exportSpec = () => ({
    fileName: `${plan.title}-${m('items')}`,
    columns: [
      { title: '#', value: (r: PlanItemRow) => r.item?.position ?? '' },
      { title: m('item'), value: (r: PlanItemRow) => r.item?.name ?? '' },
      { title: m('department'), value: (r: PlanItemRow) => r.item?.department?.name ?? '' },
      { title: m('ratio'), value: (r: PlanItemRow) => `${formatRatio(r.ratio)}（${percent(r.ratio)}）` },
      { title: m('minRatio'), value: (r: PlanItemRow) => (r.item ? percent(r.item.minRatio) : '') },
      { title: m('itemRounds'), value: (r: PlanItemRow) => r.rounds },
    ],
    fetchPage: loadedRows(itemRows),
  });

  return (
    <Flex vertical gap={16} style={{ width: '100%' }} data-testid="plan-page">
      <BackLink to={PATHS.plans} />
      <Card
        title={
          <Space wrap>
            <span data-testid="plan-title">{plan.title}</span>
            <Tag data-testid="plan-version">{m('versionLabel', { version: plan.version })}</Tag>
            <Tag color={PLAN_STATUS_COLORS[plan.status]} data-testid="plan-status" data-status={plan.status}>
              {m(plan.status)}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(LINKS.editPlan(plan.id))} data-testid="plan-edit">
                {m('editPlan')}
              </Button>
            )}
            <PlanWorkflowButtons plan={plan} />
          </Space>
        }
      >
        {plan.reviewComment && (
          <Alert
            type={plan.status === 'RETURNED' ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={m('reviewComment')}
            description={plan.reviewComment}
            data-testid="plan-review-comment"
          />
        )}
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'year', label: m('year'), children: plan.year },
            { key: 'rounds', label: m('rounds'), children: plan.rounds },
            { key: 'scope', label: m('scope'), children: plan.scope, span: 2 },
            { key: 'req', label: m('inspectorRequirements'), children: plan.inspectorRequirements ?? '—', span: 2 },
            {
              key: 'schedule',
              label: m('schedule'),
              span: 2,
              children: (
                <Space direction="vertical" size={2}>
                  {scheduleOf(plan.schedule).map((r) => (
                    <span key={r.round}>
                      {m('round', { round: r.round })}：{r.from} — {r.to}
                    </span>
                  ))}
                </Space>
              ),
            },
            { key: 'ruleVersion', label: m('ruleVersion'), children: plan.ruleVersion },
            { key: 'updatedAt', label: m('updatedAt'), children: formatDateTime(plan.updatedAt, lang) },
            { key: 'approvedAt', label: m('approvedAt'), children: formatDateTime(plan.approvedAt, lang) },
            { key: 'publishedAt', label: m('publishedAt'), children: formatDateTime(plan.publishedAt, lang) },
          ]}
        />
      </Card>
      <Card title={m('items')} extra={<ExportCsvButton spec={exportSpec} disabled={!itemRows.length} testId="plan-items-export" />}>
        <Table<PlanItemRow>
          rowKey={(r) => r.item?.id ?? r.ratio}
          size="small"
          columns={itemColumns}
          dataSource={itemRows}
          pagination={false}
          data-testid="plan-items"
        />
      </Card>
      <PlanVersionsCard plan={plan} />
      <PlanRiskCard planId={plan.id} />
    </Flex>
  );
}
