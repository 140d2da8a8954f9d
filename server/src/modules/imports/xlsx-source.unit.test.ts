import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportFailure } from './import-failure';
import { workbookParts, zipOf, type EntryChunks } from './hostile-files';
import type { SheetRow } from './sheet-row';
import { xlsxRows } from './xlsx-source';

const LIMITS = { maxEntryBytes: 64 * 1024 * 1024, maxRatio: 100 };
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const part =
  (body: string): EntryChunks =>
  () => [`<?xml version="1.0" encoding="UTF-8"?>\n${body}`];

async function rowsOf(file: Buffer): Promise<SheetRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-xlsx-'));
  const filePath = path.join(dir, 'file.xlsx');
  fs.writeFileSync(filePath, file);
  try {
    const rows: SheetRow[] = [];
    for await (const batch of xlsxRows(filePath, LIMITS)) rows.push(...batch);
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const styles = part(
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;元&quot;"/></numFmts>` +
    `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`,
);

describe('the xlsx reader', () => {
  it('reads shared, rich and inline text (prefixed elements too), dates by their format, numbers, booleans, formula results and sparse cells', async () => {
    const sharedStrings = part(
      `<sst xmlns="${MAIN}"><si><t>名称</t></si><si><r><rPr><b/></rPr><t>常德</t></r><r><t xml:space="preserve"> 公司</t></r><rPh sb="0" eb="2"><t>ジョウトク</t></rPh></si><si><t>a&amp;b&lt;c</t></si></sst>`,
    );
    const sheet = part(
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
        `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>行内</x:t></x:is></x:c></x:row>` +
        `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>45292</v></c><c r="C3" s="2"><v>45293.5</v></c><c r="D3" s="3"><v>12.5</v></c></row>` +
        `<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" t="str"><f>A4&amp;"x"</f><v>公式结果</v></c><c r="D4"><f>1+1</f><v>2</v></c><c r="E4" t="e"><v>#N/A</v></c></row>` +
        `<row><c t="s"><v>0</v></c><c><v>1E+3</v></c></row>` +
        `</x:sheetData></x:worksheet>`,
    );
    const parts = workbookParts(sheet, sharedStrings);
    parts.splice(4, 0, ['xl/styles.xml', styles]);
    expect(await rowsOf(await zipOf(parts))).toEqual([
      { number: 1, cells: ['名称', '', '', '行内'] },
      { number: 3, cells: ['常德 公司', '2024-01-01', '2024-01-02', '12.5'] },
      { number: 4, cells: ['a&b<c', 'TRUE', '公式结果', '2', ''] },
      { number: 5, cells: ['名称', '1000'] },
    ]);
  });

  it('refuses a cell over 32,767 characters, a row beyond XFD and a DTD, as typed failures', async () => {
    const long = part(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(40_000)}</t></is></c></row></sheetData></worksheet>`,
    );
    await expect(rowsOf(await zipOf(workbookParts(long)))).rejects.toThrow(/超过 32,767 个字符/);
    const wide = part(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`);
    await expect(rowsOf(await zipOf(workbookParts(wide)))).rejects.toThrow(ImportFailure);
    const dtd = () => [`<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`];
    await expect(rowsOf(await zipOf(workbookParts(dtd)))).rejects.toThrow(/DTD/);
  });
});
