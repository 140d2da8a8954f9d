import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { completeUscc } from '@spotcheck/shared';
import { startBenchApp } from './bench-app';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { ENTITY_COLUMNS } from '../modules/entities/entity-fields';
import { nodeCpuMs, postgresCpuMs } from './cpu-usage';

const ROWS = 1_000_000;
const REGION = '410481'; // 舞钢, the bureau of wugang.admin

/** One synthetic entity, the same for the import file and the COPY floor; `n` makes it unique. */
function entityRow(n: number) {
  const uscc = completeUscc(`91${REGION}${n.toString(10).padStart(9, '0')}`);
  return {
    name: `舞钢市第${n}号建材有限公司`,
    uscc,
    registrationAuthority: '舞钢市市场监督管理局',
    legalRepresentative: `法人${n % 9973}`,
    address: `舞钢市院岭街道第${n % 997}号`,
    regionCode: REGION,
    industry: ['制造业', '采矿业', '建筑业'][n % 3]!,
    targetType: '企业',
    status: (['存续', '在业'] as const)[n % 2]!,
    statusCode: (['EXISTING', 'OPERATING'] as const)[n % 2]!,
    creditClass: 'ABCD'[n % 4]!,
    risk: (['低', '中', '高'] as const)[n % 3]!,
    riskCode: (['LOW', 'MEDIUM', 'HIGH'] as const)[n % 3]!,
    complaints: n % 5,
  };
}

async function writeInChunks(file: string, header: string, line: (n: number) => string): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(header);
  for (let start = 1; start <= ROWS; start += 10_000) {
    let chunk = '';
    for (let n = start; n < start + 10_000 && n <= ROWS; n += 1) chunk += line(n);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The import file, as an office would upload it: Chinese headers and labels, all 13 columns. */
function writeImportCsv(file: string): Promise<void> {
  return writeInChunks(file, `${ENTITY_COLUMNS.map((c) => c.header).join(',')}\n`, (n) => {
    const r = entityRow(n);
    return `${r.name},${r.uscc},,${r.registrationAuthority},${r.legalRepresentative},${r.address},${r.regionCode},${r.industry},${r.targetType},${r.status},${r.creditClass},${r.risk},${r.complaints},\n`;
  });
}

/** The same rows already in stored form, for COPY straight into market_entities. */
function writeCopyText(file: string, tenantId: string): Promise<void> {
  return writeInChunks(file, '', (n) => {
    const r = entityRow(n);
    return `${tenantId}\t${r.name}\t${r.uscc}\t${r.registrationAuthority}\t${r.legalRepresentative}\t${r.address}\t${r.regionCode}\t${r.industry}\t${r.targetType}\t${r.statusCode}\t${r.creditClass}\t${r.riskCode}\t${r.complaints}\t\\N\n`;
  });
}

export async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/**
 * Uploads from a separate process, as a browser would: the client's own buffering and CPU then do not
 * count against the server's memory and time.
 */
export async function uploadFromChild(url: string, token: string, file: string): Promise<string> {
  const script = `
    const fs = require('node:fs');
    (async () => {
      const form = new FormData();
      form.append('file', await fs.openAsBlob(process.env.FILE), 'entities.csv');
      const r = await fetch(process.env.URL + '/api/imports/entities', { method: 'POST', body: form, headers: { authorization: 'Bearer ' + process.env.TOKEN } });
      process.stdout.write(await r.text());
    })();`;
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, URL: url, TOKEN: token, FILE: file }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`upload failed: ${out}`);
  const answer = JSON.parse(out) as { jobId?: string };
  if (!answer.jobId) throw new Error(`upload refused: ${out}`);
  return answer.jobId;
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/**
 * 1,000,000 entity rows through the real upload endpoint (parse → check → COPY → upsert, in one
 * transaction under RLS), against the floor: COPY of the same rows, pre-normalised, into the same table.
 */
export async function runImportBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-bench-'));
  const { dataDir, app, admin, close } = await startBenchApp();
  try {
    const csvFile = path.join(dir, 'entities.csv');
    let started = Date.now();
    await writeImportCsv(csvFile);
    const mb = (fs.statSync(csvFile).size / 1024 / 1024).toFixed(0);
    console.log(`generated ${ROWS} rows (${mb} MiB CSV) in ${Date.now() - started} ms`);

    const login = await gql(app.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: 'wugang.admin',
      p: DEMO_PASSWORD,
    });
    const token = login.data.login.token as string;
    await admin.query('CHECKPOINT'); // both measures start from a clean checkpoint
    // Memory is flat when the peak of the second half of the rows is no higher than that of the first.
    const rssBefore = rssMb();
    const peakByHalf = [rssBefore, rssBefore];
    let processed = 0;
    const sampler = setInterval(() => {
      const half = processed < ROWS / 2 ? 0 : 1;
      peakByHalf[half] = Math.max(peakByHalf[half]!, rssMb());
    }, 100);

    const cpuBefore = { node: nodeCpuMs(), pg: postgresCpuMs(path.join(dataDir, 'pg')) };
    started = Date.now();
    const jobId = await uploadFromChild(app.url, token, csvFile);
    const accepted = Date.now() - started;
    let job: any;
    for (;;) {
      job = (await gql(app.url, 'query($id: ID!) { importJob(id: $id) { status processedRows insertedRows errorRows failureReason } }', { id: jobId }, token))
        .data.importJob;
      processed = job.processedRows;
      if (job.status === 'SUCCEEDED' || job.status === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const importMs = Date.now() - started;
    const cpu = { node: nodeCpuMs() - cpuBefore.node, pg: postgresCpuMs(path.join(dataDir, 'pg')) - cpuBefore.pg };
    clearInterval(sampler);
    if (job.status !== 'SUCCEEDED' || job.insertedRows !== ROWS) throw new Error(`import did not succeed: ${JSON.stringify(job)}`);
    console.log(`import through POST /api/imports/entities: ${importMs} ms (upload answered 202 after ${accepted} ms), ${job.insertedRows} rows inserted`);
    console.log(`RSS: ${rssBefore} MiB before the import; peak ${peakByHalf[0]} MiB over the first half of the rows, ${peakByHalf[1]} MiB over the second`);
    console.log(`CPU during the import: server process ${Math.round(cpu.node)} ms, PostgreSQL ${Math.round(cpu.pg)} ms`);

    const [{ id: otherTenant }] = (await admin.query(`SELECT id FROM tenants WHERE region_code = '430700'`)).rows;
    const copyFile = path.join(dir, 'entities.copy');
    await writeCopyText(copyFile, otherTenant);
    await admin.query('CHECKPOINT'); // both measures start from a clean checkpoint
    const pgBeforeFloor = postgresCpuMs(path.join(dataDir, 'pg'));
    started = Date.now();
    await pipeline(
      fs.createReadStream(copyFile, { highWaterMark: 1 << 20 }),
      admin.query(
        copyFrom(`COPY market_entities (tenant_id, name, uscc, registration_authority, legal_representative, address, region_code,
        industry, target_type, status, credit_class, risk_level, complaints, violation_record) FROM STDIN`),
      ),
    );
    const floorMs = Date.now() - started;
    const floorCpu = postgresCpuMs(path.join(dataDir, 'pg')) - pgBeforeFloor;
    console.log(
      `floor: COPY of the same rows, pre-normalised, into market_entities for another tenant: ${floorMs} ms (PostgreSQL CPU ${Math.round(floorCpu)} ms)`,
    );

    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    const ratio = Math.round((importMs / floorMs) * 100) / 100;
    console.log(`ratio ${ratio} (import / floor), peak RSS of the process ${peak} MiB`);
    console.log(JSON.stringify({ bench: 'import', rows: ROWS, ms: importMs, floor_ms: floorMs, ratio, peak_rss_mb: peak }));
  } finally {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
