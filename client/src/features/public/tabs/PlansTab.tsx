/** A bureau's published annual plans: scope, rounds with their dates, items with ratios. */
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Empty, Flex, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n, useMessages } from '../../../app/i18n';
import { QueryState } from '../../../components/QueryState';
import { percent } from '../format';
import { publicMessages } from '../messages';
import { PUBLIC_PLANS } from '../operations';

interface Round {
  round: number;
  from: string;
  to: string;
}
interface PlanItem {
  item: string;
  ratio: string;
  rounds: number;
}

/** The JSON fields of a public plan, read defensively. */
const rounds = (value: unknown): Round[] => (Array.isArray(value) ? (value as Round[]).filter((r) => r && typeof r.from === 'string') : []);
const planItems = (value: unknown): PlanItem[] => (Array.isArray(value) ? (value as PlanItem[]).filter((i) => i && typeof i.item === 'string') : []);

export function PlansTab({ bureauId }: { bureauId: string }) {
  const { lang } = useI18n();
  const m = useMessages(publicMessages);
  const { data, error } = useQuery(PUBLIC_PLANS, { variables: { bureauId } });
  if (!data) return <QueryState error={error} />;
  if (!data.publicPlans.length) return <Empty description={m('noPlans')} />;
  return (
    <Flex vertical gap={12}>
      {data.publicPlans.map((plan) => (
        <Card key={plan.id} size="small" title={`${m('planYear', { year: plan.year })} · ${plan.title}`} data-testid="public-plan">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'scope', label: m('scope'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan.scope}</span> },
              ...(plan.inspectorRequirements ? [{ key: 'req', label: m('inspectorRequirements'), children: plan.inspectorRequirements }] : []),
              { key: 'rounds', label: m('rounds'), children: plan.rounds },
              {
                key: 'schedule',
                label: m('schedule'),
                children: rounds(plan.schedule)
                  .map((r) => m('roundRange', { round: r.round, from: r.from, to: r.to }))
                  .join('；'),
              },
              {
                key: 'items',
                label: m('planItems'),
                children: (
                  <Flex vertical>
                    {planItems(plan.items).map((i) => (
                      <Typography.Text key={i.item}>
                        {i.item}：{m('ratioAtLeast', { percent: percent(i.ratio) })}，{m('planItemRounds', { rounds: i.rounds })}
                      </Typography.Text>
                    ))}
                  </Flex>
                ),
              },
              { key: 'published', label: m('publishedAt'), children: formatDateTime(plan.publishedAt, lang) },
            ]}
          />
        </Card>
      ))}
    </Flex>
  );
}
