import fs from 'node:fs/promises';
import { csvRows } from './csv-source';
import { xlsxRows } from './xlsx-source';
import { detectEncoding, type EncodingChoice, type TextEncoding } from './encoding';
import { sniffFormat, type FileFormat } from './file-format';
import type { RowBatches } from './sheet-row';
import type { ZipLimits } from './zip-entries';

export interface RowSource {
  format: FileFormat;
  /** The text encoding of a CSV file; null for xlsx (always UTF-8 XML inside). */
  encoding: TextEncoding | null;
  rows: RowBatches;
}

const HEAD_BYTES = 64 * 1024;

/** Looks at the first bytes to pick the format and, for CSV, the encoding; then streams the rows. */
export async function openRowSource(filePath: string, fileName: string, choice: EncodingChoice, limits: ZipLimits): Promise<RowSource> {
  const handle = await fs.open(filePath, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const format = sniffFormat(head, fileName);
  if (format === 'xlsx') return { format, encoding: null, rows: xlsxRows(filePath, limits) };
  const encoding = detectEncoding(head, choice, head.length === size);
  return { format, encoding, rows: csvRows(filePath, encoding) };
}
