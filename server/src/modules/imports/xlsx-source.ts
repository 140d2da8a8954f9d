import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { ImportFailure } from './import-failure';
import { ROW_BATCH, type SheetRow } from './sheet-row';

const BROKEN = 'xlsx 文件已损坏或不完整（可能上传中断），请重新保存后上传';

/**
 * Streams the first worksheet of an xlsx file. Shared strings are cached by the reader (Excel writes
 * them before the sheets); the sheet itself is read row by row.
 */
export async function* xlsxRows(filePath: string): AsyncGenerator<SheetRow[]> {
  const input = fs.createReadStream(filePath, { highWaterMark: 1 << 20 });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date cells are recognised by their number format
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      let batch: SheetRow[] = [];
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        batch.push({ number: row.number, cells: rowTexts(row.values as ExcelJS.CellValue[]) });
        if (batch.length >= ROW_BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      break; // only the first worksheet is imported
    }
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw new ImportFailure(BROKEN);
  } finally {
    input.destroy();
  }
  if (!sheets) throw new ImportFailure('xlsx 文件中没有工作表（或文件不完整）');
}

/** exceljs gives row values 1-based; cell 0 is always empty. */
function rowTexts(values: ExcelJS.CellValue[]): string[] {
  const cells: string[] = [];
  for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
  return cells;
}

export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
  return '';
}
