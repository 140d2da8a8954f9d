import { DEFAULT_RULES, RuleSetSchema, withRuleDefaults, type RuleSet } from './rules';

describe('rule set schema', () => {
  it('accepts the defaults taken from the seeds', () => {
    expect(RuleSetSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it('refuses inexact or inverted ratios and teams smaller than two', () => {
    expect(RuleSetSchema.safeParse({ ...DEFAULT_RULES, ratio: { min: '0.1', max: '0.05' } }).success).toBe(false);
    expect(RuleSetSchema.safeParse({ ...DEFAULT_RULES, ratio: { min: '10%', max: '0.5' } }).success).toBe(false);
    expect(RuleSetSchema.safeParse({ ...DEFAULT_RULES, team: { minSize: 1 } }).success).toBe(false);
  });

  it('keeps accepting rules written before strata existed, with risk strata off', () => {
    const { strata: _strata, ...older } = DEFAULT_RULES;
    expect(RuleSetSchema.parse(older).strata).toEqual({ byRiskLevel: false });
    expect(withRuleDefaults(older as RuleSet)).toEqual(DEFAULT_RULES);
    const on = { ...DEFAULT_RULES, strata: { byRiskLevel: true } };
    expect(RuleSetSchema.parse(on)).toEqual(on);
    expect(withRuleDefaults(on)).toEqual(on);
    expect(RuleSetSchema.safeParse({ ...DEFAULT_RULES, strata: { byRiskLevel: 'yes' } }).success).toBe(false);
  });
});
