import { completeUscc } from '@spotcheck/shared';
import { KeyIndex } from './key-index';

describe('the key index', () => {
  it('remembers the first row of every key, packed USCCs and other keys alike, across growth', () => {
    const index = new KeyIndex();
    const uscc = (n: number) => completeUscc(`91430700${String(n).padStart(9, '0')}`);
    const added = Array.from({ length: 50_000 }, (_, i) => index.firstRow(uscc(i + 1), i + 2));
    expect(added.every((first) => first === 0)).toBe(true);
    const again = Array.from({ length: 50 }, (_, i) => index.firstRow(uscc(i * 1000 + 1), 999_999));
    expect(again).toEqual(Array.from({ length: 50 }, (_, i) => i * 1000 + 2));
    expect(index.has(uscc(50_001))).toBe(false);
    expect(index.firstRow('湘4307021234', 7)).toBe(0);
    expect(index.firstRow('湘4307021234', 8)).toBe(7);
    expect(index.firstRow('91430700SHORT', 9)).toBe(0);
    expect(index.has('91430700SHORT')).toBe(true);
  });
});
