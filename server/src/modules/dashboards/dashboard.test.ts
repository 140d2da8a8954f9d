import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { appRoleClient, type AppRoleClient } from '../../test-support/app-role';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { seedDemoJointTask } from '../../seed/demo-joint-task';
import { todayInChina } from '../inspections/inspection-deadlines';
import { PROBLEM_CODES } from './dashboard-figures';
import { PROVINCIAL_FLOOR_SQL } from './dashboard-floor';

const FIGURES = 'entities inspectedEntities coverage drawn completed completion records published problems problemRate overdue';
const BUREAU = `query($year: Int) { dashboard(year: $year) { year asOf bureau { name } totals { ${FIGURES} }
  byItem { key label figures { ${FIGURES} } } byDepartment { key label figures { ${FIGURES} } } byMonth { key label figures { ${FIGURES} } } } }`;
const PROVINCIAL = `query($year: Int, $region: String) { provincialDashboard(year: $year, regionCode: $region) {
  year asOf region { code name } trail { code name } totals { ${FIGURES} }
  byRegion { region { code name level } own bureaus figures { ${FIGURES} } }
  byBureau { id name kind regionCode figures { ${FIGURES} } }
  byItem { key label figures { ${FIGURES} } } byDepartment { key label figures { ${FIGURES} } } byMonth { key label figures { ${FIGURES} } } } }`;

type Figures = Record<string, number | null>;
const COUNTS = ['entities', 'inspectedEntities', 'drawn', 'completed', 'records', 'published', 'problems', 'overdue'] as const;
const counts = (f: Figures) => Object.fromEntries(COUNTS.map((k) => [k, f[k]]));

/** A floor row's counts under the API's names. */
function floorCounts(row: Record<string, string | null>) {
  const n = (v: string | null) => (v == null ? null : Number(v));
  return {
    entities: n(row.entities),
    inspectedEntities: n(row.inspected_entities),
    drawn: n(row.drawn),
    completed: n(row.completed),
    records: n(row.records),
    published: n(row.published),
    problems: n(row.problems),
    overdue: n(row.overdue),
  };
}

describe('dashboards', () => {
  let t: TestApp;
  let app: AppRoleClient;
  const tenant: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    for (const row of await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`)) tenant[row.region_code] = row.id;
    app = await appRoleClient(t.adminUrl);
  }, 120_000);
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  const floor = (province: string, year: number) =>
    t.sql<Record<string, string | null>>(PROVINCIAL_FLOOR_SQL, [tenant[province], year, todayInChina(), PROBLEM_CODES]);

  it('gives a bureau its own figures for a year: 舞钢 2023 as the demo recorded it', async () => {
    const token = await t.login('wugang.admin');
    const { data, errors } = await t.gql(BUREAU, { year: 2023 }, token);
    expect(errors).toBeUndefined();
    const d = data.dashboard;
    const wugang = tenant['410481'];
    const [direct] = await t.sql(
      `SELECT (SELECT count(*)::int FROM market_entities WHERE tenant_id = $1 AND status IN ('EXISTING', 'OPERATING')) AS entities,
              (SELECT count(*)::int FROM draw_selections WHERE tenant_id = $1 AND year = 2023) AS drawn,
              (SELECT count(DISTINCT entity_id)::int FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED') AS inspected`,
      [wugang],
    );
    // 22 records (demo-inspections.ts): 16 published, of which 4 found a problem; 4 wait for review; 2 returned and overdue.
    // The window closed on 2023-11-24: every other drawn entity, never reported, is overdue too.
    expect(direct.drawn).toBeGreaterThan(100);
    expect(counts(d.totals)).toEqual({
      entities: direct.entities,
      inspectedEntities: direct.inspected,
      drawn: direct.drawn,
      completed: 16,
      records: 22,
      published: 16,
      problems: 4,
      overdue: 2 + (direct.drawn - 22),
    });
    expect(d.totals.problemRate).toBeCloseTo(0.25);
    expect(d.totals.coverage).toBeCloseTo(direct.inspected / direct.entities);
    expect(d.totals.completion).toBeCloseTo(16 / direct.drawn);
    expect(d.byMonth).toHaveLength(12);
    expect(d.byMonth.find((m: { key: string }) => m.key === '2023-06').figures).toMatchObject({ records: 22, published: 16, problems: 4, drawn: null });
    // Every item of the draw and its department are listed; the parts add up to at least the whole.
    expect(d.byItem.map((r: { label: string }) => r.label)).toEqual(expect.arrayContaining(['土地使用情况监督检查', '测绘资质单位检查']));
    expect(d.byItem.reduce((sum: number, r: { figures: Figures }) => sum + r.figures.published!, 0)).toBeGreaterThanOrEqual(16);
    expect(d.byDepartment.map((r: { label: string }) => r.label)).toEqual(expect.arrayContaining(['土地利用股', '规划股']));
    expect(fromGlobalUuid(d.byItem[0].key, 'InspectionItem')).toMatch(/^[0-9a-f-]{36}$/);
    // The year defaults to the current one in Beijing.
    const now = await t.gql(BUREAU, {}, token);
    expect(now.data.dashboard.year).toBe(Number(todayInChina().slice(0, 4)));
  });

  it('keeps a bureau to its own tenant, and the provincial view to provincial viewers', async () => {
    const changde = await t.login('changde.admin');
    const other = (await t.gql(BUREAU, { year: 2023 }, changde)).data.dashboard;
    expect(other.bureau.name).toBe('常德市自然资源和规划局');
    expect(counts(other.totals)).toMatchObject({ records: 0, published: 0, drawn: 0 });

    for (const username of ['wugang.admin', 'pingdingshan.admin', 'changde.supervisor', 'platform.admin']) {
      expect(codes(await t.gql(PROVINCIAL, { year: 2023 }, await t.login(username)))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await t.gql(BUREAU, { year: 2023 }, await t.login('henan.viewer')))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(PROVINCIAL, { year: 2023 }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(BUREAU, { year: 2023 }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(BUREAU, { year: 1999 }, changde))).toEqual(['BAD_USER_INPUT']);
  });

  it('gives Henan’s viewer the figures of Henan’s bureaus only, equal to the direct SQL computation', async () => {
    const token = await t.login('henan.viewer');
    const { data, errors } = await t.gql(PROVINCIAL, { year: 2023 }, token);
    expect(errors).toBeUndefined();
    const d = data.provincialDashboard;
    expect(d.region).toEqual({ code: '410000', name: '河南省' });
    expect(d.byBureau.map((b: { name: string }) => b.name).sort()).toEqual(['平顶山市自然资源和规划局', '舞钢市自然资源和规划局']);
    expect(JSON.stringify(d)).not.toContain('常德');

    const direct = await floor('410000', 2023);
    const bureaus = direct.filter((r) => r.dim === 'bureau');
    expect(bureaus.map((r) => r.key).sort()).toEqual([tenant['410400'], tenant['410481']].sort());
    for (const b of d.byBureau) {
      expect(counts(b.figures)).toEqual(floorCounts(bureaus.find((r) => r.key === fromGlobalUuid(b.id, 'Tenant'))!));
    }
    const wugang = d.byBureau.find((b: { regionCode: string }) => b.regionCode === '410481');
    expect(wugang.figures).toMatchObject({ published: 16, problems: 4, overdue: wugang.figures.drawn - 20 });
    for (const dim of ['item', 'department'] as const) {
      const rows = direct.filter((r) => r.dim === dim);
      const api = dim === 'item' ? d.byItem : d.byDepartment;
      expect(api).toHaveLength(rows.length);
      for (const row of api) expect(counts(row.figures)).toEqual(floorCounts(rows.find((r) => r.key === row.key)!));
    }
    for (const row of direct.filter((r) => r.dim === 'month')) {
      const month = d.byMonth.find((m: { key: string }) => m.key === row.key);
      expect({ ...counts(month.figures), entities: null }).toEqual(floorCounts(row));
    }
    const sum = (k: string) => d.byBureau.reduce((s: number, b: { figures: Figures }) => s + (b.figures[k] as number), 0);
    for (const k of COUNTS) expect(d.totals[k]).toBe(sum(k));
    // By region: at the province, both bureaus lie in 平顶山市.
    expect(d.byRegion).toEqual([expect.objectContaining({ region: { code: '410400', name: '平顶山市', level: 'CITY' }, own: false, bureaus: 2 })]);
    expect(counts(d.byRegion[0].figures)).toEqual(counts(d.totals));
  });

  it('drills down to a city: the city bureau itself and its counties', async () => {
    const token = await t.login('henan.viewer');
    const d = (await t.gql(PROVINCIAL, { year: 2023, region: '410400' }, token)).data.provincialDashboard;
    expect(d.trail.map((r: { code: string }) => r.code)).toEqual(['410000', '410400']);
    expect(d.byRegion.map((r: { region: { code: string }; own: boolean; bureaus: number }) => [r.region.code, r.own, r.bureaus])).toEqual([
      ['410400', true, 1],
      ['410481', false, 1],
    ]);
    const county = (await t.gql(PROVINCIAL, { year: 2023, region: '410481' }, token)).data.provincialDashboard;
    expect(county.byBureau.map((b: { name: string }) => b.name)).toEqual(['舞钢市自然资源和规划局']);
    expect(county.totals).toMatchObject({ published: 16, problems: 4 });
    // Outside the province, or no region at all: nothing.
    expect(codes(await t.gql(PROVINCIAL, { year: 2023, region: '430700' }, token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(PROVINCIAL, { year: 2023, region: 'x' }, token))).toEqual(['NOT_FOUND']);
  });

  it('gives Hunan’s viewer Hunan only: never Henan’s figures', async () => {
    const d = (await t.gql(PROVINCIAL, { year: 2023 }, await t.login('hunan.viewer'))).data.provincialDashboard;
    expect(d.byBureau.map((b: { name: string }) => b.name)).toEqual(['常德市自然资源和规划局']);
    expect(JSON.stringify(d)).not.toMatch(/舞钢|平顶山/);
    expect(d.totals).toMatchObject({ published: 0, records: 0 });
    const direct = await floor('430000', 2023);
    expect(counts(d.byBureau[0].figures)).toEqual(floorCounts(direct.find((r) => r.dim === 'bureau')!));
  });

  it('opens the owner-rights path to a provincial department only, whatever the caller passes', async () => {
    const call = `SELECT * FROM provincial_dashboard($1, 2023, $2, $3)`;
    const args = (region: string | null) => [region, todayInChina(), PROBLEM_CODES];
    expect(await app.asTenant(null, call, args(null))).toEqual([]);
    // 平顶山 has 舞钢 below it in the tenant tree, yet a bureau gets nothing, for itself or for 舞钢's region.
    expect(await app.asTenant(tenant['410400'], call, args(null))).toEqual([]);
    expect(await app.asTenant(tenant['410400'], call, args('410481'))).toEqual([]);
    expect(await app.asTenant(tenant['430000'], call, args('410000'))).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ tenant_id: tenant['410481'] })]),
    );
    expect((await app.asTenant(tenant['430000'], call, args('410000'))).filter((r) => r.dim === 'bureau')).toEqual([]);
    const henan = await app.asTenant(tenant['410000'], call, args(null));
    expect(
      henan
        .filter((r) => r.dim === 'bureau')
        .map((r) => r.tenant_id)
        .sort(),
    ).toEqual([tenant['410400'], tenant['410481']].sort());
    // The bureau-level function runs with the caller's rights: another tenant's ids give zeros under RLS.
    const [peek] = await app.asTenant(tenant['410400'], `SELECT * FROM dashboard_figures(ARRAY[$1]::uuid[], 2023, $2, $3) WHERE dim = 'bureau'`, [
      tenant['410481'],
      todayInChina(),
      PROBLEM_CODES,
    ]);
    expect(peek).toMatchObject({ entities: '0', records: '0', published: '0', drawn: '0', overdue: '0' });
  });

  it('counts a joint task participant’s share never reported once the window closed, behind the walls', async () => {
    await seedDemoJointTask(t.app.services);
    const year = 2026;
    const [{ share, lead }] = await t.sql(
      `SELECT (SELECT count(*)::int FROM joint_participants p JOIN draws d ON d.task_id = p.task_id AND d.status = 'DRAWN'
                 JOIN draw_selections s ON s.draw_id = d.id
                WHERE p.tenant_id = $1 AND p.status = 'ACCEPTED' AND (cardinality(p.lead_item_ids) = 0 OR s.item_ids && p.lead_item_ids)) AS share,
              (SELECT count(*)::int FROM draw_selections WHERE tenant_id = $2 AND year = 2026) AS lead`,
      [tenant['410400'], tenant['410481']],
    );
    expect(share).toBeGreaterThan(0);
    // The demo's joint window (2026-09-07 – 10-30) has closed with nothing reported, on either side.
    const bureau = async (username: string) => (await t.gql(BUREAU, { year }, await t.login(username))).data.dashboard.totals;
    expect(await bureau('pingdingshan.admin')).toMatchObject({ drawn: 0, overdue: share });
    expect(await bureau('wugang.admin')).toMatchObject({ drawn: lead, overdue: lead });
    expect(await bureau('changde.admin')).toMatchObject({ overdue: 0 });
    const henan = (await t.gql(PROVINCIAL, { year }, await t.login('henan.viewer'))).data.provincialDashboard;
    expect(henan.totals.overdue).toBe(share + lead);
    const direct = await floor('410000', year);
    for (const b of henan.byBureau)
      expect(counts(b.figures)).toEqual(floorCounts(direct.find((r) => r.dim === 'bureau' && r.key === fromGlobalUuid(b.id, 'Tenant'))!));
    expect((await t.gql(PROVINCIAL, { year }, await t.login('hunan.viewer'))).data.provincialDashboard.totals.overdue).toBe(0);
    // The shares cross the wall only to the participant itself or a province above it.
    const shares = `SELECT * FROM joint_unreported_shares(ARRAY[$1]::uuid[], ${year}, $2)`;
    expect(await app.asTenant(tenant['410400'], shares, [tenant['410400'], todayInChina()])).toHaveLength(share);
    expect(await app.asTenant(tenant['410000'], shares, [tenant['410400'], todayInChina()])).toHaveLength(share);
    for (const other of ['410481', '430700', '430000']) expect(await app.asTenant(tenant[other], shares, [tenant['410400'], todayInChina()])).toEqual([]);
  });

  it('returns nothing but aggregates: labelled counts, no rows of entities or records', async () => {
    const [fn] = await t.sql(
      `SELECT p.prosecdef, p.proretset, p.proargnames, array(SELECT format_type(unnest(p.proallargtypes), NULL)) AS types, p.proargmodes::text[] AS modes
         FROM pg_proc p WHERE p.proname = 'provincial_dashboard'`,
    );
    expect(fn.prosecdef).toBe(true);
    const out = (fn.proargnames as string[]).map((name, i) => [name, fn.types[i], fn.modes[i]]).filter(([, , mode]) => mode === 't');
    expect(out).toEqual([
      ['dim', 'text', 't'],
      ['tenant_id', 'uuid', 't'],
      ['region_code', 'text', 't'],
      ['key', 'text', 't'],
      ['label', 'text', 't'],
      ['entities', 'bigint', 't'],
      ['inspected_entities', 'bigint', 't'],
      ['drawn', 'bigint', 't'],
      ['completed', 'bigint', 't'],
      ['records', 'bigint', 't'],
      ['published', 'bigint', 't'],
      ['problems', 'bigint', 't'],
      ['overdue', 'bigint', 't'],
    ]);
    const rows = await app.asTenant(tenant['410000'], `SELECT * FROM provincial_dashboard(NULL, 2023, $1, $2)`, [todayInChina(), PROBLEM_CODES]);
    expect(new Set(rows.map((r) => r.dim))).toEqual(new Set(['bureau', 'item', 'department', 'month']));
    // Labels are bureau names, item and department names and months: never an entity's name or USCC.
    const names = await t.sql<{ name: string; uscc: string }>(`SELECT name, uscc FROM market_entities`);
    const labels = new Set(rows.flatMap((r) => [r.label, r.key]));
    expect(names.filter((n) => labels.has(n.name) || labels.has(n.uscc))).toEqual([]);
    // Only tenant ids of bureaus come back, and only on bureau rows.
    expect(rows.filter((r) => r.tenant_id && r.dim !== 'bureau')).toEqual([]);
  });

  it('serves the boundaries of one province or city by region code, and nothing else', async () => {
    const response = await fetch(`${t.url}/api/maps/410000.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(response.headers.get('cache-control')).toMatch(/max-age=86400/);
    const map = (await response.json()) as { features: { properties: { adcode: number; name: string } }[] };
    expect(map.features.map((f) => f.properties.adcode)).toEqual(expect.arrayContaining([410400, 410100]));
    const city = (await (await fetch(`${t.url}/api/maps/410400.json`)).json()) as typeof map;
    expect(city.features.find((f) => f.properties.adcode === 410481)?.properties.name).toBe('舞钢市');
    for (const file of ['999999.json', '4100.json', '410000.js', '..%2Fpackage.json']) {
      expect((await fetch(`${t.url}/api/maps/${file}`)).status).toBe(404);
    }
  });
});
