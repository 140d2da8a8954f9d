import { AnnualReportScope } from './annual-report.types';
import type { AnnualReportData } from './annual-report.service';
import { count, percentText, ratio, type ReportLine } from './report-metrics';
import { SECTIONS } from './sections';

/** A table of the printed report: a heading, its column headers and rows of text. */
export interface ReportTable {
  heading: string;
  headers: string[];
  rows: string[][];
}

/** The report as the xlsx and the PDF lay it out: the same title, byline and tables in both. */
export interface ReportDocument {
  title: string;
  byline: string;
  tables: ReportTable[];
  fileBase: string;
}

/** The province's table of each bureau's main figures. */
function bureauTable(data: AnnualReportData): ReportTable {
  return {
    heading: '七、各局主要指标',
    headers: ['单位', '摇中对象', '已公示结果', '名录覆盖率', '问题发现率', '逾期提交', '期满未报告', '移送', '立案'],
    rows: data.bureaus.map((b) => {
      const i = b.metrics.inspections;
      return [
        b.name,
        String(count(i, 'drawnEntities')),
        String(count(i, 'published')),
        percentText(ratio(count(i, 'coveredEntities'), count(i, 'directoryEntities'))),
        percentText(ratio(count(i, 'problems'), count(i, 'published'))),
        String(count(b.metrics.lateness, 'reportedLate')),
        String(count(b.metrics.lateness, 'unreportedSelections')),
        String(count(b.metrics.referrals, 'referred')),
        String(count(b.metrics.referrals, 'filed')),
      ];
    }),
  };
}

export function reportDocument(data: AnnualReportData): ReportDocument {
  const province = data.scope === AnnualReportScope.PROVINCE;
  const title = `${data.unitName}${data.year}年度“双随机、一公开”抽查工作总结`;
  const byline = province ? `下级 ${data.bureaus.length} 个市、县局的汇总 · 统计截至 ${data.asOf}（北京时间）` : `统计截至 ${data.asOf}（北京时间）`;
  const valueHeader = province ? '全省合计' : '数值';
  const tables: ReportTable[] = SECTIONS.map((s) => ({
    heading: s.title,
    headers: ['指标', valueHeader],
    rows: s.lines(data.totals[s.name]).map((line: ReportLine) => [line.label, line.value]),
  }));
  if (province) tables.push(bureauTable(data));
  return { title, byline, tables, fileBase: `${data.unitName}${data.year}年度双随机抽查工作总结` };
}
