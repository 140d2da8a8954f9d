/** The four headline figures: coverage, completion, problem rate and overdue, each with what it is made of. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { percent } from './charts';
import { dashboardMessages } from './messages';
import type { Figures } from './operations';

export function FigureCards({ figures, testId = 'dashboard-figures' }: { figures: Figures; testId?: string }) {
  const m = useMessages(dashboardMessages);
  const cards = [
    {
      key: 'coverage',
      title: m('coverage'),
      value: percent(figures.coverage),
      hint: m('coverageHint', { part: figures.inspectedEntities, whole: figures.entities }),
    },
    {
      key: 'completion',
      title: m('completion'),
      value: percent(figures.completion),
      hint: m('completionHint', { part: figures.completed ?? 0, whole: figures.drawn ?? 0 }),
    },
    {
      key: 'problemRate',
      title: m('problemRate'),
      value: percent(figures.problemRate),
      hint: m('problemRateHint', { part: figures.problems, whole: figures.published }),
    },
    { key: 'overdue', title: m('overdue'), value: String(figures.overdue), hint: m('overdueHint'), danger: figures.overdue > 0 },
  ];
  return (
    <Row gutter={[12, 12]} data-testid={testId} data-drawn={figures.drawn ?? undefined}>
      {cards.map((card) => (
        <Col key={card.key} xs={24} sm={12} lg={6}>
          <Card size="small" data-testid={`figure-${card.key}`} data-value={card.value}>
            <Statistic title={card.title} value={card.value} styles={{ content: card.danger ? { color: '#cf1322' } : undefined }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {card.hint}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
