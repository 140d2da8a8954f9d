import { normalizeAccessCode } from './access-code';

describe('normalizeAccessCode', () => {
  it('accepts any case, spaces and dashes', () => {
    expect(normalizeAccessCode('k7pm 3qxd-9t2w')).toBe('K7PM-3QXD-9T2W');
    expect(normalizeAccessCode('K7PM3QXD9T2W')).toBe('K7PM-3QXD-9T2W');
  });

  it('refuses a wrong length and the look-alikes left out of the alphabet', () => {
    expect(normalizeAccessCode('K7PM-3QXD-9T2')).toBeNull();
    expect(normalizeAccessCode('K7PM-3QXD-9T2W-A')).toBeNull();
    expect(normalizeAccessCode('K7PM-3QXD-9T2O')).toBeNull();
    expect(normalizeAccessCode('K7PM-3QXD-9T21')).toBeNull();
    expect(normalizeAccessCode('')).toBeNull();
  });
});
