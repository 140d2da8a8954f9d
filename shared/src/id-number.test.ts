import { checkIdNumber, completeIdNumber, maskIdNumber } from './id-number';

describe('公民身份号码 (GB 11643-1999)', () => {
  it('accepts a number whose check character matches, in any width or case', () => {
    // The standard's own example: 11010519491231002X.
    expect(checkIdNumber('11010519491231002X').problem).toBeNull();
    expect(checkIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toEqual({ normalized: '11010519491231002X', problem: null });
    expect(checkIdNumber(completeIdNumber('41048119800101123')).problem).toBeNull();
  });

  it('refuses a wrong check character, a bad date or a bad shape', () => {
    expect(checkIdNumber('110105194912310021').problem?.code).toBe('ID_CHECKSUM');
    expect(checkIdNumber('110105194913310021').problem?.code).toBe('ID_DATE');
    expect(checkIdNumber('11010519491231002').problem?.code).toBe('ID_FORMAT');
    expect(checkIdNumber('').problem?.code).toBe('ID_EMPTY');
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('410481198001011234')).toBe('4104**********1234');
  });
});
