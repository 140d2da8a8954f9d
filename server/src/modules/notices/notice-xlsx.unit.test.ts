import ExcelJS from 'exceljs';
import { EMPTY_NOTICE_TEXT, type PublicationNotice } from './notice';
import { renderNoticeXlsx } from './notice-xlsx';
import { sampleNotice } from './sample-notice';

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

const ALL_HEADERS = ['序号', '市场主体名称', '统一社会信用代码', '地址', '抽查事项', '检查日期', '执法检查人员', '检查结果', '发现的问题', '备注'];

describe('publication notice as xlsx', () => {
  it('reads back with the title merged, the byline, a frozen header row and one row per result', async () => {
    const notice = sampleNotice(12);
    const sheet = await readBack(await renderNoticeXlsx(notice));

    expect(sheet.name).toBe('公示');
    expect(sheet.getCell('A1').value).toBe(notice.title);
    expect(sheet.getCell('J1').isMerged).toBe(true);
    expect(sheet.getCell('J1').master.address).toBe('A1');
    expect(sheet.getCell('A2').value).toBe('舞钢市自然资源和规划局　舞自然资公示〔2026〕2号　发布日期：2026年4月10日');
    expect(sheet.getCell('A3').value).toBe(notice.intro);
    expect(rowValues(sheet, 4)).toEqual(ALL_HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '4:4' });
    expect(sheet.columns.map((c) => c.width)).toEqual([6, 28, 21, 24, 28, 12, 14, 16, 28, 18]);

    const first = notice.rows[0]!;
    expect(rowValues(sheet, 5)).toEqual([
      1,
      first.entityName,
      first.uscc,
      first.address,
      first.items.join('、'),
      first.inspectedOn,
      first.inspectors!.join('、'),
      first.resultCategory,
      '',
      '',
    ]);
    const all = notice.rows.map((_, i) => rowValues(sheet, 5 + i));
    expect(all.map((r) => r[2])).toEqual(notice.rows.map((r) => r.uscc));
    expect(all[4]![9]).toBe('更正2026年第1号公示第5条（原检查结果有误）');
    expect(all[1]![8]).toBe(notice.rows[1]!.findings);
    // A wrapped cell gets a taller row: Excel would not grow it by itself.
    expect(sheet.getRow(6).height).toBeGreaterThan(sheet.getRow(5).height);

    expect(sheet.getCell(`A${5 + 12 + 1}`).value).toBe(notice.footer);
    expect(String(sheet.getCell(`A${5 + 12 + 2}`).value)).toContain(notice.verification!.inputHash);
  });

  it('neutralises every formula-looking text from the data, in the table and around it', async () => {
    const evil = "=cmd|' /C calc'!A0";
    const notice: PublicationNotice = {
      ...sampleNotice(1),
      title: '=HYPERLINK("http://x","公示")',
      bureauName: '@局',
      intro: '+说明',
      footer: '-监督电话',
      rows: [
        {
          seq: 1,
          entityName: evil,
          uscc: '91410481MA00000010',
          address: '@SUM(A1)',
          items: ['=1+1', '土地利用情况检查'],
          inspectedOn: '2026-03-01',
          inspectors: ['+张三'],
          resultCategory: '-1',
          findings: '\t=2',
          correctionOf: null,
        },
      ],
    };
    const sheet = await readBack(await renderNoticeXlsx(notice));
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining([`'${evil}`, "'@SUM(A1)", "'=1+1、土地利用情况检查", "'+张三", "'-1", "'\t=2", `'${notice.title}`, "'+说明", "'-监督电话"]),
    );
    expect(sheet.getCell('A2').value).toBe("'@局　舞自然资公示〔2026〕2号　发布日期：2026年4月10日");
  });

  it('leaves out empty optional columns and says so when there are no results', async () => {
    const notice: PublicationNotice = { ...sampleNotice(0), noticeNo: null, verification: null };
    const sheet = await readBack(await renderNoticeXlsx(notice));
    expect(rowValues(sheet, 4)).toEqual(['序号', '市场主体名称', '统一社会信用代码', '抽查事项', '检查日期', '检查结果']);
    expect(sheet.pageSetup.orientation).toBe('portrait');
    expect(sheet.getCell('A5').value).toBe(EMPTY_NOTICE_TEXT);
    expect(sheet.getCell('F5').isMerged).toBe(true);
    expect(sheet.getCell('A7').value).toBe(notice.footer);
    expect(sheet.rowCount).toBe(7);
  });
});
