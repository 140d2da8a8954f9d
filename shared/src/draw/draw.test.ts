import { createHash } from 'node:crypto';
import { commitmentOf, DrawInfeasibleError, DrawInputError, freezeDrawInput, runDraw, verifyDraw } from './index';
import { drawFromSeed } from './draw';
import { prepareInput } from './input';
import type { DrawInput } from './record';

const SERVER_SEED = 'a3'.repeat(32);
const ENTROPY = ['见证人:张三:48213', '福彩3D:2024123:517'];
const seedOf = (label: string) => createHash('sha256').update(label).digest();

function entities(prefix: string, n: number, weight = '1') {
  return Array.from({ length: n }, (_, i) => ({ key: `${prefix}${String(i).padStart(4, '0')}`, weight }));
}
function inspectors(n: number, groups: string[] = ['局']) {
  return Array.from({ length: n }, (_, i) => ({ key: `I${String(i).padStart(4, '0')}`, group: groups[i % groups.length]! }));
}
function simple(overrides: Partial<DrawInput> = {}): DrawInput {
  return {
    strata: [{ key: 'item:1', ratio: '0.1', entities: entities('E', 100) }],
    inspectors: inspectors(6),
    teamSize: 2,
    workloadCap: null,
    requiredGroups: [],
    exclusions: [],
    ...overrides,
  };
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

describe('runDraw', () => {
  it('produces a complete record that verifies', () => {
    const record = runDraw(simple(), SERVER_SEED, ENTROPY, { meta: { tenant: '430700', task: 'T-1' } });
    expect(record.format).toBe('spotcheck-draw/1');
    expect(record.commitment).toBe(commitmentOf(SERVER_SEED));
    expect(record.result!.selections).toHaveLength(1);
    expect(record.result!.selections[0]!.entityKeys).toHaveLength(10);
    expect(record.result!.teams).toHaveLength(10);
    expect(record.failure).toBeNull();
    expect(record.meta).toEqual({ tenant: '430700', task: 'T-1' });
    expect(verifyDraw(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, revealed: true });
  });

  it('is a pure function of input, server seed and entropy', () => {
    const a = runDraw(simple(), SERVER_SEED, ENTROPY);
    const b = runDraw(simple(), SERVER_SEED, ENTROPY);
    expect(b).toEqual(a);
    expect(runDraw(simple(), SERVER_SEED, [...ENTROPY, 'x']).result).not.toEqual(a.result);
    expect(runDraw(simple(), 'a4'.repeat(32), ENTROPY).result).not.toEqual(a.result);
    // Reordering entropy changes the seed: the order is part of the record.
    expect(runDraw(simple(), SERVER_SEED, [...ENTROPY].reverse()).seed).not.toBe(a.seed);
  });

  it('refuses a malformed server seed or missing entropy', () => {
    expect(() => runDraw(simple(), 'A3'.repeat(32), ENTROPY)).toThrow(DrawInputError);
    expect(() => runDraw(simple(), 'a3'.repeat(31), ENTROPY)).toThrow(DrawInputError);
    expect(() => runDraw(simple(), SERVER_SEED, [])).toThrow(DrawInputError);
    expect(() => runDraw(simple(), SERVER_SEED, [''])).toThrow(DrawInputError);
  });

  it('freezes the canonical input with its hash before the ceremony', () => {
    const frozen = freezeDrawInput(simple());
    const record = runDraw(frozen.input, SERVER_SEED, ENTROPY);
    expect(record.inputHash).toBe(frozen.inputHash);
    expect(record.input).toEqual(frozen.input);
  });

  it('inspects an entity selected in two strata once, with the union of their required groups', () => {
    const shared = entities('S', 10);
    const input: DrawInput = {
      strata: [
        { key: 'item:a', ratio: '1', entities: shared },
        { key: 'item:b', ratio: '1', entities: [...shared, ...entities('T', 5)] },
      ],
      inspectors: inspectors(12, ['国土', '环保', '市监']),
      teamSize: 3,
      workloadCap: null,
      requiredGroups: [
        { stratumKey: 'item:a', groups: ['国土'] },
        { stratumKey: 'item:b', groups: ['环保'] },
      ],
      exclusions: [],
    };
    const record = runDraw(input, SERVER_SEED, ENTROPY);
    const { selections, teams } = record.result!;
    expect(selections.map((s) => s.entityKeys.length)).toEqual([10, 15]);
    expect(teams.map((t) => t.entityKey)).toEqual([...selections[0]!.entityKeys, ...selections[1]!.entityKeys.filter((k) => k.startsWith('T'))]);
    const groupOf = new Map(input.inspectors.map((i) => [i.key, i.group]));
    for (const t of teams) {
      const groups = t.inspectorKeys.map((k) => groupOf.get(k));
      expect(new Set(t.inspectorKeys).size).toBe(3);
      if (t.entityKey.startsWith('S')) expect(groups.slice(0, 2)).toEqual(['国土', '环保']);
      else expect(groups[0]).toBe('环保');
    }
  });

  it('keeps teams distinct, exclusions out, required groups in, loads balanced and under the cap', () => {
    const pool = entities('E', 3000);
    const people = inspectors(60, ['甲', '乙', '丙']);
    const exclusions = [];
    for (let e = 0; e < 3000; e += 7) {
      for (let x = 0; x < 1 + (e % 4); x += 1) {
        exclusions.push({ entityKey: pool[e]!.key, inspectorKey: people[(e * 13 + x * 17) % 60]!.key, reason: 'SAME_REGION' });
      }
    }
    const input: DrawInput = {
      strata: [{ key: 'item:1', ratio: '0.5', entities: pool }],
      inspectors: people,
      teamSize: 3,
      workloadCap: 80,
      requiredGroups: [{ stratumKey: 'item:1', groups: ['乙', '甲'] }],
      exclusions,
    };
    const record = runDraw(input, SERVER_SEED, ENTROPY);
    const groupOf = new Map(people.map((i) => [i.key, i.group]));
    const excluded = new Set(exclusions.map((x) => `${x.entityKey}/${x.inspectorKey}`));
    const load = new Map<string, number>();
    const problems: string[] = [];
    for (const t of record.result!.teams) {
      if (new Set(t.inspectorKeys).size !== 3) problems.push(`${t.entityKey}: team ${t.inspectorKeys.join(',')}`);
      const groups = t.inspectorKeys
        .slice(0, 2)
        .map((k) => groupOf.get(k))
        .join(',');
      if (groups !== '乙,甲') problems.push(`${t.entityKey}: first two from ${groups}`);
      for (const k of t.inspectorKeys) {
        if (excluded.has(`${t.entityKey}/${k}`)) problems.push(`${t.entityKey}: excluded ${k}`);
        load.set(k, (load.get(k) ?? 0) + 1);
      }
    }
    expect(problems).toEqual([]);
    expect(record.result!.teams).toHaveLength(1500);
    const loads = [...load.values()];
    expect(Math.max(...loads)).toBeLessThanOrEqual(80);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(3);
  });

  it('balances loads to within one when nothing is excluded', () => {
    const record = runDraw(
      simple({ strata: [{ key: 'k', ratio: '1', entities: entities('E', 997) }], inspectors: inspectors(13), teamSize: 3 }),
      SERVER_SEED,
      ENTROPY,
    );
    const load = new Map<string, number>();
    for (const t of record.result!.teams) for (const k of t.inspectorKeys) load.set(k, (load.get(k) ?? 0) + 1);
    const loads = [...load.values()];
    expect(loads).toHaveLength(13);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('never fails at the team step without a workload cap once the precheck passes', () => {
    for (let trial = 0; trial < 200; trial += 1) {
      const people = inspectors(5, ['甲', '乙']);
      const pool = entities('E', 20);
      const exclusions = pool
        .filter((_, i) => (i + trial) % 3 === 0)
        .map((e, i) => ({ entityKey: e.key, inspectorKey: people[(i + trial) % 5]!.key, reason: 'RECUSAL' }));
      const input = simple({
        strata: [{ key: 's', ratio: '0.5', entities: pool }],
        inspectors: people,
        teamSize: 3,
        exclusions,
        requiredGroups: [{ stratumKey: 's', groups: ['乙'] }],
      });
      expect(() => drawFromSeed(prepareInput(input), seedOf(`t${trial}`))).not.toThrow();
    }
  });
});

describe('infeasible draws', () => {
  const cases: [string, DrawInput, string, Partial<DrawInfeasibleError>][] = [
    ['a team of one', simple({ teamSize: 1 }), 'TEAM_SIZE_TOO_SMALL', { phase: 'precheck' }],
    [
      'an empty stratum that asks for entities',
      simple({
        strata: [
          { key: 'item:1', ratio: '0.1', entities: entities('E', 5) },
          { key: 'item:2', ratio: '0.3', entities: [] },
        ],
      }),
      'NO_ELIGIBLE_ENTITIES',
      { stratumKey: 'item:2' },
    ],
    ['fewer inspectors than a team', simple({ inspectors: inspectors(1) }), 'TOO_FEW_INSPECTORS', {}],
    [
      'a required group nobody belongs to',
      simple({ requiredGroups: [{ stratumKey: 'item:1', groups: ['环保'] }] }),
      'GROUP_WITHOUT_INSPECTOR',
      { stratumKey: 'item:1', group: '环保' },
    ],
    [
      'more required groups than seats',
      simple({ inspectors: inspectors(6, ['a', 'b', 'c']), requiredGroups: [{ stratumKey: 'item:1', groups: ['a', 'b', 'c'] }] }),
      'TOO_MANY_REQUIRED_GROUPS',
      { stratumKey: 'item:1' },
    ],
    [
      'an entity whose two strata need more groups than seats',
      simple({
        strata: [
          { key: 'x', ratio: '0.1', entities: entities('E', 10) },
          { key: 'y', ratio: '0.1', entities: entities('E', 10) },
        ],
        inspectors: inspectors(6, ['a', 'b', 'c']),
        requiredGroups: [
          { stratumKey: 'x', groups: ['a', 'b'] },
          { stratumKey: 'y', groups: ['c'] },
        ],
      }),
      'TOO_MANY_REQUIRED_GROUPS',
      { entityKey: 'E0000' },
    ],
    [
      'an entity left with one inspector after recusals',
      simple({
        inspectors: inspectors(3),
        exclusions: [
          { entityKey: 'E0042', inspectorKey: 'I0000', reason: 'RECUSAL' },
          { entityKey: 'E0042', inspectorKey: 'I0002', reason: 'PREVIOUS_INSPECTOR' },
        ],
      }),
      'TOO_FEW_INSPECTORS',
      { entityKey: 'E0042' },
    ],
    [
      'an entity whose required group is entirely excluded',
      simple({
        inspectors: inspectors(6, ['a', 'b', 'c']),
        requiredGroups: [{ stratumKey: 'item:1', groups: ['c'] }],
        exclusions: [
          { entityKey: 'E0007', inspectorKey: 'I0002', reason: 'RECUSAL' },
          { entityKey: 'E0007', inspectorKey: 'I0005', reason: 'RECUSAL' },
        ],
      }),
      'GROUP_WITHOUT_INSPECTOR',
      { entityKey: 'E0007', group: 'c' },
    ],
    ['a cap no seed can meet', simple({ inspectors: inspectors(4), workloadCap: 4 }), 'WORKLOAD_CAP', { stratumKey: 'item:1' }],
  ];

  it.each(cases)('refuses %s before the draw', (_name, input, constraint, details) => {
    const error = infeasibility(() => drawFromSeed(prepareInput(input), seedOf('x')));
    expect(error.constraint).toBe(constraint);
    expect(error).toMatchObject({ phase: 'precheck', ...details });
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(() => freezeDrawInput(input)).toThrow(DrawInfeasibleError);
    expect(() => runDraw(input, SERVER_SEED, ENTROPY)).toThrow(DrawInfeasibleError);
  });

  it('can fail at the team step when a cap is tight and exclusions bite; the failure is recorded and verifiable', () => {
    // 10 entities × 2 seats = 20 = 4 inspectors × cap 5, with I0000 excluded for half the entities.
    const pool = entities('E', 10);
    const input = simple({
      strata: [{ key: 'item:1', ratio: '1', entities: pool }],
      inspectors: inspectors(4),
      workloadCap: 5,
      exclusions: pool.slice(0, 5).map((e) => ({ entityKey: e.key, inspectorKey: 'I0000', reason: 'RECUSAL' })),
    });
    let failed = 0;
    for (let trial = 0; trial < 20; trial += 1) {
      const record = runDraw(input, SERVER_SEED, [`${trial}`], { onInfeasible: 'record' });
      expect(verifyDraw(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, revealed: true });
      if (record.failure) {
        failed += 1;
        expect(record.result).toBeNull();
        expect(record.failure).toMatchObject({ constraint: 'WORKLOAD_CAP', phase: 'teams' });
        expect(() => runDraw(input, SERVER_SEED, [`${trial}`])).toThrow(DrawInfeasibleError);
      }
    }
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(20);
  });
});
