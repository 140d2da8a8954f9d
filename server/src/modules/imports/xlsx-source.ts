import { ImportFailure } from './import-failure';
import { MAX_CELL_CHARS, type SharedStrings } from './shared-strings';
import { BATCH_CHARS, MAX_ROW_CHARS, ROW_BATCH, type SheetRow } from './sheet-row';
import { readDateStyles, readSharedStrings, readWorkbook } from './xlsx-parts';
import { XmlStream, type XmlTag } from './xml-events';
import { entryChunks, readZipEntries, type ZipLimits } from './zip-entries';

/** What an empty cell slot costs in a batch's budget, in characters: a row reaching XFD is not free. */
const SLOT_CHARS = 16;
/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

/**
 * Streams the first worksheet of an xlsx file with bounded memory whatever it holds: the zip's entries
 * are checked against `limits` before and while they inflate, the shared-strings table goes to disk,
 * and every text, cell and row has a length limit (Excel's own, or a CSV record's).
 */
export async function* xlsxRows(filePath: string, limits: ZipLimits): AsyncGenerator<SheetRow[]> {
  const entries = await readZipEntries(filePath, limits);
  const workbook = await readWorkbook(filePath, entries);
  const dateStyles = await readDateStyles(filePath, workbook.styles);
  const strings = await readSharedStrings(filePath, workbook.sharedStrings);
  try {
    const rows: Row[] = [];
    const sheet = new SheetReader(strings, dateStyles, workbook.date1904, (row) => rows.push(row));
    const xml = new XmlStream(workbook.sheet.name, sheet.handlers);
    let batch: SheetRow[] = [];
    let batchChars = 0;
    const take = function* (): Generator<SheetRow[]> {
      for (const { number, cells, chars } of rows.splice(0, rows.length)) {
        batch.push({ number, cells });
        batchChars += chars + cells.length * SLOT_CHARS;
        if (batch.length >= ROW_BATCH || batchChars >= BATCH_CHARS) {
          yield batch;
          batch = [];
          batchChars = 0;
        }
      }
    };
    for await (const chunk of entryChunks(filePath, workbook.sheet)) {
      xml.write(chunk);
      yield* take();
    }
    xml.end();
    yield* take();
    if (batch.length) yield batch;
  } finally {
    strings.close();
  }
}

type Row = SheetRow & { chars: number };

/** The sheet's XML to rows of text cells, as a person sees them. */
class SheetReader {
  private row: Row | null = null;
  private lastRow = 0;
  private lastColumn = 0;
  private cell: { column: number; type: string; style: number } | null = null;
  private value: string[] | null = null;
  private inText = false;
  private valueChars = 0;
  private phonetic = 0;

  constructor(
    private readonly strings: SharedStrings,
    private readonly dateStyles: boolean[],
    private readonly date1904: boolean,
    private readonly onRow: (row: Row) => void,
  ) {}

  readonly handlers = {
    open: (tag: XmlTag) => this.open(tag),
    text: (text: string) => {
      if (!this.value || !this.inText || this.phonetic) return;
      this.valueChars += text.length;
      if (this.valueChars > MAX_CELL_CHARS)
        throw new ImportFailure(
          `第 ${this.row?.number ?? this.lastRow} 行有超过 ${MAX_CELL_CHARS.toLocaleString('en-US')} 个字符的单元格（Excel 单元格的上限），不是正常的表格文件，未导入任何数据`,
        );
      this.value.push(text);
    },
    close: (name: string) => this.close(name),
  };

  private open(tag: XmlTag): void {
    const a = tag.attributes;
    switch (tag.name) {
      case 'row': {
        const number = a.r ? Number(a.r) : this.lastRow + 1;
        if (!Number.isInteger(number) || number <= this.lastRow)
          throw new ImportFailure(`工作表的行号有误（第 ${this.lastRow} 行之后是“${String(a.r).slice(0, 20)}”），文件已损坏`);
        this.row = { number, cells: [], chars: 0 };
        this.lastRow = number;
        this.lastColumn = 0;
        break;
      }
      case 'c': {
        if (!this.row) return;
        const column = a.r ? columnOf(a.r) : this.lastColumn + 1;
        if (column < 1 || column > MAX_COLUMNS)
          throw new ImportFailure(`第 ${this.row.number} 行的单元格位置“${String(a.r).slice(0, 20)}”有误（超出 XFD 列或顺序颠倒），文件已损坏`);
        this.cell = { column, type: a.t ?? 'n', style: a.s ? Number(a.s) : 0 };
        this.value = null;
        this.valueChars = 0;
        this.lastColumn = column;
        break;
      }
      case 'v':
      case 't':
        if (this.cell) {
          this.value ??= [];
          this.inText = true;
        }
        break;
      case 'rPh':
        this.phonetic += 1;
        break;
    }
  }

  private close(name: string): void {
    if (name === 'v' || name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic -= 1;
    else if (name === 'c' && this.row && this.cell) {
      const text = this.cellText(this.value?.join('') ?? null);
      const row = this.row;
      while (row.cells.length < this.cell.column - 1) row.cells.push('');
      row.cells[this.cell.column - 1] = text;
      row.chars += text.length;
      if (row.chars > MAX_ROW_CHARS) throw new ImportFailure(`第 ${row.number} 行的内容超过 1 MiB（可能不是名录表格），未导入任何数据`);
      this.cell = null;
      this.value = null;
    } else if (name === 'row' && this.row) {
      this.onRow(this.row);
      this.row = null;
    }
  }

  private cellText(raw: string | null): string {
    if (raw === null) return '';
    switch (this.cell!.type) {
      case 's':
        return this.strings.get(Number(raw));
      case 'inlineStr':
      case 'str':
        return raw;
      case 'b':
        return Number(raw) !== 0 ? 'TRUE' : 'FALSE';
      case 'e':
        return '';
      case 'd':
        return raw.slice(0, 10);
      default: {
        const number = Number.parseFloat(raw);
        if (!Number.isFinite(number)) return raw.trim();
        if (this.dateStyles[this.cell!.style]) return excelDate(number, this.date1904);
        return String(number);
      }
    }
  }
}

/** "AB12" → 28; 0 for a reference that is not a cell's. */
function columnOf(ref: string): number {
  const letters = /^([A-Z]{1,4})\d/.exec(ref)?.[1];
  if (!letters) return 0;
  let column = 0;
  for (let i = 0; i < letters.length; i += 1) column = column * 26 + (letters.charCodeAt(i) - 64);
  return column;
}

/** A serial day number as YYYY-MM-DD (the 1900 system counts the fictitious 29 February 1900). */
function excelDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}
