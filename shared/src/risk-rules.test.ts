import { DEFAULT_RISK, RISK_OFF, riskClassOf, riskWeight, roundsForRisk, stratumRatio, type RiskRules } from './risk-rules';

const facts = (over: Partial<Parameters<typeof riskClassOf>[1]> = {}) => ({ riskLevel: null, complaints: 0, hasViolation: false, creditClass: 'B', ...over });

describe('risk raises the ratio and the frequency (000 第十一条, 003 二(四))', () => {
  it('draws a high-risk stratum at the item ratio times the multiplier, rounded up, never above 100%', () => {
    expect(stratumRatio('0.05', 'HIGH', DEFAULT_RISK)).toBe('0.1');
    expect(stratumRatio('0.0333', 'HIGH', { ...DEFAULT_RISK, HIGH: { ...DEFAULT_RISK.HIGH, ratioMultiplier: 1.5 } })).toBe('0.05');
    expect(stratumRatio('0.6', 'HIGH', DEFAULT_RISK)).toBe('1');
    expect(stratumRatio('0.05', 'LOW', DEFAULT_RISK)).toBe('0.05');
    expect(stratumRatio('0.05', 'NONE', DEFAULT_RISK)).toBe('0.05');
  });

  it('keeps a class minimum, and never lowers the item ratio', () => {
    const rules: RiskRules = { ...DEFAULT_RISK, HIGH: { ...DEFAULT_RISK.HIGH, ratioMultiplier: 1, minRatio: '0.3' } };
    expect(stratumRatio('0.1', 'HIGH', rules)).toBe('0.3');
    expect(stratumRatio('0.5', 'HIGH', rules)).toBe('0.5');
    expect(stratumRatio('0.1', 'MEDIUM', RISK_OFF)).toBe('0.1');
  });

  it('treats special objects as high risk: many complaints, a violation record, credit class D, the blacklist', () => {
    expect(riskClassOf(DEFAULT_RISK, facts())).toBe('NONE');
    expect(riskClassOf(DEFAULT_RISK, facts({ riskLevel: 'LOW' }))).toBe('LOW');
    expect(riskClassOf(DEFAULT_RISK, facts({ riskLevel: 'LOW', complaints: 3 }))).toBe('HIGH');
    expect(riskClassOf(DEFAULT_RISK, facts({ riskLevel: 'LOW', complaints: 2 }))).toBe('LOW');
    expect(riskClassOf(DEFAULT_RISK, facts({ riskLevel: 'MEDIUM', hasViolation: true }))).toBe('HIGH');
    expect(riskClassOf(DEFAULT_RISK, facts({ creditClass: 'D' }))).toBe('HIGH');
    expect(riskClassOf(DEFAULT_RISK, facts({ creditStatus: 'BLACKLIST' }))).toBe('HIGH');
    expect(riskClassOf(RISK_OFF, facts({ riskLevel: 'LOW', complaints: 50, hasViolation: true, creditClass: 'D', creditStatus: 'BLACKLIST' }))).toBe('LOW');
  });

  it('adds the class’s extra rounds and weighs high risk above 1', () => {
    expect(roundsForRisk(1, 'HIGH', DEFAULT_RISK)).toBe(2);
    expect(roundsForRisk(1, 'LOW', DEFAULT_RISK)).toBe(1);
    expect(roundsForRisk(2, 'NONE', DEFAULT_RISK)).toBe(2);
    expect(riskWeight('HIGH', DEFAULT_RISK)).toBeGreaterThan(1);
    expect(riskWeight('NONE', DEFAULT_RISK)).toBe(1);
  });
});
