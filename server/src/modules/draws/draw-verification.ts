import { gunzipSync } from 'node:zlib';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { fromGlobalUuid, parseRecordText, verifyDraw } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';

export enum DrawVerificationStatus {
  VERIFIED = 'VERIFIED',
  PENDING = 'PENDING',
  FAILED = 'FAILED',
}
registerEnumType(DrawVerificationStatus, { name: 'DrawVerificationStatus', description: '复核通过 / 已封存待摇号（名单与承诺已核对） / 复核不通过' });

@ObjectType({ description: '按摇号规范（verifyDraw）复核公示的摇号记录的结论' })
export class DrawVerification {
  @Field(() => DrawVerificationStatus) status!: DrawVerificationStatus;
  @Field({ description: '服务器种子是否已公开' }) revealed!: boolean;
  @Field(() => String, { nullable: true, description: '不通过时的代码' }) code!: string | null;
  @Field(() => String, { nullable: true, description: '不通过时的原因' }) reason!: string | null;
}

const CACHE_SIZE = 1000;
/** Per app: draw id and status → verification. A record never changes within one status (a drawn one never again). */
const caches = new WeakMap<AppServices, Map<string, Promise<DrawVerification | null>>>();

/**
 * Verifies the public record of a draw with the shared `verifyDraw`, as any outsider would, once per
 * draw and status, from the record's JSON text (strictly, spec §12). Before the draw the record is the
 * announcement: its input must hash to the published inputHash (PENDING when it does).
 */
export function verifyPublicDraw(app: AppServices, drawGlobalId: string, status: string): Promise<DrawVerification | null> {
  let cache = caches.get(app);
  if (!cache) caches.set(app, (cache = new Map()));
  const key = `${drawGlobalId}:${status}`;
  const known = cache.get(key);
  if (known) return known;
  const pending = verifyNow(app, drawGlobalId);
  cache.set(key, pending);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  pending.then(
    (v) => {
      if (!v) cache.delete(key);
    },
    () => cache.delete(key),
  );
  return pending;
}

async function verifyNow(app: AppServices, drawGlobalId: string): Promise<DrawVerification | null> {
  const id = fromGlobalUuid(drawGlobalId, 'Draw');
  if (!id) return null;
  const [row] = (await app.db.query(`SELECT status, input_hash, commitment, record_gz FROM public_draws WHERE id = $1`, [id])) as {
    status: string;
    input_hash: string;
    commitment: string;
    record_gz: Buffer;
  }[];
  if (!row) return null;
  let parsed: ReturnType<typeof parseRecordText>;
  try {
    parsed = parseRecordText(gunzipSync(row.record_gz).toString('utf8'));
  } catch {
    return failed('MALFORMED_RECORD', '记录无法读取');
  }
  // The record's text is read strictly (spec §12, check 0), once.
  if (!parsed.ok) return failed('MALFORMED_RECORD', parsed.reason);
  const record = parsed.value as { inputHash?: unknown; commitment?: unknown } | null;
  // The record must carry what was announced at the commitment, before any entropy existed.
  if (record?.inputHash !== row.input_hash || record?.commitment !== row.commitment) {
    return failed('MALFORMED_RECORD', '记录中的名单哈希或承诺值与摇号前公布的不一致');
  }
  // Before the draw the record is the announcement (spec §12.1): its input must hash to inputHash.
  const result = verifyDraw(record, { allowPending: row.status !== 'DRAWN' });
  if (!result.ok) return failed(result.code, result.reason);
  if (result.pending) return { status: DrawVerificationStatus.PENDING, revealed: false, code: null, reason: null };
  return { status: result.revealed ? DrawVerificationStatus.VERIFIED : DrawVerificationStatus.PENDING, revealed: result.revealed, code: null, reason: null };
}

function failed(code: string, reason: string): DrawVerification {
  return { status: DrawVerificationStatus.FAILED, revealed: false, code, reason };
}
