import { parseRecordText, verifyDraw } from '../../shared/src/draw';
import { parseRecord } from './read-source';
import { nativeSha256 } from './native-sha256';

/** What the command says about one record, and its exit code: 0 it holds, 1 it does not. */
export interface Verdict {
  ok: boolean;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a record from its JSON text as the draw core's `verifyDrawText` does (docs/draw-spec.md): read
 * strictly (check 0), then checked in full; the announcement of a draw not held yet (§12.1) is pending.
 * The text is parsed once (a record of 10⁶ entities is some 100 MB). Text that is not JSON at all, even
 * without a byte-order mark, cannot be read (`UnreadableRecord`, named by `source`); JSON that breaks the
 * strict reading (a byte-order mark, a duplicate member) is read and found malformed.
 */
export function verifyRecordText(text: string, source = '记录'): Verdict {
  const parsed = parseRecordText(text);
  if (!parsed.ok) {
    parseRecord(text.replace(/^\ufeff/, ''), source);
    return { ok: false, message: `核验失败（MALFORMED_RECORD）：${parsed.reason}` };
  }
  const result = verifyDraw(parsed.value, { sha256: nativeSha256, allowPending: true });
  if (!result.ok) return { ok: false, message: `核验失败（${result.code}）：${result.reason}` };
  const r = parsed.value as Json;
  if (result.pending) {
    return { ok: true, message: `尚未摇号：封存名单与公布的名单哈希 ${String(r.inputHash)} 一致，承诺值 ${String(r.commitment)}。摇号后请再次核验` };
  }
  const teams = isObject(r.result) && Array.isArray(r.result.teams) ? `${r.result.teams.length} 个` : '';
  const what = isObject(r.failure) ? `复现了记录的抽取失败（${String(r.failure.constraint)}）` : `复现 ${teams}检查对象及其检查组`;
  return { ok: true, message: `核验通过：名单哈希 ${String(r.inputHash)}，种子 ${String(r.seed)}，${what}` };
}
