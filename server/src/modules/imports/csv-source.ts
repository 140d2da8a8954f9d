import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { decodingStream, type TextEncoding } from './encoding';
import { ImportFailure } from './import-failure';
import { ROW_BATCH, type SheetRow } from './sheet-row';

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有闭合',
  CSV_INVALID_CLOSING_QUOTE: '引号后面紧跟了其他字符',
  CSV_MAX_RECORD_SIZE: '一行的内容超过 1 MiB（可能不是 CSV 文件）',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: '列数不一致',
};

/** Streams a CSV file: bytes → checked/decoded text → records, never holding more than a few chunks. */
export async function* csvRows(filePath: string, encoding: TextEncoding): AsyncGenerator<SheetRow[]> {
  const parser = parse({ relax_column_count: true, relax_quotes: true, max_record_size: 1 << 20, skip_empty_lines: false });
  // pipeline destroys every stage on the first error, so an encoding failure ends the iteration below.
  pipeline(fs.createReadStream(filePath, { highWaterMark: 1 << 20 }), decodingStream(encoding), parser, () => undefined);
  let number = 0;
  let batch: SheetRow[] = [];
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      number += 1;
      batch.push({ number, cells });
      if (batch.length >= ROW_BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ImportFailure(`CSV 格式有误（第 ${error.lines ?? number + 1} 行附近）：${CSV_PROBLEMS[error.code] ?? error.code}`);
    }
    throw error;
  } finally {
    parser.destroy();
  }
  if (batch.length) yield batch;
}
