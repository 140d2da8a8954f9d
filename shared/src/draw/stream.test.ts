import { createCipheriv } from 'node:crypto';
import { fromHex, toHex } from './bytes';
import { PURPOSE_SELECTION, PURPOSE_TEAMS, TWO_POW_53 } from './constants';
import { runDraw } from './draw';
import type { DrawInput } from './record';
import { DrawStream, StreamExhaustedError, streamNonce } from './stream';

const seed = fromHex('6b1f6ab1a3e1e1c1c7f5a0e09d0f7c3e5f1e6d5c4b3a29180706f5e4d3c2b1a0');

function nodeWords(purpose: number, index: number, count: number): number[] {
  const iv = Buffer.concat([Buffer.alloc(4), Buffer.from(streamNonce(purpose, index))]);
  const bytes = createCipheriv('chacha20', seed, iv).update(Buffer.alloc(8 * count));
  const words: number[] = [];
  for (let i = 0; i < count; i += 1) words.push(Number(bytes.readBigUInt64LE(8 * i) & ((1n << 53n) - 1n)));
  return words;
}

describe('draw streams', () => {
  it('lays out the nonce as 4-byte big-endian purpose ‖ 8-byte big-endian index', () => {
    expect(toHex(streamNonce(PURPOSE_SELECTION, 0))).toBe('000000010000000000000000');
    expect(toHex(streamNonce(PURPOSE_SELECTION, 258))).toBe('000000010000000000000102');
    expect(toHex(streamNonce(PURPOSE_TEAMS, 0))).toBe('000000020000000000000000');
    expect(toHex(streamNonce(1, 2 ** 40 + 5))).toBe('000000010000010000000005');
  });

  it('reads 8-byte little-endian words and keeps their low 53 bits (checked against Node chacha20)', () => {
    for (const [purpose, index] of [
      [1, 0],
      [1, 7],
      [2, 0],
    ] as const) {
      const stream = new DrawStream(seed, purpose, index);
      const ours = Array.from({ length: 40 }, () => stream.next53());
      expect(ours).toEqual(nodeWords(purpose, index, 40));
      expect(stream.consumed).toBe(40);
    }
  });

  it('draws integers in [0, n) by rejection above 2^53 − (2^53 mod n)', () => {
    // n = 3·2^51: 2^53 mod n = 2^51, limit = n, so a word is kept iff it is below n, and returned as is.
    const n = 3 * 2 ** 51;
    const twin = new DrawStream(seed, 1, 99);
    const stream = new DrawStream(seed, 1, 99);
    for (let i = 0; i < 200; i += 1) {
      const value = stream.uniformInt(n);
      let x = twin.next53();
      while (x >= n) x = twin.next53();
      expect(value).toBe(x);
    }
    expect(stream.consumed).toBe(twin.consumed);
    expect(stream.consumed).toBeGreaterThan(200); // a quarter of the words are rejected
  });

  it('accepts every word when n divides 2^53, and always reads at least one word', () => {
    const a = new DrawStream(seed, 1, 5);
    const b = new DrawStream(seed, 1, 5);
    for (let i = 0; i < 50; i += 1) expect(a.uniformInt(TWO_POW_53)).toBe(b.next53());
    for (let i = 0; i < 50; i += 1) expect(a.uniformInt(1024)).toBe(b.next53() % 1024);
    expect(a.uniformInt(1)).toBe(0);
    expect(a.consumed).toBe(101);
  });

  it('refuses bounds outside 1..2^53', () => {
    const s = new DrawStream(seed, 1, 0);
    for (const bad of [0, -1, 1.5, TWO_POW_53 + 2, Number.NaN, Infinity]) expect(() => s.uniformInt(bad)).toThrow(RangeError);
  });

  it('gives independent streams per purpose and index', () => {
    const first = (p: number, i: number) => new DrawStream(seed, p, i).next53();
    const values = new Set([first(1, 0), first(1, 1), first(2, 0), first(2, 1)]);
    expect(values.size).toBe(4);
  });

  it('has no block 2^32: reading past block 2^32 − 1 throws StreamExhaustedError (spec §6)', () => {
    const s = new DrawStream(seed, 1, 0);
    (s as unknown as { counter: number }).counter = 0xffffffff; // jump to the last block (2^35 words in)
    for (let i = 0; i < 8; i += 1) s.next53();
    expect(() => s.next53()).toThrow(StreamExhaustedError);
  });
});

describe('a stream that runs out (spec §6, STREAM_EXHAUSTED)', () => {
  const input: DrawInput = {
    strata: [
      {
        key: 'item:1',
        ratio: '1',
        entities: [
          { key: 'A', weight: '1' },
          { key: 'B', weight: '1' },
        ],
      },
    ],
    inspectors: [
      { key: 'I1', group: 'g' },
      { key: 'I2', group: 'g' },
    ],
    teamSize: 2,
    workloadCap: null,
    requiredGroups: [],
    exclusions: [],
  };
  // 2^35 words cannot be read in a test: the stream's own counter is moved to its last block instead.
  const exhaustAfter = (purpose: number) => {
    const original = DrawStream.prototype.next53;
    return jest.spyOn(DrawStream.prototype, 'next53').mockImplementation(function (this: DrawStream) {
      const self = this as unknown as { counter: number; next: number; state: Int32Array };
      // Nonce word 13 is the purpose's 4 big-endian bytes read little-endian. After the first word of
      // block 0, the stream is moved past its last block.
      if (self.state[13]! >>> 24 === purpose && self.counter === 1) {
        self.counter = 0x100000000;
        self.next = 8;
      }
      return original.call(this);
    });
  };

  it('fails the selection with {stratumKey}, phase selection, and the team step with phase teams', () => {
    for (const [purpose, details] of [
      [1, { constraint: 'STREAM_EXHAUSTED', phase: 'selection', stratumKey: 'item:1' }],
      [2, { constraint: 'STREAM_EXHAUSTED', phase: 'teams' }],
    ] as const) {
      const spy = exhaustAfter(purpose);
      try {
        const record = runDraw(input, '0e'.repeat(32), ['x'], { onInfeasible: 'record' });
        expect(record.failure).toEqual(details);
        expect(record.result).toBeNull();
      } finally {
        spy.mockRestore();
      }
    }
  });
});
