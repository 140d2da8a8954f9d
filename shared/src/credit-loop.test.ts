import { CREDIT_LOOP_OFF, DEFAULT_CREDIT_LOOP, creditLoopOf, creditStatusOf, creditStatusWeight, type CreditFact } from './credit-loop';
import { DEFAULT_RULES, RuleSetSchema } from './rules';

const NOW = new Date('2026-03-01T00:00:00Z');
const fact = (resultCategory: string, publishedAt: string, problem = true, superseded = false): CreditFact => ({
  resultCategory,
  problem,
  publishedAt: new Date(publishedAt),
  superseded,
});

describe('credit loop rules', () => {
  it('reads a rule version stored before the loop existed as the loop switched off', () => {
    const { creditLoop: _dropped, ...old } = DEFAULT_RULES;
    const parsed = RuleSetSchema.parse(old);
    expect(parsed.creditLoop).toEqual(CREDIT_LOOP_OFF);
    expect(creditLoopOf(old)).toEqual(CREDIT_LOOP_OFF);
    expect(creditLoopOf(DEFAULT_RULES)).toEqual(DEFAULT_CREDIT_LOOP);
  });

  it('refuses weights below 1, unknown code shapes and empty windows', () => {
    const bad = (creditLoop: unknown) => RuleSetSchema.safeParse({ ...DEFAULT_RULES, creditLoop }).success;
    expect(bad({ ...DEFAULT_CREDIT_LOOP, watchList: { ...DEFAULT_CREDIT_LOOP.watchList, weight: 0.5 } })).toBe(false);
    expect(bad({ ...DEFAULT_CREDIT_LOOP, blacklist: { ...DEFAULT_CREDIT_LOOP.blacklist, categories: ["x'; DROP TABLE"] } })).toBe(false);
    expect(bad({ ...DEFAULT_CREDIT_LOOP, watchList: { ...DEFAULT_CREDIT_LOOP.watchList, withinYears: 0 } })).toBe(false);
    expect(bad({ ...DEFAULT_CREDIT_LOOP, blacklist: { ...DEFAULT_CREDIT_LOOP.blacklist, categories: ['custom:0b6f3c1e-2d4a-4f7e-9a51-3c2b1d0e9f8a'] } })).toBe(
      true,
    );
  });
});

describe('credit status', () => {
  const loop = DEFAULT_CREDIT_LOOP; // watch: 2 problems in 3 years; blacklist: INFO_FALSIFIED / OBSTRUCTED in 3 years

  it('puts an entity on the watch list from the Nth problem result within the window', () => {
    expect(creditStatusOf([fact('CORRECTED', '2025-06-01')], loop, NOW)).toBe('NORMAL');
    expect(creditStatusOf([fact('CORRECTED', '2025-06-01'), fact('NO_PROBLEM', '2025-09-01', false)], loop, NOW)).toBe('NORMAL');
    expect(creditStatusOf([fact('CORRECTED', '2025-06-01'), fact('UNREACHABLE', '2025-09-01')], loop, NOW)).toBe('WATCH');
    // The older problem has left the three-year window.
    expect(creditStatusOf([fact('CORRECTED', '2023-02-28'), fact('UNREACHABLE', '2025-09-01')], loop, NOW)).toBe('NORMAL');
  });

  it('blacklists on a listed category, ahead of the watch list', () => {
    const facts = [fact('CORRECTED', '2025-06-01'), fact('UNREACHABLE', '2025-09-01'), fact('OBSTRUCTED', '2025-10-01')];
    expect(creditStatusOf(facts, loop, NOW)).toBe('BLACKLIST');
    expect(creditStatusOf([fact('OBSTRUCTED', '2022-10-01')], loop, NOW)).toBe('NORMAL');
  });

  it('ignores superseded records and everything when the loop is off', () => {
    expect(creditStatusOf([fact('OBSTRUCTED', '2025-10-01', true, true)], loop, NOW)).toBe('NORMAL');
    expect(creditStatusOf([fact('OBSTRUCTED', '2025-10-01')], CREDIT_LOOP_OFF, NOW)).toBe('NORMAL');
  });

  it('weighs by the list', () => {
    expect([creditStatusWeight(loop, 'NORMAL'), creditStatusWeight(loop, 'WATCH'), creditStatusWeight(loop, 'BLACKLIST')]).toEqual([1, 2, 3]);
    expect(creditStatusWeight(CREDIT_LOOP_OFF, 'BLACKLIST')).toBe(1);
  });
});
