import { gunzipSync, gzipSync } from 'node:zlib';
import { runDraw, type DrawInput, type DrawRecord } from '@spotcheck/shared';
import { packRecord, unpackCommitted, unpackRecord } from './draw-record-store';

const SERVER_SEED = 'a3'.repeat(32);

function input(): DrawInput {
  return {
    strata: [
      {
        key: 'item:甲',
        ratio: '0.1',
        entities: Array.from({ length: 2_000 }, (_, i) => ({ key: `91410481${String(i).padStart(9, '0')}X`, weight: i % 4 ? '1' : '1.5' })),
      },
    ],
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

  it('unpack to the record, as its JSON text', async () => {
    const packed = await packRecord(drawn);
    expect(gunzipSync(packed).toString('utf8')).toBe(JSON.stringify(drawn));
    expect(unpackRecord(packed)).toEqual(drawn);
  });

  it('hold a large input in slices that join into its JSON text', async () => {
    const entities = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ key: `${p}"\\${i}`, weight: '1.5' }));
    const large: DrawRecord = {
      ...committed,
      input: {
        ...committed.input,
        strata: [
          { key: 'a', ratio: '0', minCount: 0, entities: [] },
          { key: 'b', ratio: '0.1', minCount: 0, entities: entities(95_001, '甲') },
          { key: 'c', ratio: '1', minCount: 2, entities: entities(3, '乙') },
        ],
      },
    };
    const packed = await packRecord(large);
    expect(gunzipSync(packed).toString('utf8')).toBe(JSON.stringify(large));
    const { storedInput } = unpackCommitted(packed);
    expect(gunzipSync(storedInput!).toString('utf8')).toBe(JSON.stringify(large.input));
  });

  it('keep the committed input as stored when the draw is packed', async () => {
    const packedCommit = await packRecord(committed);
    const { record, storedInput } = unpackCommitted(packedCommit);
    expect(record).toEqual(committed);
    expect(storedInput).not.toBeNull();
    expect(gunzipSync(storedInput!).toString('utf8')).toBe(JSON.stringify(committed.input));
    const packedDraw = await packRecord({ ...drawn, input: record.input }, storedInput);
    expect(packedDraw.includes(storedInput!)).toBe(true);
    expect(gunzipSync(packedDraw).toString('utf8')).toBe(JSON.stringify(drawn));
  });

  it('pack the input anew when a record was stored otherwise', async () => {
    const legacy = gzipSync(Buffer.from(JSON.stringify(committed)), { level: 6 });
    const { record, storedInput } = unpackCommitted(legacy);
    expect(record).toEqual(committed);
    expect(storedInput).toBeNull();
    expect(unpackRecord(await packRecord({ ...drawn, input: record.input }, storedInput))).toEqual(drawn);
  });
});
