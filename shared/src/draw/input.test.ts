import { createHash } from 'node:crypto';
import { parseDecimal } from './decimal';
import { DrawInputError } from './errors';
import { canonicalInput, countToDraw, prepareInput } from './input';
import { canonicalInputText, inputHashOf } from './pool';
import type { DrawInput } from './record';

function baseInput(): DrawInput {
  return {
    strata: [
      {
        key: 'item:2',
        ratio: '0.50',
        entities: [
          { key: 'B', weight: '2.50' },
          { key: 'A', weight: '1' },
        ],
      },
      { key: 'item:1', ratio: '0.1000', minCount: 1, entities: [{ key: 'C', weight: '007.0' }] },
    ],
    inspectors: [
      { key: 'I2', group: '自然资源局' },
      { key: 'I1', group: '自然资源局' },
    ],
    teamSize: 2,
    workloadCap: null,
    requiredGroups: [{ stratumKey: 'item:2', groups: ['自然资源局'] }],
    exclusions: [{ entityKey: 'A', inspectorKey: 'I2', reason: 'RECUSAL' }],
  };
}

function inputError(f: () => unknown): DrawInputError {
  try {
    f();
  } catch (error) {
    if (error instanceof DrawInputError) return error;
    throw error;
  }
  throw new Error('expected a DrawInputError');
}

describe('decimals', () => {
  it('reads up to 4 places exactly and writes one normal form', () => {
    const cases: [string, number, string][] = [
      ['0', 0, '0'],
      ['0.10', 1000, '0.1'],
      ['0.1000', 1000, '0.1'],
      ['1', 10000, '1'],
      ['2.0000', 20000, '2'],
      ['007.50', 75000, '7.5'],
      ['0.0001', 1, '0.0001'],
      ['99999999999.9999', 999999999999999, '99999999999.9999'],
    ];
    for (const [text, units, normal] of cases) expect(parseDecimal(text)).toEqual({ units, normal });
  });

  it('refuses anything else', () => {
    for (const bad of ['', '.5', '1.', '1.23456', '-1', '+1', '1e3', ' 1', '1 ', '1,5', '０.1', '100000000000', 1 as unknown]) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });
});

describe('count to draw', () => {
  it('rounds N × ratio up (“不低于”), applies minCount, caps at N', () => {
    expect(countToDraw(100, 1000, 0)).toBe(10);
    expect(countToDraw(101, 1000, 0)).toBe(11);
    expect(countToDraw(9, 1000, 0)).toBe(1);
    expect(countToDraw(1, 1, 0)).toBe(1);
    expect(countToDraw(0, 1000, 5)).toBe(0);
    expect(countToDraw(3, 1000, 5)).toBe(3);
    expect(countToDraw(50, 200, 3)).toBe(3);
    expect(countToDraw(1000, 0, 0)).toBe(0);
    expect(countToDraw(1000, 10000, 0)).toBe(1000);
    expect(countToDraw(1_000_000, 1000, 0)).toBe(100_000);
    expect(countToDraw(1_000_001, 1000, 0)).toBe(100_001);
    expect(countToDraw(12345, 333, 0)).toBe(412); // 411.0885 → 412
  });
});

describe('canonical input', () => {
  it('sorts strata, entities, inspectors and exclusions, and normalises decimals', () => {
    const text = canonicalInputText(baseInput());
    expect(text).toBe(
      [
        'spotcheck-draw/1',
        'team-size\t2',
        'workload-cap\tnone',
        'stratum\titem:1\t0.1\t1',
        'entity\titem:1\tC\t7',
        'stratum\titem:2\t0.5\t0',
        'require\titem:2\t自然资源局',
        'entity\titem:2\tA\t1',
        'entity\titem:2\tB\t2.5',
        'inspector\tI1\t自然资源局',
        'inspector\tI2\t自然资源局',
        'exclude\tA\tI2\tRECUSAL',
        '',
      ].join('\n'),
    );
    expect(inputHashOf(baseInput())).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('hashes the same for any order and any spelling of the same decimals', () => {
    const a = baseInput();
    const b = baseInput();
    b.strata.reverse();
    b.strata[1]!.entities.reverse();
    b.strata[1]!.entities[1]!.weight = '2.5'; // B, written "2.50" in a
    b.strata[0]!.ratio = '0.1';
    b.inspectors.reverse();
    expect(inputHashOf(b)).toBe(inputHashOf(a));
    // The record form is canonical and hashes the same.
    expect(inputHashOf(canonicalInput(prepareInput(b)))).toBe(inputHashOf(a));
    expect(canonicalInput(prepareInput(b))).toEqual(canonicalInput(prepareInput(a)));
  });

  it('treats an absent minCount as 0', () => {
    const a = baseInput();
    a.strata[0]!.minCount = 0;
    expect(inputHashOf(a)).toBe(inputHashOf(baseInput()));
    expect(canonicalInput(prepareInput(baseInput())).strata.map((s) => s.minCount)).toEqual([1, 0]);
  });

  it('changes the hash when anything that matters changes', () => {
    const base = inputHashOf(baseInput());
    const edits: ((i: DrawInput) => void)[] = [
      (i) => (i.strata[0]!.entities[0]!.weight = '2.51'),
      (i) => (i.strata[0]!.entities[0]!.key = 'B2'),
      (i) => (i.strata[0]!.ratio = '0.51'),
      (i) => (i.strata[0]!.minCount = 2),
      (i) => (i.strata[1]!.key = 'item:3'),
      (i) => (i.inspectors[0]!.group = '市场监管局'),
      (i) => (i.teamSize = 3),
      (i) => (i.workloadCap = 10),
      (i) => (i.requiredGroups = []),
      (i) => (i.exclusions = []),
      (i) => (i.exclusions[0]!.reason = 'SAME_REGION'),
    ];
    const hashes = edits.map((edit) => {
      const i = baseInput();
      edit(i);
      return inputHashOf(i);
    });
    expect(new Set([base, ...hashes]).size).toBe(edits.length + 1);
  });

  it('sorts by UTF-16 code units, not by code points or locale', () => {
    const input = baseInput();
    input.exclusions = [];
    input.strata[0]!.entities = [
      { key: '\uff61', weight: '1' }, // U+FF61, one code unit 0xFF61
      { key: '😀', weight: '1' }, // U+1F600, code units 0xD83D 0xDE00: sorts before U+FF61
      { key: 'b', weight: '1' },
      { key: 'B', weight: '1' },
      { key: 'a', weight: '1' },
    ];
    expect(canonicalInput(prepareInput(input)).strata[1]!.entities.map((e) => e.key)).toEqual(['B', 'a', 'b', '😀', '\uff61']);
  });
});

describe('one canonical text, one input', () => {
  it('refuses the entity "😀<TAB>9" of weight 1, which would share a canonical text with "😀" of weight 9 and tag "1"', () => {
    const smuggled = baseInput();
    smuggled.strata[1]!.entities = [{ key: '😀\t9', weight: '1' }];
    const honest = baseInput();
    honest.strata[1]!.entities = [{ key: '😀', weight: '9', tags: ['1'] }];
    expect(inputError(() => prepareInput(smuggled)).path).toBe('strata[1].entities[0].key');
    expect(() => prepareInput(honest)).not.toThrow();
  });
});

describe('input validation', () => {
  const cases: [string, (i: DrawInput) => void, string][] = [
    ['bad weight', (i) => (i.strata[0]!.entities[0]!.weight = '1.23456'), 'strata[0].entities[0].weight'],
    ['zero weight', (i) => (i.strata[0]!.entities[0]!.weight = '0.0000'), 'strata[0].entities[0].weight'],
    ['numeric weight', (i) => ((i.strata[0]!.entities[0] as unknown as { weight: number }).weight = 1), 'strata[0].entities[0].weight'],
    ['ratio above 1', (i) => (i.strata[0]!.ratio = '1.0001'), 'strata[0].ratio'],
    ['negative minCount', (i) => (i.strata[0]!.minCount = -1), 'strata[0].minCount'],
    ['tab in a key', (i) => (i.strata[0]!.entities[0]!.key = 'A\tB'), 'strata[0].entities[0].key'],
    ['newline in a group', (i) => (i.inspectors[0]!.group = 'x\ny'), 'inspectors[0].group'],
    ['lone surrogate', (i) => (i.inspectors[0]!.key = 'x\ud800'), 'inspectors[0].key'],
    // A character above U+FFFF earlier in the text must not end the check: every code point is checked.
    ['tab after an astral character', (i) => (i.strata[0]!.entities[0]!.key = '😀\t9'), 'strata[0].entities[0].key'],
    ['LF, NUL and DEL after an astral character', (i) => (i.inspectors[0]!.group = '𠀀x\n\u0000\u007f'), 'inspectors[0].group'],
    ['DEL after an astral character in a tag', (i) => (i.strata[0]!.entities[0]!.tags = ['😀\u007f']), 'strata[0].entities[0].tags[0]'],
    ['empty key', (i) => (i.strata[0]!.key = ''), 'strata[0].key'],
    ['duplicate entity', (i) => (i.strata[0]!.entities[1]!.key = 'B'), 'strata[0].entities'],
    ['duplicate stratum', (i) => (i.strata[1]!.key = 'item:2'), 'strata'],
    ['duplicate inspector', (i) => (i.inspectors[1]!.key = 'I2'), 'inspectors'],
    ['fractional team size', (i) => (i.teamSize = 2.5), 'teamSize'],
    ['zero workload cap', (i) => (i.workloadCap = 0), 'workloadCap'],
    ['unknown stratum in requiredGroups', (i) => (i.requiredGroups[0]!.stratumKey = 'item:9'), 'requiredGroups[0].stratumKey'],
    ['duplicate required group', (i) => (i.requiredGroups[0]!.groups = ['g', 'g']), 'requiredGroups[0].groups'],
    ['exclusion of an unknown inspector', (i) => (i.exclusions[0]!.inspectorKey = 'I9'), 'exclusions[0].inspectorKey'],
    ['exclusion of an unknown entity', (i) => (i.exclusions[0]!.entityKey = 'Z'), 'exclusions[0].entityKey'],
    ['duplicate exclusion', (i) => i.exclusions.push({ ...i.exclusions[0]!, reason: 'OTHER' }), 'exclusions'],
    [
      'weights summing past 2^53',
      (i) => (i.strata[0]!.entities = Array.from({ length: 10 }, (_, n) => ({ key: `E${n}`, weight: '99999999999' }))),
      'strata[0].entities',
    ],
  ];
  it.each(cases)('refuses %s', (_name, edit, path) => {
    const input = baseInput();
    edit(input);
    const error = inputError(() => prepareInput(input));
    expect(error.path).toBe(path);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/\S/);
  });
});
