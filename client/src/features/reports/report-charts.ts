/** ECharts options of the year's report: drawn → inspected → published → problems, and late work; per bureau for a province. */
import type { ChartOption } from '../dashboards/EChart';
import type { ReportBureau, ReportFigures } from './operations';

type Words = (
  key: 'drawnEntities' | 'inspected' | 'published' | 'problems' | 'reportedLate' | 'publishedLate' | 'overdueRecords' | 'unreportedSelections',
) => string;

const FUNNEL = ['drawnEntities', 'inspected', 'published', 'problems'] as const;
const LATE = ['reportedLate', 'publishedLate', 'overdueRecords', 'unreportedSelections'] as const;
const RED = '#cf1322';

function funnelValues(f: ReportFigures): number[] {
  return [f.inspections.drawnEntities, f.inspections.inspectedEntities, f.inspections.published, f.inspections.problems];
}

function lateValues(f: ReportFigures): number[] {
  return [f.lateness.reportedLate, f.lateness.publishedLate, f.lateness.overdueRecords, f.lateness.unreportedSelections];
}

/** One bar per figure for a bureau; for a province, a group per bureau with the figures as series. */
function bars(
  keys: readonly Parameters<Words>[0][],
  values: (f: ReportFigures) => number[],
  totals: ReportFigures,
  bureaus: ReportBureau[],
  w: Words,
  redFrom: number,
): ChartOption {
  const grid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };
  if (!bureaus.length) {
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { ...grid, top: 16 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: keys.map(w), inverse: true },
      series: [
        {
          type: 'bar',
          label: { show: true, position: 'right' },
          data: values(totals).map((value, i) => ({ value, itemStyle: i >= redFrom ? { color: RED } : undefined })),
        },
      ],
    };
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: bureaus.map((b) => b.name), inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
    series: keys.map((key, i) => ({
      type: 'bar' as const,
      name: w(key),
      data: bureaus.map((b) => values(b.figures)[i]!),
      // Several series: the palette tells them apart, red is kept for problems.
      itemStyle: key === 'problems' ? { color: RED } : undefined,
    })),
  };
}

export const funnelOption = (totals: ReportFigures, bureaus: ReportBureau[], w: Words) => bars(FUNNEL, funnelValues, totals, bureaus, w, 3);
export const latenessOption = (totals: ReportFigures, bureaus: ReportBureau[], w: Words) => bars(LATE, lateValues, totals, bureaus, w, 0);
