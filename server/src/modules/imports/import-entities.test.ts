import { startTestApp, type TestApp } from '../../test-support/test-app';
import { ENTITY_HEADERS, gbkCsv, importFile, readXlsx, testUscc, utf8Csv, xlsxFile } from '../../test-support/import-fixtures';

// Real uploads and imports: more than jest's default 5 s under a loaded machine.
jest.setTimeout(30_000);

describe('importing the entity directory', () => {
  let t: TestApp;
  let office: string;
  const tenantOf = async (username: string) => (await t.sql(`SELECT tenant_id FROM users WHERE username = $1`, [username]))[0].tenant_id as string;
  const entity = async (uscc: string) => (await t.sql(`SELECT * FROM market_entities WHERE uscc = $1`, [uscc]))[0];

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  it('imports a UTF-8 CSV and audits the counts', async () => {
    const job = await importFile(
      t,
      'entities',
      office,
      utf8Csv([
        ENTITY_HEADERS,
        ['常德市武陵区甲测绘有限公司', testUscc(1), '430702', '测绘服务', '存续', '低', '0'],
        ['常德市鼎城区乙建材有限公司', testUscc(2), '430703', '', '在业', '', '2'],
      ]),
      '名录.csv',
    );
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      fileFormat: 'csv',
      encoding: 'utf-8',
      processedRows: 2,
      insertedRows: 2,
      updatedRows: 0,
      errorRows: 0,
      createdBy: { username: 'changde.admin' },
    });
    expect(await entity(testUscc(1))).toMatchObject({
      name: '常德市武陵区甲测绘有限公司',
      region_code: '430702',
      status: 'EXISTING',
      risk_level: 'LOW',
      version: 1,
      tenant_id: await tenantOf('changde.admin'),
    });
    expect(await entity(testUscc(2))).toMatchObject({ status: 'OPERATING', complaints: 2 });
    const [event] = await t.sql(`SELECT after FROM audit_events WHERE action = 'import.entities' ORDER BY seq DESC LIMIT 1`);
    expect(event.after).toMatchObject({ status: 'SUCCEEDED', insertedRows: 2, processedRows: 2 });
  });

  it('detects a GBK file and reads its Chinese right', async () => {
    const job = await importFile(
      t,
      'entities',
      office,
      gbkCsv([ENTITY_HEADERS, ['常德市桃源县丙矿业有限公司', testUscc(3), '430725', '采矿业', '存续', '高', '1']]),
      'gbk.csv',
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', encoding: 'gb18030', insertedRows: 1 });
    expect(await entity(testUscc(3))).toMatchObject({ name: '常德市桃源县丙矿业有限公司', industry: '采矿业', risk_level: 'HIGH' });
  });

  it('imports xlsx, found by its bytes even under a .csv name, with a title row above the header', async () => {
    const file = await xlsxFile([
      ['附件1：常德市检查对象名录'],
      ['企业名称', '信用代码', '区划代码', '经营状态', '不认识的列'],
      ['常德市津市丁物流有限公司', testUscc(4), 430781, '存续', 'x'],
    ]);
    const job = await importFile(t, 'entities', office, file, 'misnamed.csv');
    expect(job).toMatchObject({ status: 'SUCCEEDED', fileFormat: 'xlsx', encoding: null, insertedRows: 1, warningRows: 0 });
    expect(job.errors.edges.map((e: any) => e.node)).toEqual([
      { rowNumber: 2, column: '不认识的列', code: 'UNKNOWN_COLUMN', message: '无法识别的列“不认识的列”，已忽略', warning: true },
    ]);
    expect(await entity(testUscc(4))).toMatchObject({ name: '常德市津市丁物流有限公司', region_code: '430781' });
  });

  it('upserts by USCC: changed rows get a new version and a history row, unchanged ones stay as they are', async () => {
    const before = await entity(testUscc(2));
    const job = await importFile(
      t,
      'entities',
      office,
      utf8Csv([
        ['名称', '统一社会信用代码', '行政区划代码', '风险等级'],
        ['常德市武陵区甲测绘有限公司（更名）', testUscc(1), '430702', '中'],
        ['常德市鼎城区乙建材有限公司', testUscc(2), '430703', ''],
        ['常德市新戊有限公司', ` ${testUscc(5).toLowerCase()} `, '430721', ''],
      ]),
      'update.csv',
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1, updatedRows: 1, processedRows: 3 });
    const changed = await entity(testUscc(1));
    expect(changed).toMatchObject({ name: '常德市武陵区甲测绘有限公司（更名）', risk_level: 'MEDIUM', version: 2, industry: '测绘服务' });
    expect(changed.import_job_id).toBeTruthy();
    // Columns the file does not have keep their values; unchanged rows are not touched at all.
    expect(await entity(testUscc(2))).toMatchObject({ version: before.version, complaints: 2, updated_at: before.updated_at });
    expect(await entity(testUscc(5))).toMatchObject({ uscc: testUscc(5), version: 1 });
    const history = await t.sql(`SELECT * FROM market_entity_changes WHERE entity_id = $1`, [changed.id]);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      version: 2,
      source: 'IMPORT',
      before: { name: '常德市武陵区甲测绘有限公司', riskLevel: 'LOW' },
      after: { name: '常德市武陵区甲测绘有限公司（更名）', riskLevel: 'MEDIUM', industry: '测绘服务' },
    });
    expect(await t.sql(`SELECT 1 FROM market_entity_changes WHERE entity_id = (SELECT id FROM market_entities WHERE uscc = $1)`, [testUscc(5)])).toHaveLength(
      0,
    );
  });

  it('ALL_OR_NOTHING refuses a file with one bad row and leaves the directory exactly as it was', async () => {
    const snapshot = await t.sql(`SELECT * FROM market_entities ORDER BY tenant_id, uscc`);
    const history = await t.sql(`SELECT count(*)::int AS n FROM market_entity_changes`);
    const job = await importFile(
      t,
      'entities',
      office,
      utf8Csv([
        ENTITY_HEADERS,
        ['改名甲', testUscc(1), '430702', '', '', '', ''],
        ['新公司己', testUscc(6), '430702', '', '', '', ''],
        ['外地公司', testUscc(7), '410481', '', '', '', ''],
      ]),
      'one-bad.csv',
    );
    expect(job).toMatchObject({ status: 'FAILED', errorRows: 1, insertedRows: 0, updatedRows: 0, processedRows: 3 });
    expect(job.failureReason).toMatch(/有 1 行数据有误，整个文件未导入/);
    expect(job.errors.edges.map((e: any) => e.node)).toEqual([
      { rowNumber: 4, column: '行政区划代码', code: 'REGION_OUTSIDE', message: expect.stringContaining('410481'), warning: false },
    ]);
    expect(await t.sql(`SELECT * FROM market_entities ORDER BY tenant_id, uscc`)).toEqual(snapshot);
    expect(await t.sql(`SELECT count(*)::int AS n FROM market_entity_changes`)).toEqual(history);
  });

  it('VALID_ROWS imports the valid rows and reports the others by row, column and code', async () => {
    const job = await importFile(
      t,
      'entities',
      office,
      utf8Csv([
        ENTITY_HEADERS,
        ['新公司庚', testUscc(8), '430702', '', '', '', ''],
        ['', testUscc(9), '430702', '', '', '', ''],
        ['新公司辛', '91430700ABC', '430702', '', '', '', ''],
        ['新公司壬', testUscc(10), '430702', '', '解散', '', '-1'],
        ['新公司癸', testUscc(11), '430703', '', '', '', ''],
      ]),
      'mixed.csv',
      { mode: 'VALID_ROWS' },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', mode: 'VALID_ROWS', processedRows: 5, insertedRows: 2, errorRows: 3 });
    expect(job.errors.totalCount).toBe(4);
    expect(job.errors.edges.map((e: any) => [e.node.rowNumber, e.node.column, e.node.code])).toEqual([
      [3, '名称', 'REQUIRED'],
      [4, '统一社会信用代码', 'USCC_LENGTH'],
      [5, '投诉举报次数', 'NOT_A_COUNT'],
      [5, '登记状态', 'UNKNOWN_VALUE'],
    ]);
    expect(await entity(testUscc(8))).toBeTruthy();
    expect(await entity(testUscc(11))).toBeTruthy();
    expect(await entity(testUscc(9))).toBeUndefined();
  });

  it('reports later duplicates of a USCC in the file, naming the first row', async () => {
    const rows = [
      ENTITY_HEADERS,
      ['重复甲', testUscc(12), '430702', '', '', '', ''],
      ['其他', testUscc(13), '430702', '', '', '', ''],
      ['重复乙', testUscc(12).toLowerCase(), '430702', '', '', '', ''],
    ];
    const refused = await importFile(t, 'entities', office, utf8Csv(rows), 'dup.csv');
    expect(refused).toMatchObject({ status: 'FAILED', errorRows: 1 });
    expect(refused.errors.edges.map((e: any) => e.node)).toEqual([
      { rowNumber: 4, column: '统一社会信用代码', code: 'DUPLICATE_IN_FILE', message: '统一社会信用代码与第 2 行重复', warning: false },
    ]);
    expect(await entity(testUscc(13))).toBeUndefined();
    const partial = await importFile(t, 'entities', office, utf8Csv(rows), 'dup.csv', { mode: 'VALID_ROWS' });
    expect(partial).toMatchObject({ status: 'SUCCEEDED', insertedRows: 2, errorRows: 1 });
    expect((await entity(testUscc(12))).name).toBe('重复甲');
  });

  it('refuses a USCC whose check character is wrong unless the warnings are accepted', async () => {
    const good = testUscc(14);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const file = utf8Csv([ENTITY_HEADERS, ['校验码不符公司', bad, '430702', '', '', '', '']]);
    const refused = await importFile(t, 'entities', office, file, 'checksum.csv');
    expect(refused).toMatchObject({ status: 'FAILED', errorRows: 1, warningRows: 0 });
    expect(refused.errors.edges[0].node).toMatchObject({ code: 'USCC_CHECKSUM', warning: false });
    const accepted = await importFile(t, 'entities', office, file, 'checksum.csv', { acceptChecksumWarnings: 'true' });
    expect(accepted).toMatchObject({ status: 'SUCCEEDED', acceptChecksumWarnings: true, insertedRows: 1, errorRows: 0, warningRows: 1 });
    expect(accepted.errors.edges[0].node).toMatchObject({ rowNumber: 2, code: 'USCC_CHECKSUM', warning: true });
    expect(await entity(bad)).toMatchObject({ uscc_checksum_override: true });
  });

  it('keeps at most 10,000 row problems, with a note of how many more there were', async () => {
    const rows = Array.from({ length: 10_050 }, (_, i) => ['', testUscc(20_000 + i), '430702', '', '', '', '']);
    const job = await importFile(t, 'entities', office, utf8Csv([ENTITY_HEADERS, ...rows]), 'many.csv', { mode: 'VALID_ROWS' });
    expect(job).toMatchObject({ status: 'SUCCEEDED', errorRows: 10_050, insertedRows: 0 });
    expect(job.errors.totalCount).toBe(10_001);
    expect(job.errors.edges[0].node).toEqual({
      rowNumber: 0,
      column: null,
      code: 'TOO_MANY_PROBLEMS',
      message: '问题过多：只保存了前 10000 条，另有 50 条未保存',
      warning: false,
    });
  });

  it('serves the error report as a real xlsx file', async () => {
    const job = await importFile(t, 'entities', office, utf8Csv([ENTITY_HEADERS, ['', testUscc(15), '999999', '', '', '', '']]), 'report.csv');
    const response = await fetch(`${t.url}/api/imports/${job.id}/errors.xlsx`, { headers: { authorization: `Bearer ${office}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readXlsx(await response.arrayBuffer());
    // The message in Chinese first, and the row's own cells, so the row can be found and fixed; the code last.
    expect(rows[0]).toEqual(['行号', '列', '说明', '该行内容', '仅警告', '错误代码']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['2', '名称', 'REQUIRED'],
      ['2', '行政区划代码', 'REGION_OUTSIDE'],
    ]);
    for (const row of rows.slice(1)) {
      expect(row[2]).toMatch(/[\u4e00-\u9fff]/);
      expect(row[3]).toContain('名称：（空）');
      expect(row[3]).toContain(`统一社会信用代码：${testUscc(15)}`);
      expect(row[3]).toContain('行政区划代码：999999');
    }
  });

  it('finds the supervising department (日常监管部门) by name, and reports one the bureau does not have', async () => {
    const job = await importFile(
      t,
      'entities',
      office,
      utf8Csv([
        ['名称', '统一社会信用代码', '行政区划代码', '日常监管部门'],
        ['常德市武陵区戊测绘有限公司', testUscc(801), '430702', '测绘地理信息科'],
        ['常德市武陵区己测绘有限公司', testUscc(802), '430702', '不存在的科'],
      ]),
      'departments.csv',
      { mode: 'VALID_ROWS' },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1, errorRows: 1 });
    expect(job.errors.edges.map((e: any) => [e.node.rowNumber, e.node.column, e.node.code])).toEqual([[3, '日常监管部门', 'UNKNOWN_DEPARTMENT']]);
    const [row] = await t.sql(
      `SELECT d.name FROM market_entities e JOIN departments d ON d.tenant_id = e.tenant_id AND d.id = e.supervising_department_id WHERE e.uscc = $1`,
      [testUscc(801)],
    );
    expect(row.name).toBe('测绘地理信息科');
  });
});
