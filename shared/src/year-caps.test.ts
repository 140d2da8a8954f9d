import { DEFAULT_RULES } from './rules';
import { describeExclusions, itemRoundViolations, yearExclusion } from './year-caps';

describe('yearly caps', () => {
  const land = { itemId: 'land', itemName: '土地使用情况监督检查', frequencyPerYear: 1, plannedRounds: 1 };
  const mining = { itemId: 'mining', itemName: '矿业权人勘查开采信息公示抽查', frequencyPerYear: 2, plannedRounds: 1 };

  it('counts every live task of the year as one round of each of its items', () => {
    expect(itemRoundViolations(2026, [land], [])).toEqual([]);
    const once = [{ label: '第一轮', itemIds: ['land', 'mining'] }];
    expect(itemRoundViolations(2026, [land], once)).toEqual([
      { rule: 'cap.itemFrequency', message: '“土地使用情况监督检查”2026 年已安排 1 轮（第一轮），事项清单规定每年 1 次，不能再安排' },
    ]);
    // Twice a year by the list, once by the plan: the plan binds a planned task…
    expect(itemRoundViolations(2026, [mining], once).map((v) => v.rule)).toEqual(['cap.planRounds']);
    // …not a 专项检查, which only the list's 频次 binds.
    expect(itemRoundViolations(2026, [{ ...mining, plannedRounds: null }], once)).toEqual([]);
    expect(itemRoundViolations(2026, [{ ...mining, plannedRounds: null }], [...once, { label: '联合抽查', itemIds: ['mining'] }]).map((v) => v.rule)).toEqual(['cap.itemFrequency']);
  });

  it('leaves out entities by the year’s draws, per item or across items as the rules say', () => {
    const once = { draws: 1, itemIds: new Set(['land']) };
    expect(yearExclusion(undefined, 'land', DEFAULT_RULES)).toBeNull();
    expect(yearExclusion(once, 'mining', DEFAULT_RULES)).toBe('drawnThisYear');
    expect(yearExclusion(once, 'mining', { ...DEFAULT_RULES, excludeDrawnAcrossItems: false })).toBeNull();
    expect(yearExclusion(once, 'land', { ...DEFAULT_RULES, excludeDrawnAcrossItems: false })).toBe('drawnThisYear');
    expect(yearExclusion(once, 'land', { ...DEFAULT_RULES, excludeDrawnThisYear: false })).toBeNull();
    expect(yearExclusion({ draws: 2, itemIds: new Set(['land']) }, 'mining', { ...DEFAULT_RULES, excludeDrawnThisYear: false })).toBe('maxDrawsPerYear');
  });

  it('names every rule with its count', () => {
    expect(describeExclusions({ drawnThisYear: 12, creditExempt: 3 })).toBe('信用等级免于抽查 3 户；本年抽查次数已达上限 0 户；本年已被抽查 12 户');
  });
});
