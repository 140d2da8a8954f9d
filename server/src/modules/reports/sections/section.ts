import type { Metrics, ReportLine } from '../report-metrics';

/** The sections of the report; each has its SQL function `annual_report_<name>` (migration AnnualReport). */
export type SectionName = 'work' | 'inspections' | 'lateness' | 'handling' | 'rectification' | 'referrals' | 'credit';

/**
 * One section of the year's report: its title, the GraphQL object made from its metrics, and its lines
 * in the downloaded xlsx and PDF. A section reads nothing itself: its counts come from its SQL function,
 * the same for a bureau (caller's rights) and for a province (through provincial_annual_report).
 */
export interface ReportSection<T> {
  name: SectionName;
  title: string;
  shape(metrics: Metrics): T;
  lines(metrics: Metrics): ReportLine[];
}
