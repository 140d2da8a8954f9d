import { gunzipSync } from 'node:zlib';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { fromGlobalUuid, verifyDraw } from '@spotcheck/shared';
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
 * draw and status. A committed draw checks everything but the unrevealed seed (PENDING when sound).
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
  pending.then((v) => { if (!v) cache.delete(key); }, () => cache.delete(key));
  return pending;
}

async function verifyNow(app: AppServices, drawGlobalId: string): Promise<DrawVerification | null> {
  const id = fromGlobalUuid(drawGlobalId, 'Draw');
  if (!id) return null;
  const [row] = (await app.db.query(`SELECT status, record_gz FROM public_draws WHERE id = $1`, [id])) as { status: string; record_gz: Buffer }[];
  if (!row) return null;
  let record: unknown;
  try {
    record = JSON.parse(gunzipSync(row.record_gz).toString('utf8'));
  } catch {
    return { status: DrawVerificationStatus.FAILED, revealed: false, code: 'MALFORMED_RECORD', reason: '记录无法读取' };
  }
  const result = verifyDraw(record, { allowUnrevealed: row.status !== 'DRAWN' });
  if (!result.ok) return { status: DrawVerificationStatus.FAILED, revealed: false, code: result.code, reason: result.reason };
  return { status: result.revealed ? DrawVerificationStatus.VERIFIED : DrawVerificationStatus.PENDING, revealed: result.revealed, code: null, reason: null };
}
