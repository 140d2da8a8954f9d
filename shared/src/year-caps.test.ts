import { DEFAULT_RULES } from './rules';
import { DEFAULT_RISK, RISK_OFF } from './risk-rules';
import { describeExclusions, isExtraRiskRound, itemRoundViolations, yearExclusion } from './year-caps';

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
    expect(itemRoundViolations(2026, [{ ...mining, plannedRounds: null }], [...once, { label: '联合抽查', itemIds: ['mining'] }]).map((v) => v.rule)).toEqual([
      'cap.itemFrequency',
    ]);
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

  describe('extra rounds for risk classes (风险分类监管)', () => {
    const ordinary = { label: '第一轮', itemIds: ['land'] };
    const high = { label: '高风险加密', itemIds: ['land'], riskClasses: ['HIGH'] as const };
    const HIGH = { riskClasses: ['HIGH'] as const };

    it('holds one ordinary round and one high-risk round of a once-a-year item, never a third', () => {
      expect(itemRoundViolations(2026, [land], [ordinary], HIGH, DEFAULT_RISK)).toEqual([]);
      // Either order: the high-risk round first leaves the ordinary one.
      expect(itemRoundViolations(2026, [land], [high], {}, DEFAULT_RISK)).toEqual([]);
      expect(itemRoundViolations(2026, [land], [ordinary, high], HIGH, DEFAULT_RISK)).toEqual([
        {
          rule: 'cap.riskRounds',
          message: '“土地使用情况监督检查”2026 年对高风险对象已安排 2 轮（第一轮、高风险加密），事项清单规定每年 1 次、细则对高风险对象增加 1 轮，不能再安排',
        },
      ]);
      // A second ordinary round is the 频次 broken, for the classes without extra rounds.
      expect(itemRoundViolations(2026, [land], [ordinary, high], {}, DEFAULT_RISK)).toEqual([
        { rule: 'cap.itemFrequency', message: '“土地使用情况监督检查”2026 年已安排 1 轮（第一轮），事项清单规定每年 1 次，不能再安排' },
      ]);
      expect(itemRoundViolations(2026, [land], [ordinary], {}, DEFAULT_RISK).map((v) => v.rule)).toEqual(['cap.itemFrequency']);
    });

    it('gives no extra round to a class the rules give none, nor under rules without a risk section', () => {
      expect(itemRoundViolations(2026, [land], [ordinary], { riskClasses: ['MEDIUM'] }, DEFAULT_RISK).map((v) => v.rule)).toEqual(['cap.itemFrequency']);
      expect(itemRoundViolations(2026, [land], [ordinary], { riskClasses: ['HIGH', 'MEDIUM'] }, DEFAULT_RISK).map((v) => v.rule)).toEqual([
        'cap.itemFrequency',
      ]);
      expect(itemRoundViolations(2026, [land], [ordinary], HIGH, RISK_OFF).map((v) => v.rule)).toEqual(['cap.itemFrequency']);
      // A MEDIUM-only round is an ordinary round of MEDIUM: it leaves HIGH its two.
      expect(itemRoundViolations(2026, [land], [{ ...ordinary, riskClasses: ['MEDIUM'] }], HIGH, DEFAULT_RISK)).toEqual([]);
    });

    it('adds the extra rounds to the plan’s rounds of the item too', () => {
      const planned = { ...mining, frequencyPerYear: 3, plannedRounds: 1 };
      expect(itemRoundViolations(2026, [planned], [{ label: '第一轮', itemIds: ['mining'] }], HIGH, DEFAULT_RISK)).toEqual([]);
      expect(
        itemRoundViolations(
          2026,
          [planned],
          [
            { label: '第一轮', itemIds: ['mining'] },
            { label: '加密', itemIds: ['mining'], riskClasses: ['HIGH'] },
          ],
          HIGH,
          DEFAULT_RISK,
        ),
      ).toEqual([
        {
          rule: 'cap.riskRounds',
          message:
            '“矿业权人勘查开采信息公示抽查”2026 年对高风险对象已安排 2 轮（第一轮、加密），年度计划为该事项安排 1 轮、细则对高风险对象增加 1 轮，不能再安排',
        },
      ]);
    });

    it('lets an extra round draw an entity drawn this year, up to the draws-per-year ceiling', () => {
      expect(isExtraRiskRound(['HIGH'], DEFAULT_RISK)).toBe(true);
      expect(isExtraRiskRound(undefined, DEFAULT_RISK)).toBe(false);
      expect(isExtraRiskRound(['HIGH', 'LOW'], DEFAULT_RISK)).toBe(false);
      expect(isExtraRiskRound(['HIGH'], RISK_OFF)).toBe(false);
      const once = { draws: 1, itemIds: new Set(['land']) };
      expect(yearExclusion(once, 'land', DEFAULT_RULES, true)).toBeNull();
      expect(yearExclusion({ draws: 2, itemIds: new Set(['land']) }, 'land', DEFAULT_RULES, true)).toBe('maxDrawsPerYear');
    });
  });

  it('names every rule with its count', () => {
    expect(describeExclusions({ drawnThisYear: 12, creditExempt: 3 })).toBe('信用等级免于抽查 3 户；本年抽查次数已达上限 0 户；本年已被抽查 12 户');
  });
});
