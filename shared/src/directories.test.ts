import { ENTITY_STATUS, parseRatio } from './directories';

describe('directory vocabulary', () => {
  it('reads ratios exactly as the documents write them', () => {
    expect(parseRatio('不低于10%')).toBe('0.10');
    expect(parseRatio('不低于 10%')).toBe('0.10');
    expect(parseRatio('不不低于 30%')).toBe('0.30');
    expect(parseRatio('2.5%')).toBe('0.025');
    expect(parseRatio('0.1')).toBe('0.10');
    expect(parseRatio('约一成')).toBeNull();
    expect(parseRatio('150%')).toBeNull();
  });

  it('accepts codes and Chinese labels alike', () => {
    expect(ENTITY_STATUS.parse('存续')).toBe('EXISTING');
    expect(ENTITY_STATUS.parse('REVOKED')).toBe('REVOKED');
    expect(ENTITY_STATUS.parse('不存在的状态')).toBeNull();
  });
});
