/**
 * Byte helpers that run the same in every JavaScript engine: UTF-8 (strict, no lone surrogates),
 * lower-case hex, and the length-prefixed concatenation used by the seed derivation.
 * No TextEncoder or Buffer: this package must run in browsers and in Node alike.
 */

/** True when the string is well-formed UTF-16 (every surrogate paired), so it has exactly one UTF-8 form. */
export function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d < 0xdc00 || d > 0xdfff) return false;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * A text field of the draw input (a key, a group, a reason, an entropy string): non-empty, well-formed
 * UTF-16, and free of C0 control characters (U+0000–U+001F, which include TAB and LF) and DEL (U+007F),
 * so it can stand between the TABs and LFs of the canonical text.
 */
export function isCleanText(text: unknown): text is string {
  if (typeof text !== 'string' || text.length === 0 || !isWellFormed(text)) return false;
  // Every code unit is checked: a surrogate pair (a character above U+FFFF) never ends the scan.
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

/** UTF-8 bytes of a well-formed string; throws on a lone surrogate. */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) throw new RangeError('lone surrogate in text');
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      i += 1;
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return Uint8Array.from(out);
}

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 1) s += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
  return s;
}

/** True for exactly `bytes` bytes written as lower-case hex. */
export function isHex(text: unknown, bytes: number): text is string {
  return typeof text === 'string' && text.length === bytes * 2 && /^[0-9a-f]*$/.test(text);
}

/** Bytes of lower-case (or upper-case) hex; throws on anything else. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new RangeError('not hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** lp(x): the 4-byte big-endian length of x followed by x. */
export function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  const n = bytes.length;
  out[0] = (n >>> 24) & 255;
  out[1] = (n >>> 16) & 255;
  out[2] = (n >>> 8) & 255;
  out[3] = n & 255;
  out.set(bytes, 4);
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** JavaScript's default string order: lexicographic over UTF-16 code units. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
