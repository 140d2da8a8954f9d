import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { completeUscc } from '@spotcheck/shared';
import { startBenchApp } from './bench-app';
import { gql, uploadFromChild } from './import.bench';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { ENTITY_COLUMNS } from '../modules/entities/entity-fields';
import { INCOMPLETE_ENTITY_SQL } from '../modules/entities/market-entity.entity';

const ROWS = 1_000_000;
const REGION = '410481'; // 舞钢, the bureau of wugang.admin
const ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 40);
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

    const api = new Map<string, number[]>(requests.map((r) => [r.name, []]));
    const floor = new Map<string, number[]>(requests.map((r) => [r.name, []]));
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
    }
    for (const request of requests) {
      const a = summary(api.get(request.name)!);
      const f = summary(floor.get(request.name)!);
      console.log(`${request.name.padEnd(24)} GraphQL p50 ${a.p50} ms, p95 ${a.p95} ms · hand SQL p50 ${f.p50} ms, p95 ${f.p95} ms`);
    }
    const p95 = summary([...api.values()].flat()).p95;
    const floorP95 = summary([...floor.values()].flat()).p95;
    const ratio = Math.round((p95 / floorP95) * 100) / 100;
    console.log(`over the four requests × ${ROUNDS}: p95 ${p95} ms through GraphQL, ${floorP95} ms by hand SQL, ratio ${ratio}`);
    console.log(JSON.stringify({ bench: 'lists', rows: ROWS, p95_ms: p95, floor_p95_ms: floorP95, ratio }));
  } finally {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
