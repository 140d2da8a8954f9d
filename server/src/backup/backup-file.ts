/**
 * The backup file: gzip of lines. COPY's text format never holds a bare line break inside a row, and
 * its end marker `\.` can never be a row (a lone backslash-dot would be written `\\.`), so the data
 * of each table sits between its header line and a `\.` line as PostgreSQL wrote it.
 *
 *     SPOTCHECK-BACKUP 1
 *     HEADER {"createdAt": …, "migrations": [names in order], "postgres": "18.1"}
 *     TABLE {"schema": "public", "name": "regions", "columns": […]}
 *     <COPY text rows>
 *     \.
 *     ROWS 3213
 *     …                                  (every table of the public schema, parents before children)
 *     SEQUENCES [{"name": …, "value": …, "called": true}]
 *     TABLE {"schema": "pgboss", "name": "job", …}   (jobs not yet done)
 *     …
 *     END {"tables": 37, "rows": 12345}
 */
export const MAGIC = 'SPOTCHECK-BACKUP 1';
export const END_OF_DATA = Buffer.from('\\.\n');

export interface BackupHeader {
  createdAt: string;
  /** TypeORM migration names applied to the database, in order. */
  migrations: string[];
  postgres: string;
}

export interface TableSection {
  schema: 'public' | 'pgboss';
  name: string;
  columns: string[];
}

export interface SequenceValue {
  name: string;
  value: string;
  called: boolean;
}

export interface BackupEnd {
  tables: number;
  rows: number;
}

/** Line feeds in a chunk of COPY text: its rows. */
export function countRows(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n += 1;
  return n;
}

/** Reads a backup's lines, and the COPY data of a section in large pieces. */
export class BackupReader {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly source: AsyncIterator<Buffer>;

  constructor(stream: AsyncIterable<Buffer>) {
    this.source = stream[Symbol.asyncIterator]();
  }

  /** The next line without its line feed; null at the end of the file. */
  async line(): Promise<string | null> {
    for (;;) {
      const at = this.buffer.indexOf(10);
      if (at !== -1) {
        const text = this.buffer.subarray(0, at).toString('utf8');
        this.buffer = this.buffer.subarray(at + 1);
        return text;
      }
      if (!(await this.more())) {
        if (!this.buffer.length) return null;
        throw new BackupFileError('备份文件不完整：最后一行没有结束');
      }
    }
  }

  /** A line that must start with `keyword `: answers the JSON after it. */
  async expect<T>(keyword: string): Promise<T> {
    const text = await this.line();
    if (text === null || !text.startsWith(`${keyword} `)) {
      throw new BackupFileError(`备份文件不完整或已损坏：应为 ${keyword}，读到 ${text === null ? '文件结尾' : JSON.stringify(text.slice(0, 40))}`);
    }
    return JSON.parse(text.slice(keyword.length + 1)) as T;
  }

  /** Hands the rows of the current section to `write`, in whole lines, up to its `\.` line. */
  async section(write: (rows: Buffer) => Promise<void>): Promise<void> {
    for (;;) {
      if (this.buffer.subarray(0, END_OF_DATA.length).equals(END_OF_DATA)) {
        this.buffer = this.buffer.subarray(END_OF_DATA.length);
        return;
      }
      const end = this.buffer.indexOf('\n\\.\n');
      if (end !== -1) {
        await write(this.buffer.subarray(0, end + 1));
        this.buffer = this.buffer.subarray(end + 1);
        continue;
      }
      const lastLine = this.buffer.lastIndexOf(10);
      if (lastLine !== -1) {
        await write(this.buffer.subarray(0, lastLine + 1));
        this.buffer = this.buffer.subarray(lastLine + 1);
      }
      if (!(await this.more())) throw new BackupFileError('备份文件不完整：表数据没有结束');
    }
  }

  /**
   * Reads on up to a chunk that holds a line feed (or the end), joining once: a row of many megabytes
   * (a draw's record) must not be copied again with every chunk.
   */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const parts: Buffer[] = this.buffer.length ? [this.buffer] : [];
    let read = false;
    for (;;) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      parts.push(next.value);
      read = true;
      if (next.value.includes(10)) break;
    }
    this.buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    return read;
  }
}

/** The file is not a backup, or not a whole one. */
export class BackupFileError extends Error {}
