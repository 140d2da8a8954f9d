import { createHash } from 'node:crypto';
import { CountTree, WeightTree } from './fenwick';
import { drawWithoutReplacement } from './sample';
import { DrawStream } from './stream';

/** A deterministic stream of small test numbers (xorshift32; test data only, not for draws). */
function numbers(label: string): () => number {
  let x = createHash('sha256').update(label).digest().readUInt32BE(0) || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

describe('WeightTree', () => {
  it('finds the owner of r exactly like a linear scan, through removals', () => {
    const next = numbers('weights');
    const mismatches: string[] = [];
    let checked = 0;
    for (let trial = 0; trial < 30; trial += 1) {
      const n = 1 + (next() % 40);
      const weights = Float64Array.from({ length: n }, () => 1 + (next() % 50));
      const live = Float64Array.from(weights);
      const tree = new WeightTree(weights);
      for (let step = 0; step < n; step += 1) {
        const total = live.reduce((a, b) => a + b, 0);
        expect(tree.total).toBe(total);
        for (let r = 0; r < total; r += 1 + (next() % 7)) {
          let acc = 0;
          let owner = -1;
          for (let i = 0; i < n; i += 1) {
            acc += live[i]!;
            if (acc > r) {
              owner = i;
              break;
            }
          }
          checked += 1;
          if (tree.find(r) !== owner) mismatches.push(`trial ${trial}, r ${r}: ${tree.find(r)} ≠ ${owner}`);
        }
        // The last unit and the first unit of the range.
        expect(live[tree.find(total - 1)]).toBeGreaterThan(0);
        expect(live[tree.find(0)]).toBeGreaterThan(0);
        const victim = tree.find(next() % total);
        tree.subtract(victim, live[victim]!);
        live[victim] = 0;
      }
      expect(tree.total).toBe(0);
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('stays exact with totals near 2^53', () => {
    const big = 2 ** 52;
    const tree = new WeightTree(Float64Array.from([1, big - 1, 1, big - 1]));
    expect(tree.total).toBe(2 ** 53);
    expect(tree.find(0)).toBe(0);
    expect(tree.find(1)).toBe(1);
    expect(tree.find(big - 1)).toBe(1);
    expect(tree.find(big)).toBe(2);
    expect(tree.find(big + 1)).toBe(3);
    expect(tree.find(2 ** 53 - 1)).toBe(3);
  });
});

describe('CountTree', () => {
  it('ranks and selects like a sorted list', () => {
    const next = numbers('counts');
    const size = 37;
    const tree = new CountTree(size, false);
    const members = new Set<number>();
    for (let step = 0; step < 300; step += 1) {
      const pos = next() % size;
      if (members.has(pos)) {
        members.delete(pos);
        tree.add(pos, -1);
      } else {
        members.add(pos);
        tree.add(pos, 1);
      }
      const sorted = [...members].sort((a, b) => a - b);
      expect(tree.count).toBe(sorted.length);
      expect(sorted.map((_, t) => tree.select(t))).toEqual(sorted);
      expect(sorted.map((p) => tree.rank(p))).toEqual(sorted.map((_, t) => t));
    }
    const full = new CountTree(10, true);
    expect(Array.from({ length: 10 }, (_, t) => full.select(t))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('drawWithoutReplacement', () => {
  const seed = createHash('sha256').update('sample').digest();

  it('selects k distinct indices, and all of them when k = N', () => {
    const units = Float64Array.from({ length: 50 }, (_, i) => 10000 * (1 + (i % 3)));
    const picked = drawWithoutReplacement(units, 20, new DrawStream(seed, 1, 0));
    expect(new Set(picked).size).toBe(20);
    const all = drawWithoutReplacement(units, 50, new DrawStream(seed, 1, 0));
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(all.subarray(0, 20))).toEqual(Array.from(picked)); // a prefix: k only stops the draw
  });

  it('uses one word per step when no word is rejected', () => {
    const stream = new DrawStream(seed, 1, 0);
    drawWithoutReplacement(Float64Array.from([1, 1, 1, 1]), 3, stream);
    expect(stream.consumed).toBe(3);
    expect(drawWithoutReplacement(Float64Array.from([1]), 0, stream)).toHaveLength(0);
    expect(stream.consumed).toBe(3);
  });
});
