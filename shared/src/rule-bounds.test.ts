import { DEFAULT_RULES } from './rules';
import { RuleBoundsSchema, boundViolations, type RuleBounds } from './rule-bounds';

const bounds: RuleBounds = { ratio: { floor: '0.03', ceiling: '0.20' }, roundsPerYear: { min: 1, max: 2 }, maxDrawsPerEntityPerYear: 2 };

describe('a province’s bounds for the bureaus below it', () => {
  it('passes rules that lie within, and names each bound broken', () => {
    expect(boundViolations({ ...DEFAULT_RULES, ratio: { min: '0.05', max: '0.10' } }, bounds)).toEqual([]);
    const rules = (over: object) => boundViolations({ ...DEFAULT_RULES, ratio: { min: '0.05', max: '0.10' }, ...over }, bounds).map((v) => v.rule);
    expect(rules({ ratio: { min: '0.01', max: '0.50' } })).toEqual(['bounds.ratio.floor', 'bounds.ratio.ceiling']);
    expect(rules({ roundsPerYear: { min: 1, max: 12 } })).toEqual(['bounds.roundsPerYear.max']);
    expect(rules({ maxDrawsPerEntityPerYear: 12 })).toEqual(['bounds.maxDrawsPerEntityPerYear']);
    expect(boundViolations({ ...DEFAULT_RULES, ratio: { min: '0.01', max: '0.1' } }, bounds)[0]!.message).toContain('不低于 3%');
  });

  it('refuses inverted bounds', () => {
    expect(RuleBoundsSchema.safeParse(bounds).success).toBe(true);
    expect(RuleBoundsSchema.safeParse({ ...bounds, ratio: { floor: '0.3', ceiling: '0.2' } }).success).toBe(false);
    expect(RuleBoundsSchema.safeParse({ ...bounds, roundsPerYear: { min: 3, max: 2 } }).success).toBe(false);
  });
});
