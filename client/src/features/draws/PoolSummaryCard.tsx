/** 名单概况: per item the eligible targets and why others are left out; inspectors, recusal pairs, joint parties. */
import { Card, Descriptions, Table } from 'antd';
import { POOL_EXCLUSION_RULES, RISK_CLASS_LABELS, formatRatio, type PoolExclusionRule, type RestrictableRiskClass } from '@spotcheck/shared';
import { useMessages } from '../../app/i18n';
import { drawMessages } from './messages';
import type { PoolSummary, Stratum } from './draw-data';

export function PoolSummaryCard({ summary }: { summary: PoolSummary }) {
  const m = useMessages(drawMessages);
  const excludedTotal = (s: Stratum) => Object.values(s.excluded ?? {}).reduce((a, b) => a + b, 0);
  const columns = [
    { key: 'item', title: m('item'), dataIndex: 'item' },
    { key: 'ratio', title: m('ratio'), render: (_: unknown, s: Stratum) => formatRatio(s.ratio) },
    { key: 'eligible', title: m('eligible'), dataIndex: 'eligible' },
    // Each rule that left entities out, with its count: what a refusal of an emptied pool names too.
    ...(Object.keys(POOL_EXCLUSION_RULES) as PoolExclusionRule[]).map((rule) => ({
      key: `excluded-${rule}`,
      title: POOL_EXCLUSION_RULES[rule],
      render: (_: unknown, s: Stratum) => <span data-testid={`pool-excluded-${rule}`}>{s.excluded?.[rule] ?? 0}</span>,
    })),
    { key: 'excluded', title: m('excluded'), render: (_: unknown, s: Stratum) => excludedTotal(s) },
  ];
  return (
    <Card title={m('pool')} data-testid="pool-summary">
      <Table<Stratum> rowKey="key" size="small" columns={columns} dataSource={summary.strata} pagination={false} />
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'inspectors', label: m('inspectors'), children: <span data-testid="pool-inspectors">{summary.inspectors}</span> },
          { key: 'exclusions', label: m('exclusions'), children: summary.exclusions },
          ...(summary.risk
            ? [
                {
                  key: 'risk',
                  label: '风险等级',
                  children: (
                    <span data-testid="pool-risk">
                      只抽{summary.risk.classes.map((c) => RISK_CLASS_LABELS[c as RestrictableRiskClass] ?? c).join('、')}对象，其他风险等级{' '}
                      {summary.risk.otherClasses} 户不在范围内
                      {summary.risk.extraRound ? '（细则增加的轮次：本年已抽查过的对象可再次抽取，但不超过每年抽查次数上限）' : ''}
                    </span>
                  ),
                },
              ]
            : []),
          ...(summary.joint
            ? [
                {
                  key: 'joint',
                  label: m('jointGroups'),
                  children: summary.joint.groups.map((g) => `${g.bureau}${g.department}（${g.inspectors}）`).join('；') || '—',
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
