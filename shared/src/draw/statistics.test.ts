/**
 * Statistical checks over many seeds. The seeds are fixed (SHA-256 of a counter), so these tests are
 * deterministic; the thresholds are chi-square critical values at p = 0.001.
 */
import { createHash } from 'node:crypto';
import { runDraw } from './draw';
import { drawWithoutReplacement } from './sample';
import { DrawStream } from './stream';

const seedOf = (label: string, i: number) => createHash('sha256').update(`${label}:${i}`).digest();

/** Upper critical value of chi-square with df degrees of freedom at p = 0.001 (Wilson–Hilferty). */
function critical(df: number): number {
  const z = 3.0902;
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, o, i) => sum + (o - expected[i]!) ** 2 / expected[i]!, 0);
}

/**
 * Chi-square of inclusion counts for simple random sampling of k of N, T times: the counts are
 * negatively correlated, Var = T p (1 − p) with p = k / N and covariance −T p (1 − p) / (N − 1), so
 * Σ (O − Tp)² / (T p (1 − p) N / (N − 1)) follows chi-square with N − 1 degrees of freedom.
 */
function inclusionChiSquare(counts: readonly number[], k: number, trials: number): number {
  const n = counts.length;
  const p = k / n;
  const scale = trials * p * (1 - p) * (n / (n - 1));
  return counts.reduce((sum, o) => sum + (o - trials * p) ** 2 / scale, 0);
}

describe('unbiased integers', () => {
  it.each([
    [3, 60_000],
    [7, 70_000],
    [1000, 100_000],
  ])('uniformInt(%i) is uniform (chi-square over %i draws)', (n, draws) => {
    const stream = new DrawStream(seedOf('uniformInt', n), 1, 0);
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < draws; i += 1) counts[stream.uniformInt(n)]! += 1;
    expect(chiSquare(counts, new Array(n).fill(draws / n))).toBeLessThan(critical(n - 1));
  });
});

describe('selection frequencies', () => {
  it('selects each of N equal-weight entities with probability k/N', () => {
    const n = 40;
    const k = 7;
    const trials = 8000;
    const units = new Float64Array(n).fill(10000);
    const counts = new Array<number>(n).fill(0);
    const first = new Array<number>(n).fill(0);
    for (let t = 0; t < trials; t += 1) {
      const picked = drawWithoutReplacement(units, k, new DrawStream(seedOf('uniform', t), 1, 0));
      for (const i of picked) counts[i]! += 1;
      first[picked[0]!]! += 1;
    }
    expect(inclusionChiSquare(counts, k, trials)).toBeLessThan(critical(n - 1));
    // The first one drawn is uniform too (the draw order carries no bias either).
    expect(chiSquare(first, new Array(n).fill(trials / n))).toBeLessThan(critical(n - 1));
  });

  it('does not favour the first or last positions of the pool', () => {
    const n = 200;
    const k = 20;
    const trials = 6000;
    const units = new Float64Array(n).fill(10000);
    const counts = new Array<number>(n).fill(0);
    for (let t = 0; t < trials; t += 1) {
      for (const i of drawWithoutReplacement(units, k, new DrawStream(seedOf('positions', t), 1, 3))) counts[i]! += 1;
    }
    const p = k / n;
    const sd = Math.sqrt(trials * p * (1 - p));
    const z = (i: number) => (counts[i]! - trials * p) / sd;
    for (const edge of [0, 1, n - 2, n - 1]) expect(Math.abs(z(edge))).toBeLessThan(4);
    // The first and last tenth of the pool together get their share.
    const head = counts.slice(0, 20).reduce((a, b) => a + b, 0);
    const tail = counts.slice(n - 20).reduce((a, b) => a + b, 0);
    const sdBlock = Math.sqrt(20 * trials * p * (1 - p));
    expect(Math.abs(head - 20 * trials * p) / sdBlock).toBeLessThan(4);
    expect(Math.abs(tail - 20 * trials * p) / sdBlock).toBeLessThan(4);
    expect(inclusionChiSquare(counts, k, trials)).toBeLessThan(critical(n - 1));
  });

  it('with k = 1 selects each entity with probability weight ÷ total', () => {
    const weights = [0.5, 1, 1.5, 2, 5, 0.25];
    const units = Float64Array.from(weights, (w) => w * 10000);
    const total = weights.reduce((a, b) => a + b, 0);
    const trials = 30_000;
    const counts = new Array<number>(weights.length).fill(0);
    for (let t = 0; t < trials; t += 1) counts[drawWithoutReplacement(units, 1, new DrawStream(seedOf('weighted', t), 1, 0))[0]!]! += 1;
    expect(
      chiSquare(
        counts,
        weights.map((w) => (trials * w) / total),
      ),
    ).toBeLessThan(critical(weights.length - 1));
  });

  it('with k = 2 follows successive-draw weights: P(i then j) = w_i/W × w_j/(W − w_i)', () => {
    const weights = [1, 2, 3, 4];
    const units = Float64Array.from(weights, (w) => w * 10000);
    const total = 10;
    const trials = 24_000;
    const cells = new Map<string, number>();
    for (let t = 0; t < trials; t += 1) {
      const [a, b] = drawWithoutReplacement(units, 2, new DrawStream(seedOf('pairs', t), 1, 0));
      cells.set(`${a},${b}`, (cells.get(`${a},${b}`) ?? 0) + 1);
    }
    const observed: number[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      for (let j = 0; j < 4; j += 1) {
        if (i === j) continue;
        observed.push(cells.get(`${i},${j}`) ?? 0);
        expected.push(trials * (weights[i]! / total) * (weights[j]! / (total - weights[i]!)));
      }
    }
    expect(chiSquare(observed, expected)).toBeLessThan(critical(11));
  });
});

describe('the whole draw', () => {
  it('selects uniformly through runDraw as the ceremony entropy varies', () => {
    const input = {
      strata: [{ key: 'item:1', ratio: '0.2', entities: Array.from({ length: 15 }, (_, i) => ({ key: `E${i}`, weight: '1' })) }],
      inspectors: ['A', 'B', 'C', 'D', 'E'].map((key) => ({ key, group: 'g' })),
      teamSize: 2,
      workloadCap: null,
      requiredGroups: [],
      exclusions: [],
    };
    const trials = 3000;
    const counts = new Map<string, number>();
    const pairs = new Map<string, number>();
    for (let t = 0; t < trials; t += 1) {
      const { result } = runDraw(input, 'c0'.repeat(32), [`witness:${t}`]);
      for (const e of result!.selections[0]!.entityKeys) counts.set(e, (counts.get(e) ?? 0) + 1);
      // The first team is drawn from five inspectors with equal loads: all 10 pairs equally likely.
      const pair = [...result!.teams[0]!.inspectorKeys].sort().join('');
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    expect(
      inclusionChiSquare(
        input.strata[0]!.entities.map((e) => counts.get(e.key) ?? 0),
        3,
        trials,
      ),
    ).toBeLessThan(critical(14));
    expect(pairs.size).toBe(10);
    expect(chiSquare([...pairs.values()], new Array(10).fill(trials / 10))).toBeLessThan(critical(9));
  });
});
