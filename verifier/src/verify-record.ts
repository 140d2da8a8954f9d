import { DrawInputError, inputHashOf, verifyDraw, type DrawInput } from '../../shared/src/draw';
import { nativeSha256 } from './native-sha256';

/** What the command says about one record, and its exit code: 0 it holds, 1 it does not. */
export interface Verdict {
  ok: boolean;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Committed but not drawn yet (the announcement served at the record's URL): no entropy, seed or result. */
function isAnnouncement(record: Json): boolean {
  return record.serverSeed === null && record.seed === '' && record.result === null && record.failure === null;
}

/** Before the draw, all that can be checked is that the sealed input hashes to the announced inputHash. */
function checkAnnouncement(record: Json): Verdict {
  let hash: string;
  try {
    hash = inputHashOf(record.input as DrawInput, nativeSha256);
  } catch (error) {
    if (error instanceof DrawInputError) return { ok: false, message: `核验失败（INVALID_INPUT）：input.${error.path}：${error.message}` };
    return { ok: false, message: '核验失败（MALFORMED_RECORD）：封存名单无法读取' };
  }
  if (hash !== record.inputHash) {
    return { ok: false, message: `核验失败（INPUT_HASH_MISMATCH）：封存名单的哈希应为 ${hash}，记录为 ${String(record.inputHash)}` };
  }
  return { ok: true, message: `尚未摇号：封存名单与公布的名单哈希 ${hash} 一致，承诺值 ${String(record.commitment)}。摇号后请再次核验` };
}

/** Checks a record already parsed from JSON with the draw core's `verifyDraw` (docs/draw-spec.md). */
export function verifyRecord(record: unknown): Verdict {
  if (isObject(record) && isAnnouncement(record)) return checkAnnouncement(record);
  const result = verifyDraw(record, { sha256: nativeSha256 });
  if (!result.ok) return { ok: false, message: `核验失败（${result.code}）：${result.reason}` };
  const r = record as Json;
  const teams = isObject(r.result) && Array.isArray(r.result.teams) ? `${r.result.teams.length} 个` : '';
  const what = isObject(r.failure) ? `复现了记录的抽取失败（${String(r.failure.constraint)}）` : `复现 ${teams}检查对象及其检查组`;
  return { ok: true, message: `核验通过：名单哈希 ${String(r.inputHash)}，种子 ${String(r.seed)}，${what}` };
}
