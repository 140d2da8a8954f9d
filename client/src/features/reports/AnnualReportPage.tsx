/**
 * 年度双随机工作总结: a bureau's year (its office, leader and supervisor), or a province's aggregates of the
 * bureaus below it, with charts as the dashboards draw them and the same figures as xlsx and A4 PDF.
 */
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Col, Descriptions, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { PATHS, queryParam } from '../../app/navigation';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { percent } from '../dashboards/charts';
import { EChart } from '../dashboards/EChart';
import { YearSelect, currentYear } from '../dashboards/YearSelect';
import { useYearInAddress } from '../dashboards/useYearInAddress';
import { DownloadButton } from '../imports/DownloadButton';
import { reportMessages } from './messages';
import { ANNUAL_REPORT, type AnnualReportData, type ReportBureau } from './operations';
import { funnelOption, latenessOption } from './report-charts';

const COLUMN = { display: 'flex', flexDirection: 'column', gap: 16 } as const;

function Headline({ report }: { report: AnnualReportData }) {
  const m = useMessages(reportMessages);
  const { inspections: i, lateness: l } = report.totals;
  const late = l.reportedLate + l.publishedLate + l.overdueRecords + l.unreportedSelections;
  const cards = [
    { key: 'coverage', title: m('coverage'), value: percent(i.coverage), hint: m('coverageHint', { part: i.coveredEntities, whole: i.directoryEntities }) },
    { key: 'problemRate', title: m('problemRate'), value: percent(i.problemRate), hint: m('problemRateHint', { part: i.problems, whole: i.published }) },
    { key: 'drawnEntities', title: m('drawnEntities'), value: String(i.drawnEntities), hint: m('drawnHint', { count: i.selections }) },
    {
      key: 'late',
      title: m('late'),
      value: String(late),
      hint: m('lateHint', { reported: l.reportedLate, published: l.publishedLate, overdue: l.overdueRecords, unreported: l.unreportedSelections }),
      danger: late > 0,
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((card) => (
        <Col key={card.key} xs={24} sm={12} lg={6}>
          <Card size="small" data-testid={`report-figure-${card.key}`} data-value={card.value}>
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

function BureauTable({ bureaus }: { bureaus: ReportBureau[] }) {
  const m = useMessages(reportMessages);
  /** A right-aligned figure of a bureau; `wide` ones only on a screen of at least md. */
  const figure = (key: string, title: string, value: (b: ReportBureau) => ReactNode, wide = true) => ({
    key,
    title,
    render: (_: unknown, b: ReportBureau) => value(b),
    align: 'right' as const,
    ...(wide && { responsive: ['md' as const] }),
  });
  const columns = [
    { key: 'name', title: m('bureau'), dataIndex: 'name' },
    figure('drawn', m('drawnEntities'), (b) => b.figures.inspections.drawnEntities),
    figure('published', m('published'), (b) => b.figures.inspections.published),
    figure('coverage', m('coverage'), (b) => percent(b.figures.inspections.coverage), false),
    figure('problemRate', m('problemRate'), (b) => percent(b.figures.inspections.problemRate), false),
    figure('late', m('reportedLate'), (b) => b.figures.lateness.reportedLate),
    figure('unreported', m('unreportedSelections'), (b) => b.figures.lateness.unreportedSelections),
    figure('referred', m('referred'), (b) => b.figures.referrals.referred),
    figure('referralsFiled', m('referralsFiled'), (b) => b.figures.referrals.filed),
  ];
  return (
    <Card size="small" title={m('byBureau')} data-testid="report-bureaus">
      <Table<ReportBureau>
        size="small"
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={bureaus}
        onRow={(b) => ({ 'data-testid': 'report-bureau-row', 'data-key': b.regionCode }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}

export function AnnualReportPage() {
  const m = useMessages(reportMessages);
  const [year, setYear] = useState(() => Number(queryParam('year')) || currentYear());
  useYearInAddress(year);
  const { data, error } = useQuery(ANNUAL_REPORT, { variables: { year }, fetchPolicy: 'cache-and-network' });
  const r = data?.annualReport;
  const province = r?.scope === 'PROVINCE';
  const funnel = useMemo(() => (r ? funnelOption(r.totals, r.bureaus, m) : null), [r, m]);
  const lateness = useMemo(() => (r ? latenessOption(r.totals, r.bureaus, m) : null), [r, m]);
  const chartHeight = (rows: number) => (province ? Math.max(200, 60 + rows * 4 * 18) : 200);

  return (
    <Card
      style={{ width: '100%' }}
      data-testid="annual-report-card"
      title={
        <Typography.Text strong ellipsis>
          {m('title')}
        </Typography.Text>
      }
    >
      <div style={COLUMN}>
        <BackLink to={province ? PATHS.provincialDashboard : PATHS.dashboard} label={m('backToDashboard')} />
        <Space wrap>
          <YearSelect value={year} onChange={setYear} />
          <DownloadButton url={`/api/reports/annual/${year}.xlsx`} fallbackName={`annual-report-${year}.xlsx`} testId="annual-report-xlsx">
            {m('downloadXlsx')}
          </DownloadButton>
          <DownloadButton url={`/api/reports/annual/${year}.pdf`} fallbackName={`annual-report-${year}.pdf`} testId="annual-report-pdf">
            {m('downloadPdf')}
          </DownloadButton>
        </Space>
        {!r || r.year !== year ? (
          <QueryState error={error} />
        ) : (
          <>
            <div>
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="annual-report-unit">
                {r.unitName}
              </Typography.Title>
              <Typography.Text type="secondary">
                {province ? `${m('provinceNote', { count: r.bureaus.length })} · ` : ''}
                {m('asOf', { date: r.asOf })}
              </Typography.Text>
            </div>
            <Headline report={r} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card size="small" title={m('funnel')}>
                  <EChart option={funnel!} height={chartHeight(r.bureaus.length)} label={m('funnel')} testId="annual-report-funnel" />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={m('lateness')}>
                  <EChart option={lateness!} height={chartHeight(r.bureaus.length)} label={m('lateness')} testId="annual-report-lateness" />
                </Card>
              </Col>
            </Row>
            {province && <BureauTable bureaus={r.bureaus} />}
            {r.sections.map((section) => (
              <Card key={section.name} size="small" title={section.title} data-testid={`report-section-${section.name}`}>
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, sm: 2, lg: 3 }}
                  items={section.lines.map((line) => ({
                    key: line.label,
                    label: line.label,
                    children: (
                      <span data-testid="report-line" data-label={line.label} data-value={line.value}>
                        {line.value}
                      </span>
                    ),
                  }))}
                />
              </Card>
            ))}
          </>
        )}
      </div>
    </Card>
  );
}
