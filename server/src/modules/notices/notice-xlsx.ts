import type ExcelJS from 'exceljs';
import { neutralise } from '../exports/formula-guard';
import { EMPTY_NOTICE_TEXT, noticeByline, noticeColumns, verificationText, type PublicationNotice } from './notice';

const HEADER_ROW = 4;
const LINE_HEIGHT = 15;
/** Wider than the six standard columns: print across the page. */
const WIDE = 120;
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
// Loaded on first use (exceljs is heavy; see exports/table-writer.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = () => require('exceljs') as typeof ExcelJS;

/** Every text from the data goes through the formula guard before it reaches a cell. */
const guard = (value: string | number) => (typeof value === 'string' ? neutralise(value) : value);

/** Width in spreadsheet character units: a CJK character is about two digits wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

/** Excel does not grow a row for wrapped text it did not lay out itself, so heights are estimated here. */
function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / Math.max(width - 1, 1))), 0);
}

/** The notice as one sheet: title, byline, intro, a frozen header row, the results, footer and verification. */
export async function renderNoticeXlsx(notice: PublicationNotice): Promise<Buffer> {
  const columns = noticeColumns(notice);
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const workbook = new (excel().Workbook)();
  workbook.title = notice.title;
  workbook.creator = notice.bureauName;
  const sheet = workbook.addWorksheet('公示', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: totalWidth > WIDE ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  const wide = (text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    const row = sheet.addRow([guard(text)]);
    sheet.mergeCells(row.number, 1, row.number, columns.length);
    row.getCell(1).style = style;
    row.height = height ?? linesIn(text, totalWidth) * LINE_HEIGHT + 4;
    return row;
  };
  wide(notice.title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } }, 32);
  wide(noticeByline(notice), { alignment: { horizontal: 'center', vertical: 'middle' } }, 20);
  wide(notice.intro, { alignment: { wrapText: true, vertical: 'top' } });

  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 30;
  header.eachCell((cell) => {
    cell.style = {
      font: { bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } },
      border: BORDER,
    };
  });

  for (const data of notice.rows) {
    const values = columns.map((c) => c.value(data));
    const row = sheet.addRow(values.map(guard));
    row.height = Math.max(...values.map((v, i) => linesIn(String(v), columns[i]!.width))) * LINE_HEIGHT + 4;
    row.eachCell({ includeEmpty: true }, (cell, i) => {
      cell.style = {
        alignment: { vertical: 'middle', wrapText: true, horizontal: columns[i - 1]!.fit ? 'center' : 'left' },
        border: BORDER,
      };
    });
  }
  if (notice.rows.length === 0) wide(EMPTY_NOTICE_TEXT, { alignment: { horizontal: 'center', vertical: 'middle' }, border: BORDER }, 24);

  sheet.addRow([]);
  wide(notice.footer, { alignment: { wrapText: true, vertical: 'top' } });
  const verification = verificationText(notice);
  if (verification) wide(verification, { font: { size: 9 }, alignment: { wrapText: true, vertical: 'top' } });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
