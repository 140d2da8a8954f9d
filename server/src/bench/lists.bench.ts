import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { completeUscc } from '@spotcheck/shared';
import { startBenchApp, type BenchApp } from './bench-app';
import { gql, uploadFromChild } from './import.bench';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { ENTITY_COLUMNS } from '../modules/entities/entity-fields';
import { INCOMPLETE_ENTITY_SQL } from '../modules/entities/market-entity.entity';

const ROWS = 1_000_000;
const REGION = '410481'; // 舞钢, the bureau of wugang.admin
const ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 40);
/** Published results of the same bureau, for the portal's results list. */
const RESULTS = Number(process.env.BENCH_LIST_RESULTS ?? 1_000_000);
/** Characters of the names' trade marks: 20 × 20 two-character words, 金泰 one of them (1 name in 400). */
const MARKS = '金华鑫宏永中豫恒昌泰盛达兴源隆丰瑞祥福安';
const TRADES = ['建材', '商贸', '机械', '食品', '化工', '物流', '矿业', '农业'];
const FRAGMENT = '金泰';

function entityName(n: number): string {
  const i = (n * 7919) % (MARKS.length * MARKS.length);
  return `舞钢市${MARKS[i % MARKS.length]}${MARKS[Math.floor(i / MARKS.length)]}${TRADES[n % TRADES.length]}第${n}号有限公司`;
}

const usccOf = (n: number) => completeUscc(`91${REGION}${n.toString(10).padStart(9, '0')}`);

async function writeImportCsv(file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${ENTITY_COLUMNS.map((c) => c.header).join(',')}\n`);
  for (let start = 1; start <= ROWS; start += 10_000) {
    let chunk = '';
    for (let n = start; n < start + 10_000 && n <= ROWS; n += 1) {
      chunk += `${entityName(n)},${usccOf(n)},,舞钢市市场监督管理局,法人${n % 9973},舞钢市院岭街道第${n % 997}号,${REGION},制造业,企业,存续,${'ABCD'[n % 4]},${['低', '中', '高'][n % 3]},${n % 5},\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The directory page's own query (client/src/features/entities/operations.ts: Entities with EntityRow). */
const ENTITIES = `query Entities($first: Int, $after: String, $search: String) {
  incompleteEntityCount
  entities(first: $first, after: $after, search: $search) {
    edges { node { id name kind uscc idNumberMasked incomplete usccChecksumOverride registrationAuthority legalRepresentative address
      regionCode industry targetType status creditClass riskLevel complaints violationRecord creditStatus version updatedAt
      region { code name } supervisingDepartment { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The portal's results page's own query (client/src/features/public/operations.ts: PublicResults with PublicResultFields). */
const PUBLIC_RESULTS = `query PublicResults($bureauId: ID, $first: Int, $after: String, $withCount: Boolean! = false) {
  publicResults(bureauId: $bureauId, first: $first, after: $after) {
    totalCount @include(if: $withCount)
    edges { node { id bureau { id name regionCode } task { id title planId } items { id name } entityName entityUscc inspectedOn
      resultCategory { code label problem } findings publishedAt correctsId correctionReason correctedById draw { id recordUrl } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * `RESULTS` published records of the bureau, one for each of its first entities, a minute apart, copied
 * from one of its demo results (its draw, task and items): a bureau that has published for years.
 */
async function publishResults(admin: BenchApp['admin'], tenantId: string): Promise<void> {
  await admin.query(
    `INSERT INTO inspections (tenant_id, draw_id, seq, task_id, entity_id, entity_uscc, entity_name, item_ids, team_ids, status, inspected_on,
                              findings, result_category, content_hash, access_code, access_code_hash, published_at)
     SELECT x.tenant_id, x.draw_id, 1000000 + e.n, x.task_id, e.id, e.uscc, e.name, x.item_ids, x.team_ids, 'PUBLISHED', x.inspected_on,
            x.findings, x.result_category, x.content_hash, 'bench' || e.n, md5('bench' || e.n), timestamptz '2026-01-01 00:00:00+08' - e.n * interval '1 minute'
       FROM (SELECT id, uscc, name, row_number() OVER (ORDER BY uscc) AS n FROM market_entities WHERE tenant_id = $1 ORDER BY uscc LIMIT $2) e,
            (SELECT * FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED' ORDER BY published_at LIMIT 1) x`,
    [tenantId, RESULTS],
  );
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50) * 10) / 10, p95: Math.round(percentile(sorted, 95) * 10) / 10 };
};

/**
 * 1,000,000 entities imported through the real upload into one bureau, then the directory's first page,
 * a 2-character name fragment, a USCC prefix and a page half way down, through GraphQL as the bureau's
 * office with the directory page's own query, beside the floor: the same index lookups by hand SQL
 * under the same tenant scope, with the rest of what that query asks (the count to complete, regions).
 * Then 1,000,000 published results of that bureau and the portal's results page, first and half way
 * down, anonymous, beside the same lookups by hand SQL in the app's role.
 */
export async function runListsBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-bench-'));
  const { app, admin, close } = await startBenchApp();
  try {
    const csvFile = path.join(dir, 'entities.csv');
    await writeImportCsv(csvFile);
    const token = (
      await gql(app.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'wugang.admin', p: DEMO_PASSWORD })
    ).data.login.token as string;
    let started = Date.now();
    const jobId = await uploadFromChild(app.url, token, csvFile);
    let job: any;
    for (;;) {
      job = (await gql(app.url, 'query($id: ID!) { importJob(id: $id) { status insertedRows failureReason } }', { id: jobId }, token)).data.importJob;
      if (job.status === 'SUCCEEDED' || job.status === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (job.status !== 'SUCCEEDED' || job.insertedRows !== ROWS) throw new Error(`import did not succeed: ${JSON.stringify(job)}`);
    console.log(`imported ${ROWS} entities through POST /api/imports/entities in ${Date.now() - started} ms`);
    started = Date.now();
    await admin.query('VACUUM ANALYZE market_entities'); // as autovacuum would after such an import
    console.log(`VACUUM ANALYZE market_entities: ${Date.now() - started} ms`);

    const [{ id: tenantId }] = (await admin.query(`SELECT id FROM tenants WHERE region_code = $1`, [REGION])).rows;
    started = Date.now();
    await publishResults(admin, tenantId);
    await admin.query('VACUUM ANALYZE inspections');
    console.log(`published ${RESULTS} results of the bureau (SQL) and VACUUM ANALYZE: ${Date.now() - started} ms`);
    const [{ uscc: middle }] = (
      await admin.query(`SELECT uscc FROM market_entities WHERE tenant_id = $1 ORDER BY uscc OFFSET $2 LIMIT 1`, [tenantId, ROWS / 2])
    ).rows;
    const prefix = usccOf(123_456).slice(0, 14); // 1,000 entities share it
    // The deep page's cursor as the server hands it out: the page before it ends at the middle key.
    const deepCursor = Buffer.from(`key:${middle}`).toString('base64url');
    const requests: { name: string; variables: Record<string, unknown>; floor: { sql: string; params: unknown[] } }[] = [
      {
        name: 'first page',
        variables: { first: 20 },
        floor: { sql: `SELECT * FROM market_entities WHERE tenant_id = $1 ORDER BY uscc LIMIT 21`, params: [tenantId] },
      },
      {
        name: `name fragment ${FRAGMENT}`,
        variables: { first: 20, search: FRAGMENT },
        floor: {
          sql: `SELECT e.* FROM market_entities e WHERE e.tenant_id = $1 AND e.uscc IN (SELECT d.uscc FROM entity_directory_search d
                 WHERE d.tenant_id = $1 AND name_bigrams(d.name) @> name_bigrams($2) AND strpos(d.name, $2) > 0 ORDER BY d.uscc LIMIT 21) ORDER BY e.uscc`,
          params: [tenantId, FRAGMENT],
        },
      },
      {
        name: 'USCC prefix',
        variables: { first: 20, search: prefix },
        // The search means a name holding the text or a code starting with it: both lookups.
        floor: {
          sql: `SELECT e.* FROM market_entities e WHERE e.tenant_id = $1 AND e.uscc IN (
                  (SELECT d.uscc FROM entity_directory_search d WHERE d.tenant_id = $1 AND name_bigrams(d.name) @> name_bigrams($2) AND strpos(d.name, $2) > 0 ORDER BY d.uscc LIMIT 21)
                  UNION (SELECT d.uscc FROM entity_directory_search d WHERE d.tenant_id = $1 AND starts_with(d.uscc, $2) ORDER BY d.uscc LIMIT 21)
                  ORDER BY 1 LIMIT 21) ORDER BY e.uscc`,
          params: [tenantId, prefix],
        },
      },
      {
        name: 'page 25,000 of 50,000',
        variables: { first: 20, after: deepCursor },
        floor: { sql: `SELECT * FROM market_entities WHERE tenant_id = $1 AND uscc > $2 ORDER BY uscc LIMIT 21`, params: [tenantId, middle] },
      },
    ];
    for (const request of requests) {
      const answer = await gql(app.url, ENTITIES, request.variables, token);
      if (answer.errors || answer.data.entities.edges.length !== 20)
        throw new Error(`${request.name}: ${JSON.stringify(answer.errors ?? answer.data.entities.edges.length)}`);
    }

    // The portal's results, newest first: the first page and one half way down, by the key the server hands out.
    const bureauId = Buffer.from(`Tenant:${tenantId}`).toString('base64url');
    const [middleResult] = (
      await admin.query(
        `SELECT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id FROM inspections
          WHERE tenant_id = $1 AND status = 'PUBLISHED' ORDER BY published_at DESC, id DESC OFFSET $2 LIMIT 1`,
        [tenantId, Math.floor(RESULTS / 2)],
      )
    ).rows;
    const resultCursor = Buffer.from(`key:${JSON.stringify([middleResult.at, middleResult.id])}`).toString('base64url');
    const portalRequests: { name: string; variables: Record<string, unknown>; floor: { sql: string; params: unknown[] } }[] = [
      {
        name: 'portal results, first',
        variables: { bureauId, first: 20 },
        floor: {
          sql: `SELECT r.* FROM public_result_list r WHERE r.tenant_id = $1 ORDER BY r.published_at DESC, r.id DESC LIMIT 21`,
          params: [tenantId],
        },
      },
      {
        name: 'portal results, deep',
        variables: { bureauId, first: 20, after: resultCursor },
        floor: {
          sql: `SELECT r.* FROM public_result_list r WHERE r.tenant_id = $1 AND (r.published_at, r.id) < ($2::timestamptz, $3::uuid)
                 ORDER BY r.published_at DESC, r.id DESC LIMIT 21`,
          params: [tenantId, middleResult.at, middleResult.id],
        },
      },
    ];
    for (const request of portalRequests) {
      const answer = await gql(app.url, PUBLIC_RESULTS, request.variables);
      if (answer.errors || answer.data.publicResults.edges.length !== 20)
        throw new Error(`${request.name}: ${JSON.stringify(answer.errors ?? answer.data.publicResults.edges.length)}`);
    }
    // The portal's floor: the same lookup as the app's role; the portal signs nobody in and needs no tenant scope.
    const portalFloorQuery = async (sql: string, params: unknown[]) => {
      await admin.query('BEGIN');
      await admin.query(`SELECT set_config('role', 'spotcheck_app', true)`);
      await admin.query(sql, params);
      await admin.query('COMMIT');
    };

    const api = new Map<string, number[]>([...requests, ...portalRequests].map((r) => [r.name, []]));
    const floor = new Map<string, number[]>([...requests, ...portalRequests].map((r) => [r.name, []]));
    // The same answer by hand: the page's lookup, and what else the page's query asks (the count of
    // entries to complete, the regions' names), under the same role and tenant scope.
    const floorQuery = async (sql: string, params: unknown[]) => {
      await admin.query('BEGIN');
      await admin.query(`SELECT set_config('role', 'spotcheck_app', true), set_config('app.tenant_id', $1, true)`, [tenantId]);
      await admin.query(`SELECT count(*)::int AS n FROM market_entities e WHERE e.tenant_id = $1 AND ${INCOMPLETE_ENTITY_SQL('e')}`, [tenantId]);
      const { rows } = await admin.query(sql, params);
      await admin.query(`SELECT code, name FROM regions WHERE code = ANY ($1)`, [[...new Set(rows.map((r) => r.region_code))]]);
      await admin.query('COMMIT');
    };
    for (let round = -3; round < ROUNDS; round += 1) {
      for (const request of requests) {
        let t0 = performance.now();
        await gql(app.url, ENTITIES, request.variables, token);
        if (round >= 0) api.get(request.name)!.push(performance.now() - t0);
        t0 = performance.now();
        await floorQuery(request.floor.sql, request.floor.params);
        if (round >= 0) floor.get(request.name)!.push(performance.now() - t0);
      }
      for (const request of portalRequests) {
        let t0 = performance.now();
        await gql(app.url, PUBLIC_RESULTS, request.variables);
        if (round >= 0) api.get(request.name)!.push(performance.now() - t0);
        t0 = performance.now();
        await portalFloorQuery(request.floor.sql, request.floor.params);
        if (round >= 0) floor.get(request.name)!.push(performance.now() - t0);
      }
    }
    for (const request of [...requests, ...portalRequests]) {
      const a = summary(api.get(request.name)!);
      const f = summary(floor.get(request.name)!);
      console.log(`${request.name.padEnd(24)} GraphQL p50 ${a.p50} ms, p95 ${a.p95} ms · hand SQL p50 ${f.p50} ms, p95 ${f.p95} ms`);
    }
    const p95 = summary([...api.values()].flat()).p95;
    const floorP95 = summary([...floor.values()].flat()).p95;
    const ratio = Math.round((p95 / floorP95) * 100) / 100;
    const portalP95 = summary(portalRequests.flatMap((r) => api.get(r.name)!)).p95;
    const portalFloorP95 = summary(portalRequests.flatMap((r) => floor.get(r.name)!)).p95;
    console.log(`over the six requests × ${ROUNDS}: p95 ${p95} ms through GraphQL, ${floorP95} ms by hand SQL, ratio ${ratio}`);
    console.log(`the portal's results (${RESULTS} published): p95 ${portalP95} ms through GraphQL, ${portalFloorP95} ms by hand SQL`);
    console.log(
      JSON.stringify({
        bench: 'lists',
        rows: ROWS,
        results: RESULTS,
        p95_ms: p95,
        floor_p95_ms: floorP95,
        ratio,
        portal_p95_ms: portalP95,
        portal_floor_p95_ms: portalFloorP95,
      }),
    );
  } finally {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
