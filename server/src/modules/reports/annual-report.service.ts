import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import { PROBLEM_CODES } from '../dashboards/dashboard-figures';
import { todayInChina } from '../inspections/inspection-deadlines';
import { Tenant, TenantKind } from '../tenants/tenant.entity';
import { AnnualReportScope, type AnnualReport, type AnnualReportFigures } from './annual-report.types';
import { NO_METRICS, sumMetrics, type Metrics } from './report-metrics';
import { reportYear } from './report-year';
import { SECTIONS, type SectionName } from './sections';

export type SectionMetrics = Readonly<Record<SectionName, Metrics>>;

export interface ReportUnit {
  tenantId: string;
  name: string;
  regionCode: string;
  metrics: SectionMetrics;
}

/** What the page, the spreadsheet and the PDF show: counts only, per section. */
export interface AnnualReportData {
  year: number;
  asOf: string;
  scope: AnnualReportScope;
  unitName: string;
  totals: SectionMetrics;
  /** The province's bureaus, one each; empty for a bureau's own report. */
  bureaus: ReportUnit[];
}

interface SectionRow {
  section: SectionName;
  tenant_id: string;
  metric: string;
  n: string | number;
}

const BUREAU_KINDS: readonly TenantKind[] = [TenantKind.CITY_BUREAU, TenantKind.COUNTY_BUREAU];
const BUREAU_READERS = ['OFFICE', 'LEADER', 'SUPERVISOR'] as const;
const REFUSAL = '年度工作总结仅供本局办公室、分管领导、纪检监督人员和省级查看人员查阅';

/** Rows of the section functions, grouped by tenant and section. */
function byTenant(rows: SectionRow[]): Map<string, SectionMetrics> {
  const found = new Map<string, Record<string, Map<string, number>>>();
  for (const row of rows) {
    const sections = found.get(row.tenant_id) ?? {};
    const metrics = (sections[row.section] ??= new Map());
    metrics.set(row.metric, (metrics.get(row.metric) ?? 0) + Number(row.n));
    found.set(row.tenant_id, sections);
  }
  return new Map([...found].map(([tenant, sections]) => [tenant, complete(sections)]));
}

function complete(sections: Partial<Record<string, Metrics>>): SectionMetrics {
  return Object.fromEntries(SECTIONS.map((s) => [s.name, sections[s.name] ?? NO_METRICS])) as SectionMetrics;
}

function sumUnits(units: readonly SectionMetrics[]): SectionMetrics {
  return Object.fromEntries(SECTIONS.map((s) => [s.name, sumMetrics(units.map((u) => u[s.name]))])) as SectionMetrics;
}

async function bureauReport(m: EntityManager, own: Tenant, year: number, asOf: string): Promise<AnnualReportData> {
  const rows = (await m.query(`SELECT * FROM annual_report_sections(ARRAY[$1]::uuid[], $2, $3, $4)`, [own.id, year, asOf, PROBLEM_CODES])) as SectionRow[];
  return {
    year,
    asOf,
    scope: AnnualReportScope.BUREAU,
    unitName: own.name,
    totals: byTenant(rows.filter((r) => r.tenant_id === own.id)).get(own.id) ?? complete({}),
    bureaus: [],
  };
}

/** The bureaus below the province, each with its counts, through the one owner-rights function. */
async function provincialReport(m: EntityManager, own: Tenant, year: number, asOf: string): Promise<AnnualReportData> {
  const rows = (await m.query(`SELECT * FROM provincial_annual_report($1, $2, $3)`, [year, asOf, PROBLEM_CODES])) as SectionRow[];
  const counts = byTenant(rows);
  // The names and regions of the bureaus below: the tenants policy shows a province its subtree.
  const below = await m
    .createQueryBuilder(Tenant, 't')
    .where('t.id <> :own AND t.kind IN (:...kinds) AND t.status = :active', { own: own.id, kinds: BUREAU_KINDS, active: 'ACTIVE' })
    .andWhere(`position('/' || :own || '/' in t.path) > 0`)
    .getMany();
  const named = new Map(below.map((t) => [t.id, t]));
  const ids = [...new Set([...below.map((t) => t.id), ...counts.keys()])].filter((id) => named.has(id));
  const bureaus = ids
    .map((id) => ({ tenantId: id, name: named.get(id)!.name, regionCode: named.get(id)!.regionCode, metrics: counts.get(id) ?? complete({}) }))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  return { year, asOf, scope: AnnualReportScope.PROVINCE, unitName: own.name, totals: sumUnits(bureaus.map((b) => b.metrics)), bureaus };
}

/**
 * 年度双随机工作总结 for the viewer: a bureau's office, leader or supervisor get their own bureau's; a
 * provincial viewer gets the bureaus below its province, as aggregates. Nobody else gets one.
 */
export async function loadAnnualReport(ctx: RequestContext, year: unknown): Promise<AnnualReportData> {
  const viewer = requireViewer(ctx);
  const asOf = todayInChina();
  const y = reportYear(year, asOf);
  return tenantTx(ctx, async (m) => {
    const own = await m.findOneBy(Tenant, { id: viewer.tenantId });
    if (own && BUREAU_KINDS.includes(own.kind) && viewer.roles.some((r) => (BUREAU_READERS as readonly string[]).includes(r))) {
      return bureauReport(m, own, y, asOf);
    }
    if (own?.kind === TenantKind.PROVINCIAL_DEPARTMENT && viewer.roles.includes('PROVINCIAL_VIEWER')) return provincialReport(m, own, y, asOf);
    throw forbidden(REFUSAL);
  });
}

export function figuresOf(metrics: SectionMetrics): AnnualReportFigures {
  return Object.fromEntries(SECTIONS.map((s) => [s.name, s.shape(metrics[s.name])])) as unknown as AnnualReportFigures;
}

export function annualReportOf(data: AnnualReportData): AnnualReport {
  return {
    year: data.year,
    asOf: data.asOf,
    scope: data.scope,
    unitName: data.unitName,
    totals: figuresOf(data.totals),
    sections: SECTIONS.map((s) => ({ name: s.name, title: s.title, lines: s.lines(data.totals[s.name]) })),
    bureaus: data.bureaus.map((b) => ({ id: toGlobalId('Tenant', b.tenantId), name: b.name, regionCode: b.regionCode, figures: figuresOf(b.metrics) })),
  };
}
