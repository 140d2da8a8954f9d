import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { completeUscc, drawFromSeed, fromGlobalUuid, hexToBytes, inputHashOf, prepareInput, runDraw, toGlobalId, type DrawRecord } from '@spotcheck/shared';
import { startBenchApp } from './bench-app';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { unpackRecord } from '../modules/draws/draw-record-store';
import { nativeSha256 } from '../modules/draws/native-sha256';
import { nodeCpuMs, postgresCpuMs } from './cpu-usage';

const ENTITIES = 1_000_000;
const INSPECTORS = 5_000;
const RATIO = '0.10';
const SELECTIONS = 100_000; // ⌈1,000,000 × 0.10⌉
const TEAM_SIZE = 2;
const WORKLOAD_CAP = 100; // 100,000 teams × 2 seats ÷ 5,000 inspectors = 40 each: leaves slack
const REGION = '410481'; // 舞钢, the bureau of wugang.admin
const STARTS_ON = '2030-06-03'; // after every demo certificate has expired: the pool is the bench's inspectors only
const ENDS_ON = '2030-11-29';
const FLOOR_RUNS_BEFORE = 3;
const FLOOR_RUNS_AFTER = 2;

/** The columns pool.ts reads for an entity, and its WHERE clause (the task has no target filter). */
const POOL_SELECT = `SELECT id, uscc, target_type, credit_class, complaints, violation_record IS NOT NULL AS has_violation
  FROM market_entities WHERE tenant_id = $1 AND status = ANY($2)`;

/** Rows of COPY text, produced in blocks so the generator never holds the whole table. */
function copyStream(rows: number, line: (n: number) => string): Readable {
  return Readable.from(
    (function* blocks() {
      for (let start = 1; start <= rows; start += 10_000) {
        let chunk = '';
        for (let n = start; n < start + 10_000 && n <= rows; n += 1) chunk += line(n);
        yield chunk;
      }
    })(),
  );
}

/** A synthetic entity of 舞钢: every one is eligible (status EXISTING, target 企业), with varied weights. */
function entityLine(tenantId: string, n: number): string {
  const uscc = completeUscc(`91${REGION}${n.toString(10).padStart(9, '0')}`);
  const violation = n % 17 === 0 ? '2022年违法占地' : '\\N';
  return `${tenantId}\t舞钢市第${n}号建材有限公司\t${uscc}\t${REGION}\t${['制造业', '采矿业', '建筑业'][n % 3]}\t企业\tEXISTING\t${'ABCD'[n % 4]}\t${['LOW', 'MEDIUM', 'HIGH'][n % 3]}\t${n % 5}\t${violation}\n`;
}

/** A synthetic inspector with a certificate valid over the whole task. */
function inspectorLine(tenantId: string, n: number): string {
  return `${tenantId}\t执法人员${n}\t${n % 3 === 0 ? 'FEMALE' : 'MALE'}\t行政执法岗\t豫${REGION}${String(3_000_000 + n)}\t2030-01-01\t2034-12-31\tADMINISTRATIVE\tACTIVE\n`;
}

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

async function login(url: string, username: string): Promise<string> {
  const data = await gql(url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: DEMO_PASSWORD });
  return data.login.token as string;
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const round = (ms: number) => Math.round(ms);

interface Timed<T> {
  value: T;
  ms: number;
  nodeCpu: number;
  pgCpu: number;
}

/** Times one async step; also the CPU of this process and of PostgreSQL over it. */
async function timed<T>(clusterDir: string, work: () => Promise<T>): Promise<Timed<T>> {
  const node = nodeCpuMs();
  const pg = postgresCpuMs(clusterDir);
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started, nodeCpu: nodeCpuMs() - node, pgCpu: postgresCpuMs(clusterDir) - pg };
}

interface FloorRun {
  rows: number;
  select: Omit<Timed<unknown>, 'value'>;
  copy: Omit<Timed<unknown>, 'value'>;
}

/**
 * One floor run in a separate process, as another client would do it: the SELECT's million row
 * objects then weigh neither on the memory of the process under test nor on its garbage collector.
 * The SELECT runs as pool.ts runs its own (the same columns, the same rows); the COPY and its commit
 * take the pre-built draw_selections rows.
 */
async function floorInChild(options: { url: string; clusterDir: string; tenantId: string; file: string }): Promise<FloorRun> {
  const script = `
    const fs = require('node:fs');
    const { pipeline } = require('node:stream/promises');
    const { Readable } = require('node:stream');
    const { Client } = require(process.env.PG_MODULE);
    const { from: copyFrom } = require(process.env.COPY_MODULE);
    const { nodeCpuMs, postgresCpuMs } = require(process.env.CPU_MODULE);
    const timed = async (work) => {
      const node = nodeCpuMs(), pg = postgresCpuMs(process.env.CLUSTER), started = performance.now();
      const value = await work();
      return { value, ms: performance.now() - started, nodeCpu: nodeCpuMs() - node, pgCpu: postgresCpuMs(process.env.CLUSTER) - pg };
    };
    (async () => {
      const text = fs.readFileSync(process.env.FILE);
      const client = new Client({ connectionString: process.env.URL });
      await client.connect();
      const select = await timed(async () => (await client.query(process.env.SELECT_SQL, [process.env.TENANT, ['EXISTING', 'OPERATING']])).rowCount);
      const copy = await timed(async () => {
        await client.query('BEGIN');
        await pipeline(Readable.from([text]), client.query(copyFrom('COPY draw_selections (tenant_id, draw_id, seq, year, entity_id, item_ids, inspector_ids) FROM STDIN')));
        await client.query('COMMIT');
      });
      await client.end();
      process.stdout.write(JSON.stringify({ rows: select.value, select: { ...select, value: undefined }, copy: { ...copy, value: undefined } }));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], {
    env: {
      ...process.env,
      PG_MODULE: require.resolve('pg'),
      COPY_MODULE: require.resolve('pg-copy-streams'),
      CPU_MODULE: path.join(__dirname, 'cpu-usage.js'),
      CLUSTER: options.clusterDir,
      URL: options.url,
      TENANT: options.tenantId,
      FILE: options.file,
      SELECT_SQL: POOL_SELECT,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`floor run failed: ${out}`);
  return JSON.parse(out) as FloorRun;
}

/**
 * The draw of 100,000 of 1,000,000 entities with teams of 2 from 5,000 inspectors, through the real
 * ceremony over HTTP GraphQL (commitDraw freezes the pool, two entropy entries, performDraw draws and
 * stores), against the floor: one SELECT of the eligible rows and one COPY of 100,000 result rows.
 */
export async function runDrawBench(): Promise<void> {
  const { dataDir, clusterDir, pg, app, admin, close } = await startBenchApp();
  try {
    // ---- Data, as the owner (no RLS): COPY for the bulk, a few rows of SQL for the task and the rules.
    let started = performance.now();
    const [{ id: tenantId }] = (await admin.query(`SELECT id FROM tenants WHERE region_code = $1`, [REGION])).rows;
    // The demo's own entities of 舞钢 leave the pool, so that it holds exactly the bench's million.
    await admin.query(`UPDATE market_entities SET status = 'CANCELLED' WHERE tenant_id = $1`, [tenantId]);
    await pipeline(
      copyStream(ENTITIES, (n) => entityLine(tenantId, n)),
      admin.query(
        copyFrom(
          `COPY market_entities (tenant_id, name, uscc, region_code, industry, target_type, status, credit_class, risk_level, complaints, violation_record) FROM STDIN`,
        ),
      ),
    );
    await pipeline(
      copyStream(INSPECTORS, (n) => inspectorLine(tenantId, n)),
      admin.query(
        copyFrom(
          `COPY inspectors (tenant_id, name, gender, post, certificate_no, certificate_valid_from, certificate_valid_to, establishment, status) FROM STDIN`,
        ),
      ),
    );
    const [{ id: itemId }] = (
      await admin.query(
        `INSERT INTO inspection_items (tenant_id, name, legal_basis, inspecting_body, category, target_type, min_ratio, frequency_per_year, status, position)
       VALUES ($1, '基准测试：企业遵守自然资源法律法规情况的检查', '《中华人民共和国土地管理法》', '舞钢市自然资源和规划局', 'GENERAL', '企业', $2, 1, 'PUBLISHED', 99)
       RETURNING id`,
        [tenantId, RATIO],
      )
    ).rows;
    const [{ id: taskId }] = (
      await admin.query(
        `INSERT INTO tasks (tenant_id, title, purpose, procedure, division_of_labour, confidentiality, starts_on, ends_on, team_size)
       VALUES ($1, '基准测试：百万检查对象摇号', '测量摇号全流程', '封存 → 见证 → 摇号', '按摇号结果组成检查组', '摇号前名单封存', $2, $3, $4)
       RETURNING id`,
        [tenantId, STARTS_ON, ENDS_ON, TEAM_SIZE],
      )
    ).rows;
    await admin.query(`INSERT INTO task_items (tenant_id, task_id, item_id, ratio) VALUES ($1, $2, $3, $4)`, [tenantId, taskId, itemId, RATIO]);
    await admin.query(
      `INSERT INTO rule_sets (tenant_id, version, rules, reason)
       SELECT tenant_id, version + 1, jsonb_set(rules, '{workloadCapPerInspectorPerRound}', to_jsonb($2::int)), '基准测试：工作量上限'
         FROM rule_sets WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
      [tenantId, WORKLOAD_CAP],
    );
    await admin.query(`UPDATE users SET roles = '{LEADER,SUPERVISOR}' WHERE tenant_id = $1 AND username = 'wugang.leader'`, [tenantId]);
    await admin.query('VACUUM (ANALYZE) market_entities, inspectors');
    await admin.query('CHECKPOINT');
    const [{ eligible }] = (
      await admin.query(`SELECT count(*)::int AS eligible FROM market_entities WHERE tenant_id = $1 AND status = ANY($2)`, [
        tenantId,
        ['EXISTING', 'OPERATING'],
      ])
    ).rows;
    if (eligible !== ENTITIES) throw new Error(`expected ${ENTITIES} eligible entities, found ${eligible}`);
    console.log(`loaded ${ENTITIES} entities and ${INSPECTORS} inspectors into 舞钢 (${REGION}) in ${round(performance.now() - started)} ms`);

    // ---- Floor: one SELECT of the eligible rows (the columns pool.ts reads) and one COPY of 100,000
    // draw_selections rows (pre-built from real ids), as the owner. Run before and after the draw path,
    // the median is the floor: on a busy machine one run alone can be far off.
    const ids = (
      await admin.query(`SELECT id FROM market_entities WHERE tenant_id = $1 AND status = 'EXISTING' ORDER BY uscc LIMIT $2`, [tenantId, SELECTIONS])
    ).rows.map((r: { id: string }) => r.id);
    const inspectorIds = (await admin.query(`SELECT id FROM inspectors WHERE tenant_id = $1 ORDER BY certificate_no`, [tenantId])).rows.map(
      (r: { id: string }) => r.id,
    );
    const floorDraw = crypto.randomUUID();
    let floorText = '';
    for (let seq = 0; seq < SELECTIONS; seq += 1) {
      floorText += `${tenantId}\t${floorDraw}\t${seq}\t1999\t${ids[seq]}\t{${itemId}}\t{${inspectorIds[(2 * seq) % INSPECTORS]},${inspectorIds[(2 * seq + 1) % INSPECTORS]}}\n`;
    }
    const floorFile = path.join(dataDir, 'floor.copy');
    fs.writeFileSync(floorFile, floorText);
    const floors: FloorRun[] = [];
    const measureFloor = async () => {
      await admin.query('CHECKPOINT');
      const run = await floorInChild({ url: pg.adminUrl, clusterDir, tenantId, file: floorFile });
      if (run.rows !== ENTITIES) throw new Error(`floor SELECT read ${run.rows} rows`);
      await admin.query(`DELETE FROM draw_selections WHERE draw_id = $1`, [floorDraw]);
      await admin.query('VACUUM draw_selections');
      floors.push(run);
      console.log(
        `floor run ${floors.length}: SELECT of ${ENTITIES} eligible rows ${round(run.select.ms)} ms (node CPU ${round(run.select.nodeCpu)} ms, PostgreSQL CPU ${round(run.select.pgCpu)} ms) + COPY of ${SELECTIONS} draw_selections rows ${round(run.copy.ms)} ms (PostgreSQL CPU ${round(run.copy.pgCpu)} ms)`,
      );
    };
    for (let run = 0; run < FLOOR_RUNS_BEFORE; run += 1) await measureFloor();
    await admin.query('CHECKPOINT');

    // ---- The real path: the ceremony over HTTP GraphQL, as the office and a witness would hold it.
    const office = await login(app.url, 'wugang.admin');
    const witness = await login(app.url, 'wugang.leader');
    const taskGlobalId = toGlobalId('Task', taskId);
    const rssBefore = rssMb();
    let peakDuringDraw = rssBefore;
    const sampler = setInterval(() => (peakDuringDraw = Math.max(peakDuringDraw, rssMb())), 100);
    const commit = await timed(clusterDir, () =>
      gql(app.url, 'mutation($id: ID!) { commitDraw(taskId: $id) { id status inputHash } }', { id: taskGlobalId }, office),
    );
    const drawId = commit.value.commitDraw.id as string;
    console.log(
      `commitDraw (freeze the pool of ${ENTITIES}, hash, commit): ${round(commit.ms)} ms (node CPU ${round(commit.nodeCpu)} ms, PostgreSQL CPU ${round(commit.pgCpu)} ms)`,
    );
    const entropy = await timed(clusterDir, async () => {
      await gql(app.url, 'mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "纪检监督 见证值 7391") { id } }', { id: drawId }, witness);
      await gql(app.url, 'mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "418") { id } }', { id: drawId }, office);
    });
    console.log(`addDrawEntropy ×2 (witness, public number): ${round(entropy.ms)} ms (not counted)`);
    const perform = await timed(clusterDir, () => gql(app.url, 'mutation($id: ID!) { performDraw(drawId: $id) { id status } }', { id: drawId }, office));
    clearInterval(sampler);
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    if (perform.value.performDraw.status !== 'DRAWN') throw new Error(`draw not drawn: ${JSON.stringify(perform.value)}`);
    console.log(
      `performDraw (seed, draw, teams, store ${SELECTIONS} selections and the record): ${round(perform.ms)} ms (node CPU ${round(perform.nodeCpu)} ms, PostgreSQL CPU ${round(perform.pgCpu)} ms)`,
    );
    const ms = commit.ms + perform.ms;
    const drawCpu = { node: commit.nodeCpu + perform.nodeCpu, pg: commit.pgCpu + perform.pgCpu };
    console.log(
      `draw path (commit + perform): ${round(ms)} ms (node CPU ${round(drawCpu.node)} ms, PostgreSQL CPU ${round(drawCpu.pg)} ms); RSS ${rssBefore} MiB before, peak ${peakDuringDraw} MiB while drawing`,
    );

    for (let run = 0; run < FLOOR_RUNS_AFTER; run += 1) await measureFloor();
    const median = [...floors].sort((a, b) => a.select.ms + a.copy.ms - (b.select.ms + b.copy.ms))[Math.floor(floors.length / 2)]!;
    const floorMs = median.select.ms + median.copy.ms;
    const floorCpu = median.select.nodeCpu + median.select.pgCpu + median.copy.nodeCpu + median.copy.pgCpu;
    console.log(
      `floor: median of ${floors.length} runs ${round(floorMs)} ms (SELECT ${round(median.select.ms)} ms + COPY ${round(median.copy.ms)} ms; runs ${floors.map((f) => round(f.select.ms + f.copy.ms)).join(', ')} ms)`,
    );

    // ---- What was stored, and the algorithm alone on the very same input, seed and entropy.
    const drawUuid = fromGlobalUuid(drawId, 'Draw')!;
    const [stored] = (await admin.query(`SELECT record_gz, server_seed FROM draws WHERE id = $1`, [drawUuid])).rows as {
      record_gz: Buffer;
      server_seed: string;
    }[];
    const record: DrawRecord = unpackRecord(stored!.record_gz);
    const [{ rows: selected, members }] = (
      await admin.query(`SELECT count(*)::int AS rows, sum(cardinality(inspector_ids))::int AS members FROM draw_selections WHERE draw_id = $1`, [drawUuid])
    ).rows;
    if (!record.result || record.result.teams.length !== SELECTIONS || selected !== SELECTIONS || members !== SELECTIONS * TEAM_SIZE) {
      throw new Error(
        `unexpected result: ${record.failure ? JSON.stringify(record.failure) : `${record.result?.teams.length} teams, ${selected} rows, ${members} members`}`,
      );
    }
    const input = record.input;
    const entropyValues = record.publicEntropy;
    const runs: number[] = [];
    for (let run = 0; run < 2; run += 1) {
      // With the SHA-256 the server injects (Node's native one) for the canonical text.
      const again = await timed(clusterDir, async () =>
        runDraw(input, stored!.server_seed, entropyValues, { sha256: nativeSha256, algorithm: record.algorithm }),
      );
      if (again.value.seed !== record.seed || JSON.stringify(again.value.result) !== JSON.stringify(record.result)) {
        throw new Error('runDraw in-process did not reproduce the stored result');
      }
      runs.push(again.ms);
    }
    const algorithmMs = Math.min(...runs);
    const prepared = await timed(clusterDir, async () => prepareInput(input));
    const hashed = await timed(clusterDir, async () => inputHashOf(prepared.value, nativeSha256, record.algorithm));
    const draws: number[] = [];
    for (let run = 0; run < 2; run += 1) draws.push((await timed(clusterDir, async () => drawFromSeed(prepared.value, hexToBytes(record.seed)))).ms);
    const drawMs = Math.min(...draws);
    console.log(
      `algorithm alone: runDraw ${round(algorithmMs)} ms in-process, the better of ${runs.map(round).join(' and ')} ms (of which validate + canonical order ${round(prepared.ms)} ms, hashing the 1,000,000-line canonical text ${round(hashed.ms)} ms, precheck + selection + teams ${round(drawMs)} ms (the better of ${draws.map(round).join(' and ')}); the rest is building the record)`,
    );

    const ratio = Math.round((ms / floorMs) * 100) / 100;
    const cpuRatio = Math.round(((drawCpu.node + drawCpu.pg) / floorCpu) * 100) / 100;
    console.log(
      `ratio ${ratio} (draw path / floor; in CPU time, node + PostgreSQL: ${cpuRatio}), peak RSS of the process ${peak} MiB, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} CPUs`,
    );
    console.log(
      JSON.stringify({
        bench: 'draw',
        entities: ENTITIES,
        inspectors: INSPECTORS,
        selections: SELECTIONS,
        ms: round(ms),
        floor_ms: round(floorMs),
        ratio,
        algorithm_ms: round(algorithmMs),
        selection_teams_ms: round(drawMs),
        commit_ms: round(commit.ms),
        perform_ms: round(perform.ms),
        peak_rss_mb: peak,
      }),
    );
  } finally {
    await close();
  }
}
