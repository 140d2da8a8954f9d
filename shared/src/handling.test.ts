import { checkHandling, sameHandling } from './handling';

describe('checkHandling', () => {
  const fields = (input: Parameters<typeof checkHandling>[0]) => checkHandling(input).problems.map((p) => p.field);

  it('asks each outcome for what it needs, in Chinese', () => {
    expect(fields({})).toEqual(['outcome', 'basis']);
    expect(fields({ outcome: 'RECTIFY', basis: '限期改正' })).toEqual(['deadlineWorkdays']);
    expect(fields({ outcome: 'RECTIFY', basis: '限期改正', deadlineWorkdays: 1.5 })).toEqual(['deadlineWorkdays']);
    expect(fields({ outcome: 'RECTIFY', basis: '限期改正', deadlineWorkdays: 181 })).toEqual(['deadlineWorkdays']);
    expect(fields({ outcome: 'TRANSFER', basis: '移交' })).toEqual(['target']);
    expect(fields({ outcome: 'CASE', basis: '立案', targetDepartmentId: 'RGVw', targetExternalName: '执法局' })).toEqual(['target']);
    expect(fields({ outcome: 'CREDIT', basis: '失信', creditList: 'BLACKLIST', creditValidUntil: '2027/1/1' })).toEqual(['creditValidUntil']);
    expect(checkHandling({ outcome: 'RECTIFY', basis: ' ' }).problems[0]!.message).toMatch(/处理依据/);
  });

  it('keeps only the fields of the chosen outcome', () => {
    const { handling } = checkHandling({ outcome: 'NO_PROBLEM', basis: ' 无问题 ', deadlineWorkdays: 5, targetExternalName: '某局', creditList: 'WATCH' });
    expect(handling).toEqual({
      outcome: 'NO_PROBLEM',
      basis: '无问题',
      deadlineWorkdays: null,
      targetDepartmentId: null,
      targetExternalName: null,
      creditList: null,
      creditValidUntil: null,
    });
    expect(sameHandling(handling, checkHandling({ outcome: 'NO_PROBLEM', basis: '无问题' }).handling)).toBe(true);
    expect(sameHandling(handling, checkHandling({ outcome: 'RECTIFY', basis: '无问题', deadlineWorkdays: 5 }).handling)).toBe(false);
  });
});
