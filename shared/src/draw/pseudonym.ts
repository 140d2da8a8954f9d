import { concatBytes, fromHex, isHex, lengthPrefixed, toHex, utf8 } from './bytes';
import { DRAW_VERSION_PSEUDONYMOUS } from './constants';
import { DrawInputError } from './errors';
import type { PreparedInput } from './input';
import { Sha256, sha256 } from './sha256';

/**
 * Pseudonyms of `spotcheck-draw/2` (docs/draw-spec.md §16). A draw has a secret K of 32 bytes that is
 * never published. Each key (an entity's USCC, an inspector's certificate number, a conflict tag, a
 * stratum key) gets a salt = HMAC-SHA256(K, lp("spotcheck-draw/2 salt") ‖ lp(kind) ‖ lp(key)) and the
 * pseudonym = first 16 bytes, in hex, of SHA-256(lp("spotcheck-draw/2 pseudonym") ‖ lp(kind) ‖ lp(salt) ‖ lp(key)).
 * Whoever holds one salt (an entity, with its access code) recomputes its own pseudonym and nothing else.
 */
export type PseudonymKind = 'entity' | 'inspector' | 'tag' | 'stratum';

/** A pseudonym: 32 lower-case hex digits (128 bits). */
export const PSEUDONYM_PATTERN = /^[0-9a-f]{32}$/;

const SALT_LABEL = lengthPrefixed(utf8(`${DRAW_VERSION_PSEUDONYMOUS} salt`));
const PSEUDONYM_LABEL = lengthPrefixed(utf8(`${DRAW_VERSION_PSEUDONYMOUS} pseudonym`));

/** HMAC-SHA256 (RFC 2104) over the plain TypeScript SHA-256. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k = new Uint8Array(64);
  k.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64);
  const outer = new Uint8Array(64);
  for (let i = 0; i < 64; i += 1) {
    inner[i] = k[i]! ^ 0x36;
    outer[i] = k[i]! ^ 0x5c;
  }
  const innerHash = new Sha256().update(inner).update(message).digest();
  return new Sha256().update(outer).update(innerHash).digest();
}

/** The salt of one key under the draw secret (64 hex digits): what the key's holder is given. */
export function pseudonymSalt(drawSecretHex: string, kind: PseudonymKind, key: string): string {
  if (!isHex(drawSecretHex, 32)) throw new RangeError('draw secret must be 64 lower-case hex digits');
  return toHex(hmacSha256(fromHex(drawSecretHex), concatBytes([SALT_LABEL, lengthPrefixed(utf8(kind)), lengthPrefixed(utf8(key))])));
}

/** The pseudonym of a key from its salt: anyone holding the salt and the key recomputes it. */
export function pseudonymFromSalt(saltHex: string, kind: PseudonymKind, key: string): string {
  if (!isHex(saltHex, 32)) throw new RangeError('salt must be 64 lower-case hex digits');
  const digest = sha256(concatBytes([PSEUDONYM_LABEL, lengthPrefixed(utf8(kind)), lengthPrefixed(fromHex(saltHex)), lengthPrefixed(utf8(key))]));
  return toHex(digest.subarray(0, 16));
}

export function pseudonymOf(drawSecretHex: string, kind: PseudonymKind, key: string): string {
  return pseudonymFromSalt(pseudonymSalt(drawSecretHex, kind, key), kind, key);
}

function check(text: string, path: string): void {
  if (!PSEUDONYM_PATTERN.test(text)) {
    throw new DrawInputError(path, `${DRAW_VERSION_PSEUDONYMOUS} 的记录只能含化名（32 位小写十六进制），不能含名称、代码或标签原文：“${text.slice(0, 40)}”`);
  }
}

/**
 * `spotcheck-draw/2`: every stratum key, entity key, inspector key and tag is a pseudonym, so the
 * record itself can name nobody (groups and exclusion reasons are codes, not persons).
 */
export function assertPseudonymous(prepared: PreparedInput): void {
  prepared.strata.forEach((s, si) => {
    check(s.key, `strata[${si}].key`);
    for (let e = 0; e < s.entityKeys.length; e += 1) check(s.entityKeys[e]!, `strata[${si}].entities[${e}].key`);
    let last: readonly string[] | null = null;
    s.tags?.forEach((t, e) => {
      if (t && t !== last) t.forEach((tag) => check(tag, `strata[${si}].entities[${e}].tags`));
      last = t;
    });
  });
  prepared.inspectorKeys.forEach((k, i) => check(k, `inspectors[${i}].key`));
  prepared.inspectorTags?.forEach((t, i) => t?.forEach((tag) => check(tag, `inspectors[${i}].tags`)));
}
