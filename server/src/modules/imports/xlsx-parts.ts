import path from 'node:path/posix';
import { ImportFailure } from './import-failure';
import { MAX_CELL_CHARS, SharedStrings } from './shared-strings';
import { parseXml } from './xml-events';
import { entryChunks, type ZipEntry } from './zip-entries';

// Excel's own built-in number formats that show dates and times (ECMA-376 §18.8.30, and the CJK ones).
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** More cell formats than Excel allows (64,000) or custom number formats than it keeps (about 250). */
const MAX_CELL_FORMATS = 100_000;
const MAX_NUMBER_FORMATS = 10_000;

export interface Workbook {
  sheet: ZipEntry;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
  date1904: boolean;
}

/** A date format code: date or time letters outside quoted text and [colour]/[locale] brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );
}

/** Finds the first worksheet (in the workbook's order) and the parts it needs. */
export async function readWorkbook(filePath: string, entries: ZipEntry[]): Promise<Workbook> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get('xl/workbook.xml');
  let firstSheetId: string | null = null;
  let date1904 = false;
  if (workbookEntry) {
    await parseXml(workbookEntry.name, entryChunks(filePath, workbookEntry), {
      open(tag) {
        // The relationship id, whatever prefix its namespace has (usually r:id).
        if (tag.name === 'sheet' && firstSheetId === null) firstSheetId = Object.entries(tag.attributes).find(([name]) => name.endsWith(':id'))?.[1] ?? null;
        if (tag.name === 'workbookPr') date1904 = tag.attributes.date1904 === '1' || tag.attributes.date1904 === 'true';
      },
    });
  }
  const targets: Record<'sheet' | 'sharedStrings' | 'styles', string | null> = { sheet: null, sharedStrings: null, styles: null };
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  if (relsEntry) {
    await parseXml(relsEntry.name, entryChunks(filePath, relsEntry), {
      open(tag) {
        if (tag.name !== 'Relationship') return;
        const { Id: id, Type: type = '', Target: target } = tag.attributes;
        if (!target) return;
        const resolved = target.startsWith('/') ? target.slice(1) : path.normalize(path.join('xl', target));
        if (id === firstSheetId) targets.sheet = resolved;
        else if (type.endsWith('/sharedStrings')) targets.sharedStrings ??= resolved;
        else if (type.endsWith('/styles')) targets.styles ??= resolved;
      },
    });
  }
  const firstWorksheet = entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(/\d+/.exec(a.name)![0]) - Number(/\d+/.exec(b.name)![0]))[0];
  const sheet = (targets.sheet && byName.get(targets.sheet)) || firstWorksheet;
  if (!sheet) throw new ImportFailure('xlsx 文件中没有工作表（或文件不完整）');
  return {
    sheet,
    sharedStrings: byName.get(targets.sharedStrings ?? 'xl/sharedStrings.xml') ?? null,
    styles: byName.get(targets.styles ?? 'xl/styles.xml') ?? null,
    date1904,
  };
}

/** For each cell format (the `s` of a cell), whether it shows a date. */
export async function readDateStyles(filePath: string, entry: ZipEntry | null): Promise<boolean[]> {
  if (!entry) return [];
  const dateFormats = new Set(BUILT_IN_DATES);
  let numberFormats = 0;
  const cellFormats: boolean[] = [];
  let inCellXfs = false;
  await parseXml(entry.name, entryChunks(filePath, entry), {
    open(tag) {
      if (tag.name === 'numFmt') {
        if (++numberFormats > MAX_NUMBER_FORMATS) throw new ImportFailure(`xlsx 文件的样式表中数字格式超过 ${MAX_NUMBER_FORMATS} 个，不是正常的表格文件`);
        const id = Number(tag.attributes.numFmtId);
        if (isDateFormat(tag.attributes.formatCode ?? '')) dateFormats.add(id);
        else dateFormats.delete(id);
      } else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'xf' && inCellXfs) {
        if (cellFormats.length >= MAX_CELL_FORMATS) throw new ImportFailure(`xlsx 文件的样式表中单元格格式超过 ${MAX_CELL_FORMATS} 个，不是正常的表格文件`);
        cellFormats.push(dateFormats.has(Number(tag.attributes.numFmtId ?? 0)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return cellFormats;
}

/** The shared-strings table, onto disk: plain and rich text (runs joined); phonetic guides left out. */
export async function readSharedStrings(filePath: string, entry: ZipEntry | null): Promise<SharedStrings> {
  const table = new SharedStrings();
  if (!entry) return table;
  try {
    let item: string[] | null = null;
    let itemChars = 0;
    let inText = false;
    let phonetic = 0;
    await parseXml(entry.name, entryChunks(filePath, entry), {
      open(tag) {
        if (tag.name === 'si') {
          item = [];
          itemChars = 0;
        } else if (tag.name === 'rPh') phonetic += 1;
        else if (tag.name === 't' && item && !phonetic) inText = true;
      },
      text(text) {
        if (!inText || !item) return;
        itemChars += text.length;
        if (itemChars > MAX_CELL_CHARS) throw table.tooLong();
        item.push(text);
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si' && item) {
          table.add(item.join(''));
          item = null;
        }
      },
    });
    table.finish();
    return table;
  } catch (error) {
    table.close();
    throw error;
  }
}
