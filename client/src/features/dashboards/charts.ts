/** ECharts options for the dashboards: bars by item or department, bars and a rate line by month, a choropleth by region. */
import type { ChartOption } from './EChart';
import type { BreakdownRow, Figures } from './operations';

export type Metric = 'coverage' | 'completion' | 'problemRate' | 'overdue';
export const METRICS: readonly Metric[] = ['coverage', 'completion', 'problemRate', 'overdue'];

export function percent(value: number | null | undefined): string {
  return value == null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** A metric's value as the map and charts show it: rates in percent, counts as they are. */
export function metricValue(figures: Figures, metric: Metric): number | null {
  const value = figures[metric];
  if (value == null) return null;
  return metric === 'overdue' ? value : Math.round(value * 1000) / 10;
}

type Words = (key: 'drawn' | 'published' | 'problems' | 'records' | 'problemRate' | 'completion') => string;

/** Drawn, published and problems per item or department, as horizontal bars (longest names cut). */
export function breakdownOption(rows: BreakdownRow[], label: (row: BreakdownRow) => string, w: Words): ChartOption {
  const names = rows.map(label);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: w('drawn'), data: rows.map((r) => r.figures.drawn ?? 0) },
      { type: 'bar', name: w('published'), data: rows.map((r) => r.figures.published) },
      { type: 'bar', name: w('problems'), data: rows.map((r) => r.figures.problems), itemStyle: { color: '#cf1322' } },
    ],
  };
}

/** Records, published and problems per month as bars, the problem rate as a line on its own axis. */
export function monthOption(rows: BreakdownRow[], w: Words): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => (r.key ?? '').slice(5)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: w('records'), data: rows.map((r) => r.figures.records) },
      { type: 'bar', name: w('published'), data: rows.map((r) => r.figures.published) },
      { type: 'bar', name: w('problems'), data: rows.map((r) => r.figures.problems), itemStyle: { color: '#cf1322' } },
      {
        type: 'line',
        name: w('problemRate'),
        yAxisIndex: 1,
        connectNulls: true,
        z: 5,
        symbolSize: 8,
        label: { show: true, position: 'top', formatter: '{c}%' },
        data: rows.map((r) => (r.figures.problemRate == null ? null : Math.round(r.figures.problemRate * 1000) / 10)),
      },
    ],
  };
}

export interface MapArea {
  code: string;
  name: string;
  value: number | null;
}

/** The next-level divisions of a region, coloured by one metric; divisions without a bureau stay grey. */
export function mapOption(mapCode: string, areas: MapArea[], names: Map<string, string>, metric: Metric, metricName: string): ChartOption {
  const values = areas.map((a) => a.value).filter((v): v is number => v != null);
  const rate = metric !== 'overdue';
  const max = rate ? 100 : Math.max(1, ...values);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { name: string; value?: number };
        const value = p.value == null || Number.isNaN(p.value) ? '—' : rate ? `${p.value}%` : String(p.value);
        return `${names.get(p.name) ?? p.name}<br/>${metricName}：${value}`;
      },
    },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: true,
      formatter: (value: unknown) => (rate ? `${Math.round(Number(value))}%` : String(Math.round(Number(value)))),
      // Overdue and problems: more is worse (red); coverage and completion: more is better (blue).
      inRange: { color: metric === 'overdue' || metric === 'problemRate' ? ['#fff1f0', '#cf1322'] : ['#e6f4ff', '#0958d9'] },
    },
    series: [
      {
        type: 'map',
        map: mapCode,
        roam: false,
        selectedMode: false,
        label: { show: true, fontSize: 11, formatter: (params: unknown) => names.get((params as { name: string }).name) ?? '' },
        emphasis: { label: { show: true } },
        itemStyle: { areaColor: '#f5f5f5', borderColor: '#8c8c8c' },
        data: areas.map((a) => ({ name: a.code, value: a.value ?? undefined })),
      },
    ],
  };
}
