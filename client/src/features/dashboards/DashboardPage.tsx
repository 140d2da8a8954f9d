/** 统计看板: the bureau's coverage, completion, problem rate and overdue for a year, by item, department and month. */
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Col, Row, Space, Typography } from 'antd';
import { useI18n, useMessages } from '../../app/i18n';
import { formatDateTime } from '../../app/format';
import { useCurrentUser } from '../../app/current-user';
import { LINKS, queryParam } from '../../app/navigation';
import { canSeeAnnualReport } from '../../app/permissions';
import { QueryState } from '../../components/QueryState';
import { AnnualReportLink } from '../reports/AnnualReportLink';
import { BreakdownCard } from './BreakdownCard';
import { FigureCards } from './FigureCards';
import { OverdueRectifications } from '../rectifications/OverdueRectifications';
import { dashboardMessages } from './messages';
import { DASHBOARD } from './operations';
import { YearSelect, currentYear } from './YearSelect';
import { useYearInAddress } from './useYearInAddress';

/** Sections one below the other, each as wide as the card (charts size themselves to their box). */
const COLUMN = { display: 'flex', flexDirection: 'column', gap: 16 } as const;

export function DashboardPage() {
  const m = useMessages(dashboardMessages);
  const { lang } = useI18n();
  const user = useCurrentUser();
  const [year, setYear] = useState(() => Number(queryParam('year')) || currentYear());
  useYearInAddress(year);
  const { data, error } = useQuery(DASHBOARD, { variables: { year }, fetchPolicy: 'cache-and-network' });
  const d = data?.dashboard;
  const exportName = `${d?.bureau.name ?? m('bureauTitle')}-${year}`;
  return (
    <Card
      style={{ width: '100%' }}
      data-testid="dashboard-card"
      title={
        <Space wrap>
          <span>{m('bureauTitle')}</span>
          {d && <Typography.Text type="secondary">{d.bureau.name}</Typography.Text>}
        </Space>
      }
      extra={<YearSelect value={year} onChange={setYear} />}
    >
      {!d || d.year !== year ? (
        <QueryState error={error} />
      ) : (
        <div style={COLUMN}>
          <FigureCards figures={d.totals} />
          <OverdueRectifications />
          <Space wrap>
            <Typography.Text type="secondary" data-testid="dashboard-as-of">
              {m('asOf', { date: d.asOf })}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="dashboard-data-as-of">
              {m('dataAsOf', { time: formatDateTime(d.dataAsOf, lang) })}
            </Typography.Text>
            {canSeeAnnualReport(user) && <AnnualReportLink to={LINKS.annualReport} year={year} />}
          </Space>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <BreakdownCard kind="item" rows={d.byItem} testId="dashboard-by-item" exportName={exportName} />
            </Col>
            <Col xs={24} xl={12}>
              <BreakdownCard kind="department" rows={d.byDepartment} testId="dashboard-by-department" exportName={exportName} />
            </Col>
          </Row>
          <BreakdownCard kind="month" rows={d.byMonth} testId="dashboard-by-month" exportName={exportName} />
        </div>
      )}
    </Card>
  );
}
