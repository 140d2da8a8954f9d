import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { csvText, importFile, readXlsx, testUscc, upload, utf8Csv, waitForJob } from '../../test-support/import-fixtures';

const EVIL = "=cmd|' /C calc'!A0";

// Real uploads and imports: more than jest's default 5 s under a loaded machine.
jest.setTimeout(30_000);

describe('exports, templates and progress', () => {
  let t: TestApp;
  let office: string;
  const download = async (path: string, token = office) => {
    const response = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  it('neutralises formula-like cells in xlsx and csv exports, and reads them back unchanged', async () => {
    const imported = await importFile(
      t,
      'entities',
      office,
      utf8Csv([
        ['名称', '统一社会信用代码', '行政区划代码', '法定代表人', '地址', '行业'],
        [EVIL, testUscc(700), '430702', '@SUM(A1)', '+86 电话', '-制造业'],
      ]),
      'evil.csv',
    );
    expect(imported.status).toBe('SUCCEEDED');

    const bytes = Buffer.from(await (await download('/api/exports/entities.csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const csv = bytes.toString('utf8');
    const line = csv.split('\r\n').find((l) => l.includes(testUscc(700)))!;
    expect(line).toContain(`'${EVIL}`);
    expect(line).toContain("'@SUM(A1)");
    expect(line).toContain("'+86 电话");
    expect(line).toContain("'-制造业");

    const response = await download('/api/exports/entities.xlsx');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const rows = await readXlsx(await response.arrayBuffer());
    expect(rows[0]!.slice(0, 2)).toEqual(['名称', '统一社会信用代码']);
    const row = rows.find((r) => r.includes(testUscc(700)))!;
    expect(row).toContain(`'${EVIL}`);
    expect(row).toContain("'@SUM(A1)");

    // An export imports back as it is: nothing new, nothing changed.
    const again = await importFile(t, 'entities', office, Buffer.from(csv, 'utf8'), 'export.csv');
    expect(again).toMatchObject({ status: 'SUCCEEDED', insertedRows: 0, updatedRows: 0, errorRows: 0 });
    const [stored] = await t.sql(`SELECT name, version FROM market_entities WHERE uscc = $1`, [testUscc(700)]);
    expect(stored).toEqual({ name: EVIL, version: 1 });
  });

  it('serves templates with the headers and an example row that imports as it is', async () => {
    const entities = await readXlsx(await (await download('/api/templates/entities.xlsx')).arrayBuffer());
    expect(entities[0]!.slice(0, 4)).toEqual(['名称', '统一社会信用代码', '身份证号', '登记机关']);
    expect(entities).toHaveLength(2);
    const inspectors = Buffer.from(await (await download('/api/templates/inspectors.csv')).arrayBuffer()).toString('utf8');
    expect(inspectors.split('\r\n')[0]).toBe('\uFEFF姓名,性别,执法岗位,执法类别,执法证号,证件有效期起,证件有效期止,编制,所在部门,属地区划代码,专长,状态');
    const job = await importFile(t, 'inspectors', office, Buffer.from(inspectors, 'utf8'), 'template.csv');
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1 });
    const template = Buffer.from(await (await download('/api/templates/entities.xlsx')).arrayBuffer());
    expect(entities[0]!.at(-1)).toBe('日常监管部门');
    expect(await importFile(t, 'entities', office, template, 'template.xlsx')).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1 });
    // The examples' 属地 and supervising department (a department of the bureau, by name) are stored.
    const [inspector] = await t.sql(
      `SELECT region_code FROM inspectors WHERE certificate_no = 'ZF00000001' AND tenant_id = (SELECT tenant_id FROM users WHERE username = 'changde.admin')`,
    );
    expect(inspector.region_code).toMatch(/^\d{6}$/);
    const [entity] = await t.sql(
      `SELECT d.name FROM market_entities e JOIN departments d ON d.tenant_id = e.tenant_id AND d.id = e.supervising_department_id WHERE e.name = '示例建材有限公司'`,
    );
    expect(entity.name).toBeTruthy();
    const exported = await (await download('/api/exports/inspectors.csv')).text();
    expect(exported).toContain('ZF00000001');
  });

  it('streams progress to the bureau’s subscribers of the job, and to nobody else', async () => {
    const rows = [['名称', '统一社会信用代码', '行政区划代码'], ...Array.from({ length: 150_000 }, (_, i) => [`进度${i}`, testUscc(10_000 + i), '430702'])];
    const answer = await upload(t.url, 'entities', office, Buffer.from(csvText(rows)), 'progress.csv');
    expect(answer.status).toBe(202);
    const subscribe = (token: string) => {
      const client = createClient({
        url: `${t.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      const events: { status: string; processedRows: number }[] = [];
      client.subscribe<{ importJobProgress: { status: string; processedRows: number } }>(
        { query: 'subscription($id: ID!) { importJobProgress(id: $id) { status processedRows } }', variables: { id: answer.body.jobId } },
        {
          next: (value) => events.push(value.data!.importJobProgress),
          error: (error) => events.push({ status: `error ${JSON.stringify(error)}`, processedRows: -1 }),
          complete: () => undefined,
        },
      );
      return { client, events };
    };
    const own = subscribe(office);
    const other = subscribe(await t.login('wugang.admin'));
    const job = await waitForJob(t, answer.body.jobId, office);
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 150_000 });
    await new Promise((r) => setTimeout(r, 500));
    await own.client.dispose();
    await other.client.dispose();
    expect(own.events.length).toBeGreaterThanOrEqual(1);
    expect(own.events.at(-1)).toEqual({ status: 'SUCCEEDED', processedRows: 150_000 });
    expect(other.events).toEqual([]);
  });
});
