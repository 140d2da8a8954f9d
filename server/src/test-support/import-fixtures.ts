/** Builders for import tests: files made in the test, uploads through the real endpoint, waiting for jobs. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { completeUscc } from '@spotcheck/shared';

export interface GqlCaller {
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: unknown[] }>;
}

export const ENTITY_HEADERS = ['名称', '统一社会信用代码', '行政区划代码', '行业', '登记状态', '风险等级', '投诉举报次数'];

/** A valid USCC that the demo data never uses (the demo's start with 91). */
export const testUscc = (n: number, region = '430700') => completeUscc(`92${region}${String(n).padStart(9, '0')}`);

const DIRECTORY_FIELDS: [string, (row: number) => string][] = [
  ['登记机关', () => '测试市市场监督管理局'],
  ['法定代表人', () => '张三'],
  ['地址', (row) => `测试路 ${row} 号`],
];
const USCC_TITLES = new Set(['统一社会信用代码', '信用代码', '社会信用代码']);

/**
 * An entity file whose header row (the first with a USCC column) lacks any of 登记机关、法定代表人、地址
 * (实施细则第六条) gets those columns filled in, so that tests about something else import complete rows;
 * `asIs` keeps a file as given.
 */
export function completeDirectory<T extends string | number | Date>(rows: readonly (readonly T[])[]): (readonly (T | string)[])[] {
  const at = rows.findIndex((r) => r.some((c) => USCC_TITLES.has(String(c))));
  if (at < 0) return rows.map((r) => r);
  const header = rows[at]!.map(String);
  const missing = DIRECTORY_FIELDS.filter(([title]) => !header.includes(title));
  if (!missing.length) return rows.map((r) => r);
  const width = header.length;
  return rows.map((r, i) => {
    if (i < at) return r;
    if (i === at) return [...r, ...missing.map(([title]) => title)];
    const padded: (T | string)[] = [...r, ...Array<string>(Math.max(width - r.length, 0)).fill('')];
    return [...padded, ...missing.map(([, value]) => value(i))];
  });
}

export function csvText(rows: readonly (readonly string[])[], asIs = false): string {
  const complete = asIs ? rows : completeDirectory(rows);
  return complete.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

export const utf8Csv = (rows: readonly (readonly string[])[], asIs = false) => Buffer.from(`\uFEFF${csvText(rows, asIs)}`, 'utf8');
export const gbkCsv = (rows: readonly (readonly string[])[]) => iconv.encode(csvText(rows), 'gbk');

export async function xlsxFile(rows: readonly (readonly (string | number | Date)[])[], asIs = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名录');
  for (const row of asIs ? rows : completeDirectory(rows)) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readXlsx(body: ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

export interface UploadAnswer {
  status: number;
  body: any;
}

/** POSTs a file (bytes, or a path on disk streamed from there) as multipart/form-data. */
export async function upload(
  url: string,
  kind: 'entities' | 'inspectors',
  token: string | null,
  file: Buffer | string | null,
  fileName: string,
  fields: Record<string, string> = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file !== null) {
    const blob = typeof file === 'string' ? await fs.openAsBlob(file) : new Blob([file]);
    form.append('file', blob, fileName);
  }
  const response = await fetch(`${url}/api/imports/${kind}`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export const JOB_FIELDS = `id kind mode status fileName fileFormat encoding acceptChecksumWarnings processedRows insertedRows
  updatedRows errorRows warningRows failureReason startedAt finishedAt createdBy { username }
  errors(first: 100) { totalCount edges { node { rowNumber column code message warning } } }`;

/** Polls the job over GraphQL until it has finished. */
export async function waitForJob(t: GqlCaller, jobId: string, token: string, timeoutMs = 240_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await t.gql(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id: jobId }, token);
    const job = result.data?.importJob;
    if (!job) throw new Error(`job ${jobId} not readable: ${JSON.stringify(result.errors)}`);
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Uploads and waits for the outcome. */
export async function importFile(
  t: GqlCaller,
  kind: 'entities' | 'inspectors',
  token: string,
  file: Buffer | string,
  fileName: string,
  fields: Record<string, string> = {},
): Promise<any> {
  const answer = await upload(t.url, kind, token, file, fileName, fields);
  if (answer.status !== 202) throw new Error(`upload answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return waitForJob(t, answer.body.jobId, token);
}
