import { DEFAULT_RULES, RuleSetSchema, withRuleDefaults, type RuleSet } from './rules';

describe('rule set deadlines: review and approval inside the time to publication', () => {
  const older = { ...DEFAULT_RULES, deadlines: { reportWorkingDays: 3, publicationWorkingDays: 10 } };

  it('reads a version stored before review and approval had deadlines with 3 working days each', () => {
    expect(withRuleDefaults(older as unknown as RuleSet).deadlines).toEqual(DEFAULT_RULES.deadlines);
    expect(RuleSetSchema.parse(older).deadlines).toEqual({ reportWorkingDays: 3, reviewWorkingDays: 3, approvalWorkingDays: 3, publicationWorkingDays: 10 });
  });

  it('refuses review and approval that together leave no time to publish', () => {
    const with_ = (d: Partial<RuleSet['deadlines']>) => RuleSetSchema.safeParse({ ...DEFAULT_RULES, deadlines: { ...DEFAULT_RULES.deadlines, ...d } });
    expect(with_({ reviewWorkingDays: 5, approvalWorkingDays: 4 }).success).toBe(true);
    const refused = with_({ reviewWorkingDays: 5, approvalWorkingDays: 5 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['deadlines']);
    expect(with_({ reviewWorkingDays: 0 }).success).toBe(false);
  });
});
