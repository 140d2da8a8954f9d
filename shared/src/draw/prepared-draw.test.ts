import { createHash } from 'node:crypto';
import { prepareInput } from './input';
import { runDraw, runPreparedDraw, freezeDrawInput } from './draw';
import type { DrawInput } from './record';
import type { TextSha256Factory } from './sha256';
import { verifyDraw } from './verify';

const SERVER_SEED = 'a3'.repeat(32);
const ENTROPY = ['见证 7391', '福彩3D 2030150期 418'];

/** Node's SHA-256, one native call per piece: a host's own implementation. */
const hostSha256: TextSha256Factory = () => {
  const hash = createHash('sha256');
  return { updateText: (text: string) => hash.update(text, 'utf8'), digest: () => new Uint8Array(hash.digest()) };
};

function input(strata = 1): DrawInput {
  return {
    strata: Array.from({ length: strata }, (_, s) => ({
      key: `item:${s}`,
      ratio: '0.3',
      entities: Array.from({ length: 300 }, (_, i) => ({ key: `E${String((i * 7 + s * 50) % 400).padStart(3, '0')}`, weight: i % 3 ? '1' : '2.5' })),
    })),
    inspectors: Array.from({ length: 30 }, (_, i) => ({ key: `I${String(i).padStart(2, '0')}`, group: i % 2 ? '甲' : '乙' })),
    teamSize: 2,
    workloadCap: null,
    requiredGroups: [{ stratumKey: 'item:0', groups: ['甲'] }],
    exclusions: [],
  };
}

describe('a draw with a host SHA-256 or a prepared input', () => {
  it('gives the very record of runDraw', () => {
    const expected = runDraw(input(), SERVER_SEED, ENTROPY);
    expect(runDraw(input(), SERVER_SEED, ENTROPY, { sha256: hostSha256 })).toEqual(expected);
    expect(freezeDrawInput(input(), { sha256: hostSha256 })).toEqual(freezeDrawInput(input()));
    const frozen = freezeDrawInput(input()).input;
    expect(runPreparedDraw(prepareInput(frozen), frozen, SERVER_SEED, ENTROPY, { sha256: hostSha256 })).toEqual(expected);
    expect(runPreparedDraw(prepareInput(frozen), frozen, SERVER_SEED, ENTROPY, { inputHash: expected.inputHash })).toEqual(expected);
    expect(verifyDraw(expected, { sha256: hostSha256 })).toEqual({ ok: true, revealed: true });
  });
});
