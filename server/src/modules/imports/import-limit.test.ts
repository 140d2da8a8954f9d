import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { loadConfig } from '../../config';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { CHUNK_ROWS } from './chunk-stage';
import { importFile, testUscc } from '../../test-support/import-fixtures';

/**
 * A limit of this test's own (IMPORT_MAX_ROWS), so that one row over it does not take a million rows;
 * over two chunks, so that merged chunks are rolled back too.
 */
const MAX_ROWS = 2 * CHUNK_ROWS + 500;

/** A CSV of `rows` valid data rows with the required columns, written to disk in chunks. */
async function writeBigCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('名称,统一社会信用代码,行政区划代码,登记机关,法定代表人,地址\n');
  for (let start = 1; start <= rows; start += 10_000) {
    let chunk = '';
    for (let n = start; n < Math.min(start + 10_000, rows + 1); n += 1) chunk += `公司${n},${testUscc(n)},430702,常德市市场监督管理局,张三,人民路${n}号\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('the row limit', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_ROWS: String(MAX_ROWS) });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-limit-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is a million data rows unless the operator says otherwise', () => {
    expect(loadConfig({}).imports.maxRows).toBe(1_000_000);
  });

  it(`fails a file of one data row more than the limit as a whole, with nothing written`, async () => {
    const file = path.join(dir, 'too-many.csv');
    await writeBigCsv(file, MAX_ROWS + 1);
    const office = await t.login('changde.admin');
    const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM market_entities`);
    const job = await importFile(t, 'entities', office, file, 'too-many.csv');
    expect(job).toMatchObject({ status: 'FAILED', insertedRows: 0, processedRows: MAX_ROWS + 1, errorRows: 0 });
    expect(job.failureReason).toContain(`超过 ${MAX_ROWS.toLocaleString('en-US')} 行数据的上限（第 ${MAX_ROWS + 2} 行起）`);
    expect((await t.sql(`SELECT count(*)::int AS n FROM market_entities`))[0].n).toBe(before);
  });
});
