import { publicNumberProblem, isPublicNumberLength } from './public-number';

describe('the announced public number', () => {
  it('is the declared number of ASCII digits, nothing else', () => {
    expect(publicNumberProblem('418', 3)).toBeNull();
    expect(publicNumberProblem('0418', 4)).toBeNull();
    for (const bad of ['x', '41', '4181', '4 1 8', '４１８', '41x', '-18', '福彩3D 418', '']) {
      expect({ bad, problem: publicNumberProblem(bad, 3) }).toEqual({ bad, problem: expect.stringContaining('公开号码') });
    }
  });

  it('declares 1 to 32 digits', () => {
    expect([0, 1, 3, 32, 33, 2.5].map(isPublicNumberLength)).toEqual([false, true, true, true, false, false]);
  });
});
