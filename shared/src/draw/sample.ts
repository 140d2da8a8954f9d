import { WeightTree } from './fenwick';
import type { DrawStream } from './stream';

/**
 * Successive weighted draws without replacement: k times, draw r uniform in [0, remaining total),
 * select the entity whose interval contains r (entities laid end to end in canonical order, each
 * as wide as its integer weight, selected ones having width 0), and remove it.
 *
 * Semantics: at every step each remaining entity's chance to be the next one drawn is its weight ÷
 * the remaining total. With equal weights this is uniform sampling without replacement (every
 * k-subset equally likely, every order equally likely).
 *
 * Returns the selected indices (into `units`) in draw order. O(n + k log n).
 */
export function drawWithoutReplacement(units: Float64Array, k: number, stream: DrawStream): Int32Array {
  if (!Number.isInteger(k) || k < 0 || k > units.length) throw new RangeError('bad count to draw');
  const picked = new Int32Array(k);
  if (k === 0) return picked;
  const tree = new WeightTree(units);
  for (let step = 0; step < k; step += 1) {
    const r = stream.uniformInt(tree.total);
    const i = tree.find(r);
    picked[step] = i;
    tree.subtract(i, units[i]!);
  }
  return picked;
}
