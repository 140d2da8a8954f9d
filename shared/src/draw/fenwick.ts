/**
 * Fenwick (binary indexed) trees over non-negative integers. `WeightTree` holds the integer weights
 * of a stratum (sums ≤ 2^53, exact in doubles); `CountTree` is an order-statistic set of positions
 * (used to pick the t-th inspector of a load bucket).
 */

function highestPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

export class WeightTree {
  private readonly tree: Float64Array;
  private readonly top: number;
  readonly size: number;
  /** Sum of the remaining weights. */
  total = 0;

  constructor(weights: Float64Array) {
    const n = weights.length;
    this.size = n;
    this.top = highestPowerOfTwo(Math.max(1, n));
    const tree = new Float64Array(n + 1);
    for (let i = 1; i <= n; i += 1) {
      tree[i] = tree[i]! + weights[i - 1]!;
      this.total += weights[i - 1]!;
      const j = i + (i & -i);
      if (j <= n) tree[j] = tree[j]! + tree[i]!;
    }
    this.tree = tree;
  }

  /**
   * The index i whose interval [C_i, C_i + w_i) contains r, where C_i is the sum of the remaining
   * weights of indices before i; i.e. the smallest i with (w_0 + … + w_i) > r. Needs 0 ≤ r < total.
   */
  find(r: number): number {
    const tree = this.tree;
    const n = this.size;
    let pos = 0;
    for (let step = this.top; step > 0; step = step >>> 1) {
      const next = pos + step;
      if (next <= n && tree[next]! <= r) {
        pos = next;
        r -= tree[next]!;
      }
    }
    return pos;
  }

  /** Subtracts `weight` at index i (removing an entity subtracts its whole weight). */
  subtract(i: number, weight: number): void {
    const tree = this.tree;
    const n = this.size;
    for (let j = i + 1; j <= n; j += j & -j) tree[j] = tree[j]! - weight;
    this.total -= weight;
  }
}

export class CountTree {
  private readonly tree: Int32Array;
  private readonly top: number;
  readonly size: number;
  count = 0;

  /** A set over positions 0..size−1, initially full when `full`, else empty. */
  constructor(size: number, full: boolean) {
    this.size = size;
    this.top = highestPowerOfTwo(Math.max(1, size));
    this.tree = new Int32Array(size + 1);
    if (full) {
      for (let i = 1; i <= size; i += 1) this.tree[i] = i & -i;
      this.count = size;
    }
  }

  add(pos: number, delta: number): void {
    for (let j = pos + 1; j <= this.size; j += j & -j) this.tree[j] = this.tree[j]! + delta;
    this.count += delta;
  }

  /** Number of members at positions < pos. */
  rank(pos: number): number {
    let sum = 0;
    for (let j = pos; j > 0; j -= j & -j) sum += this.tree[j]!;
    return sum;
  }

  /** The member with exactly t members before it (0 ≤ t < count). */
  select(t: number): number {
    const tree = this.tree;
    let pos = 0;
    for (let step = this.top; step > 0; step = step >>> 1) {
      const next = pos + step;
      if (next <= this.size && tree[next]! <= t) {
        pos = next;
        t -= tree[next]!;
      }
    }
    return pos;
  }
}
