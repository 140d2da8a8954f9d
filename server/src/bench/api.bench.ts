import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { toGlobalId } from '@spotcheck/shared';
import { startBenchApp } from './bench-app';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { countStatements } from '../db/statement-counter';
import { nodeCpuMs, postgresCpuMs, processCpuMs } from './cpu-usage';
import type { RunningApp } from '../app';
import type { LoadOptions, LoadResult } from './api-load';
import { startCpuProfile } from './cpu-profile';

/*
 * `npm run bench -- api`: one authenticated, tenant-scoped list of 50 drawn entities with their items,
 * their teams (the inspectors, each with the department) and their records, under load, beside a bare
 * Apollo Server that returns the same answer from memory.
 *
 * The query. `inspectionAssignments(drawId, first: 50)` is the list of a draw's entities as the
 * bureau works through them: per entity its items, its team of inspectors with their departments, and
 * its inspection record. It touches five tables and four loaders, which is what "entities with their
 * teams and inspectors" costs. `inspections(first: 50)` would list records only, with the team as ids
 * on the record. The data is the demo's: 舞钢's 2023 draw (689 entities, two inspectors each, 22
 * records), which the bench seeds itself by starting the app in demo mode on an empty database.
 *
 * The real path. The bench signs in as `wugang.admin` with the login mutation and sends the bearer
 * token with every request, so each one goes through the request log and its scope, the body limit
 * and document guard, token verification and the revocation list, the depth and complexity limits,
 * the metrics plugin, the permission guard, and one transaction under the tenant's row-level
 * security. Nothing is bypassed or raised: the abuse limits count failed sign-ins and wrong access
 * codes only (LOGIN_IP_MAX_FAILURES, ACCESS_CODE_MAX_FAILURES), and the bench signs in once, so
 * its traffic is never throttled; the query's complexity (950) is under the limit of 5000.
 * Logging stays at the service's default level (`info`, one access line per request), written to
 * /dev/null instead of a terminal; BENCH_LOG_LEVEL lowers it. The pool has its default 10 connections.
 * Both servers run with NODE_ENV=production, as deploy/Dockerfile sets it (graphql-js checks less),
 * and the database is ANALYZEd after the seed, as autovacuum would have done on a database in use.
 *
 * The floor. Apollo Server 5 on express 5, the same integration, with a schema of the same shape for
 * the fields asked, answering from an array that holds the service's own answer. Both answer the same
 * bytes to the same request (checked, and every answer under load is compared to them by autocannon;
 * one whose Chinese character autocannon read in two chunks counts as the same: bench/split-body.ts).
 *
 * Processes. The machine has two cores. The service runs in this process (with its PostgreSQL
 * processes), the floor in a child process of its own, and autocannon in a third process for each run,
 * so that the load generator never shares an event loop with the server it measures, and the floor
 * carries none of the service's state. The two are measured one after the other, never at once: 2 s
 * of warm-up then 10 s of measurement at 20 connections, the service first, then the floor. While the
 * service runs, its node process, PostgreSQL and autocannon share the two cores; while the floor runs,
 * its node process and autocannon do. That PostgreSQL takes CPU from the same two cores is part of
 * what the service costs.
 *
 * BENCH_CPU_PROFILE=<file> writes a V8 CPU profile of the service's process over the measured run.
 *
 * SQL statements and round trips per request: a counter on the request pool's clients
 * (db/statement-counter.ts, instrumentation only), over the measured run, divided by the GraphQL
 * operations the service completed meanwhile (its own metrics), and once for a single request before
 * the load. A round trip is one message to PostgreSQL; the list's sends its four statements in one.
 *
 * Target: ratio (our throughput / the floor's) ≥ 0.4 and p99 ≤ 50 ms at 20 connections. Both servers
 * are saturated at 20 connections, so p50 ≈ 20 / rps: p99 ≤ 50 ms needs some 500 requests a second.
 */

const CONNECTIONS = 20;
const WARMUP_SECONDS = 2;
const SECONDS = 10;
const PAGE = 50;
const DEMO_DRAW_TITLE = '舞钢市自然资源和规划局2023年“双随机、一公开”随机抽查';

const QUERY = `query Assignments($drawId: ID!, $first: Int, $after: String) {
  inspectionAssignments(drawId: $drawId, first: $first, after: $after) {
    edges { node { seq entity { id name uscc } items { id name } team { id name department { name } } inspection { id status } } }
  }
}`;

async function post(url: string, body: string, token: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: DEMO_PASSWORD } }),
  });
  const answer = (await response.json()) as { data?: { login: { token: string } }; errors?: unknown[] };
  if (!answer.data?.login) throw new Error(`login failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.login.token;
}

/** Runs a child process of the bench's build and returns its stdout once it exits with 0. */
async function runChild(script: string, args: string[]): Promise<string> {
  const child = spawn(process.execPath, [path.join(__dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`${script} failed (${code}): ${out}`);
  return out;
}

function load(options: LoadOptions): Promise<LoadResult> {
  return runChild('api-load.js', [JSON.stringify(options)]).then((out) => JSON.parse(out) as LoadResult);
}

/** The floor server in its own process, holding `nodes` in memory. */
async function startFloor(nodes: unknown[]): Promise<{ url: string; child: ChildProcess }> {
  // With the service's own V8 flags (`npm run bench` sets the young generation's size, as `npm start` does).
  const child = spawn(process.execPath, [...process.execArgv, path.join(__dirname, 'api-floor.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin!.end(JSON.stringify(nodes));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0]!;
      if (out.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the floor server exited (${code})`)));
  });
  return { url, child };
}

/** The most memory a process has held, from /proc (Linux); 0 elsewhere. */
function peakRssMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function check(result: LoadResult, who: string): void {
  const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (failures > 0) throw new Error(`${who}: ${JSON.stringify(result)}`);
}

export async function runApiBench(): Promise<void> {
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
  const { app, admin, clusterDir, close } = await startBenchApp({
    env: { LOG_LEVEL: logLevel },
    logDestination: pino.destination({ dest: '/dev/null', sync: true }),
  });
  const counter = countStatements(app.services.db);
  let floor: { url: string; child: ChildProcess } | null = null;
  let result: object;
  try {
    // The demo was seeded a moment ago: gather the statistics that autovacuum keeps on a database in use.
    await admin.query('ANALYZE');
    const [draw] = (await admin.query(
      `SELECT d.id, (SELECT count(*)::int FROM draw_selections s WHERE s.draw_id = d.id) AS selections
         FROM draws d JOIN tasks t ON t.tenant_id = d.tenant_id AND t.id = d.task_id WHERE t.title = $1`,
      [DEMO_DRAW_TITLE],
    )).rows as { id: string; selections: number }[];
    if (!draw) throw new Error('the demo draw of 舞钢 is missing');
    const drawId = toGlobalId('Draw', draw.id);
    const token = await login(app.url, 'wugang.admin');
    const body = JSON.stringify({ query: QUERY, variables: { drawId, first: PAGE } });

    // One request on its own: its answer (the reference for every other), and its statements.
    counter.reset();
    const reference = await post(app.url, body, token);
    const singleStatements = counter.statements;
    const singleRoundTrips = counter.roundTrips;
    const answer = JSON.parse(reference) as { data?: { inspectionAssignments: { edges: { node: any }[] } }; errors?: unknown[] };
    const nodes = answer.data?.inspectionAssignments.edges.map((e) => e.node) ?? [];
    if (answer.errors || nodes.length !== PAGE || nodes.some((n) => !n.entity || n.team.length === 0 || n.team.some((p: any) => !p.department))) {
      throw new Error(`unexpected answer: ${reference.slice(0, 500)}`);
    }
    console.log(
      `舞钢's 2023 draw: ${draw.selections} entities; a page of ${PAGE} with ${nodes.reduce((s, n) => s + n.team.length, 0)} inspectors, ` +
        `${nodes.reduce((s, n) => s + n.items.length, 0)} items, ${nodes.filter((n) => n.inspection).length} records: ` +
        `${reference.length} bytes, ${singleStatements} SQL statements in ${singleRoundTrips} round trips`,
    );

    // The floor holds the service's own answer (and the next page, so that it slices a longer list).
    const after = Buffer.from(`offset:${PAGE - 1}`).toString('base64url');
    const next = JSON.parse(await post(app.url, JSON.stringify({ query: QUERY, variables: { drawId, first: PAGE, after } }), token));
    floor = await startFloor([...nodes, ...next.data.inspectionAssignments.edges.map((e: { node: unknown }) => e.node)]);
    const floorAnswer = await post(floor.url, body, token);
    if (floorAnswer !== reference) throw new Error(`the floor answers differently:\n${floorAnswer.slice(0, 300)}\n${reference.slice(0, 300)}`);

    const run = (url: string, seconds: number) => load({ url, body, token, connections: CONNECTIONS, seconds, expectBody: reference });

    // The service: warm-up, then the measured run, with its statements, operations and CPU.
    check(await run(app.url, WARMUP_SECONDS), 'service warm-up');
    const operationsBefore = await completedQueries(app);
    const cpuBefore = { node: nodeCpuMs(), pg: postgresCpuMs(clusterDir) };
    counter.reset();
    const profile = await startCpuProfile(process.env.BENCH_CPU_PROFILE);
    const ours = await run(app.url, SECONDS);
    await profile.stop();
    const { statements, roundTrips } = counter;
    const operations = (await completedQueries(app)) - operationsBefore;
    const oursCpu = { node: nodeCpuMs() - cpuBefore.node, pg: postgresCpuMs(clusterDir) - cpuBefore.pg };
    check(ours, 'service');

    // The floor, the same way.
    check(await run(floor.url, WARMUP_SECONDS), 'floor warm-up');
    const floorCpuBefore = processCpuMs(floor.child.pid!);
    const bare = await run(floor.url, SECONDS);
    const floorCpu = processCpuMs(floor.child.pid!) - floorCpuBefore;
    check(bare, 'floor');

    const sqlPerRequest = round1(statements / operations);
    const roundTripsPerRequest = round1(roundTrips / operations);
    const ratio = Math.round((ours.rps / bare.rps) * 100) / 100;
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    const floorPeak = peakRssMb(floor.child.pid!);
    const perRequest = (ms: number, requests: number) => ((ms / requests) * 1000).toFixed(0);
    console.log(
      `service: ${Math.round(ours.rps)} requests/s, p50 ${ours.p50Ms} ms, p99 ${ours.p99Ms} ms, max ${ours.maxMs} ms; ` +
        `${sqlPerRequest} SQL statements in ${roundTripsPerRequest} round trips per request (${statements} for ${operations} operations); ` +
        `CPU per request ${perRequest(oursCpu.node, ours.requests)} µs node + ${perRequest(oursCpu.pg, ours.requests)} µs PostgreSQL; autocannon ${Math.round(ours.cpuMs / ours.seconds / 10)} % of a core`,
    );
    console.log(
      `floor: ${Math.round(bare.rps)} requests/s, p50 ${bare.p50Ms} ms, p99 ${bare.p99Ms} ms, max ${bare.maxMs} ms; ` +
        `CPU per request ${perRequest(floorCpu, bare.requests)} µs; autocannon ${Math.round(bare.cpuMs / bare.seconds / 10)} % of a core`,
    );
    console.log(
      `ratio ${ratio} (target ≥ 0.4), p99 ${ours.p99Ms} ms (target ≤ 50) at ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up; ` +
        `log level ${logLevel}; peak RSS ${peak} MiB (floor ${floorPeak} MiB); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`,
    );
    result = {
      bench: 'api',
      rps: Math.round(ours.rps),
      p50_ms: ours.p50Ms,
      p99_ms: ours.p99Ms,
      sql_per_request: sqlPerRequest,
      round_trips_per_request: roundTripsPerRequest,
      floor_rps: Math.round(bare.rps),
      floor_p99_ms: bare.p99Ms,
      ratio,
      connections: CONNECTIONS,
      peak_rss_mb: peak,
      floor_p50_ms: bare.p50Ms,
      floor_peak_rss_mb: floorPeak,
      requests: ours.requests,
      floor_requests: bare.requests,
      seconds: SECONDS,
      page: PAGE,
      log_level: logLevel,
    };
  } finally {
    counter.stop();
    floor?.child.kill('SIGTERM');
    await close();
  }
  // After the shutdown, so that nothing it logs comes after the figures.
  console.log(JSON.stringify(result));
}

/** GraphQL queries the service has completed without error, from its own metrics. */
async function completedQueries(app: RunningApp): Promise<number> {
  const metric = await app.services.metrics.graphqlOperations.get();
  return metric.values.filter((v) => v.labels.type === 'query' && v.labels.outcome === 'ok').reduce((sum, v) => sum + v.value, 0);
}
