import fs from 'node:fs';
import { CsvRecords, CsvFormatError } from './csv-records';
import { textDecoder, type TextEncoding } from './encoding';
import { ImportFailure } from './import-failure';
import { BATCH_CHARS, ROW_BATCH, rowChars, type SheetRow } from './sheet-row';

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有闭合',
  CSV_INVALID_CLOSING_QUOTE: '引号后面紧跟了其他字符',
  CSV_MAX_RECORD_SIZE: '一行的内容超过 1 MiB（可能不是 CSV 文件）',
};

/** Streams a CSV file: bytes → checked text → records, never holding more than a chunk or two. */
export async function* csvRows(filePath: string, encoding: TextEncoding): AsyncGenerator<SheetRow[]> {
  const decoder = textDecoder(encoding);
  let number = 0;
  let batch: SheetRow[] = [];
  let batchChars = 0;
  const records = new CsvRecords((cells) => {
    number += 1;
    batch.push({ number, cells });
    batchChars += rowChars(cells);
  });
  const input = fs.createReadStream(filePath, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      records.push(decoder.write(chunk));
      // Long records make a small batch: a chunk is at most 1 MiB of text, so a batch stays near BATCH_CHARS.
      if (batch.length >= ROW_BATCH || batchChars >= BATCH_CHARS) {
        yield batch;
        batch = [];
        batchChars = 0;
      }
    }
    records.push(decoder.end());
    records.end();
  } catch (error) {
    if (error instanceof CsvFormatError) {
      throw new ImportFailure(`CSV 格式有误（第 ${error.line} 行附近）：${CSV_PROBLEMS[error.code] ?? error.code}`);
    }
    throw error;
  } finally {
    input.destroy();
  }
  if (batch.length) yield batch;
}
