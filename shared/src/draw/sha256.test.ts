import { createHash, randomBytes } from 'node:crypto';
import { toHex, utf8 } from './bytes';
import { Sha256, sha256 } from './sha256';

const node = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

describe('SHA-256 in plain TypeScript', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(toHex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(toHex(new Sha256().updateText('a'.repeat(1_000_000)).digest())).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with Node crypto on every length around the block boundaries and on random data', () => {
    for (let n = 0; n <= 300; n += 1) {
      const data = randomBytes(n);
      expect(toHex(sha256(new Uint8Array(data)))).toBe(node(data));
    }
    const big = randomBytes(100_003);
    expect(toHex(sha256(new Uint8Array(big)))).toBe(node(big));
  });

  it('hashes incrementally, in any split, bytes and text alike', () => {
    const data = new Uint8Array(randomBytes(1000));
    for (const cut of [0, 1, 55, 56, 63, 64, 65, 127, 500, 999, 1000]) {
      const h = new Sha256().update(data.subarray(0, cut)).update(data.subarray(cut));
      expect(toHex(h.digest())).toBe(node(data));
    }
    const text = 'entity\titem:1\t91350100M000100Y43\t1.5\n抽查事项「自然资源」😀 Ünïcödé\n';
    for (let cut = 0; cut <= text.length; cut += 1) {
      // Cutting inside a surrogate pair is not allowed; skip those positions.
      const c = text.charCodeAt(cut - 1);
      if (cut > 0 && c >= 0xd800 && c <= 0xdbff) continue;
      const h = new Sha256().updateText(text.slice(0, cut)).updateText(text.slice(cut));
      expect(toHex(h.digest())).toBe(node(Buffer.from(text, 'utf8')));
    }
  });

  it('encodes UTF-8 like Node and refuses lone surrogates', () => {
    const samples = ['', 'abc', 'é', '中文', '𠀀𝄞😀', '\u07ff\u0800\uffff', 'a\u{10ffff}b'];
    for (const s of samples) {
      expect(toHex(utf8(s))).toBe(Buffer.from(s, 'utf8').toString('hex'));
      expect(toHex(new Sha256().updateText(s).digest())).toBe(node(Buffer.from(s, 'utf8')));
    }
    expect(() => utf8('a\ud800b')).toThrow(RangeError);
    expect(() => new Sha256().updateText('\udc00')).toThrow(RangeError);
  });

  it('cannot be used after digest()', () => {
    const h = new Sha256();
    h.digest();
    expect(() => h.update(new Uint8Array(1))).toThrow();
  });
});
