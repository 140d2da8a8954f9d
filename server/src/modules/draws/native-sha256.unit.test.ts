import { randomBytes } from 'node:crypto';
import { bytesToHex, inputHashOf, Sha256, type DrawInput } from '@spotcheck/shared';
import { nativeSha256 } from './native-sha256';

const plainHex = (pieces: string[]) => {
  const hash = new Sha256();
  for (const p of pieces) hash.updateText(p);
  return bytesToHex(hash.digest());
};
const nativeHex = (pieces: string[]) => {
  const hash = nativeSha256();
  for (const p of pieces) hash.updateText(p);
  return bytesToHex(hash.digest());
};

describe('the native SHA-256 the server gives the draw core', () => {
  it('gives the digest of the plain one, over small and batched texts alike', () => {
    const alphabet = ['a', '\t', '\n', 'é', '舞钢', '𠀋', '豫410481', '91410481MA'];
    for (const count of [0, 1, 7, 1_000, 30_000]) {
      const pieces = Array.from({ length: count }, (_, i) => alphabet[randomBytes(1)[0]! % alphabet.length]!.repeat(1 + (i % 5)));
      expect(nativeHex(pieces)).toBe(plainHex(pieces));
    }
    const long = ['x'.repeat(200_000), '检'.repeat(70_000), ''];
    expect(nativeHex(long)).toBe(plainHex(long));
  });

  it('refuses a lone surrogate, as the plain one does', () => {
    expect(() => plainHex(['a\ud800'])).toThrow(RangeError);
    expect(() => nativeHex(['a\ud800'])).toThrow(RangeError);
  });

  it('gives the inputHash of the draw specification', () => {
    const input: DrawInput = {
      strata: [
        {
          key: 'item:甲',
          ratio: '0.5',
          entities: Array.from({ length: 20_000 }, (_, i) => ({ key: `91410481${String(i).padStart(9, '0')}X`, weight: i % 3 ? '1' : '2.5' })),
        },
      ],
      inspectors: [
        { key: '豫410481001', group: '局' },
        { key: '豫410481002', group: '局' },
      ],
      teamSize: 2,
      workloadCap: null,
      requiredGroups: [],
      exclusions: [],
    };
    expect(inputHashOf(input, nativeSha256)).toBe(inputHashOf(input));
  });
});
