import { gunzipSync, gzipSync } from 'node:zlib';
import { runDraw, type DrawInput, type DrawRecord } from '@spotcheck/shared';
import { packRecord, unpackCommitted, unpackRecord } from './draw-record-store';

const SERVER_SEED = 'a3'.repeat(32);

function input(): DrawInput {
  return {
    strata: [{ key: 'item:甲', ratio: '0.1', entities: Array.from({ length: 2_000 }, (_, i) => ({ key: `91410481${String(i).padStart(9, '0')}X`, weight: i % 4 ? '1' : '1.5' })) }],
    inspectors: Array.from({ length: 40 }, (_, i) => ({ key: `豫410481${String(i).padStart(3, '0')}`, group: '局' })),
    teamSize: 2,
    workloadCap: null,
    requiredGroups: [],
    exclusions: [],
  };
}

function committedOf(drawn: DrawRecord): DrawRecord {
  return { ...drawn, serverSeed: null, publicEntropy: [], seed: '', result: null, failure: null, meta: { task: '“双随机”抽查', summary: { inspectors: 40 } } };
}

describe('stored draw records', () => {
  const drawn = runDraw(input(), SERVER_SEED, ['见证 1', '福彩 418'], { meta: { task: '“双随机”抽查', drawId: 'RHJhdzox' } });
  const committed = committedOf(drawn);

  it('unpack to the record, as its JSON text', () => {
    const packed = packRecord(drawn);
    expect(gunzipSync(packed).toString('utf8')).toBe(JSON.stringify(drawn));
    expect(unpackRecord(packed)).toEqual(drawn);
  });

  it('keep the committed input as stored when the draw is packed', () => {
    const packedCommit = packRecord(committed);
    const { record, storedInput } = unpackCommitted(packedCommit);
    expect(record).toEqual(committed);
    expect(storedInput).not.toBeNull();
    expect(gunzipSync(storedInput!).toString('utf8')).toBe(JSON.stringify(committed.input));
    const packedDraw = packRecord({ ...drawn, input: record.input }, storedInput);
    expect(packedDraw.includes(storedInput!)).toBe(true);
    expect(gunzipSync(packedDraw).toString('utf8')).toBe(JSON.stringify(drawn));
  });

  it('pack the input anew when a record was stored otherwise', () => {
    const legacy = gzipSync(Buffer.from(JSON.stringify(committed)), { level: 6 });
    const { record, storedInput } = unpackCommitted(legacy);
    expect(record).toEqual(committed);
    expect(storedInput).toBeNull();
    expect(unpackRecord(packRecord({ ...drawn, input: record.input }, storedInput))).toEqual(drawn);
  });
});
