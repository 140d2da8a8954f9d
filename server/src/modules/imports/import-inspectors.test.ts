import { startTestApp, type TestApp } from '../../test-support/test-app';
import { gbkCsv, importFile, utf8Csv, xlsxFile } from '../../test-support/import-fixtures';

const HEADERS = ['姓名', '性别', '执法岗位', '执法类别', '执法证号', '证件有效期起', '证件有效期止', '编制', '所在部门', '专长', '状态'];

// Real uploads and imports: more than jest's default 5 s under a loaded machine.
jest.setTimeout(30_000);

describe('importing the inspector directory', () => {
  let t: TestApp;
  let office: string;
  const inspector = async (certificateNo: string) =>
    (
      await t.sql(`SELECT p.*, d.name AS department FROM inspectors p LEFT JOIN departments d ON d.id = p.department_id WHERE certificate_no = $1`, [
        certificateNo,
      ])
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  it('imports inspectors with their department found by name, lists and dates as people write them', async () => {
    const job = await importFile(
      t,
      'inspectors',
      office,
      utf8Csv([
        HEADERS,
        ['张测试', '男', '执法监察', '土地管理、矿产资源', 'ts-0001', '2024/1/1', '2029年12月31日', '行政编制', '测绘地理信息科', '测绘 地质', '在岗'],
        ['李测试', '女', '执法监察', '', 'TS-0002', '2024-03-01', '2028-02-29', '事业编制', '', '', ''],
      ]),
      'inspectors.csv',
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', kind: 'INSPECTORS', insertedRows: 2, errorRows: 0 });
    expect(await inspector('TS-0001')).toMatchObject({
      name: '张测试',
      gender: 'MALE',
      department: '测绘地理信息科',
      enforcement_categories: ['土地管理', '矿产资源'],
      specialties: ['测绘', '地质'],
      establishment: 'ADMINISTRATIVE',
      status: 'ACTIVE',
    });
    expect((await inspector('TS-0002')).department_id).toBeNull();
    const [event] = await t.sql(`SELECT after FROM audit_events WHERE action = 'import.inspectors' ORDER BY seq DESC LIMIT 1`);
    expect(event.after).toMatchObject({ status: 'SUCCEEDED', insertedRows: 2 });
  });

  it('reports an unknown department, bad dates and duplicate certificate numbers by row', async () => {
    const job = await importFile(
      t,
      'inspectors',
      office,
      await xlsxFile([
        HEADERS,
        ['王测试', '男', '执法监察', '', 'TS-0003', new Date(Date.UTC(2024, 0, 1)), '2029-12-31', '行政编制', '不存在的科', '', ''],
        ['赵测试', '男', '执法监察', '', 'TS-0004', '2024-02-30', '2029-12-31', '行政编制', '', '', ''],
        ['钱测试', '男', '执法监察', '', 'TS-0005', '2025-01-01', '2024-01-01', '行政编制', '', '', ''],
        ['孙测试', '男', '执法监察', '', 'TS-0006', '2024-01-01', '2029-12-31', '行政编制', '', '', ''],
        ['孙重复', '男', '执法监察', '', 'ts-0006', '2024-01-01', '2029-12-31', '行政编制', '', '', ''],
      ]),
      'inspectors.xlsx',
      { mode: 'VALID_ROWS' },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', fileFormat: 'xlsx', insertedRows: 1, errorRows: 4 });
    expect(job.errors.edges.map((e: any) => [e.node.rowNumber, e.node.column, e.node.code])).toEqual([
      [2, '所在部门', 'UNKNOWN_DEPARTMENT'],
      [3, '证件有效期起', 'NOT_A_DATE'],
      [4, '证件有效期止', 'DATE_ORDER'],
      [6, '执法证号', 'DUPLICATE_IN_FILE'],
    ]);
    expect(job.errors.edges[3].node.message).toBe('执法证号与第 5 行重复');
    expect((await inspector('TS-0006')).name).toBe('孙测试');
  });

  it('updates an inspector found by certificate number, keeping what the file does not say', async () => {
    const before = await inspector('TS-0001');
    const job = await importFile(
      t,
      'inspectors',
      office,
      gbkCsv([
        ['姓名', '性别', '执法岗位', '执法证号', '证件有效期起', '证件有效期止', '编制', '状态'],
        ['张测试', '男', '执法监察', 'TS-0001', '2024-01-01', '2030-12-31', '行政编制', '暂停执法'],
        ['李测试', '女', '执法监察', 'TS-0002', '2024-03-01', '2028-02-29', '事业编制', '在岗'],
      ]),
      'gbk.csv',
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', encoding: 'gb18030', insertedRows: 0, updatedRows: 1 });
    const after = await inspector('TS-0001');
    expect(after).toMatchObject({ status: 'SUSPENDED', department: '测绘地理信息科', enforcement_categories: ['土地管理', '矿产资源'] });
    expect(after.id).toBe(before.id);
  });

  it('reads the 属地 column, inside the bureau’s area only', async () => {
    const job = await importFile(
      t,
      'inspectors',
      office,
      utf8Csv([
        ['姓名', '性别', '执法岗位', '执法证号', '证件有效期起', '证件有效期止', '编制', '属地'],
        ['周测试', '男', '执法监察', 'TS-0007', '2024-01-01', '2029-12-31', '行政编制', '430703'],
        ['吴测试', '男', '执法监察', 'TS-0008', '2024-01-01', '2029-12-31', '行政编制', '410481'],
        ['郑测试', '男', '执法监察', 'TS-0009', '2024-01-01', '2029-12-31', '行政编制', ''],
      ]),
      'regions.csv',
      { mode: 'VALID_ROWS' },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 2, errorRows: 1 });
    expect(job.errors.edges.map((e: any) => [e.node.rowNumber, e.node.column, e.node.code])).toEqual([[3, '属地', 'REGION_OUTSIDE']]);
    expect((await inspector('TS-0007')).region_code).toBe('430703');
    expect((await inspector('TS-0009')).region_code).toBeNull();
  });
});
