import { DEFAULT_RULES } from './rules';
import { planViolations, type PlanCheckInput } from './plan-rules';

const item = { itemName: '土地使用情况监督检查', ratio: '0.05', rounds: 1, itemMinRatio: '0.02', itemFrequencyPerYear: 2, itemPublished: true };
const plan: PlanCheckInput = {
  year: 2026,
  rounds: 2,
  schedule: [
    { round: 1, from: '2026-04-01', to: '2026-05-31' },
    { round: 2, from: '2026-09-01', to: '2026-10-31' },
  ],
  items: [item],
};

describe('annual plan against the rules', () => {
  it('accepts a plan inside 常德’s rules', () => {
    expect(planViolations(plan, DEFAULT_RULES)).toEqual([]);
  });

  it('names the rule each problem breaks', () => {
    const rules = (p: PlanCheckInput) => planViolations(p, DEFAULT_RULES).map((v) => v.rule);
    expect(rules({ ...plan, rounds: 3, schedule: [...plan.schedule, { round: 3, from: '2026-11-01', to: '2026-11-30' }] })).toEqual(['roundsPerYear']);
    expect(rules({ ...plan, items: [{ ...item, ratio: '0.30' }] })).toEqual(['ratio']);
    expect(rules({ ...plan, items: [{ ...item, ratio: '0.02', itemMinRatio: '0.05' }] })).toEqual(['item.minRatio']);
    expect(rules({ ...plan, items: [{ ...item, rounds: 2, itemFrequencyPerYear: 1 }] })).toEqual(['item.frequency']);
    expect(rules({ ...plan, items: [{ ...item, itemPublished: false }] })).toEqual(['item.published']);
    expect(rules({ ...plan, schedule: [plan.schedule[0]!, { round: 2, from: '2026-05-01', to: '2026-06-30' }] })).toEqual(['schedule']);
    expect(planViolations({ ...plan, items: [{ ...item, ratio: '0.30' }] }, DEFAULT_RULES)[0]!.message).toContain('超出细则规定的 2%–10%');
  });
});
