import { gunzipSync } from 'node:zlib';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DRAW_ALGORITHMS, DRAW_VERSION_PSEUDONYMOUS, DrawInputError, assertPseudonymous, fromGlobalUuid, prepareInput, inputHashOf, verifyDraw, type DrawAlgorithm, type DrawInput } from '@spotcheck/shared';
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
 * draw and status. Before the draw there is no seed and no result yet: the frozen input must hash to the
 * published inputHash (PENDING when it does).
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
  const [row] = (await app.db.query(`SELECT status, input_hash, commitment, record_gz FROM public_draws WHERE id = $1`, [id])) as { status: string; input_hash: string; commitment: string; record_gz: Buffer }[];
  if (!row) return null;
  let record: unknown;
  try {
    record = JSON.parse(gunzipSync(row.record_gz).toString('utf8'));
  } catch {
    return failed('MALFORMED_RECORD', '记录无法读取');
  }
  const announced = record as { algorithm?: unknown; input?: DrawInput; inputHash?: unknown; commitment?: unknown } | null;
  // The record must carry what was announced at the commitment, before any entropy existed.
  if (announced?.inputHash !== row.input_hash || announced?.commitment !== row.commitment) {
    return failed('MALFORMED_RECORD', '记录中的名单哈希或承诺值与摇号前公布的不一致');
  }
  if (row.status !== 'DRAWN') {
    if (!(DRAW_ALGORITHMS as readonly unknown[]).includes(announced.algorithm)) return failed('UNSUPPORTED_FORMAT', `不支持的算法：${String(announced.algorithm)}`);
    return checkFrozenInput(announced.input, row.input_hash, announced.algorithm as DrawAlgorithm);
  }
  const result = verifyDraw(record);
  if (!result.ok) return failed(result.code, result.reason);
  return { status: result.revealed ? DrawVerificationStatus.VERIFIED : DrawVerificationStatus.PENDING, revealed: result.revealed, code: null, reason: null };
}

function failed(code: string, reason: string): DrawVerification {
  return { status: DrawVerificationStatus.FAILED, revealed: false, code, reason };
}

/** A committed draw: its published input hashes to the inputHash announced with the commitment. */
function checkFrozenInput(input: DrawInput | undefined, announced: string, algorithm: DrawAlgorithm): DrawVerification {
  let hash: string;
  try {
    const prepared = prepareInput(input as DrawInput);
    if (algorithm === DRAW_VERSION_PSEUDONYMOUS) assertPseudonymous(prepared); // a /2 record names nobody, already when announced
    hash = inputHashOf(prepared, undefined, algorithm);
  } catch (error) {
    if (error instanceof DrawInputError) return failed('INVALID_INPUT', `input.${error.path}：${error.message}`);
    return failed('MALFORMED_RECORD', '封存名单无法读取');
  }
  if (hash !== announced) return failed('INPUT_HASH_MISMATCH', `封存名单的哈希应为 ${hash}，公布的为 ${announced}：名录、权重、比例或参数与公布的不一致`);
  return { status: DrawVerificationStatus.PENDING, revealed: false, code: null, reason: null };
}
