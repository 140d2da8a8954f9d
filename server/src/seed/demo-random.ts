import crypto from 'node:crypto';

/**
 * A deterministic generator for demo data only (never for draws, which use the specified ChaCha20
 * stream): the same demo on every machine. SHA-256 in counter mode, 32 bits at a time.
 */
export class DemoRandom {
  private counter = 0;
  private buffer = Buffer.alloc(0);

  constructor(private readonly seed: string) {}

  /** A uniform float in [0, 1). */
  next(): number {
    if (this.buffer.length < 4) {
      this.buffer = crypto.createHash('sha256').update(`${this.seed}:${this.counter++}`).digest();
    }
    const value = this.buffer.readUInt32BE(0);
    this.buffer = this.buffer.subarray(4);
    return value / 2 ** 32;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weights: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of choices) if ((r -= weight) < 0) return value;
    return choices.at(-1)![0];
  }
}
