import type ExcelJS from 'exceljs';
import { neutralise } from '../exports/formula-guard';
import type { ReportDocument } from './report-document';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8E8E8' } };
// Loaded on first use (exceljs is heavy; see exports/table-writer.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = () => require('exceljs') as typeof ExcelJS;

/** A count as a number cell (so it sums in Excel), a rate or a name as guarded text. */
const cellValue = (text: string): string | number => (/^\d+$/.test(text) ? Number(text) : neutralise(text));

/** The report as one A4 sheet: title, byline, then each table under its heading. */
export async function renderReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  workbook.title = doc.title;
  const width = Math.max(...doc.tables.map((t) => t.headers.length));
  const sheet = workbook.addWorksheet('年度总结', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 34 : 14 }));
  const wide = (text: string, style: Partial<ExcelJS.Style>, height: number) => {
    const row = sheet.addRow([neutralise(text)]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).style = style;
    row.height = height;
  };
  wide(doc.title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }, 40);
  wide(doc.byline, { alignment: { horizontal: 'center', vertical: 'middle' } }, 20);
  for (const table of doc.tables) {
    sheet.addRow([]);
    wide(table.heading, { font: { bold: true, size: 12 } }, 20);
    const header = sheet.addRow(table.headers);
    header.eachCell((cell) => {
      cell.style = { font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, fill: HEADER_FILL, border: BORDER };
    });
    for (const values of table.rows) {
      const row = sheet.addRow(values.map(cellValue));
      row.eachCell((cell, i) => {
        cell.style = { alignment: { vertical: 'middle', horizontal: i === 1 ? 'left' : 'right', wrapText: true }, border: BORDER };
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
