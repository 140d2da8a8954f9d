import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

// Reading PostgreSQL's COPY … TO STDOUT text format byte by byte: rows end in LF, fields are separated by
// TAB, NULL is `\N`, and a backslash escapes the rest (https://www.postgresql.org/docs/current/sql-copy.html,
// “Text Format”). A pool holds up to millions of rows: read through the driver they would become as many
// row objects with every field parsed; here a row is only the offsets of its fields in the chunk, and the
// caller makes the strings it keeps.

const TAB = 9;
const LF = 10;
const BACKSLASH = 92;

/** What `\b`, `\f`, `\n`, `\r`, `\t`, `\v` stand for; any other escaped byte stands for itself (`\\` is `\`). */
const ESCAPED: Record<number, number> = { 98: 8, 102: 12, 110: 10, 114: 13, 116: 9, 118: 11 };

const isOctal = (b: number | undefined) => b !== undefined && b >= 48 && b <= 55;
const hexValue = (b: number | undefined) => (b === undefined ? -1 : b >= 48 && b <= 57 ? b - 48 : (b | 32) >= 97 && (b | 32) <= 102 ? (b | 32) - 87 : -1);

/**
 * A field's escapes undone at the byte level, then read as UTF-8: `\344\270\255` (octal) and `\xE4\xB8\xAD`
 * (hex) are the bytes of 中, not three characters. An octal value above 255 keeps its low byte, as
 * PostgreSQL's own reader does.
 */
function unescapeField(buf: Buffer, start: number, end: number): string {
  const out = Buffer.allocUnsafe(end - start);
  let n = 0;
  for (let i = start; i < end; i += 1) {
    const b = buf[i]!;
    if (b !== BACKSLASH || i + 1 === end) {
      out[n++] = b;
      continue;
    }
    const c = buf[++i]!;
    if (isOctal(c)) {
      let value = c - 48;
      for (let k = 0; k < 2 && i + 1 < end && isOctal(buf[i + 1]); k += 1) value = value * 8 + (buf[++i]! - 48);
      out[n++] = value & 0xff;
    } else if (c === 120 /* x */ && i + 1 < end && hexValue(buf[i + 1]) >= 0) {
      let value = hexValue(buf[++i]);
      if (i + 1 < end && hexValue(buf[i + 1]) >= 0) value = value * 16 + hexValue(buf[++i]);
      out[n++] = value;
    } else {
      out[n++] = ESCAPED[c] ?? c;
    }
  }
  return out.toString('utf8', 0, n);
}

/** The text of field bytes [start, end), or null for `\N`. */
export function copyText(buf: Buffer, start: number, end: number): string | null {
  if (end - start === 2 && buf[start] === BACKSLASH && buf[start + 1] === 78) return null;
  for (let i = start; i < end; i += 1) if (buf[i] === BACKSLASH) return unescapeField(buf, start, end);
  return buf.toString('utf8', start, end);
}

/** An integer column's field (digits, maybe a leading minus; never NULL where it is used). */
export function copyInteger(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 45;
  if (negative) i += 1;
  let value = 0;
  for (; i < end; i += 1) value = value * 10 + (buf[i]! - 48);
  return negative ? -value : value;
}

/**
 * Decodes a text field of few distinct values (a risk level, a region code, a department id) to one
 * string per distinct value: a row costs a hash of its bytes and a comparison, not a new string.
 */
export class InternedText {
  private readonly byHash = new Map<number, { bytes: Buffer; value: string | null }[]>();

  decode(buf: Buffer, start: number, end: number): string | null {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ buf[i]!, 0x01000193);
    let bucket = this.byHash.get(hash);
    if (bucket) {
      for (const known of bucket) if (known.bytes.compare(buf, start, end) === 0) return known.value;
    } else {
      this.byHash.set(hash, (bucket = []));
    }
    const value = copyText(buf, start, end);
    bucket.push({ bytes: Buffer.from(buf.subarray(start, end)), value });
    return value;
  }
}

/**
 * A row as offsets into `buf`: field k is the bytes [starts[k], starts[k + 1] - 1). Valid only during the
 * call; `starts` is reused from row to row.
 */
export type CopyRowHandler = (buf: Buffer, starts: Int32Array) => void;

/**
 * Splits COPY text output, arriving in chunks cut anywhere (inside a field, inside a UTF-8 character),
 * into rows of exactly `fields` fields. A raw TAB or LF never occurs inside a field (they are escaped).
 */
export class CopyRowReader {
  private readonly starts: Int32Array;
  private carry: Buffer | null = null;

  constructor(
    private readonly fields: number,
    private readonly onRow: CopyRowHandler,
  ) {
    this.starts = new Int32Array(fields + 1);
  }

  push(chunk: Buffer): void {
    const buf: Buffer = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const starts = this.starts;
    let field = 0;
    let rowStart = 0;
    starts[0] = 0;
    for (let i = 0; i < buf.length; i += 1) {
      const b = buf[i];
      if (b === TAB) {
        if (field === this.fields - 1) throw new Error(`unexpected COPY row with more than ${this.fields} fields`);
        starts[++field] = i + 1;
      } else if (b === LF) {
        starts[++field] = i + 1;
        if (field !== this.fields) throw new Error(`unexpected COPY row with ${field} fields`);
        this.onRow(buf, starts);
        field = 0;
        rowStart = i + 1;
        starts[0] = rowStart;
      }
    }
    this.carry = rowStart < buf.length ? buf.subarray(rowStart) : null;
  }

  /** The end of the output: it must not stop inside a row. */
  end(): void {
    if (this.carry) throw new Error('COPY output ended inside a row');
  }
}

/**
 * Streams `COPY (…) TO STDOUT` on the connection through a CopyRowReader. Any error of `onRow` is kept and
 * rethrown once PostgreSQL has finished sending, so the connection is never left in the middle of a COPY.
 */
export async function readCopyRows(client: PoolClient, sql: string, fields: number, onRow: CopyRowHandler): Promise<void> {
  const reader = new CopyRowReader(fields, onRow);
  let failure: unknown = null;
  const stream = client.query(copyTo(sql));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (failure) continue; // drain: the connection must reach the end of the COPY
    try {
      reader.push(chunk);
    } catch (error) {
      failure = error;
    }
  }
  if (failure) throw failure;
  reader.end();
}
