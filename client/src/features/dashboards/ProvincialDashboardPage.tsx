/**
 * 全省统计看板: the figures of every bureau below the province, by region on a map (with drill-down from
 * province to city to county), by bureau, item, department and month. Only aggregates reach this page.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Breadcrumb, Card, Col, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useI18n, useMessages } from '../../app/i18n';
import { formatDateTime } from '../../app/format';
import { LINKS, queryParam } from '../../app/navigation';
import { loadedRows } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { QueryState } from '../../components/QueryState';
import { AnnualReportLink } from '../reports/AnnualReportLink';
import { BreakdownCard } from './BreakdownCard';
import { FiguresTable, useFigureCsvColumns } from './BreakdownTable';
import { METRICS, metricValue, percent, type Metric } from './charts';
import { FigureCards } from './FigureCards';
import { dashboardMessages } from './messages';
import { PROVINCIAL_DASHBOARD, type BureauRow, type RegionRow } from './operations';
import { RegionMap } from './RegionMap';
import { YearSelect, currentYear } from './YearSelect';
import { useYearInAddress } from './useYearInAddress';

/** Sections one below the other, each as wide as the card (charts size themselves to their box). */
const COLUMN = { display: 'flex', flexDirection: 'column', gap: 16 } as const;

export function ProvincialDashboardPage() {
  const m = useMessages(dashboardMessages);
  const { lang } = useI18n();
  const [year, setYear] = useState(() => Number(queryParam('year')) || currentYear());
  const [region, setRegion] = useState<string | null>(() => queryParam('region'));
  const [metric, setMetric] = useState<Metric>('coverage');
  useYearInAddress(year, region);
  const { data, error } = useQuery(PROVINCIAL_DASHBOARD, { variables: { year, regionCode: region }, fetchPolicy: 'cache-and-network' });
  const d = data?.provincialDashboard;
  const ready = d && d.year === year && (region == null || d.region.code === region);

  const mapValues = useMemo(() => new Map((d?.byRegion ?? []).filter((r) => !r.own).map((r) => [r.region.code, metricValue(r.figures, metric)])), [d, metric]);
  const drill = (code: string) => setRegion(code);
  const regionFigures = useFigureCsvColumns((r: RegionRow) => r.figures);
  const bureauFigures = useFigureCsvColumns((b: BureauRow) => b.figures);
  const exportName = `${d?.region.name ?? m('provincialTitle')}-${year}`;

  const regionName = (r: RegionRow) => (r.own ? m('own', { name: r.region.name }) : r.region.name);
  const regionColumns = [
    {
      key: 'region',
      title: m('region'),
      render: (_: unknown, r: RegionRow) =>
        r.own ? (
          regionName(r)
        ) : (
          <Typography.Link onClick={() => drill(r.region.code)} data-testid="region-drill">
            {regionName(r)}
          </Typography.Link>
        ),
    },
    { key: 'bureaus', title: m('bureaus'), dataIndex: 'bureaus', align: 'right' as const },
    { key: 'coverage', title: m('coverage'), render: (_: unknown, r: RegionRow) => percent(r.figures.coverage), align: 'right' as const },
    { key: 'completion', title: m('completion'), render: (_: unknown, r: RegionRow) => percent(r.figures.completion), align: 'right' as const },
    { key: 'problemRate', title: m('problemRate'), render: (_: unknown, r: RegionRow) => percent(r.figures.problemRate), align: 'right' as const },
    { key: 'overdue', title: m('overdue'), render: (_: unknown, r: RegionRow) => r.figures.overdue, align: 'right' as const },
  ];

  const regionExport = () => ({
    fileName: `${exportName}-${m('byRegion')}`,
    columns: [
      { title: m('region'), value: (r: RegionRow) => regionName(r) },
      { title: m('regionCode'), value: (r: RegionRow) => r.region.code },
      { title: m('bureaus'), value: (r: RegionRow) => r.bureaus },
      ...regionFigures,
    ],
    fetchPage: loadedRows(d?.byRegion ?? []),
  });
  const bureauExport = () => ({
    fileName: `${exportName}-${m('byBureau')}`,
    columns: [
      { title: m('bureau'), value: (b: BureauRow) => b.name },
      { title: m('kind'), value: (b: BureauRow) => m(b.kind === 'CITY_BUREAU' ? 'CITY_BUREAU' : 'COUNTY_BUREAU') },
      { title: m('regionCode'), value: (b: BureauRow) => b.regionCode },
      ...bureauFigures,
    ],
    fetchPage: loadedRows(d?.byBureau ?? []),
  });

  return (
    <Card
      style={{ width: '100%' }}
      data-testid="provincial-card"
      title={
        <Space wrap size={12}>
          <span>{m('provincialTitle')}</span>
          {d && (
            <Breadcrumb
              data-testid="provincial-trail"
              items={d.trail.map((r, i) => ({
                key: r.code,
                title:
                  i === d.trail.length - 1 ? (
                    <span data-testid={`trail-${r.code}`}>{r.name}</span>
                  ) : (
                    <Typography.Link onClick={() => setRegion(i === 0 ? null : r.code)} data-testid={`trail-${r.code}`}>
                      {r.name}
                    </Typography.Link>
                  ),
              }))}
            />
          )}
        </Space>
      }
      extra={<YearSelect value={year} onChange={setYear} />}
    >
      {!ready ? (
        <QueryState error={error} />
      ) : (
        <div style={COLUMN}>
          <FigureCards figures={d.totals} />
          <Space wrap>
            <Typography.Text type="secondary" data-testid="dashboard-as-of">
              {m('asOf', { date: d.asOf })}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="dashboard-data-as-of">
              {m('dataAsOf', { time: formatDateTime(d.dataAsOf, lang) })}
            </Typography.Text>
            <AnnualReportLink to={LINKS.provincialAnnualReport} year={year} />
          </Space>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={m('map')}
                extra={
                  <Segmented
                    size="small"
                    aria-label={m('mapMetric')}
                    value={metric}
                    onChange={(v) => setMetric(v as Metric)}
                    options={METRICS.map((key) => ({ value: key, label: m(key) }))}
                    data-testid="map-metric"
                  />
                }
              >
                <RegionMap code={d.region.code} values={mapValues} metric={metric} metricName={m(metric)} onPick={drill} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m('mapHint')}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={m('byRegion')}
                data-testid="provincial-by-region"
                extra={<ExportCsvButton spec={regionExport} size="small" disabled={!d.byRegion.length} testId="provincial-regions-export" />}
              >
                <Table<RegionRow>
                  rowKey={(r) => `${r.region.code}${r.own ? '-own' : ''}`}
                  size="small"
                  columns={regionColumns}
                  dataSource={d.byRegion}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: m('noBureaus') }}
                  onRow={(r) => ({ 'data-testid': 'region-row', 'data-key': r.region.code, 'data-own': String(r.own) }) as HTMLAttributes<HTMLElement>}
                />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={m('byBureau')}
            data-testid="provincial-by-bureau"
            extra={<ExportCsvButton spec={bureauExport} size="small" disabled={!d.byBureau.length} testId="provincial-bureaus-export" />}
          >
            <FiguresTable
              rows={d.byBureau.map((b) => ({
                key: b.regionCode,
                name: b.regionCode === d.region.code ? b.name : <Typography.Link onClick={() => drill(b.regionCode)}>{b.name}</Typography.Link>,
                extra: <Tag>{m(b.kind === 'CITY_BUREAU' ? 'CITY_BUREAU' : 'COUNTY_BUREAU')}</Tag>,
                figures: b.figures,
              }))}
              nameTitle={m('bureau')}
              extraTitle={m('region')}
              testId="provincial-bureaus"
              rowTestId="bureau-row"
            />
          </Card>
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
