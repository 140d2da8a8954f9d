import { parseRatioInput } from './ratio-input';

describe('parseRatioInput: a ratio typed as a fraction or a percentage, stored as the fraction', () => {
  it.each([
    ['5%', '0.05'],
    [' 5 % ', '0.05'],
    ['5％', '0.05'],
    ['12.5%', '0.125'],
    ['0.25%', '0.0025'],
    ['100%', '1.00'],
    ['0%', '0.00'],
    ['0.05', '0.05'],
    ['.05', '0.05'],
    ['0.1000', '0.1000'],
    ['1', '1.00'],
  ])('%s → %s', (typed, stored) => expect(parseRatioInput(typed)).toBe(stored));

  it.each(['', '%', '5', '101%', '1.5', '0.12345', '5.123%', '-5%', 'abc', '5%%', '0,05', '不低于10%', '约 5%'])('refuses %j', (typed) => {
    expect(parseRatioInput(typed)).toBeNull();
  });
});
