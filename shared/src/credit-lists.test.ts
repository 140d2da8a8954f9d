import { DEFAULT_CREDIT_LISTS, JointPunishmentSchema, entryInForce, publishesList } from './credit-lists';
import { DEFAULT_RULES, RuleSetSchema, withRuleDefaults, type RuleSet } from './rules';

describe('credit lists', () => {
  it('is in force from the decision date to the end of its period, both included', () => {
    const entry = { decidedOn: '2026-03-02', validUntil: '2027-03-01' };
    expect(entryInForce(entry, '2026-03-01')).toBe(false);
    expect(entryInForce(entry, '2026-03-02')).toBe(true);
    expect(entryInForce(entry, '2027-03-01')).toBe(true);
    expect(entryInForce(entry, '2027-03-02')).toBe(false);
  });

  it('publishes per the bureau rules, both lists unless they say otherwise (old versions too)', () => {
    expect(publishesList({ publishBlacklist: true, publishWatchList: false }, 'WATCH')).toBe(false);
    expect(publishesList({ publishBlacklist: true, publishWatchList: false }, 'BLACKLIST')).toBe(true);
    const { creditLists: _omitted, ...old } = DEFAULT_RULES;
    expect(withRuleDefaults(old as RuleSet).creditLists).toEqual(DEFAULT_CREDIT_LISTS);
    expect(RuleSetSchema.parse(old).creditLists).toEqual(DEFAULT_CREDIT_LISTS);
  });

  it('takes a province weight of at least 1', () => {
    expect(JointPunishmentSchema.safeParse({ enabled: true, weight: 0.5 }).success).toBe(false);
    expect(JointPunishmentSchema.safeParse({ enabled: true, weight: 3 }).success).toBe(true);
  });
});
