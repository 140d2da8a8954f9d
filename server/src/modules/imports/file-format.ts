import { EmptyFileFailure, ImportFailure } from './import-failure';

export type FileFormat = 'csv' | 'xlsx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (head: Buffer, magic: number[]) => magic.every((b, i) => head[i] === b);

/** Decides by the file's first bytes; the name's extension only sharpens the message when they disagree. */
export function sniffFormat(head: Buffer, fileName: string): FileFormat {
  if (head.length === 0) throw new EmptyFileFailure('文件为空');
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) throw new ImportFailure('这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 .csv 后上传');
  if (/\.xlsx?$/i.test(fileName)) throw new ImportFailure('文件扩展名为 Excel，但内容不是有效的 xlsx 文件（可能已损坏）');
  if (looksBinary(head)) throw new ImportFailure('无法识别文件内容：既不是 CSV 文本，也不是 xlsx 表格');
  return 'csv';
}

/** Text never holds NUL, and hardly any other control character besides tab and line breaks. */
function looksBinary(head: Buffer): boolean {
  let controls = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls += 1;
  }
  return controls > head.length / 200;
}
