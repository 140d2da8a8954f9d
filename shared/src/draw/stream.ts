import { chachaBlock, chachaState } from './chacha20';
import { TWO_POW_53 } from './constants';

/** The 12-byte nonce of a stream: 4-byte big-endian purpose ‖ 8-byte big-endian index. */
export function streamNonce(purpose: number, index: number): Uint8Array {
  if (!Number.isInteger(purpose) || purpose < 0 || purpose > 0xffffffff) throw new RangeError('bad stream purpose');
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError('bad stream index');
  const nonce = new Uint8Array(12);
  nonce[0] = purpose >>> 24;
  nonce[1] = (purpose >>> 16) & 255;
  nonce[2] = (purpose >>> 8) & 255;
  nonce[3] = purpose & 255;
  const high = Math.floor(index / 0x100000000);
  const low = index - high * 0x100000000;
  nonce[4] = high >>> 24;
  nonce[5] = (high >>> 16) & 255;
  nonce[6] = (high >>> 8) & 255;
  nonce[7] = high & 255;
  nonce[8] = low >>> 24;
  nonce[9] = (low >>> 16) & 255;
  nonce[10] = (low >>> 8) & 255;
  nonce[11] = low & 255;
  return nonce;
}

/** A stream asked for block 2^32, which its 32-bit block counter cannot number (section 6). */
export class StreamExhaustedError extends Error {
  override readonly name = 'StreamExhaustedError';
}

/**
 * One ChaCha20 keystream (key = the draw seed, nonce = purpose ‖ index, block counter from 0) read as
 * consecutive 8-byte little-endian words. A 53-bit integer is a word's low 53 bits.
 *
 * Unbiased integers in [0, n) by rejection, exactly: with limit = 2^53 − (2^53 mod n) (a multiple of
 * n), draw 53-bit integers until one is below limit and return it mod n. Every quantity is an
 * integer ≤ 2^53, which IEEE-754 doubles hold exactly, and `%` on doubles is exact, so no BigInt
 * is needed and every engine computes the same values.
 */
export class DrawStream {
  private readonly state: Int32Array;
  private readonly words = new Int32Array(16);
  private counter = 0;
  /** Next unread word of the current block, 0..8; 8 means the block is used up. */
  private next = 8;
  /** 53-bit integers read so far (for tests and the spec's worked examples). */
  consumed = 0;

  constructor(seed: Uint8Array, purpose: number, index: number) {
    this.state = chachaState(seed, streamNonce(purpose, index));
  }

  /** The next 53-bit integer, uniform in [0, 2^53). */
  next53(): number {
    if (this.next === 8) {
      if (this.counter > 0xffffffff) throw new StreamExhaustedError('ChaCha20 block counter overflow: the stream has no block 2^32');
      chachaBlock(this.state, this.counter, this.words);
      this.counter += 1;
      this.next = 0;
    }
    const low = this.words[2 * this.next]! >>> 0;
    const high = this.words[2 * this.next + 1]! & 0x1fffff;
    this.next += 1;
    this.consumed += 1;
    return high * 0x100000000 + low;
  }

  /** Uniform integer in [0, n) for an integer 1 ≤ n ≤ 2^53. Always reads at least one word. */
  uniformInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_53) throw new RangeError(`uniformInt: bad bound ${n}`);
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    for (;;) {
      const x = this.next53();
      if (x < limit) return x % n;
    }
  }
}
