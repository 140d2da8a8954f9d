import { USCC_ALPHABET } from '@spotcheck/shared';

const CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i += 1) CODE[USCC_ALPHABET.charCodeAt(i)] = i;

/**
 * A set of keys with the row that first gave each one, exact and compact: a USCC (18 characters of a
 * 31-letter alphabet) packs into three 30-bit integers, stored in an open-addressing table of
 * Int32Arrays (16 bytes a key, about 32 MiB for a million). Other keys fall back to a Map.
 */
export class KeyIndex {
  private table = new Int32Array(4 * 1024);
  private used = 0;
  private readonly others = new Map<string, number>();

  /** The row that registered `key` first, or 0 after registering it now for `row` (≥ 1). */
  firstRow(key: string, row: number): number {
    const packed = pack(key);
    if (!packed) {
      const seen = this.others.get(key);
      if (seen === undefined) this.others.set(key, row);
      return seen ?? 0;
    }
    const slot = this.find(packed[0], packed[1], packed[2]);
    const t = this.table;
    if (t[slot + 3] !== 0) return t[slot + 3]!;
    t[slot] = packed[0];
    t[slot + 1] = packed[1];
    t[slot + 2] = packed[2];
    t[slot + 3] = row;
    this.used += 1;
    if (this.used * 2 > t.length / 4) this.grow();
    return 0;
  }

  has(key: string): boolean {
    const packed = pack(key);
    if (!packed) return this.others.has(key);
    return this.table[this.find(packed[0], packed[1], packed[2]) + 3] !== 0;
  }

  private find(a: number, b: number, c: number): number {
    const t = this.table;
    const mask = t.length / 4 - 1;
    let i = (Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b), 0xc2b2ae35) >>> 0) & mask;
    for (;;) {
      const slot = i * 4;
      if (t[slot + 3] === 0 || (t[slot] === a && t[slot + 1] === b && t[slot + 2] === c)) return slot;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let slot = 0; slot < old.length; slot += 4) {
      if (old[slot + 3] === 0) continue;
      const at = this.find(old[slot]!, old[slot + 1]!, old[slot + 2]!);
      this.table.set(old.subarray(slot, slot + 4), at);
    }
  }
}

const parts: [number, number, number] = [0, 0, 0];

/** Three 30-bit integers for an 18-character USCC, or null for anything else. Reuses one array. */
function pack(key: string): [number, number, number] | null {
  if (key.length !== 18) return null;
  for (let p = 0; p < 3; p += 1) {
    let value = 0;
    for (let i = p * 6; i < p * 6 + 6; i += 1) {
      const code = key.charCodeAt(i);
      const digit = code < 128 ? CODE[code]! : -1;
      if (digit < 0) return null;
      value = value * 32 + digit;
    }
    parts[p] = value;
  }
  return parts;
}
