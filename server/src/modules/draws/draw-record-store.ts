import { gunzipSync, gzipSync } from 'node:zlib';
import type { DrawRecord } from '@spotcheck/shared';

/** Draw records are kept gzipped in the row: a pool of a million entities is tens of megabytes of JSON. */
export function packRecord(record: DrawRecord): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(record)), { level: 6 });
}

export function unpackRecord(packed: Buffer): DrawRecord {
  return JSON.parse(gunzipSync(packed).toString('utf8')) as DrawRecord;
}
