import { itemDueInRound } from './plan-rules';

const dueRounds = (itemRounds: number, planRounds: number) =>
  Array.from({ length: planRounds }, (_, i) => i + 1).filter((r) => itemDueInRound(r, itemRounds, planRounds));

describe('itemDueInRound: which rounds of the plan an item is due in', () => {
  it.each([
    [1, 4, [1]],
    [2, 4, [1, 3]],
    [3, 4, [1, 2, 3]],
    [4, 4, [1, 2, 3, 4]],
    [1, 2, [1]],
    [2, 2, [1, 2]],
    [1, 1, [1]],
    [2, 3, [1, 2]],
  ])('%i of %i rounds → due in %j', (itemRounds, planRounds, expected) => {
    expect(dueRounds(itemRounds, planRounds)).toEqual(expected);
  });

  it('is due exactly as many times as planned, for every plan up to 12 rounds', () => {
    for (let plan = 1; plan <= 12; plan++) for (let item = 1; item <= plan; item++) expect(dueRounds(item, plan)).toHaveLength(item);
  });

  it('is never due outside the plan’s rounds', () => {
    expect(itemDueInRound(0, 1, 4)).toBe(false);
    expect(itemDueInRound(5, 4, 4)).toBe(false);
    expect(itemDueInRound(1, 0, 4)).toBe(false);
  });
});
