import { checkHandling, checkOwnOutcome, handlingLabel, sameHandling } from './handling';

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

describe('a bureau’s own outcomes', () => {
  it('takes a new code, a label and the standard outcome it behaves as', () => {
    expect(checkOwnOutcome({ code: 'INTERVIEW', label: '约谈', behavesAs: 'NO_PROBLEM' })).toEqual([]);
    expect(checkOwnOutcome({ code: 'RECTIFY', label: '约谈', behavesAs: 'NO_PROBLEM' }).map((p) => p.field)).toEqual(['code']);
    expect(checkOwnOutcome({ code: 'interview', label: '责令整改', behavesAs: 'NOPE' }).map((p) => p.field)).toEqual(['code', 'label', 'behavesAs']);
  });

  it('is named by its own label, and a handling stored before it existed says the same as one with none', () => {
    const standard = checkHandling({ outcome: 'NO_PROBLEM', basis: '无问题' }).handling!;
    expect(handlingLabel(standard)).toBe('未发现问题');
    const own = { ...standard, ownOutcome: 'INTERVIEW', ownOutcomeLabel: '约谈' };
    expect(handlingLabel(own)).toBe('约谈');
    expect(sameHandling(standard, { ...standard, ownOutcome: null, ownOutcomeLabel: null })).toBe(true);
    expect(sameHandling(standard, own)).toBe(false);
  });
});
