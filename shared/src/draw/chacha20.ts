/**
 * The ChaCha20 block function of RFC 8439 (section 2.3): 32-byte key, 12-byte nonce, 32-bit block
 * counter. Plain TypeScript on 32-bit integers, identical in every engine.
 */

function readLE32(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24) | 0;
}

/** The 16-word initial state without the counter: constants, key and nonce as little-endian words. */
export function chachaState(key: Uint8Array, nonce: Uint8Array): Int32Array {
  if (key.length !== 32) throw new RangeError('ChaCha20 key must be 32 bytes');
  if (nonce.length !== 12) throw new RangeError('ChaCha20 nonce must be 12 bytes');
  const s = new Int32Array(16);
  s[0] = 0x61707865;
  s[1] = 0x3320646e;
  s[2] = 0x79622d32;
  s[3] = 0x6b206574;
  for (let i = 0; i < 8; i += 1) s[4 + i] = readLE32(key, 4 * i);
  s[12] = 0;
  for (let i = 0; i < 3; i += 1) s[13 + i] = readLE32(nonce, 4 * i);
  return s;
}

/**
 * Writes the 16 output words of block `counter` (0 ≤ counter < 2^32) into `out`; the keystream bytes
 * are these words, each serialised little-endian.
 */
export function chachaBlock(state: Int32Array, counter: number, out: Int32Array): void {
  let x0 = state[0]!,
    x1 = state[1]!,
    x2 = state[2]!,
    x3 = state[3]!;
  let x4 = state[4]!,
    x5 = state[5]!,
    x6 = state[6]!,
    x7 = state[7]!;
  let x8 = state[8]!,
    x9 = state[9]!,
    x10 = state[10]!,
    x11 = state[11]!;
  let x12 = counter | 0,
    x13 = state[13]!,
    x14 = state[14]!,
    x15 = state[15]!;
  for (let round = 0; round < 10; round += 1) {
    // column rounds
    x0 = (x0 + x4) | 0;
    x12 ^= x0;
    x12 = (x12 << 16) | (x12 >>> 16);
    x8 = (x8 + x12) | 0;
    x4 ^= x8;
    x4 = (x4 << 12) | (x4 >>> 20);
    x0 = (x0 + x4) | 0;
    x12 ^= x0;
    x12 = (x12 << 8) | (x12 >>> 24);
    x8 = (x8 + x12) | 0;
    x4 ^= x8;
    x4 = (x4 << 7) | (x4 >>> 25);
    x1 = (x1 + x5) | 0;
    x13 ^= x1;
    x13 = (x13 << 16) | (x13 >>> 16);
    x9 = (x9 + x13) | 0;
    x5 ^= x9;
    x5 = (x5 << 12) | (x5 >>> 20);
    x1 = (x1 + x5) | 0;
    x13 ^= x1;
    x13 = (x13 << 8) | (x13 >>> 24);
    x9 = (x9 + x13) | 0;
    x5 ^= x9;
    x5 = (x5 << 7) | (x5 >>> 25);
    x2 = (x2 + x6) | 0;
    x14 ^= x2;
    x14 = (x14 << 16) | (x14 >>> 16);
    x10 = (x10 + x14) | 0;
    x6 ^= x10;
    x6 = (x6 << 12) | (x6 >>> 20);
    x2 = (x2 + x6) | 0;
    x14 ^= x2;
    x14 = (x14 << 8) | (x14 >>> 24);
    x10 = (x10 + x14) | 0;
    x6 ^= x10;
    x6 = (x6 << 7) | (x6 >>> 25);
    x3 = (x3 + x7) | 0;
    x15 ^= x3;
    x15 = (x15 << 16) | (x15 >>> 16);
    x11 = (x11 + x15) | 0;
    x7 ^= x11;
    x7 = (x7 << 12) | (x7 >>> 20);
    x3 = (x3 + x7) | 0;
    x15 ^= x3;
    x15 = (x15 << 8) | (x15 >>> 24);
    x11 = (x11 + x15) | 0;
    x7 ^= x11;
    x7 = (x7 << 7) | (x7 >>> 25);
    // diagonal rounds
    x0 = (x0 + x5) | 0;
    x15 ^= x0;
    x15 = (x15 << 16) | (x15 >>> 16);
    x10 = (x10 + x15) | 0;
    x5 ^= x10;
    x5 = (x5 << 12) | (x5 >>> 20);
    x0 = (x0 + x5) | 0;
    x15 ^= x0;
    x15 = (x15 << 8) | (x15 >>> 24);
    x10 = (x10 + x15) | 0;
    x5 ^= x10;
    x5 = (x5 << 7) | (x5 >>> 25);
    x1 = (x1 + x6) | 0;
    x12 ^= x1;
    x12 = (x12 << 16) | (x12 >>> 16);
    x11 = (x11 + x12) | 0;
    x6 ^= x11;
    x6 = (x6 << 12) | (x6 >>> 20);
    x1 = (x1 + x6) | 0;
    x12 ^= x1;
    x12 = (x12 << 8) | (x12 >>> 24);
    x11 = (x11 + x12) | 0;
    x6 ^= x11;
    x6 = (x6 << 7) | (x6 >>> 25);
    x2 = (x2 + x7) | 0;
    x13 ^= x2;
    x13 = (x13 << 16) | (x13 >>> 16);
    x8 = (x8 + x13) | 0;
    x7 ^= x8;
    x7 = (x7 << 12) | (x7 >>> 20);
    x2 = (x2 + x7) | 0;
    x13 ^= x2;
    x13 = (x13 << 8) | (x13 >>> 24);
    x8 = (x8 + x13) | 0;
    x7 ^= x8;
    x7 = (x7 << 7) | (x7 >>> 25);
    x3 = (x3 + x4) | 0;
    x14 ^= x3;
    x14 = (x14 << 16) | (x14 >>> 16);
    x9 = (x9 + x14) | 0;
    x4 ^= x9;
    x4 = (x4 << 12) | (x4 >>> 20);
    x3 = (x3 + x4) | 0;
    x14 ^= x3;
    x14 = (x14 << 8) | (x14 >>> 24);
    x9 = (x9 + x14) | 0;
    x4 ^= x9;
    x4 = (x4 << 7) | (x4 >>> 25);
  }
  out[0] = (x0 + state[0]!) | 0;
  out[1] = (x1 + state[1]!) | 0;
  out[2] = (x2 + state[2]!) | 0;
  out[3] = (x3 + state[3]!) | 0;
  out[4] = (x4 + state[4]!) | 0;
  out[5] = (x5 + state[5]!) | 0;
  out[6] = (x6 + state[6]!) | 0;
  out[7] = (x7 + state[7]!) | 0;
  out[8] = (x8 + state[8]!) | 0;
  out[9] = (x9 + state[9]!) | 0;
  out[10] = (x10 + state[10]!) | 0;
  out[11] = (x11 + state[11]!) | 0;
  out[12] = (x12 + (counter | 0)) | 0;
  out[13] = (x13 + state[13]!) | 0;
  out[14] = (x14 + state[14]!) | 0;
  out[15] = (x15 + state[15]!) | 0;
}

/** Keystream bytes of one block, little-endian words (RFC 8439 section 2.3.2's serialised block). */
export function chachaBlockBytes(key: Uint8Array, nonce: Uint8Array, counter: number): Uint8Array {
  const words = new Int32Array(16);
  chachaBlock(chachaState(key, nonce), counter, words);
  const out = new Uint8Array(64);
  for (let i = 0; i < 16; i += 1) {
    const v = words[i]!;
    out[4 * i] = v & 255;
    out[4 * i + 1] = (v >>> 8) & 255;
    out[4 * i + 2] = (v >>> 16) & 255;
    out[4 * i + 3] = (v >>> 24) & 255;
  }
  return out;
}

/** RFC 8439 section 2.4 encryption (XOR with the keystream from `initialCounter`). */
export function chacha20Xor(key: Uint8Array, nonce: Uint8Array, initialCounter: number, data: Uint8Array): Uint8Array {
  const state = chachaState(key, nonce);
  const words = new Int32Array(16);
  const out = new Uint8Array(data.length);
  for (let at = 0, counter = initialCounter; at < data.length; at += 64, counter += 1) {
    if (counter > 0xffffffff) throw new RangeError('ChaCha20 block counter overflow');
    chachaBlock(state, counter, words);
    for (let i = 0; i < 64 && at + i < data.length; i += 1) {
      out[at + i] = data[at + i]! ^ ((words[i >> 2]! >>> (8 * (i & 3))) & 255);
    }
  }
  return out;
}
