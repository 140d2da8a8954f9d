import { DEFAULT_RULES, RuleSetSchema } from './rules';

describe('rule set schema', () => {
  it('accepts the defaults taken from the seeds', () => {
    expect(RuleSetSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it('refuses inexact or inverted ratios and teams smaller than two', () => {
    expect(RuleSetSchema.safeParse({ ...DEFAULT_RULES, ratio: { min: '0.1', max: '0.05' } }).success).toBe(false);
    expect(RuleSetSchema.safeParse({ ...DEFAULT_RULES, ratio: { min: '10%', max: '0.5' } }).success).toBe(false);
    expect(RuleSetSchema.safeParse({ ...DEFAULT_RULES, team: { minSize: 1 } }).success).toBe(false);
  });
});
