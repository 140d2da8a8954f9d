import { In, type EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { replicaTenantTx, requireViewer, type RequestContext } from '../../graphql/context';
import { badInput, forbidden, notFound } from '../../graphql/errors';
import { todayInChina } from '../inspections/inspection-deadlines';
import { RegionLevel, type Region } from '../regions/region.entity';
import { Tenant, TenantKind } from '../tenants/tenant.entity';
import { PROBLEM_CODES, ZERO, addCounts, countsOf, figuresOf, monthsOf, type Counts, type RawCounts } from './dashboard-figures';
import type { BureauDashboard, DashboardBureau, DashboardRegion, DashboardRow, ProvincialDashboard } from './dashboard.types';

const BUREAU_KINDS: readonly TenantKind[] = [TenantKind.CITY_BUREAU, TenantKind.COUNTY_BUREAU];

interface FigureRow extends RawCounts {
  dim: 'bureau' | 'item' | 'department' | 'month';
  tenant_id: string | null;
  key: string | null;
  label: string | null;
}

interface ProvincialRow extends FigureRow {
  region_code: string | null;
}

/** The year asked for, or the current one in Beijing time. */
function yearOf(year: number | null | undefined, asOf: string): number {
  const y = year ?? Number(asOf.slice(0, 4));
  if (!Number.isInteger(y) || y < 2000 || y > 2099) throw badInput([{ field: 'year', message: '年份应在 2000 至 2099 之间' }]);
  return y;
}

const byLabel = (a: DashboardRow, b: DashboardRow) => (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff', 'zh-Hans-CN');

/** Twelve month rows, zero where nothing happened; a month's coverage is against the whole directory in scope. */
function monthRows(rows: FigureRow[], year: number, entities: number): DashboardRow[] {
  const found = new Map<string, Counts>();
  for (const row of rows) found.set(row.key!, addCounts(found.get(row.key!) ?? { ...ZERO, drawn: null, completed: null }, countsOf(row)));
  return monthsOf(year).map((month) => ({
    key: month,
    label: month,
    figures: figuresOf({ ...(found.get(month) ?? { ...ZERO, drawn: null, completed: null }), entities }),
  }));
}

/** 本单位统计看板: the bureau's own figures, computed under its RLS scope. */
export async function bureauDashboard(ctx: RequestContext, year: number | null | undefined): Promise<BureauDashboard> {
  const viewer = requireViewer(ctx);
  const asOf = todayInChina();
  const y = yearOf(year, asOf);
  return replicaTenantTx(ctx, async (m, dataAsOf) => {
    const bureau = await m.findOneBy(Tenant, { id: viewer.tenantId });
    if (!bureau || !BUREAU_KINDS.includes(bureau.kind)) throw forbidden('统计看板仅供市、县局使用');
    const rows = (await m.query(`SELECT * FROM dashboard_figures(ARRAY[$1]::uuid[], $2, $3, $4)`, [viewer.tenantId, y, asOf, PROBLEM_CODES])) as FigureRow[];
    const of = (dim: FigureRow['dim']) => rows.filter((r) => r.dim === dim);
    const totals = countsOf(of('bureau')[0]!);
    const keyed =
      (type: 'InspectionItem' | 'Department') =>
      (r: FigureRow): DashboardRow => ({
        key: r.key ? toGlobalId(type, r.key) : null,
        label: r.label,
        figures: figuresOf(countsOf(r)),
      });
    return {
      year: y,
      asOf,
      dataAsOf,
      bureau,
      totals: figuresOf(totals),
      byItem: of('item').map(keyed('InspectionItem')).sort(byLabel),
      byDepartment: of('department').map(keyed('Department')).sort(byLabel),
      byMonth: monthRows(of('month'), y, totals.entities),
    };
  });
}

/** The region and every division below it, as rows of the regions table. */
async function areaOf(m: EntityManager, code: string): Promise<Map<string, Region>> {
  const rows = (await m.query(
    `WITH RECURSIVE area AS (
       SELECT code, name, level, parent_code FROM regions WHERE code = $1
       UNION ALL SELECT r.code, r.name, r.level, r.parent_code FROM regions r JOIN area a ON r.parent_code = a.code)
     SELECT code, name, level, parent_code FROM area`,
    [code],
  )) as { code: string; name: string; level: RegionLevel; parent_code: string | null }[];
  return new Map(rows.map((r) => [r.code, { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }]));
}

/**
 * 省级统计看板: the figures of every active bureau below the viewer's province, or below one of its
 * regions (drill-down), through the one owner-rights function that returns aggregates only.
 */
export async function provincialDashboard(
  ctx: RequestContext,
  year: number | null | undefined,
  regionCode: string | null | undefined,
): Promise<ProvincialDashboard> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('PROVINCIAL_VIEWER')) throw forbidden('省级统计看板仅供省级查看人员使用');
  const asOf = todayInChina();
  const y = yearOf(year, asOf);
  return replicaTenantTx(ctx, async (m, dataAsOf) => {
    const own = await m.findOneBy(Tenant, { id: viewer.tenantId });
    if (!own || own.kind !== TenantKind.PROVINCIAL_DEPARTMENT) throw forbidden('省级统计看板仅供省级单位使用');
    const area = await areaOf(m, own.regionCode);
    const scopeCode = regionCode ?? own.regionCode;
    const scope = area.get(scopeCode);
    if (!scope) throw notFound('行政区划');

    const rows = (await m.query(`SELECT * FROM provincial_dashboard($1, $2, $3, $4)`, [scopeCode, y, asOf, PROBLEM_CODES])) as ProvincialRow[];
    const of = (dim: FigureRow['dim']) => rows.filter((r) => r.dim === dim);
    const bureauRows = of('bureau');
    // Kinds of the bureaus below: the tenants policy shows a province its subtree.
    const ids = bureauRows.map((r) => r.tenant_id!);
    const tenants = new Map((ids.length ? await m.findBy(Tenant, { id: In(ids) }) : []).map((t) => [t.id, t]));
    const bureaus = bureauRows.map((r) => ({ row: r, counts: countsOf(r) }));
    const totals = bureaus.reduce((sum, b) => addCounts(sum, b.counts), ZERO);

    // Each bureau belongs to the child region of the scope on its way up, or to the scope itself.
    const regions = new Map<string, { own: boolean; bureaus: number; counts: Counts }>();
    for (const { row, counts } of bureaus) {
      let code = row.region_code!;
      while (code !== scopeCode && area.get(code)?.parentCode !== scopeCode && area.get(code)?.parentCode) code = area.get(code)!.parentCode!;
      const entry = regions.get(code) ?? { own: code === scopeCode, bureaus: 0, counts: ZERO };
      regions.set(code, { ...entry, bureaus: entry.bureaus + 1, counts: addCounts(entry.counts, counts) });
    }
    const byRegion: DashboardRegion[] = [...regions.entries()]
      .filter(([code]) => area.has(code))
      .map(([code, r]) => ({ region: area.get(code)!, own: r.own, bureaus: r.bureaus, figures: figuresOf(r.counts) }))
      .sort((a, b) => Number(b.own) - Number(a.own) || a.region.code.localeCompare(b.region.code));

    const byBureau: DashboardBureau[] = bureaus
      .map(({ row, counts }) => ({
        id: toGlobalId('Tenant', row.tenant_id!),
        name: row.label ?? '',
        kind: tenants.get(row.tenant_id!)?.kind ?? TenantKind.COUNTY_BUREAU,
        regionCode: row.region_code!,
        figures: figuresOf(counts),
      }))
      .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-Hans-CN'));

    const trail: Region[] = [];
    for (let code: string | null = scopeCode; code && area.has(code); code = code === own.regionCode ? null : area.get(code)!.parentCode) {
      trail.unshift(area.get(code)!);
    }
    const named = (r: FigureRow): DashboardRow => ({ key: r.key, label: r.label, figures: figuresOf(countsOf(r)) });
    return {
      year: y,
      asOf,
      dataAsOf,
      region: scope,
      trail,
      totals: figuresOf(totals),
      byRegion,
      byBureau,
      byItem: of('item').map(named).sort(byLabel),
      byDepartment: of('department').map(named).sort(byLabel),
      byMonth: monthRows(of('month'), y, totals.entities),
    };
  });
}
