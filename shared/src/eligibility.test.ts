import { DEFAULT_RULES, type RuleSet } from './rules';
import { RISK_OFF } from './risk-rules';
import { DEFAULT_CREDIT_LOOP } from './credit-loop';
import { creditClassKey, entityWeight, itemEligibility, itemTargets, poolExclusion, poolStatuses, type PoolEntityFacts } from './eligibility';

const plain: PoolEntityFacts = { targetType: '企业', creditClass: 'B', complaints: 0, hasViolation: false, riskLevel: null };
const land = { id: 'land', targetType: '企业' };
const survey = { id: 'survey', targetType: '舞钢市行政区域内的测绘资质单位' };
const ordinary = { extraRiskRound: false };

describe('who may be drawn (docs/draw-spec.md §15.1)', () => {
  it('reads the entities that still exist (存续、在业) unless the task names statuses', () => {
    expect(poolStatuses()).toEqual(['EXISTING', 'OPERATING']);
    expect(poolStatuses([])).toEqual(['EXISTING', 'OPERATING']);
    expect(poolStatuses(['CLOSED'])).toEqual(['CLOSED']);
  });

  it('applies an item to its object: 企业 to all but natural persons, else the named target type', () => {
    expect(itemTargets('企业', null)).toBe(true);
    expect(itemTargets(' 企业 ', '测绘资质单位')).toBe(true);
    expect(itemTargets('企业', '个人')).toBe(false);
    expect(itemTargets('企业', '个人独资')).toBe(false);
    expect(itemTargets(survey.targetType, '测绘资质单位')).toBe(true);
    expect(itemTargets(survey.targetType, '矿业权人')).toBe(false);
    expect(itemTargets(survey.targetType, null)).toBe(false);
    // The task's own target types decide alone.
    expect(itemTargets('企业', '企业', ['矿业权人'])).toBe(false);
    expect(itemTargets('企业', '矿业权人', ['矿业权人'])).toBe(true);
    expect(itemTargets('企业', null, ['矿业权人'])).toBe(false);
  });

  it('exempts a credit class the rules exempt (守信企业可予以不抽查, 000 第八条) before any year rule', () => {
    const exemptA: RuleSet = { ...DEFAULT_RULES, credit: { ...DEFAULT_RULES.credit, A: { exempt: true, weight: 0.5 } } };
    const twice = { draws: 2, itemIds: new Set(['land']) };
    expect(poolExclusion(exemptA, { creditClass: 'A', history: twice }, 'land', false)).toBe('creditExempt');
    expect(poolExclusion(exemptA, { creditClass: 'B' }, 'land', false)).toBeNull();
    // Ungraded counts as B.
    expect(creditClassKey(null)).toBe('B');
    const exemptB: RuleSet = { ...DEFAULT_RULES, credit: { ...DEFAULT_RULES.credit, B: { exempt: true, weight: 1 } } };
    expect(poolExclusion(exemptB, { creditClass: null }, 'land', false)).toBe('creditExempt');
  });

  it('caps draws a year (不超过2次) and leaves out the drawn (原则上不再列入当年抽查名单, 000 第十一条)', () => {
    const once = { draws: 1, itemIds: new Set(['land']) };
    const twice = { draws: 2, itemIds: new Set(['land']) };
    expect(poolExclusion(DEFAULT_RULES, { creditClass: 'B', history: once }, 'survey', false)).toBe('drawnThisYear');
    expect(poolExclusion(DEFAULT_RULES, { creditClass: 'B', history: twice }, 'survey', false)).toBe('maxDrawsPerYear');
    // An extra risk round may draw the drawn again, never past the ceiling.
    expect(poolExclusion(DEFAULT_RULES, { creditClass: 'B', history: once }, 'survey', true)).toBeNull();
    expect(poolExclusion(DEFAULT_RULES, { creditClass: 'B', history: twice }, 'survey', true)).toBe('maxDrawsPerYear');
  });

  it('weighs credit × complaints (at most 100) × violation × credit list × risk, to 4 decimals', () => {
    const flat: RuleSet = { ...DEFAULT_RULES, risk: RISK_OFF };
    expect(entityWeight(flat, { creditClass: 'B', complaints: 0, hasViolation: false })).toBe('1');
    expect(entityWeight(flat, { creditClass: 'A', complaints: 0, hasViolation: false })).toBe('0.5');
    expect(entityWeight(flat, { creditClass: 'C', complaints: 2, hasViolation: true })).toBe('2.7'); // 1.5 × 1.2 × 1.5
    expect(entityWeight(flat, { creditClass: null, complaints: 500, hasViolation: false })).toBe('11'); // capped at 100 complaints
    expect(entityWeight(flat, { creditClass: 'B', complaints: 0, hasViolation: false, risk: 'HIGH' })).toBe('1');
    expect(entityWeight(DEFAULT_RULES, { creditClass: 'B', complaints: 0, hasViolation: false, risk: 'HIGH' })).toBe('2');
    expect(entityWeight(DEFAULT_RULES, { creditClass: 'B', complaints: 0, hasViolation: false, risk: 'NONE' })).toBe('1');
    const loop: RuleSet = { ...flat, creditLoop: { ...DEFAULT_CREDIT_LOOP, enabled: true } };
    expect(entityWeight(loop, { creditClass: 'B', complaints: 0, hasViolation: false, creditStatus: 'BLACKLIST' })).toBe(
      String(DEFAULT_CREDIT_LOOP.blacklist.weight),
    );
    // 联合惩戒: the province's weight stands in for the list weight when larger, never on top of it.
    expect(entityWeight(flat, { creditClass: 'B', complaints: 0, hasViolation: false, jointPunishmentWeight: 4 })).toBe('4');
    expect(entityWeight(loop, { creditClass: 'B', complaints: 0, hasViolation: false, creditStatus: 'BLACKLIST', jointPunishmentWeight: 2 })).toBe('3');
    expect(entityWeight(loop, { creditClass: 'C', complaints: 0, hasViolation: false, creditStatus: 'WATCH', jointPunishmentWeight: 5 })).toBe('7.5');
    // Never 0: a weight of 0 would make an eligible entity undrawable.
    const zero: RuleSet = { ...flat, credit: { ...flat.credit, A: { exempt: false, weight: 0 } } };
    expect(entityWeight(zero, { creditClass: 'A', complaints: 0, hasViolation: false })).toBe('0.0001');
  });

  it('reads the rules in order for one entity and one item', () => {
    expect(itemEligibility(DEFAULT_RULES, ordinary, land, plain)).toEqual({ eligible: true, weight: '1' });
    expect(itemEligibility(DEFAULT_RULES, ordinary, survey, plain)).toEqual({ eligible: false, reason: 'notTargeted' });
    // A special object (3 complaints) is HIGH: out of a task of LOW only, in a task of HIGH only.
    const special = { ...plain, complaints: 3, riskLevel: 'LOW' };
    expect(itemEligibility(DEFAULT_RULES, { ...ordinary, riskClasses: ['LOW'] }, land, special)).toEqual({ eligible: false, reason: 'otherRiskClass' });
    expect(itemEligibility(DEFAULT_RULES, { ...ordinary, riskClasses: ['HIGH'] }, land, special)).toEqual({ eligible: true, weight: '1.3' });
    // Split by risk, the weight leaves the class out; unsplit, it carries the class's weight (HIGH ×2).
    const unsplit: RuleSet = { ...DEFAULT_RULES, strata: { byRiskLevel: false } };
    expect(itemEligibility(unsplit, ordinary, land, special)).toEqual({ eligible: true, weight: '2.6' });
    expect(itemEligibility(DEFAULT_RULES, ordinary, land, { ...plain, history: { draws: 1, itemIds: new Set(['survey']) } })).toEqual({
      eligible: false,
      reason: 'drawnThisYear',
    });
  });
});
