import { createHash } from 'node:crypto';
import { drawFromSeed, freezeDrawInput, runDraw } from './draw';
import { DrawInfeasibleError, DrawInputError } from './errors';
import { canonicalInput, prepareInput } from './input';
import { canonicalInputText, inputHashOf } from './pool';
import type { DrawInput } from './record';
import { verifyDraw } from './verify';

const SERVER_SEED = '7a'.repeat(32);
const ENTROPY = ['witness:甲:1', 'lottery:福彩3D:2024001:123'];

function tagged(): DrawInput {
  return {
    strata: [
      {
        key: 'item:1',
        ratio: '0.5',
        entities: [
          { key: 'E2', weight: '1', tags: ['region:B', 'dept:X', 'region:B'] },
          { key: 'E1', weight: '1', tags: ['region:A'] },
          { key: 'E3', weight: '1', tags: [] },
          { key: 'E4', weight: '1' },
        ],
      },
    ],
    inspectors: [
      { key: 'I3', group: 'g', tags: ['region:B'] },
      { key: 'I1', group: 'g', tags: ['region:A'] },
      { key: 'I2', group: 'g', tags: ['dept:X', 'region:A'] },
      { key: 'I4', group: 'g' },
      { key: 'I5', group: 'g', tags: [] },
    ],
    teamSize: 2,
    workloadCap: null,
    requiredGroups: [],
    exclusions: [],
  };
}

function untagged(input: DrawInput): DrawInput {
  const copy = structuredClone(input);
  for (const s of copy.strata) for (const e of s.entities) delete e.tags;
  for (const i of copy.inspectors) delete i.tags;
  return copy;
}

function infeasibility(f: () => unknown): DrawInfeasibleError {
  try {
    f();
  } catch (error) {
    if (error instanceof DrawInfeasibleError) return error;
    throw error;
  }
  throw new Error('expected a DrawInfeasibleError');
}

describe('conflict tags: canonical form', () => {
  it('sorts and deduplicates tags, and leaves out empty or absent ones', () => {
    const canonical = canonicalInput(prepareInput(tagged()));
    expect(canonical.strata[0]!.entities).toEqual([
      { key: 'E1', weight: '1', tags: ['region:A'] },
      { key: 'E2', weight: '1', tags: ['dept:X', 'region:B'] },
      { key: 'E3', weight: '1' },
      { key: 'E4', weight: '1' },
    ]);
    expect(canonical.inspectors).toEqual([
      { key: 'I1', group: 'g', tags: ['region:A'] },
      { key: 'I2', group: 'g', tags: ['dept:X', 'region:A'] },
      { key: 'I3', group: 'g', tags: ['region:B'] },
      { key: 'I4', group: 'g' },
      { key: 'I5', group: 'g' },
    ]);
    expect(canonicalInputText(tagged())).toBe(
      [
        'spotcheck-draw/1',
        'team-size\t2',
        'workload-cap\tnone',
        'stratum\titem:1\t0.5\t0',
        'entity\titem:1\tE1\t1\tregion:A',
        'entity\titem:1\tE2\t1\tdept:X\tregion:B',
        'entity\titem:1\tE3\t1',
        'entity\titem:1\tE4\t1',
        'inspector\tI1\tg\tregion:A',
        'inspector\tI2\tg\tdept:X\tregion:A',
        'inspector\tI3\tg\tregion:B',
        'inspector\tI4\tg',
        'inspector\tI5\tg',
        '',
      ].join('\n'),
    );
  });

  it('gives an input without tags (or with only empty lists) the text and hash it always had', () => {
    const without = untagged(tagged());
    const empty = structuredClone(without);
    for (const s of empty.strata) for (const e of s.entities) e.tags = [];
    for (const i of empty.inspectors) i.tags = [];
    expect(canonicalInputText(empty)).toBe(canonicalInputText(without));
    expect(inputHashOf(empty)).toBe(inputHashOf(without));
    expect(JSON.stringify(canonicalInput(prepareInput(empty)))).not.toContain('tags');
    expect(inputHashOf(tagged())).not.toBe(inputHashOf(without));
  });

  it('hashes tag sets, not the order or repetition they were written in', () => {
    const other = tagged();
    other.strata[0]!.entities[0]!.tags = ['dept:X', 'region:B'];
    other.inspectors[2]!.tags = ['region:A', 'dept:X', 'dept:X'];
    expect(inputHashOf(other)).toBe(inputHashOf(tagged()));
  });

  it('shares one frozen array per distinct tag set', () => {
    const input = tagged();
    input.strata[0]!.entities.push({ key: 'E5', weight: '1', tags: ['region:B', 'dept:X'] });
    const s = prepareInput(input).strata[0]!;
    expect(s.tags![s.entityKeys.indexOf('E5')]).toBe(s.tags![s.entityKeys.indexOf('E2')]);
    expect(Object.isFrozen(s.tags![s.entityKeys.indexOf('E5')])).toBe(true);
  });

  it('refuses tags that are not a list of Texts, and an entity tagged differently in two strata', () => {
    const cases: [(i: DrawInput) => void, string][] = [
      [(i) => ((i.strata[0]!.entities[0] as unknown as Record<string, unknown>).tags = 'region:B'), 'strata[0].entities[0].tags'],
      [(i) => (i.strata[0]!.entities[1]!.tags = ['ok', '']), 'strata[0].entities[1].tags[1]'],
      [(i) => (i.inspectors[0]!.tags = ['a\tb']), 'inspectors[0].tags[0]'],
      [(i) => ((i.inspectors[1]!.tags as unknown[]) = [7]), 'inspectors[1].tags[0]'],
      [(i) => i.strata.push({ key: 'item:2', ratio: '0.1', entities: [{ key: 'E1', weight: '1', tags: ['region:B'] }] }), 'strata'],
      [(i) => i.strata.push({ key: 'item:2', ratio: '0.1', entities: [{ key: 'E2', weight: '1' }] }), 'strata'],
    ];
    for (const [change, path] of cases) {
      const input = tagged();
      change(input);
      let error: unknown;
      try {
        prepareInput(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DrawInputError);
      expect((error as DrawInputError).path).toBe(path);
    }
    const agreeing = tagged();
    agreeing.strata.push({
      key: 'item:2',
      ratio: '0.1',
      entities: [
        { key: 'E2', weight: '3', tags: ['dept:X', 'region:B'] },
        { key: 'E4', weight: '1', tags: [] },
      ],
    });
    expect(() => prepareInput(agreeing)).not.toThrow();
  });
});

describe('conflict tags: teams', () => {
  /** A pool where every entity shares a tag with some inspectors, with joint groups and a cap sometimes. */
  function randomTagged(rand: () => number): DrawInput {
    const regions = ['region:A', 'region:B', 'region:C'];
    const depts = ['dept:X', 'dept:Y'];
    const groups = ['甲局', '乙局'].slice(0, 1 + (rand() % 2));
    const entityTags = new Map<string, string[]>();
    const tagsFor = (key: string) => {
      let tags = entityTags.get(key);
      if (!tags) {
        tags = [regions[rand() % 3]!, ...(rand() % 2 ? [depts[rand() % 2]!] : [])];
        entityTags.set(key, tags);
      }
      return tags;
    };
    const strata = Array.from({ length: 1 + (rand() % 2) }, (_, s) => ({
      key: `item:${s}`,
      ratio: ['0.2', '0.5', '1'][rand() % 3]!,
      entities: Array.from({ length: 3 + (rand() % 12) }, (_, e) => {
        const key = `E${(e * (s + 1)) % 17}`;
        return { key, weight: ['1', '2', '0.5'][rand() % 3]!, tags: tagsFor(key) };
      }).filter((e, i, all) => all.findIndex((o) => o.key === e.key) === i),
    }));
    const inspectors = Array.from({ length: 5 + (rand() % 8) }, (_, i) => ({
      key: `I${String(i).padStart(2, '0')}`,
      group: groups[rand() % groups.length]!,
      tags: [regions[rand() % 3]!, ...(rand() % 3 === 0 ? [depts[rand() % 2]!] : [])].slice(0, rand() % 3),
    }));
    return {
      strata,
      inspectors,
      teamSize: 2 + (rand() % 2),
      workloadCap: rand() % 2 ? null : 2 + (rand() % 4),
      requiredGroups: groups.length > 1 && rand() % 2 ? [{ stratumKey: 'item:0', groups: [groups[1]!] }] : [],
      exclusions: [],
    };
  }

  it('never puts an inspector in the team of an entity sharing a tag, and without a cap a passed precheck never fails', () => {
    let counter = 0;
    const rand = () => createHash('sha256').update(`tags:${counter++}`).digest().readUInt32BE(0);
    let teams = 0;
    let refused = 0;
    for (let trial = 0; trial < 300; trial += 1) {
      const input = randomTagged(rand);
      const prepared = prepareInput(input);
      const tagsOf = new Map<string, readonly string[]>();
      for (const s of prepared.strata) s.entityKeys.forEach((k, i) => tagsOf.set(k, s.tags?.[i] ?? []));
      const inspectorTags = new Map(prepared.inspectorKeys.map((k, i) => [k, prepared.inspectorTags?.[i] ?? []]));
      const seed = createHash('sha256').update(`tags-seed:${trial}`).digest();
      try {
        const outcome = drawFromSeed(prepared, seed);
        for (const team of outcome.teams) {
          for (const inspector of team.inspectorKeys) {
            const shared = inspectorTags.get(inspector)!.filter((t) => tagsOf.get(team.entityKey)!.includes(t));
            expect({ entity: team.entityKey, inspector, shared }).toEqual({ entity: team.entityKey, inspector, shared: [] });
          }
          teams += 1;
        }
      } catch (error) {
        if (!(error instanceof DrawInfeasibleError)) throw error;
        if (error.phase === 'teams') expect(prepared.workloadCap).not.toBeNull();
        if (error.phase === 'precheck' && error.entityKey) {
          // The precheck is exact: the entity named really cannot be staffed.
          const free = prepared.inspectorKeys.filter((k) => !inspectorTags.get(k)!.some((t) => tagsOf.get(error.entityKey!)!.includes(t)));
          if (error.constraint === 'TOO_FEW_INSPECTORS') expect(free.length).toBeLessThan(prepared.teamSize);
          if (error.constraint === 'GROUP_WITHOUT_INSPECTOR') {
            expect(free.filter((k) => prepared.inspectorGroups[prepared.inspectorKeys.indexOf(k)] === error.group)).toEqual([]);
          }
        }
        refused += 1;
      }
    }
    expect(teams).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(5);
  });

  it('refuses in the precheck an entity left with too few inspectors, naming the tags', () => {
    const input = tagged();
    input.inspectors = input.inspectors.slice(0, 3); // I3 region:B, I1 region:A, I2 dept:X + region:A
    const error = infeasibility(() => freezeDrawInput(input));
    // E1 (region:A) keeps only I3; E2 (dept:X, region:B) keeps only I1.
    expect(error.details()).toEqual({ constraint: 'TOO_FEW_INSPECTORS', phase: 'precheck', entityKey: 'E1' });
    expect(error.message).toContain('region:A');
    // The same inspectors with no tags are enough.
    expect(() => freezeDrawInput(untagged(input))).not.toThrow();
  });

  it('refuses a required group whose every inspector shares a tag with an entity', () => {
    const input = tagged();
    input.inspectors = [
      { key: 'J1', group: '乙局', tags: ['dept:X'] },
      { key: 'J2', group: '甲局' },
      { key: 'J3', group: '甲局' },
    ];
    input.requiredGroups = [{ stratumKey: 'item:1', groups: ['乙局'] }];
    const error = infeasibility(() => freezeDrawInput(input));
    expect(error.details()).toEqual({ constraint: 'GROUP_WITHOUT_INSPECTOR', phase: 'precheck', entityKey: 'E2', group: '乙局' });
    expect(error.message).toContain('dept:X');
    // Recorded as a failure that verifies, like any other.
    const record = runDraw(input, SERVER_SEED, ENTROPY, { onInfeasible: 'record' });
    expect(record.failure).toEqual(error.details());
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
  });

  it('counts an inspector ruled out twice (explicitly and by a tag) once', () => {
    const input = tagged();
    input.inspectors = input.inspectors.slice(0, 4); // I1 I2 I3 I4
    input.exclusions = [{ entityKey: 'E1', inspectorKey: 'I1', reason: 'SAME_REGION' }];
    // E1 is ruled out for I1 (twice) and I2: I3 and I4 remain, just enough.
    expect(() => freezeDrawInput(input)).not.toThrow();
    input.strata[0]!.ratio = '1';
    const record = runDraw(input, SERVER_SEED, ENTROPY);
    expect([...record.result!.teams.find((t) => t.entityKey === 'E1')!.inspectorKeys].sort()).toEqual(['I3', 'I4']);
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
  });

  it('gives the same result as the same input without tags when no inspector has any', () => {
    const input = tagged();
    for (const i of input.inspectors) delete i.tags;
    input.strata[0]!.ratio = '1';
    const plain = runDraw(untagged(input), SERVER_SEED, ENTROPY);
    const withTags = runDraw(input, SERVER_SEED, ENTROPY);
    expect(withTags.inputHash).not.toBe(plain.inputHash); // the tags are still part of the input
    expect(drawFromSeed(prepareInput(input), Buffer.from(plain.seed, 'hex'))).toEqual(plain.result);
  });
});
