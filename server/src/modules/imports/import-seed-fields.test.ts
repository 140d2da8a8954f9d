import { completeIdNumber } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { importFile, testUscc, utf8Csv, xlsxFile } from '../../test-support/import-fixtures';

jest.setTimeout(60_000);

const HEADER = ['名称', '统一社会信用代码', '身份证号', '行政区划代码', '登记机关', '法定代表人', '地址'];

describe('importing the directory with the fields 实施细则第六条 requires, and natural persons', () => {
  let t: TestApp;
  let office: string;
  const entity = async (key: string) => (await t.sql(`SELECT * FROM market_entities WHERE uscc = $1`, [key]))[0];
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  it('reports the rows that lack 登记机关, 法定代表人 or 地址 and imports only the complete ones (csv)', async () => {
    const job = await importFile(
      t,
      'entities',
      office,
      utf8Csv(
        [
          HEADER,
          ['完整甲公司', testUscc(501), '', '430702', '常德市市场监督管理局', '张三', '人民路 1 号'],
          ['缺登记机关公司', testUscc(502), '', '430702', '', '李四', '人民路 2 号'],
          ['缺法人公司', testUscc(503), '', '430702', '常德市市场监督管理局', '', '人民路 3 号'],
          ['缺地址公司', testUscc(504), '', '430702', '常德市市场监督管理局', '王五', ''],
        ],
        true,
      ),
      '名录.csv',
      { mode: 'VALID_ROWS' },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1, errorRows: 3 });
    const errors = job.errors.edges.map((e: any) => [e.node.rowNumber, e.node.column, e.node.code]);
    expect(errors).toEqual([
      [3, '登记机关', 'DIRECTORY_FIELD_REQUIRED'],
      [4, '法定代表人', 'DIRECTORY_FIELD_REQUIRED'],
      [5, '地址', 'DIRECTORY_FIELD_REQUIRED'],
    ]);
    expect(job.errors.edges[0].node.message).toContain('登记机关不能为空');
    expect(await entity(testUscc(501))).toBeTruthy();
    for (const n of [502, 503, 504]) expect(await entity(testUscc(n))).toBeUndefined();
  });

  it('reports a file without those columns row by row, naming the missing column (xlsx)', async () => {
    const job = await importFile(
      t,
      'entities',
      office,
      await xlsxFile(
        [
          ['名称', '统一社会信用代码', '行政区划代码'],
          ['无列公司', testUscc(505), '430702'],
        ],
        true,
      ),
      '名录.xlsx',
      { mode: 'VALID_ROWS' },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 0, errorRows: 1 });
    expect(new Set(job.errors.edges.map((e: any) => e.node.column))).toEqual(new Set(['登记机关', '法定代表人', '地址']));
    expect(await entity(testUscc(505))).toBeUndefined();
  });

  it('imports natural persons by ID number, keyed by a hash, with only a masked number stored, and refuses a bad number', async () => {
    const id = completeIdNumber('43070219900101123');
    const bad = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    const job = await importFile(
      t,
      'entities',
      office,
      await xlsxFile(
        [
          HEADER,
          ['赵个人', '', id, '430702', '', '', '武陵区朗州路 9 号'],
          ['错号个人', '', bad, '430702', '', '', '武陵区朗州路 10 号'],
          ['两码都填', testUscc(506), id, '430702', '常德市市场监督管理局', '张三', '人民路 6 号'],
          ['都没填', '', '', '430702', '常德市市场监督管理局', '张三', '人民路 7 号'],
        ],
        true,
      ),
      '个人.xlsx',
      { mode: 'VALID_ROWS' },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1, errorRows: 3 });
    expect(job.errors.edges.map((e: any) => [e.node.rowNumber, e.node.code])).toEqual([
      [3, 'ID_CHECKSUM'],
      [4, 'BOTH_IDENTIFIERS'],
      [5, 'REQUIRED'],
    ]);
    const [person] = await t.sql(`SELECT * FROM market_entities WHERE name = '赵个人'`);
    expect(person).toMatchObject({ kind: 'PERSON', id_number_masked: `4307**********${id.slice(-4)}`, target_type: '个人', registration_authority: null });
    expect(person.uscc).toMatch(/^P:[0-9A-F]{16}$/);
    // The error report shows which row it was, with the number masked as the directory keeps it.
    const [reported] = await t.sql(`SELECT row_content FROM import_errors WHERE row_number = 3 AND code = 'ID_CHECKSUM'`);
    expect(reported.row_content).toContain(`身份证号：${bad.slice(0, 4)}**********${bad.slice(-4)}`);
    expect(reported.row_content).toContain('名称：错号个人');
    // The number itself is nowhere: not in the directory, its history, the audit trail or the error report.
    for (const table of ['market_entities', 'market_entity_changes', 'audit_events', 'import_errors', 'import_jobs']) {
      expect(await t.sql(`SELECT 1 FROM ${table} x WHERE strpos(x::text, $1) > 0 OR strpos(x::text, $2) > 0`, [id, bad])).toEqual([]);
    }
    // The same person again is the same key: an update, not a second entry.
    const again = await importFile(
      t,
      'entities',
      office,
      utf8Csv([HEADER, ['赵个人（更名）', '', id.toLowerCase(), '430702', '', '', '武陵区朗州路 9 号']], true),
      '再导.csv',
    );
    expect(again).toMatchObject({ status: 'SUCCEEDED', insertedRows: 0, updatedRows: 1 });
    expect((await entity(person.uscc)).name).toBe('赵个人（更名）');
    // A row may name a person already in the directory by key and masked number, as an export writes it;
    // an unknown key is refused (a new person needs the whole number).
    const byKey = await importFile(
      t,
      'entities',
      office,
      utf8Csv(
        [
          HEADER,
          ['赵个人（再更名）', person.uscc, person.id_number_masked, '430702', '', '', '武陵区朗州路 9 号'],
          ['无此人', 'P:0123456789ABCDEF', '', '430702', '', '', '某处'],
        ],
        true,
      ),
      '按标识.csv',
      { mode: 'VALID_ROWS' },
    );
    expect(byKey).toMatchObject({ status: 'SUCCEEDED', updatedRows: 1, errorRows: 1 });
    expect(byKey.errors.edges.map((e: any) => e.node.code)).toEqual(['UNKNOWN_PERSON']);
    expect(await entity(person.uscc)).toMatchObject({ name: '赵个人（再更名）', kind: 'PERSON', id_number_masked: person.id_number_masked });
  });
});
