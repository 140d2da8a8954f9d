import { sameButSplit } from './split-body';

describe('an answer whose Chinese characters were split between two chunks', () => {
  const reference = JSON.stringify({ name: '舞钢市某某有限公司', uscc: '91410481MA00000000' });
  /** What autocannon reads when the bytes arrive in two chunks cut at `cut`. */
  const readInTwo = (cut: number) => {
    const bytes = Buffer.from(reference);
    return bytes.subarray(0, cut).toString() + bytes.subarray(cut).toString();
  };

  it('is the reference wherever the cut falls', () => {
    const bytes = Buffer.byteLength(reference);
    const split = Array.from({ length: bytes - 1 }, (_, i) => readInTwo(i + 1)).filter((text) => text !== reference);
    expect(split.length).toBeGreaterThan(0);
    expect(split.every((text) => sameButSplit(text, reference))).toBe(true);
  });

  it('is not the reference when anything else differs', () => {
    const cutInName = Buffer.from('{"name":"舞').length - 1;
    const split = readInTwo(cutInName);
    expect(sameButSplit(split, reference)).toBe(true);
    expect(sameButSplit(split.replace('钢', '铁'), reference)).toBe(false);
    expect(sameButSplit(split.replace(/\uFFFD+/, ''), reference)).toBe(false);
    expect(sameButSplit(split.replace(/\uFFFD+/, '\uFFFDx'), reference)).toBe(false);
    expect(sameButSplit(`${split}x`, reference)).toBe(false);
    expect(sameButSplit(reference.replace('舞', '\uFFFD\uFFFD'), reference)).toBe(true);
    expect(sameButSplit(reference.replace('舞钢', '\uFFFD'), reference)).toBe(false);
    expect(sameButSplit(reference, reference)).toBe(false); // equal needs no excuse
  });
});
