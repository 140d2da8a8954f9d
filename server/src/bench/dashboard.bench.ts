import os from 'node:os';
import type { Client } from 'pg';
import { startBenchApp } from './bench-app';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { PROBLEM_CODES } from '../modules/dashboards/dashboard-figures';
import { PROVINCIAL_FLOOR_SQL } from '../modules/dashboards/dashboard-floor';
import { todayInChina } from '../modules/inspections/inspection-deadlines';
import { nodeCpuMs, postgresCpuMs } from './cpu-usage';

const BUREAUS = 100; // 平顶山 and 舞钢 of the demo, and 98 more below 河南省
const ENTITIES = 10_000; // listed per bureau
const YEAR = 2025;
const RUNS = 5;

const FIGURES = 'entities inspectedEntities coverage drawn completed completion records published problems problemRate overdue';
const QUERY = `query($year: Int) { provincialDashboard(year: $year) {
  year asOf region { code name } trail { code } totals { ${FIGURES} }
  byRegion { region { code name level } own bureaus figures { ${FIGURES} } }
  byBureau { id name kind regionCode figures { ${FIGURES} } }
  byItem { key label figures { ${FIGURES} } } byDepartment { key label figures { ${FIGURES} } } byMonth { key label figures { ${FIGURES} } } } }`;

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: any; errors?: unknown[] };
  if (answer.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const round = (ms: number) => Math.round(ms);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * 100 bureaus below 河南省, 10,000 entities each, and a year of results, all generated in SQL as the
 * owner: per bureau two departments, four items, one in ten entities drawn (some for two items), and a
 * record for 95 % of them through the year — mostly published, some with a problem (a standard or the
 * bureau's own category), some corrected, some waiting, some overdue.
 */
export async function generate(admin: Client): Promise<{ province: string; counts: Record<string, number> }> {
  const [henan] = (await admin.query(`SELECT id, path FROM tenants WHERE region_code = '410000'`)).rows as { id: string; path: string }[];
  await admin.query(`CREATE TEMP TABLE bench_bureaus (id uuid PRIMARY KEY, region_code text, name text, d1 uuid, d2 uuid, items uuid[], custom uuid)`);
  await admin.query(`INSERT INTO bench_bureaus (id, region_code, name) SELECT id, region_code, name FROM tenants WHERE region_code IN ('410400', '410481')`);
  // The other cities of 河南省 as city bureaus, then counties below them (and below 平顶山) as county bureaus.
  await admin.query(
    `WITH cities AS (
       SELECT gen_random_uuid() AS id, code, name FROM regions WHERE parent_code = '410000' AND level = 'CITY' AND code <> '410400')
     INSERT INTO tenants (id, parent_id, region_code, name, kind, status, path)
     SELECT id, $1, code, name || '自然资源和规划局', 'CITY_BUREAU', 'ACTIVE', $2 || id || '/' FROM cities`,
    [henan!.id, henan!.path],
  );
  await admin.query(
    `WITH counties AS (
       SELECT gen_random_uuid() AS id, r.code, r.name, p.id AS parent_id, p.path AS parent_path
         FROM regions r JOIN tenants p ON p.region_code = r.parent_code AND p.kind = 'CITY_BUREAU'
        WHERE r.code LIKE '41%' AND r.level = 'COUNTY' AND r.code <> '410481'
        ORDER BY r.code LIMIT $1 - (SELECT count(*) FROM tenants WHERE kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND path LIKE '%/' || $2 || '/%'))
     INSERT INTO tenants (id, parent_id, region_code, name, kind, status, path)
     SELECT id, parent_id, code, name || '自然资源局', 'COUNTY_BUREAU', 'ACTIVE', parent_path || id || '/' FROM counties`,
    [BUREAUS, henan!.id],
  );
  await admin.query(
    `INSERT INTO bench_bureaus (id, region_code, name)
     SELECT id, region_code, name FROM tenants WHERE path LIKE '%/' || $1 || '/%' AND kind IN ('CITY_BUREAU', 'COUNTY_BUREAU')
     ON CONFLICT DO NOTHING`,
    [henan!.id],
  );
  await admin.query(`UPDATE bench_bureaus SET d1 = gen_random_uuid(), d2 = gen_random_uuid(), custom = gen_random_uuid(),
                       items = ARRAY[gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid()]`);
  await admin.query(
    `INSERT INTO departments (tenant_id, id, name)
     SELECT id, d1, '耕地保护监督科' FROM bench_bureaus UNION ALL SELECT id, d2, '地质勘查管理科' FROM bench_bureaus`,
  );
  await admin.query(
    `INSERT INTO inspection_items (tenant_id, id, department_id, name, legal_basis, inspecting_body, category, target_type, min_ratio, frequency_per_year, status, position)
     SELECT b.id, b.items[k], CASE WHEN k <= 2 THEN b.d1 ELSE b.d2 END,
            (ARRAY['耕地保护和土地利用情况检查', '建设用地批后监管检查', '矿山地质环境保护与恢复治理检查', '地质灾害防治单位资质检查'])[k],
            '《中华人民共和国土地管理法》', b.name, 'GENERAL', '企业', 0.10, 1, 'PUBLISHED', 100 + k
       FROM bench_bureaus b CROSS JOIN generate_series(1, 4) AS k`,
  );
  await admin.query(`INSERT INTO result_categories (tenant_id, id, label, problem) SELECT id, custom, '未按规定履行土地复垦义务', true FROM bench_bureaus`);
  // Each bureau's directory holds ENTITIES listed entities (the demo's own ones count), one in forty of them cancelled on top.
  await admin.query(
    `INSERT INTO market_entities (tenant_id, name, uscc, region_code, target_type, status)
     SELECT b.id, b.name || '辖区第' || n || '号市场主体', '91' || b.region_code || lpad(n::text, 9, '0') || 'Y', b.region_code, '企业',
            CASE WHEN n % 40 = 0 THEN 'CANCELLED' ELSE 'EXISTING' END
       FROM bench_bureaus b
      CROSS JOIN LATERAL generate_series(1, $1 + $1 / 39 - (SELECT count(*)::int FROM market_entities e WHERE e.tenant_id = b.id AND e.status IN ('EXISTING', 'OPERATING'))) AS n
     ON CONFLICT DO NOTHING`,
    [ENTITIES],
  );
  // One in ten listed entities drawn in the year, in two draws per bureau; one in five of those for two items.
  await admin.query(`CREATE TEMP TABLE bench_selections AS
     SELECT e.tenant_id, e.id AS entity_id, e.uscc, e.name, x.n,
            CASE WHEN x.n % 20 = 0 THEN b.d1 ELSE b.d2 END AS draw_id,
            CASE WHEN x.n % 50 = 0 THEN ARRAY[b.items[1 + (x.n / 10) % 4], b.items[1 + (x.n / 10 + 1) % 4]] ELSE ARRAY[b.items[1 + (x.n / 10) % 4]] END AS item_ids,
            b.custom
       FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY uscc) AS n
               FROM market_entities WHERE tenant_id IN (SELECT id FROM bench_bureaus) AND status IN ('EXISTING', 'OPERATING')) x
       JOIN market_entities e ON e.tenant_id = x.tenant_id AND e.id = x.id
       JOIN bench_bureaus b ON b.id = x.tenant_id
      WHERE x.n % 10 = 0`);
  await admin.query(
    `INSERT INTO draw_selections (tenant_id, draw_id, seq, year, entity_id, item_ids, inspector_ids)
     SELECT tenant_id, draw_id, n, $1, entity_id, item_ids, '{}' FROM bench_selections`,
    [YEAR],
  );
  // Records: none yet for one in twenty; otherwise k = n / 10 decides the state and the result.
  await admin.query(
    `INSERT INTO inspections (tenant_id, id, draw_id, seq, entity_id, entity_uscc, entity_name, item_ids, team_ids, status, inspected_on,
                              result_category, content_hash, access_code, access_code_hash, report_due_on, publication_due_on,
                              submitted_at, approved_at, published_at, corrected_by_id)
     SELECT s.tenant_id, gen_random_uuid(), s.draw_id, s.n, s.entity_id, s.uscc, s.name, s.item_ids, '{}', st.status, d.day,
            CASE WHEN k % 10 = 1 THEN 'CORRECTED' WHEN k % 10 = 4 THEN 'OTHER_VIOLATION' WHEN k % 25 = 7 THEN 'custom:' || s.custom
                 WHEN k % 10 = 6 THEN 'NO_RELEVANT_ACTIVITY' ELSE 'NO_PROBLEM' END,
            md5(s.uscc), 'BENCH', md5(s.tenant_id::text || s.n), d.day + 5, d.day + 20,
            CASE WHEN st.status <> 'RETURNED' THEN d.day + 3 END, CASE WHEN st.status IN ('APPROVED', 'PUBLISHED') THEN d.day + 8 END,
            CASE WHEN st.status = 'PUBLISHED' THEN d.day + 12 END,
            CASE WHEN st.status = 'PUBLISHED' AND k % 97 = 5 THEN gen_random_uuid() END
       FROM bench_selections s
      CROSS JOIN LATERAL (SELECT s.n / 10 AS k) kk
      CROSS JOIN LATERAL (SELECT make_date($1, 1, 1) + ((kk.k * 7) % 365)::int AS day) d
      CROSS JOIN LATERAL (SELECT CASE kk.k % 20 WHEN 17 THEN 'APPROVED' WHEN 18 THEN 'SUBMITTED' WHEN 19 THEN 'RETURNED' ELSE 'PUBLISHED' END AS status) st
      WHERE s.n % 200 <> 0`,
    [YEAR],
  );
  // The corrections of the corrected ones, published with another result.
  await admin.query(
    `INSERT INTO inspections (tenant_id, id, draw_id, seq, entity_id, entity_uscc, entity_name, item_ids, team_ids, status, inspected_on,
                              result_category, content_hash, access_code, access_code_hash, published_at, corrects_id)
     SELECT tenant_id, corrected_by_id, draw_id, seq, entity_id, entity_uscc, entity_name, item_ids, team_ids, 'PUBLISHED', inspected_on,
            'NO_PROBLEM', content_hash, access_code, md5(access_code_hash), published_at + interval '30 days', id
       FROM inspections WHERE corrected_by_id IS NOT NULL AND access_code = 'BENCH'`,
  );
  await admin.query('VACUUM (ANALYZE) tenants, departments, inspection_items, result_categories, market_entities, draw_selections, inspections');
  await admin.query('CHECKPOINT');
  const [counts] = (
    await admin.query(
      `SELECT (SELECT count(*)::int FROM bench_bureaus) AS bureaus,
            (SELECT count(*)::int FROM market_entities WHERE tenant_id IN (SELECT id FROM bench_bureaus) AND status IN ('EXISTING', 'OPERATING')) AS entities,
            (SELECT count(*)::int FROM draw_selections WHERE tenant_id IN (SELECT id FROM bench_bureaus) AND year = $1) AS selections,
            (SELECT count(*)::int FROM inspections WHERE tenant_id IN (SELECT id FROM bench_bureaus)) AS records`,
      [YEAR],
    )
  ).rows as Record<string, number>[];
  return { province: henan!.id, counts: counts! };
}

/**
 * The provincial dashboard over 100 bureaus × 10,000 entities with a year of results, through GraphQL
 * over HTTP as 河南省's viewer, against the floor: the same figures by one hand-written SQL query run as
 * the owner on the same data (no RLS, no function, no GraphQL). Runs alternate; each side's median counts.
 */
export async function runDashboardBench(): Promise<void> {
  const { app, admin, clusterDir, close } = await startBenchApp();
  let result: object;
  try {
    let started = performance.now();
    const { province, counts } = await generate(admin);
    console.log(
      `generated ${counts.bureaus} bureaus, ${counts.entities} listed entities, ${counts.selections} drawn in ${YEAR}, ${counts.records} records in ${round(performance.now() - started)} ms`,
    );
    if (counts.bureaus !== BUREAUS) throw new Error(`expected ${BUREAUS} bureaus, generated ${counts.bureaus}`);

    const token = (
      await gql(app.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'henan.viewer', p: DEMO_PASSWORD })
    ).login.token as string;
    const floorArgs = [province, YEAR, todayInChina(), PROBLEM_CODES];
    const viaGraphql = async () => (await gql(app.url, QUERY, { year: YEAR }, token)).provincialDashboard;
    const viaFloor = async () => (await admin.query(PROVINCIAL_FLOOR_SQL, floorArgs)).rows as Record<string, string | null>[];

    // Warm both once (plans, caches), and check that they agree.
    const dashboard = await viaGraphql();
    const floorRows = await viaFloor();
    const floorBureaus = floorRows.filter((r) => r.dim === 'bureau');
    const sum = (key: string) => floorBureaus.reduce((s, r) => s + Number(r[key]), 0);
    const expected = {
      entities: sum('entities'),
      records: sum('records'),
      published: sum('published'),
      problems: sum('problems'),
      overdue: sum('overdue'),
      drawn: sum('drawn'),
      completed: sum('completed'),
    };
    const got = Object.fromEntries(Object.keys(expected).map((k) => [k, dashboard.totals[k]]));
    if (JSON.stringify(got) !== JSON.stringify(expected) || dashboard.byBureau.length !== BUREAUS) {
      throw new Error(`GraphQL and floor disagree: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}, ${dashboard.byBureau.length} bureaus`);
    }
    const t = dashboard.totals;
    console.log(
      `河南省 ${YEAR}: coverage ${(t.coverage * 100).toFixed(1)}%, completion ${(t.completion * 100).toFixed(1)}%, problem rate ${(t.problemRate * 100).toFixed(1)}%, overdue ${t.overdue}; ${dashboard.byRegion.length} regions, ${dashboard.byItem.length} items, ${dashboard.byDepartment.length} departments`,
    );

    // Wall time, and CPU time (this process and PostgreSQL), which a busy machine disturbs less.
    const measure = async (work: () => Promise<unknown>) => {
      const cpu = nodeCpuMs() + postgresCpuMs(clusterDir);
      started = performance.now();
      await work();
      return { ms: performance.now() - started, cpu: nodeCpuMs() + postgresCpuMs(clusterDir) - cpu };
    };
    const graphqlRuns: { ms: number; cpu: number }[] = [];
    const floorRuns: { ms: number; cpu: number }[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      graphqlRuns.push(await measure(viaGraphql));
      floorRuns.push(await measure(viaFloor));
    }
    const ms = median(graphqlRuns.map((r) => r.ms));
    const floorMs = median(floorRuns.map((r) => r.ms));
    const cpu = median(graphqlRuns.map((r) => r.cpu));
    const floorCpu = median(floorRuns.map((r) => r.cpu));
    const ratio = Math.round((ms / floorMs) * 100) / 100;
    const cpuRatio = Math.round((cpu / floorCpu) * 100) / 100;
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`provincialDashboard over GraphQL: median ${round(ms)} ms, CPU ${round(cpu)} ms (runs ${graphqlRuns.map((r) => round(r.ms)).join(', ')} ms)`);
    console.log(
      `floor, one SQL query as the owner: median ${round(floorMs)} ms, CPU ${round(floorCpu)} ms (runs ${floorRuns.map((r) => round(r.ms)).join(', ')} ms)`,
    );
    console.log(
      `ratio ${ratio} (in CPU time, node + PostgreSQL: ${cpuRatio}), peak RSS of the process ${peak} MiB, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} CPUs`,
    );
    result = {
      bench: 'dashboard',
      bureaus: counts.bureaus,
      entities: counts.entities,
      selections: counts.selections,
      records: counts.records,
      ms: round(ms),
      floor_ms: round(floorMs),
      ratio,
      cpu_ms: round(cpu),
      floor_cpu_ms: round(floorCpu),
      cpu_ratio: cpuRatio,
      peak_rss_mb: peak,
    };
  } finally {
    await close();
  }
  // After the shutdown, so that nothing it logs comes after the figures.
  console.log(JSON.stringify(result));
}
