import { checkUscc, completeUscc, normalizeUscc } from './uscc';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published valid codes', () => {
    for (const code of ['91350100M000100Y43', '91110000600037341L']) {
      expect({ code, problem: checkUscc(code).problem }).toEqual({ code, problem: null });
    }
  });

  it('normalises case, full-width characters and spaces', () => {
    expect(normalizeUscc(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
    expect(checkUscc('91350100m000100y43').problem).toBeNull();
  });

  it('tells a checksum mismatch (a warning) from structural errors', () => {
    expect(checkUscc('91350100M000100Y44').problem?.code).toBe('USCC_CHECKSUM');
    expect(checkUscc('91350100M000100Y44').problem?.message).toContain('应为“3”');
    expect(checkUscc('9135010').problem?.code).toBe('USCC_LENGTH');
    expect(checkUscc('91350100M0001O0Y43').problem?.code).toBe('USCC_CHARSET');
    expect(checkUscc('').problem?.code).toBe('USCC_EMPTY');
  });

  it('completes a prefix into a valid code', () => {
    const code = completeUscc('91410481MA3X00001');
    expect(code).toHaveLength(18);
    expect(checkUscc(code).problem).toBeNull();
  });
});
