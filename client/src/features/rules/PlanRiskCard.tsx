/**
 * 风险分类监管 in a plan: each item's ratio and rounds a year per risk class, as the plan's own rule
 * version sets them (000 第十一条: special objects are drawn at a higher ratio and more often).
 */
import { useQuery } from '@apollo/client/react';
import { Card, Table, Tag, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { planRiskMessages } from './plan-risk-messages';
import { PLAN_RISK, type PlanRiskRow } from './operations';

const percent = (ratio: string) => `${(Number(ratio) * 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`;
const COLORS: Record<string, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'green' };

export function PlanRiskCard({ planId }: { planId: string }) {
  const m = useMessages(planRiskMessages);
  const { data } = useQuery(PLAN_RISK, { variables: { id: planId }, fetchPolicy: 'cache-and-network' });
  const rows = data?.node.__typename === 'AnnualPlan' ? data.node.riskTreatment : [];
  if (!rows.length) return null;
  const columns = [
    { key: 'item', title: m('item'), render: (_: unknown, r: PlanRiskRow) => r.item?.name ?? '—' },
    { key: 'risk', title: m('risk'), render: (_: unknown, r: PlanRiskRow) => <Tag color={COLORS[r.risk]}>{m(`risk_${r.risk}` as 'risk_HIGH')}</Tag> },
    { key: 'ratio', title: m('ratio'), render: (_: unknown, r: PlanRiskRow) => percent(r.ratio) },
    { key: 'rounds', title: m('rounds'), render: (_: unknown, r: PlanRiskRow) => <span data-testid={`plan-risk-rounds-${r.risk}`}>{r.rounds}</span> },
  ];
  return (
    <Card title={m('title')} data-testid="plan-risk">
      <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
      <Table<PlanRiskRow> rowKey={(r) => `${r.item?.id ?? ''}-${r.risk}`} size="small" columns={columns} dataSource={rows} pagination={false} />
    </Card>
  );
}
