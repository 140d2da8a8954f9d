import { gunzipSync, gzipSync } from 'node:zlib';
import type { DrawRecord } from '@spotcheck/shared';

/**
 * Draw records are kept gzipped in the row: a pool of a million entities is tens of megabytes of JSON.
 * Level 1: for such a record it compresses about five times faster than level 6 (≈ 0.1 s instead of
 * ≈ 0.55 s for 55 MB) for a result about 6 % larger.
 *
 * The gzip is three members one after the other, which gunzip reads as one text, the record's JSON:
 * what precedes the input, the input, what follows it. The input is nearly all of a large record and
 * never changes after the commit, so the draw stores its record with the input's member as committed,
 * instead of serialising and compressing it a second time.
 */
const LEVEL = { level: 1 };

const headOf = (record: DrawRecord): string =>
  `{"format":${JSON.stringify(record.format)},"algorithm":${JSON.stringify(record.algorithm)},"input":`;

function tailOf(record: DrawRecord): string {
  const { format: _format, algorithm: _algorithm, input: _input, ...rest } = record;
  return `,${JSON.stringify(rest).slice(1)}`;
}

/**
 * gzip of the record's JSON. `storedInput`: the input's member of the committed record (from
 * `unpackCommitted`), when `record.input` is that very input.
 */
export function packRecord(record: DrawRecord, storedInput?: Buffer | null): Buffer {
  return Buffer.concat([
    gzipSync(headOf(record), LEVEL),
    storedInput ?? gzipSync(JSON.stringify(record.input), LEVEL),
    gzipSync(tailOf(record), LEVEL),
  ]);
}

export function unpackRecord(packed: Buffer): DrawRecord {
  return JSON.parse(gunzipSync(packed).toString('utf8')) as DrawRecord;
}

/**
 * The committed record, and its input's gzip member to store again with the result. The member is
 * found by packing the head and the tail again: when they are not byte for byte what is stored (a
 * record packed otherwise, another zlib), `storedInput` is null and the input is packed anew.
 */
export function unpackCommitted(packed: Buffer): { record: DrawRecord; storedInput: Buffer | null } {
  const record = unpackRecord(packed);
  const head = gzipSync(headOf(record), LEVEL);
  const tail = gzipSync(tailOf(record), LEVEL);
  const end = packed.length - tail.length;
  const found = end > head.length && packed.subarray(0, head.length).equals(head) && packed.subarray(end).equals(tail);
  return { record, storedInput: found ? packed.subarray(head.length, end) : null };
}
