import { createCipheriv, randomBytes } from 'node:crypto';
import { fromHex, toHex, utf8 } from './bytes';
import { chacha20Xor, chachaBlockBytes } from './chacha20';

const rfcKey = Uint8Array.from({ length: 32 }, (_, i) => i);

/** Node's 'chacha20' takes a 16-byte IV: 4-byte little-endian block counter ‖ 12-byte nonce. */
function nodeKeystream(key: Uint8Array, nonce: Uint8Array, counter: number, length: number): Uint8Array {
  const iv = Buffer.alloc(16);
  iv.writeUInt32LE(counter, 0);
  Buffer.from(nonce).copy(iv, 4);
  const cipher = createCipheriv('chacha20', key, iv);
  return new Uint8Array(Buffer.concat([cipher.update(Buffer.alloc(length)), cipher.final()]));
}

describe('ChaCha20 (RFC 8439)', () => {
  it('reproduces the block function test vector of section 2.3.2', () => {
    const nonce = fromHex('000000090000004a00000000');
    expect(toHex(chachaBlockBytes(rfcKey, nonce, 1))).toBe(
      '10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e' + 'd2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e',
    );
  });

  it('reproduces the encryption test vector of section 2.4.2', () => {
    const nonce = fromHex('000000000000004a00000000');
    const plaintext = utf8("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
    expect(toHex(chacha20Xor(rfcKey, nonce, 1, plaintext))).toBe(
      '6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b' +
        'f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8' +
        '07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736' +
        '5af90bbf74a35be6b40b8eedf2785e42874d',
    );
  });

  it("matches Node's built-in chacha20 for random keys, nonces and counters", () => {
    for (let trial = 0; trial < 50; trial += 1) {
      const key = new Uint8Array(randomBytes(32));
      const nonce = new Uint8Array(randomBytes(12));
      const counter = trial === 0 ? 0xffffffff - 3 : randomBytes(4).readUInt32LE(0) >>> (trial % 8);
      const blocks = 1 + (trial % 4);
      const expected = nodeKeystream(key, nonce, counter, 64 * Math.min(blocks, 0xffffffff - counter + 1));
      const ours = chacha20Xor(key, nonce, counter, new Uint8Array(expected.length));
      expect(toHex(ours)).toBe(toHex(expected));
    }
  });

  it('refuses to run the 32-bit block counter past 2^32 − 1', () => {
    expect(() => chacha20Xor(rfcKey, new Uint8Array(12), 0xffffffff, new Uint8Array(65))).toThrow(RangeError);
  });
});
