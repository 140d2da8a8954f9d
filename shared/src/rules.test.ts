import { DEFAULT_RULES, RuleSetSchema, withRuleDefaults, type RuleSet } from './rules';
import { RISK_OFF } from './risk-rules';

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
    expect(withRuleDefaults(older as RuleSet)).toEqual({ ...DEFAULT_RULES, strata: { byRiskLevel: false } });
    const on = { ...DEFAULT_RULES, strata: { byRiskLevel: true } };
    expect(RuleSetSchema.parse(on)).toEqual(on);
    expect(withRuleDefaults(on)).toEqual(on);
    expect(RuleSetSchema.safeParse({ ...DEFAULT_RULES, strata: { byRiskLevel: 'yes' } }).success).toBe(false);
  });

  it('reads a version stored before risk rules as risk changing nothing; new rules split by risk with high risk raised', () => {
    const { risk: _risk, ...older } = DEFAULT_RULES;
    expect(withRuleDefaults(older as RuleSet).risk).toEqual(RISK_OFF);
    expect(RuleSetSchema.parse(older).risk).toEqual(RISK_OFF);
    expect(DEFAULT_RULES.strata.byRiskLevel).toBe(true);
    expect(DEFAULT_RULES.risk.HIGH.weight).toBeGreaterThan(1);
    expect(DEFAULT_RULES.risk.HIGH.ratioMultiplier).toBeGreaterThan(1);
    expect(
      RuleSetSchema.safeParse({ ...DEFAULT_RULES, risk: { ...DEFAULT_RULES.risk, HIGH: { ...DEFAULT_RULES.risk.HIGH, ratioMultiplier: 0.5 } } }).success,
    ).toBe(false);
  });
});
