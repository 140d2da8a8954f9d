import http from 'node:http';
import express from 'express';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { registerImportRoutes } from './import.routes';
import { ENTITY_HEADERS, gbkCsv, importFile, testUscc, upload, utf8Csv, xlsxFile } from '../../test-support/import-fixtures';

// Real uploads and imports: more than jest's default 5 s under a loaded machine.
jest.setTimeout(30_000);

describe('refusing files and requests', () => {
  let t: TestApp;
  let office: string;
  const entityCount = async () => (await t.sql(`SELECT count(*)::int AS n FROM market_entities`))[0].n as number;
  const jobCount = async () => (await t.sql(`SELECT count(*)::int AS n FROM import_jobs`))[0].n as number;
  const goodRow = (n: number) => [`公司${n}`, testUscc(n), '430702', '', '', '', ''];

  /** Imports a file that must fail as a whole, and checks nothing reached the directory. */
  const failing = async (file: Buffer, name: string, fields: Record<string, string> = {}) => {
    const before = await entityCount();
    const job = await importFile(t, 'entities', office, file, name, fields);
    expect(job).toMatchObject({ status: 'FAILED', insertedRows: 0, updatedRows: 0 });
    expect(await entityCount()).toBe(before);
    return job;
  };

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  it('fails a file without the required columns, naming them', async () => {
    const missing = await failing(
      utf8Csv([
        ['名称', '行业'],
        ['某公司', '制造业'],
      ]),
      'missing.csv',
    );
    // A row gives a USCC or (a natural person) an ID number, so neither column is required of the file as such.
    expect(missing.failureReason).toBe('表头缺少必需的列：“行政区划代码”（表头在第 1 行；请使用导入模板）');
    const wrong = await failing(
      utf8Csv([
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]),
      'wrong.csv',
    );
    expect(wrong.failureReason).toContain('“名称”、“行政区划代码”');
    const twice = await failing(
      utf8Csv([
        ['名称', '企业名称', '统一社会信用代码', '行政区划代码'],
        ['a', 'b', testUscc(1), '430702'],
      ]),
      'twice.csv',
    );
    expect(twice.failureReason).toContain('“名称”列出现了两次');
  });

  it('fails an empty file, a file of blank lines and a header without rows', async () => {
    const needs = '导入文件需要表头行，至少包含 “名称”、“行政区划代码” 列（请使用导入模板）';
    expect((await failing(Buffer.alloc(0), 'empty.csv')).failureReason).toBe(`文件为空：${needs}`);
    expect((await failing(Buffer.from('\r\n\r\n,,\r\n'), 'blank.csv')).failureReason).toBe(`文件中没有内容（空表）：${needs}`);
    expect((await failing(utf8Csv([ENTITY_HEADERS]), 'header.csv')).failureReason).toBe('文件中只有表头，没有数据行');
  });

  it('fails a truncated xlsx, binary garbage, an old .xls and broken CSV quoting', async () => {
    const rows = [ENTITY_HEADERS, ...Array.from({ length: 3000 }, (_, i) => goodRow(100 + i))];
    const whole = await xlsxFile(rows);
    const truncated = await failing(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.xlsx');
    expect(truncated.failureReason).toMatch(/xlsx 文件已损坏或不完整|没有工作表/);
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256));
    expect((await failing(garbage, 'data.csv')).failureReason).toBe('无法识别文件内容：既不是 CSV 文本，也不是 xlsx 表格');
    expect((await failing(garbage, 'data.xlsx')).failureReason).toContain('内容不是有效的 xlsx 文件');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await failing(ole, 'old.xls')).failureReason).toContain('旧版 Excel（.xls）');
    const quotes = Buffer.from(`${ENTITY_HEADERS.join(',')}\n"未闭合,${testUscc(1)},430702,,,,\n`);
    expect((await failing(quotes, 'quotes.csv')).failureReason).toContain('CSV 格式有误');
  });

  it('fails a GBK file declared as UTF-8 instead of importing mojibake', async () => {
    const job = await failing(gbkCsv([ENTITY_HEADERS, goodRow(200)]), 'gbk.csv', { encoding: 'utf-8' });
    expect(job.failureReason).toMatch(/^文件不是 UTF-8 编码/);
    expect(await t.sql(`SELECT 1 FROM market_entities WHERE uscc = $1`, [testUscc(200)])).toHaveLength(0);
  });

  it('answers bad requests with 400 and writes nothing', async () => {
    const jobs = await jobCount();
    const noFile = await upload(t.url, 'entities', office, null, '', { mode: 'VALID_ROWS' });
    expect(noFile).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    const badMode = await upload(t.url, 'entities', office, utf8Csv([ENTITY_HEADERS, goodRow(300)]), 'a.csv', { mode: 'SOME' });
    expect(badMode).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('mode') } } });
    const badEncoding = await upload(t.url, 'entities', office, utf8Csv([ENTITY_HEADERS]), 'a.csv', { encoding: 'latin1' });
    expect(badEncoding.status).toBe(400);
    const json = await fetch(`${t.url}/api/imports/entities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(await jobCount()).toBe(jobs);
  });

  it('answers 401 without a valid token and 403 to anyone but the office', async () => {
    const file = utf8Csv([ENTITY_HEADERS, goodRow(400)]);
    expect(await upload(t.url, 'entities', null, file, 'a.csv')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await upload(t.url, 'entities', 'forged.token.value', file, 'a.csv')).toMatchObject({ status: 401 });
    for (const username of ['changde.leader', 'changde.inspector01']) {
      const token = await t.login(username);
      expect(await upload(t.url, 'inspectors', token, file, 'a.csv')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    }
  });

  it('answers 413 to a file over the size limit and writes nothing', async () => {
    const web = express();
    registerImportRoutes(web, t.app.services, { maxUploadBytes: 1024 });
    const server = http.createServer(web);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
      const jobs = await jobCount();
      const big = utf8Csv([ENTITY_HEADERS, ...Array.from({ length: 200 }, (_, i) => goodRow(500 + i))]);
      const answer = await upload(url, 'entities', office, big, 'big.csv');
      expect(answer).toMatchObject({ status: 413, body: { error: { code: 'BAD_USER_INPUT' } } });
      // Far over the limit: answered without reading the whole body into memory.
      const huge = Buffer.alloc(8 * 1024 * 1024, 'a');
      expect((await upload(url, 'entities', office, huge, 'huge.csv')).status).toBe(413);
      expect(await jobCount()).toBe(jobs);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
