import { ImportFailure } from './import-failure';

export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  aliases: string[];
  required?: boolean;
  /** A personal number (身份证号): kept nowhere in full, so an error report shows it masked. */
  personal?: boolean;
}

export interface HeaderMap<K extends string> {
  /** Row number of the header row. */
  rowNumber: number;
  /** For each known key found: the cell index. */
  columns: { key: K; index: number }[];
  /** The column's title as written in the file, for error reports. */
  titleOf: Partial<Record<K, string>>;
  /** Non-empty titles that match nothing: ignored, reported once as warnings. */
  unknown: { index: number; title: string }[];
}

/** Titles compare without spaces, asterisks marking required columns, “（必填）” notes or full-width brackets. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[（(]必填[）)]$/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function lookup<K extends string>(specs: readonly ColumnSpec<K>[]): Map<string, ColumnSpec<K>> {
  const byTitle = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) for (const title of [spec.header, ...spec.aliases]) byTitle.set(normaliseTitle(title), spec);
  return byTitle;
}

/** How many cells of a row are known titles: a row with two or more is taken as the header row. */
export function knownTitleCount<K extends string>(cells: readonly string[], specs: readonly ColumnSpec<K>[]): number {
  const byTitle = lookup(specs);
  return cells.filter((cell) => byTitle.has(normaliseTitle(cell))).length;
}

/** Maps the header row to keys. A missing required column or a column given twice fails the file. */
export function mapHeaders<K extends string>(cells: readonly string[], rowNumber: number, specs: readonly ColumnSpec<K>[]): HeaderMap<K> {
  const byTitle = lookup(specs);
  const map: HeaderMap<K> = { rowNumber, columns: [], titleOf: {}, unknown: [] };
  const seenAt = new Map<K, number>();
  cells.forEach((cell, index) => {
    const title = cell.trim();
    if (!title) return;
    const spec = byTitle.get(normaliseTitle(title));
    if (!spec) {
      map.unknown.push({ index, title });
      return;
    }
    const earlier = seenAt.get(spec.key);
    if (earlier !== undefined) {
      throw new ImportFailure(`“${spec.header}”列出现了两次（第 ${columnLetter(earlier)} 列和第 ${columnLetter(index)} 列），请删去其中一列`);
    }
    seenAt.set(spec.key, index);
    map.columns.push({ key: spec.key, index });
    map.titleOf[spec.key] = title;
  });
  const missing = specs.filter((s) => s.required && !seenAt.has(s.key)).map((s) => `“${s.header}”`);
  if (missing.length) {
    throw new ImportFailure(`表头缺少必需的列：${missing.join('、')}（表头在第 ${rowNumber} 行；请使用导入模板）`);
  }
  return map;
}
