import { Sha256, bytesToHex } from '../../shared/src/draw';
import { nativeSha256 } from './native-sha256';

const hexOf = (hash: { updateText(t: string): void; digest(): Uint8Array }, pieces: string[]) => {
  for (const p of pieces) hash.updateText(p);
  return bytesToHex(hash.digest());
};

describe('the verifier’s native SHA-256', () => {
  it('gives the digest of the draw core’s plain one, over small and batched texts alike', () => {
    const alphabet = ['a', '\t', '\n', 'é', '舞钢', '𠀋', '豫410481'];
    for (const count of [0, 1, 7, 1_000, 40_000]) {
      const pieces = Array.from({ length: count }, (_, i) => alphabet[(i * 7919) % alphabet.length]!.repeat(1 + (i % 5)));
      expect(hexOf(nativeSha256(), pieces)).toBe(hexOf(new Sha256(), pieces));
    }
  });

  it('refuses a lone surrogate, as the plain one does', () => {
    expect(() => hexOf(nativeSha256(), ['a\ud800'])).toThrow();
    expect(() => hexOf(new Sha256(), ['a\ud800'])).toThrow();
  });
});
