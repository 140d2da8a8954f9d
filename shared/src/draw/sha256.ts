/**
 * SHA-256 (FIPS 180-4) in plain TypeScript: synchronous and identical in every engine, so a draw can
 * be verified without `crypto.subtle` (asynchronous) or Node's `crypto` (not in browsers).
 * Incremental: `updateText` writes the UTF-8 of a string straight into the block buffer, so the
 * canonical text of a million-entity pool is hashed without ever being built as one string.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** One SHA-256 compression of the 64 bytes of `b` from `offset` into the state `h`. */
function compress(h: Int32Array, w: Int32Array, b: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i += 1) {
    const j = offset + 4 * i;
    w[i] = (b[j]! << 24) | (b[j + 1]! << 16) | (b[j + 2]! << 8) | b[j + 3]!;
  }
  for (let i = 16; i < 64; i += 1) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let bb = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let hh = h[7]!;
  for (let i = 0; i < 64; i += 1) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + K[i]! + w[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & bb) ^ (a & c) ^ (bb & c);
    const t2 = (S0 + maj) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = bb;
    bb = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + bb) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + hh) | 0;
}

export class Sha256 {
  private readonly h = new Int32Array(H0);
  private readonly block = new Uint8Array(64);
  private readonly w = new Int32Array(64);
  private used = 0;
  /** Bytes hashed so far (exact up to 2^53). */
  private length = 0;
  private finished = false;

  update(bytes: Uint8Array): this {
    this.assertOpen();
    let at = 0;
    const n = bytes.length;
    // Fill a partial block first, then compress whole blocks straight from the input.
    while (this.used > 0 && at < n) this.pushByte(bytes[at++]!);
    while (n - at >= 64) {
      this.compress(bytes, at);
      at += 64;
      this.length += 64;
    }
    while (at < n) this.pushByte(bytes[at++]!);
    return this;
  }

  /** Hashes the UTF-8 encoding of `text`; throws RangeError on a lone surrogate. */
  updateText(text: string): this {
    this.assertOpen();
    const block = this.block;
    const n = text.length;
    let used = this.used;
    let ascii = 0;
    let i = 0;
    while (i < n) {
      // ASCII run: one byte per code unit, straight into the block.
      let c = text.charCodeAt(i);
      while (c < 0x80) {
        block[used++] = c;
        if (used === 64) {
          compress(this.h, this.w, block, 0);
          used = 0;
        }
        ascii += 1;
        if (++i === n) break;
        c = text.charCodeAt(i);
      }
      if (i === n) break;
      this.used = used;
      if (c < 0x800) {
        this.pushByte(0xc0 | (c >> 6));
        this.pushByte(0x80 | (c & 63));
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) throw new RangeError('lone surrogate in text');
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i += 1;
        this.pushByte(0xf0 | (c >> 18));
        this.pushByte(0x80 | ((c >> 12) & 63));
        this.pushByte(0x80 | ((c >> 6) & 63));
        this.pushByte(0x80 | (c & 63));
      } else {
        this.pushByte(0xe0 | (c >> 12));
        this.pushByte(0x80 | ((c >> 6) & 63));
        this.pushByte(0x80 | (c & 63));
      }
      used = this.used;
      i += 1;
    }
    this.used = used;
    this.length += ascii;
    return this;
  }

  private pushByte(byte: number): void {
    this.block[this.used++] = byte;
    this.length += 1;
    if (this.used === 64) {
      this.compress(this.block, 0);
      this.used = 0;
    }
  }

  digest(): Uint8Array {
    this.assertOpen();
    this.finished = true;
    const bits = this.length * 8;
    const block = this.block;
    let used = this.used;
    block[used++] = 0x80;
    if (used > 56) {
      block.fill(0, used);
      this.compress(block, 0);
      used = 0;
    }
    block.fill(0, used, 56);
    const high = Math.floor(bits / 0x100000000);
    const low = bits - high * 0x100000000;
    block[56] = high >>> 24;
    block[57] = (high >>> 16) & 255;
    block[58] = (high >>> 8) & 255;
    block[59] = high & 255;
    block[60] = low >>> 24;
    block[61] = (low >>> 16) & 255;
    block[62] = (low >>> 8) & 255;
    block[63] = low & 255;
    this.compress(block, 0);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i += 1) {
      const v = this.h[i]!;
      out[4 * i] = v >>> 24;
      out[4 * i + 1] = (v >>> 16) & 255;
      out[4 * i + 2] = (v >>> 8) & 255;
      out[4 * i + 3] = v & 255;
    }
    return out;
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('Sha256: digest() already called');
  }

  private compress(b: Uint8Array, offset: number): void {
    compress(this.h, this.w, b, offset);
  }
}

/**
 * What hashes the canonical input text: this class, or a faster implementation of the same function
 * that a host supplies (the server passes Node's native one). Given the same pieces, it must give the
 * same digest, and it may assume every piece is well-formed UTF-16.
 */
export interface TextSha256 {
  updateText(text: string): unknown;
  digest(): Uint8Array;
}

export type TextSha256Factory = () => TextSha256;

export const plainTextSha256: TextSha256Factory = () => new Sha256();

export function sha256(bytes: Uint8Array): Uint8Array {
  return new Sha256().update(bytes).digest();
}
