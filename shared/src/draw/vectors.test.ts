import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalInputText, runDraw, verifyDraw, verifyDrawText, type DrawRecord } from './index';

interface Vector {
  name: string;
  description: string;
  canonicalInputText: string;
  record: DrawRecord;
}

const dir = join(__dirname, 'vectors');
const vectors: Vector[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Vector);
const byName = (name: string) => structuredClone(vectors.find((v) => v.name === name)!.record);

describe('test vectors', () => {
  it('are all there', () => {
    expect(vectors.map((v) => v.name)).toEqual([
      'conflict-tags',
      'infeasible-group',
      'infeasible-tags',
      'infeasible-workload-cap',
      'joint-two-groups',
      'two-strata-overlap',
      'uniform',
      'weighted',
    ]);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s: runDraw reproduces the record and verifyDraw accepts it', (_n, v) => {
    const { record } = v;
    expect(canonicalInputText(record.input)).toBe(v.canonicalInputText);
    const again = runDraw(record.input, record.serverSeed!, record.publicEntropy, {
      onInfeasible: 'record',
      ...(record.meta ? { meta: record.meta } : {}),
    });
    expect(again).toEqual(record);
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
  });
});

describe('verifyDraw on a tampered record', () => {
  type Tamper = [string, string, (r: DrawRecord) => void, string];
  const first = (r: DrawRecord) => r.result!.selections[0]!;
  const tampers: Tamper[] = [
    ['a weight', 'weighted', (r) => (r.input.strata[0]!.entities[4]!.weight = '3.5'), 'INPUT_HASH_MISMATCH'],
    ['an entity key', 'uniform', (r) => (r.input.strata[0]!.entities[2]!.key = '91430702MA0000003X'), 'INPUT_HASH_MISMATCH'],
    ['a ratio', 'uniform', (r) => (r.input.strata[0]!.ratio = '0.3'), 'INPUT_HASH_MISMATCH'],
    ['an inspector group', 'joint-two-groups', (r) => (r.input.inspectors[0]!.group = 'x'), 'INPUT_HASH_MISMATCH'],
    ['an exclusion removed', 'two-strata-overlap', (r) => r.input.exclusions.pop(), 'INPUT_HASH_MISMATCH'],
    ['the team size', 'uniform', (r) => (r.input.teamSize = 3), 'INPUT_HASH_MISMATCH'],
    ['an entropy string', 'uniform', (r) => (r.publicEntropy[1] = 'lottery:福彩3D:2024123:518'), 'SEED_MISMATCH'],
    ['the entropy order', 'two-strata-overlap', (r) => r.publicEntropy.reverse(), 'SEED_MISMATCH'],
    ['an added entropy string', 'uniform', (r) => r.publicEntropy.push('late'), 'SEED_MISMATCH'],
    ['the server seed', 'uniform', (r) => (r.serverSeed = '00' + r.serverSeed!.slice(2)), 'COMMITMENT_MISMATCH'],
    ['the commitment', 'uniform', (r) => (r.commitment = '00' + r.commitment.slice(2)), 'COMMITMENT_MISMATCH'],
    ['the seed', 'weighted', (r) => (r.seed = '00' + r.seed.slice(2)), 'SEED_MISMATCH'],
    ['one selected key', 'uniform', (r) => (first(r).entityKeys[1] = r.input.strata[0]!.entities[0]!.key), 'SELECTION_MISMATCH'],
    ['the selection order', 'weighted', (r) => first(r).entityKeys.reverse(), 'SELECTION_MISMATCH'],
    ['a dropped selection', 'weighted', (r) => first(r).entityKeys.pop(), 'SELECTION_MISMATCH'],
    ['one team member', 'joint-two-groups', (r) => (r.result!.teams[2]!.inspectorKeys[1] = '43070024005'), 'TEAM_MISMATCH'],
    ['a swapped team', 'uniform', (r) => r.result!.teams.reverse(), 'TEAM_MISMATCH'],
    ['the failure constraint', 'infeasible-workload-cap', (r) => (r.failure!.constraint = 'TOO_FEW_INSPECTORS'), 'FAILURE_MISMATCH'],
    ['the failing entity', 'infeasible-group', (r) => (r.failure!.entityKey = 'x'), 'FAILURE_MISMATCH'],
    ['a fabricated failure', 'uniform', (r) => ((r.result = null), (r.failure = { constraint: 'WORKLOAD_CAP', phase: 'teams' })), 'FAILURE_MISMATCH'],
    ['an unknown field', 'uniform', (r) => ((r as unknown as Record<string, unknown>).winner = 'x'), 'MALFORMED_RECORD'],
    [
      'an unhashed field in the input',
      'uniform',
      (r) => ((r.input.strata[0]!.entities[0] as unknown as Record<string, unknown>).name = 'x'),
      'MALFORMED_RECORD',
    ],
    ['a malformed weight', 'uniform', (r) => (r.input.strata[0]!.entities[0]!.weight = '1.00001'), 'INVALID_INPUT'],
    ['an entity tag', 'conflict-tags', (r) => (r.input.strata[0]!.entities[1]!.tags = ['region:430703']), 'INPUT_HASH_MISMATCH'],
    ['an inspector tag removed', 'conflict-tags', (r) => delete r.input.inspectors[0]!.tags, 'INPUT_HASH_MISMATCH'],
    ['tags added where there were none', 'uniform', (r) => (r.input.inspectors[0]!.tags = ['region:430702']), 'INPUT_HASH_MISMATCH'],
    ['the tags of one entity in one of its strata', 'conflict-tags', (r) => (r.input.strata[1]!.entities[0]!.tags = ['region:430721']), 'INVALID_INPUT'],
    [
      'tags that are not a list (a JSON type: check 2)',
      'conflict-tags',
      (r) => ((r.input.inspectors[0] as unknown as Record<string, unknown>).tags = 'region:430702'),
      'MALFORMED_RECORD',
    ],
    ['an empty tag', 'conflict-tags', (r) => (r.input.strata[0]!.entities[0]!.tags = ['']), 'INVALID_INPUT'],
    [
      'a member beside the tags',
      'conflict-tags',
      (r) => ((r.input.strata[0]!.entities[0] as unknown as Record<string, unknown>).region = 'x'),
      'MALFORMED_RECORD',
    ],
    ['the version', 'uniform', (r) => ((r as { algorithm: string }).algorithm = 'spotcheck-draw/2'), 'UNSUPPORTED_FORMAT'],
  ];

  it.each(tampers)('detects a changed %s', (_what, name, tamper, code) => {
    const record = byName(name);
    tamper(record);
    const result = verifyDraw(record);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names the first differing selection', () => {
    const record = byName('uniform');
    const original = first(record).entityKeys[1]!;
    first(record).entityKeys[1] = 'X';
    expect(verifyDraw(record)).toEqual({
      ok: false,
      code: 'SELECTION_MISMATCH',
      reason: `抽查层“item:NR-01”第 2 个抽中对象应为“${original}”，记录为“X”`,
    });
  });

  it('checks an unrevealed record against its seed and says the seed is still hidden', () => {
    const record = byName('joint-two-groups');
    record.serverSeed = null;
    expect(verifyDraw(record)).toMatchObject({ ok: false, code: 'SERVER_SEED_NOT_REVEALED' });
    expect(verifyDraw(record, { allowUnrevealed: true })).toEqual({ ok: true, revealed: false });
    record.result!.teams[0]!.inspectorKeys.reverse();
    expect(verifyDraw(record, { allowUnrevealed: true })).toMatchObject({ ok: false, code: 'TEAM_MISMATCH' });
  });

  it('ignores meta, which is informative only', () => {
    const record = byName('uniform');
    record.meta = { tenant: 'somebody else', note: '任意' };
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
  });

  it('accepts a record whose input is written in another order or spelling', () => {
    const record = byName('weighted');
    record.input.strata[0]!.entities.reverse();
    const entity = record.input.strata[0]!.entities[0]!;
    entity.weight += entity.weight.includes('.') ? '00' : '.000'; // "1.5" → "1.500", "2" → "2.000"
    record.input.inspectors.reverse();
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
  });

  it('rejects things that are not records', () => {
    for (const junk of [null, 42, 'x', []]) expect(verifyDraw(junk)).toMatchObject({ ok: false, code: 'MALFORMED_RECORD' });
    expect(verifyDraw({})).toMatchObject({ ok: false, code: 'UNSUPPORTED_FORMAT' });
    const { seed: _seed, ...withoutSeed } = byName('uniform');
    expect(verifyDraw(withoutSeed)).toMatchObject({ ok: false, code: 'MALFORMED_RECORD', reason: expect.stringContaining('seed') });
  });
});

/** vectors/verdicts: record documents as a verifier receives them, each with the verdict it must give (§14). */
describe('verdict vectors', () => {
  interface Case {
    file: string;
    what: string;
    verdict: 'VERIFIED' | 'UNREVEALED' | 'PENDING' | 'REFUSED';
    code?: string;
  }
  const verdictDir = join(dir, 'verdicts');
  const cases = JSON.parse(readFileSync(join(verdictDir, 'manifest.json'), 'utf8')) as Case[];

  it('list every document in the folder, and cover each kind', () => {
    const files = readdirSync(verdictDir)
      .filter((f) => f !== 'manifest.json')
      .sort();
    expect(cases.map((c) => c.file).sort()).toEqual(files);
    for (const kind of ['noncanonical-', 'malformed-', 'invalid-', 'pending-', 'failed-', 'collision-']) {
      expect(cases.some((c) => c.file.startsWith(kind))).toBe(true);
    }
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_f, c) => {
    const text = readFileSync(join(verdictDir, c.file), 'utf8');
    const result = verifyDrawText(text);
    if (c.verdict === 'VERIFIED') {
      expect(result).toEqual({ ok: true, revealed: true });
    } else {
      expect(result).toMatchObject({ ok: false, code: c.code });
      if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a non-canonical record verifies with the inputHash of its canonical twin', () => {
    const record = JSON.parse(readFileSync(join(verdictDir, 'noncanonical-weights.json'), 'utf8')) as DrawRecord;
    expect(canonicalInputText(record.input)).toBe(vectors.find((v) => v.name === 'weighted')!.canonicalInputText);
    expect(record.input.strata[0]!.entities.map((e) => e.weight)).toContain('003.0');
  });

  it('the pending announcement is accepted as pending when asked, and never as a drawn record', () => {
    const text = readFileSync(join(verdictDir, 'pending-announcement.json'), 'utf8');
    expect(verifyDrawText(text, { allowPending: true })).toEqual({ ok: true, revealed: false, pending: true });
    expect(verifyDrawText(text, { allowUnrevealed: true })).toMatchObject({ ok: false, code: 'DRAW_PENDING' });
  });

  it('the collision: both records share inputHash and seed, only the honest one verifies', () => {
    const honest = JSON.parse(readFileSync(join(verdictDir, 'collision-honest.json'), 'utf8')) as DrawRecord;
    const smuggled = JSON.parse(readFileSync(join(verdictDir, 'collision-smuggled.json'), 'utf8')) as DrawRecord;
    expect(smuggled.inputHash).toBe(honest.inputHash);
    expect(smuggled.seed).toBe(honest.seed);
    expect(smuggled.result).not.toEqual(honest.result);
    expect(smuggled.input.strata[0]!.entities.map((e) => e.key)).toContain('😀\t9');
    expect(verifyDraw(smuggled)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: expect.stringContaining('entities[3].key') });
    expect(verifyDraw(honest)).toEqual({ ok: true, revealed: true });
  });
});
