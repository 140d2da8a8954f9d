/**
 * Differential and property test of the canonical form (docs/draw-spec.md §3, §4, §12): thousands of
 * random inputs, from a fixed seed, with astral characters, control characters, lone surrogates, odd
 * decimal spellings and wrong JSON types. An independent reading of §3 written here (by code point,
 * with `u` regular expressions and BigInt) says which inputs are valid and which check refuses the
 * others; the reference must agree. Every accepted input's canonical text must equal the one written
 * here, parse back to the same input, and belong to no other input; its record must verify, also as
 * JSON text, and refuse odd spellings of its integers.
 */
import { runDraw } from './draw';
import { canonicalInput, prepareInput } from './input';
import { parseCanonicalInputText } from './canonical-parse';
import { DrawInputError } from './errors';
import { canonicalInputText, inputHashOf } from './pool';
import type { DrawInput, DrawRecord } from './record';
import { verifyDraw, verifyDrawText } from './verify';

/** xorshift32 from a fixed seed: test data only (never for draws). */
function generator(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => next() < p;
  return { int, pick, chance };
}

type Gen = ReturnType<typeof generator>;

// ---- Random material.
const CLEAN = ['A', 'B', 'a', 'b', '9', ':', '|', ' ', '区', '局', '😀', '𠀀', '\uff61', '\u00e9', 'e\u0301', '\ufeff', '\uffff', '\u2028'];
const DIRTY = ['\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\ud800', '\udc00', '\udbff'];

function text(g: Gen, dirty: number): string {
  const n = 1 + g.int(4);
  let s = '';
  for (let i = 0; i < n; i += 1) s += g.chance(dirty) ? g.pick(DIRTY) : g.pick(CLEAN);
  if (g.chance(dirty / 4)) s = ''; // the empty Text
  return s;
}

const GOOD_DECIMALS = ['1', '2', '0.5', '1.5', '3', '0.0001', '10', '007.50', '2.0000', '0.10', '1.0', '00', '99999999999.9999'];
const BAD_DECIMALS = ['', '.5', '1.', '1.23456', '-1', '+1', '1e2', ' 1', '1,5', '０.1', '١', '0x1', '100000000000', 'Infinity', '1.5 '];

function decimal(g: Gen, bad: number): unknown {
  if (g.chance(bad)) return g.chance(0.85) ? g.pick(BAD_DECIMALS) : g.pick([1, 1.5, null, ['1']]);
  return g.pick(GOOD_DECIMALS);
}

function integer(g: Gen, bad: number, max: number): unknown {
  if (g.chance(bad)) return g.pick([-1, 2.5, NaN, Infinity, 2 ** 53, '2', null, true]);
  return g.chance(0.05) ? -0 : g.int(max + 1);
}

function tags(g: Gen, bad: number): unknown {
  if (g.chance(bad)) return g.pick(['region:1', 7, [3], { a: 1 }]);
  const n = g.int(4);
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) out.push(g.chance(0.8) ? g.pick(['r:1', 'r:2', 'd:局', '😀', 'r:1']) : text(g, bad));
  return out;
}

/** A random input, mostly well-formed: `bad` is the chance of each kind of mistake. */
function randomInput(g: Gen, bad: number): Record<string, unknown> {
  const entityKeys = ['E1', 'E2', '😀', '😀\t9', 'e', '\uff61', 'Ｅ'].map((k) => (k.includes('\t') && !g.chance(bad * 3) ? 'E3' : k));
  const entityKey = () => (g.chance(0.9) ? g.pick(entityKeys) : text(g, bad));
  const strata = [];
  const nStrata = g.int(4);
  const tagsOf = new Map<unknown, unknown>();
  const usedStrata = new Set<unknown>();
  for (let s = 0; s < nStrata; s += 1) {
    const entities = [];
    const n = g.int(6);
    const used = new Set<string>();
    for (let e = 0; e < n; e += 1) {
      let key = entityKey();
      if (used.has(key) && !g.chance(bad)) continue; // a duplicate now and then
      used.add(key);
      const entity: Record<string, unknown> = { key, weight: decimal(g, bad) };
      if (tagsOf.has(key) && !g.chance(bad * 2)) {
        if (tagsOf.get(key) !== undefined)
          entity.tags = g.chance(0.5) || !Array.isArray(tagsOf.get(key)) ? tagsOf.get(key) : [...(tagsOf.get(key) as string[])].reverse();
      } else if (g.chance(0.4)) entity.tags = tags(g, bad);
      if (!tagsOf.has(key)) tagsOf.set(key, entity.tags);
      if (g.chance(bad / 3)) entity.name = 'x';
      if (g.chance(bad / 3)) entity.key = g.pick([5, null, ['E1']]);
      entities.push(entity);
    }
    const stratum: Record<string, unknown> = {
      key: g.chance(0.9) ? g.pick(['item:1', 'item:2', 'item:😀', 'item:1|risk:HIGH']) : text(g, bad),
      ratio: g.chance(bad) ? g.pick(['1.5', '2', '-0.1', 0.5]) : g.pick(['0', '0.5', '1', '0.25', '0.10', '1.0000']),
      entities,
    };
    if (g.chance(0.5)) stratum.minCount = integer(g, bad, 3);
    if (usedStrata.has(stratum.key) && !g.chance(bad * 2)) continue;
    usedStrata.add(stratum.key);
    strata.push(stratum);
  }
  const inspectors: Record<string, unknown>[] = [];
  const nInspectors = g.int(7);
  for (let i = 0; i < nInspectors; i += 1) {
    const inspector: Record<string, unknown> = {
      key: g.chance(0.9) ? g.pick(['I1', 'I2', 'I3', 'I4', 'I5', '𠀀', 'i']) : text(g, bad),
      group: g.chance(0.9) ? g.pick(['g1', 'g2', '局']) : text(g, bad),
    };
    if (g.chance(0.3)) inspector.tags = tags(g, bad);
    if (inspectors.some((i) => i.key === inspector.key) && !g.chance(bad * 2)) continue;
    inspectors.push(inspector);
  }
  const strataKeys = strata.map((s) => s.key);
  const requiredGroups = [];
  if (strataKeys.length && g.chance(0.4)) {
    requiredGroups.push({
      stratumKey: !g.chance(bad * 2) ? g.pick(strataKeys) : 'item:none',
      groups: !g.chance(bad * 2) ? [...new Set([g.pick(['g1', 'g2', '局']), g.pick(['g1', 'g2'])])] : [text(g, bad), 'g1', 'g1'],
    });
  }
  const exclusions: Record<string, unknown>[] = [];
  const nExclusions = g.int(3);
  const allEntities = strata.flatMap((s) => (s.entities as Record<string, unknown>[]).map((e) => e.key));
  for (let x = 0; x < nExclusions; x += 1) {
    const exclusion = {
      entityKey: allEntities.length && !g.chance(bad * 2) ? g.pick(allEntities) : entityKey(),
      inspectorKey: inspectors.length && !g.chance(bad * 2) ? g.pick(inspectors).key : 'I9',
      reason: !g.chance(bad * 2) ? g.pick(['RECUSAL', 'PREVIOUS_INSPECTOR']) : text(g, bad),
    };
    if (exclusions.some((e) => e.entityKey === exclusion.entityKey && e.inspectorKey === exclusion.inspectorKey) && !g.chance(bad * 2)) continue;
    exclusions.push(exclusion);
  }
  return {
    strata,
    inspectors,
    teamSize: integer(g, bad, 3),
    workloadCap: g.chance(0.5) ? null : g.chance(bad) ? g.pick([0, -1, 1.5, '3']) : 1 + g.int(3),
    requiredGroups,
    exclusions,
  };
}

// ---- An independent reading of section 3: 'type' (check 2 in a record), 'value' (check 3) or valid.
const isText = (s: unknown): boolean => typeof s === 'string' && s.length > 0 && !/[\u0000-\u001f\u007f]/u.test(s) && !/\p{Cs}/u.test(s);
const decimalUnits = (s: unknown): bigint | null => {
  const m = typeof s === 'string' ? /^([0-9]+)(?:\.([0-9]{1,4}))?$/u.exec(s) : null;
  if (!m || m[1]!.replace(/^0+/, '').length > 11) return null;
  return BigInt(m[1]!) * 10000n + BigInt((m[2] ?? '').padEnd(4, '0'));
};
const isInteger = (n: unknown, min: number): boolean => typeof n === 'number' && Number.isInteger(n) && n >= min && n < 2 ** 53;
const exactly = (o: Record<string, unknown>, required: string[], optional: string[] = []) =>
  required.every((k) => k in o) && Object.keys(o).every((k) => required.includes(k) || optional.includes(k));
const tagSet = (t: unknown) => (Array.isArray(t) ? [...new Set(t.map(String))].sort().join('\t') : String(t ?? ''));

type Verdict = 'valid' | 'type' | 'value';

/** `extraMembersOnly`: the input would be valid but for members §3 does not list (runDraw ignores them). */
function oracle(input: Record<string, unknown>): { verdict: Verdict; extraMembersOnly: boolean } {
  let typeProblem = false;
  let membersProblem = false;
  let valueProblem = false;
  const type = (ok: boolean) => void (ok || (typeProblem = true));
  const value = (ok: boolean) => void (ok || (valueProblem = true));
  const strata = input.strata as Record<string, unknown>[];
  const tagsOk = (t: unknown) => t === undefined || (Array.isArray(t) && t.every((x) => typeof x === 'string'));
  const entityTags = new Map<string, string>();
  for (const s of strata) {
    membersProblem ||= !exactly(s, ['key', 'ratio', 'entities'], ['minCount']);
    type(typeof s.key === 'string' && typeof s.ratio === 'string' && (s.minCount === undefined || typeof s.minCount === 'number'));
    value(isText(s.key) && decimalUnits(s.ratio) !== null && decimalUnits(s.ratio)! <= 10000n && (s.minCount === undefined || isInteger(s.minCount, 0)));
    const keys = new Set<unknown>();
    let total = 0n;
    for (const e of s.entities as Record<string, unknown>[]) {
      membersProblem ||= !exactly(e, ['key', 'weight'], ['tags']);
      type(typeof e.key === 'string' && typeof e.weight === 'string' && tagsOk(e.tags));
      const units = decimalUnits(e.weight);
      value(isText(e.key) && units !== null && units >= 1n && !keys.has(e.key));
      if (Array.isArray(e.tags)) value(e.tags.every(isText));
      keys.add(e.key);
      total += units ?? 0n;
      if (typeof e.key === 'string') {
        const set = tagSet(e.tags);
        value(!entityTags.has(e.key) || entityTags.get(e.key) === set);
        entityTags.set(e.key, set);
      }
    }
    value(total <= 2n ** 53n);
  }
  value(new Set(strata.map((s) => s.key)).size === strata.length);
  const inspectors = input.inspectors as Record<string, unknown>[];
  for (const i of inspectors) {
    membersProblem ||= !exactly(i, ['key', 'group'], ['tags']);
    type(typeof i.key === 'string' && typeof i.group === 'string' && tagsOk(i.tags));
    value(isText(i.key) && isText(i.group) && (!Array.isArray(i.tags) || i.tags.every(isText)));
  }
  value(new Set(inspectors.map((i) => i.key)).size === inspectors.length);
  type(typeof input.teamSize === 'number' && (input.workloadCap === null || typeof input.workloadCap === 'number'));
  value(isInteger(input.teamSize, 0) && (input.workloadCap === null || isInteger(input.workloadCap, 1)));
  const required = input.requiredGroups as { stratumKey: unknown; groups: unknown[] }[];
  for (const r of required) {
    type(r.groups.every((x) => typeof x === 'string'));
    value(strata.some((s) => s.key === r.stratumKey) && r.groups.every(isText) && new Set(r.groups).size === r.groups.length);
  }
  value(new Set(required.map((r) => r.stratumKey)).size === required.length);
  const pairs = new Set<string>();
  for (const x of input.exclusions as Record<string, unknown>[]) {
    value(isText(x.entityKey) && isText(x.inspectorKey) && isText(x.reason));
    value(inspectors.some((i) => i.key === x.inspectorKey) && entityTags.has(x.entityKey as string));
    value(!pairs.has(`${String(x.entityKey)}\n${String(x.inspectorKey)}`));
    pairs.add(`${String(x.entityKey)}\n${String(x.inspectorKey)}`);
  }
  const verdict: Verdict = typeProblem || membersProblem ? 'type' : valueProblem ? 'value' : 'valid';
  return { verdict, extraMembersOnly: membersProblem && !typeProblem && !valueProblem };
}

// ---- An independent writer of the canonical text (section 4.2).
const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const normal = (d: string) => {
  const u = decimalUnits(d)!;
  const frac = String(u % 10000n)
    .padStart(4, '0')
    .replace(/0+$/u, '');
  return frac ? `${u / 10000n}.${frac}` : `${u / 10000n}`;
};
const tagText = (t: unknown) => {
  const set = tagSet(t);
  return set ? `\t${[...new Set(t as string[])].sort(byUnits).join('\t')}` : '';
};

function oracleText(input: DrawInput): string {
  let out = `spotcheck-draw/1\nteam-size\t${input.teamSize}\nworkload-cap\t${input.workloadCap ?? 'none'}\n`;
  for (const s of [...input.strata].sort((a, b) => byUnits(a.key, b.key))) {
    out += `stratum\t${s.key}\t${normal(s.ratio)}\t${s.minCount ?? 0}\n`;
    const req = input.requiredGroups.find((r) => r.stratumKey === s.key);
    for (const g of [...(req?.groups ?? [])].sort(byUnits)) out += `require\t${s.key}\t${g}\n`;
    for (const e of [...s.entities].sort((a, b) => byUnits(a.key, b.key))) out += `entity\t${s.key}\t${e.key}\t${normal(e.weight)}${tagText(e.tags)}\n`;
  }
  for (const i of [...input.inspectors].sort((a, b) => byUnits(a.key, b.key))) out += `inspector\t${i.key}\t${i.group}${tagText(i.tags)}\n`;
  const exclusions = [...input.exclusions].sort((a, b) => byUnits(a.entityKey, b.entityKey) || byUnits(a.inspectorKey, b.inspectorKey));
  for (const x of exclusions) out += `exclude\t${x.entityKey}\t${x.inspectorKey}\t${x.reason}\n`;
  return out;
}

// ---- The test.
const SERVER_SEED = '0f'.repeat(32);
const ENTROPY = ['witness:😀:1', 'lottery:2026001'];
const ROUNDS = 4000;

/** A valid record to carry inputs into verifyDraw (its hash and result do not matter for checks 2 and 3). */
const carrier = runDraw(
  {
    strata: [{ key: 's', ratio: '1', entities: [{ key: 'e', weight: '1' }] }],
    inspectors: [
      { key: 'a', group: 'g' },
      { key: 'b', group: 'g' },
    ],
    teamSize: 2,
    workloadCap: null,
    requiredGroups: [],
    exclusions: [],
  },
  SERVER_SEED,
  ENTROPY,
);

function prepareVerdict(input: unknown): 'accepted' | DrawInputError {
  try {
    prepareInput(input as DrawInput);
    return 'accepted';
  } catch (error) {
    if (error instanceof DrawInputError) return error;
    throw error;
  }
}

/**
 * One small change to a valid input, of the kinds that matter to the canonical text: a weight, a tag
 * moved between fields, a key that ends in what looks like a field (the collision), the team size.
 */
function mutate(g: Gen, input: DrawInput): DrawInput {
  const m = structuredClone(input);
  const stratum = m.strata.find((s) => s.entities.length > 0);
  const entity = stratum ? g.pick(stratum.entities) : undefined;
  switch (g.int(6)) {
    case 0:
      if (entity) entity.weight = g.pick(GOOD_DECIMALS);
      break;
    case 1:
      if (entity) entity.tags = [...(entity.tags ?? []), entity.weight.replace(/\./u, '')];
      break;
    case 2: // "😀<TAB>9" weight 1 for "😀" weight 9 with tag "1": must never read as the same line
      if (entity) {
        entity.key = `${entity.key}\t${entity.weight}`;
        entity.weight = g.pick(GOOD_DECIMALS);
      }
      break;
    case 3:
      if (entity?.tags?.length) entity.weight = entity.tags.shift()!;
      break;
    case 4:
      m.teamSize += 1;
      break;
    default:
      if (m.inspectors.length) m.inspectors[0]!.group = `${m.inspectors[0]!.group}\t${g.pick(['r:1', 'x'])}`;
  }
  return m;
}

const ODD_SPELLINGS = (n: number) => [`${n}.0`, `${n}e0`, `${n}E+0`, `${n}.000`, `0${n}`, `-${n}`, `+${n}`, `${n * 10}e-1`];

describe('the canonical form, on random inputs (fixed seed)', () => {
  const g = generator(0x5eed_2026);
  const byText = new Map<string, string>();
  const hashes = new Set<string>();
  const counts = { valid: 0, type: 0, value: 0, records: 0, spellings: 0, neighbours: 0 };

  it(`agrees with an independent reading of the spec on ${ROUNDS} inputs`, () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const input = randomInput(g, round % 3 === 0 ? 0 : 0.06);
      const { verdict, extraMembersOnly } = oracle(input);
      counts[verdict] += 1;
      const prepared = prepareVerdict(input);
      const context = () => JSON.stringify(input);

      // prepareInput (runDraw's reading of a host's input) refuses exactly the invalid inputs; it reads only
      // the members of section 3, so members it does not know are ignored there (and refused in a record).
      const prepareAccepts = verdict === 'valid' || extraMembersOnly;
      if ((prepared === 'accepted') !== prepareAccepts)
        throw new Error(`prepareInput ${prepared === 'accepted' ? 'accepted' : `refused (${prepared.path})`} ${context()}: expected ${verdict}`);

      // In a record: a member or JSON type is check 2, any other rule check 3.
      const record = { ...structuredClone(carrier), input };
      const checked = verifyDraw(record);
      const code = checked.ok ? 'ok' : checked.code;
      const agrees =
        verdict === 'type' ? code === 'MALFORMED_RECORD' : verdict === 'value' ? code === 'INVALID_INPUT' : code === 'INPUT_HASH_MISMATCH' || code === 'ok';
      if (!agrees) throw new Error(`verifyDraw said ${code} for ${context()}: expected ${verdict}`);
      if (prepared !== 'accepted') continue;

      const canonical = canonicalInput(prepareInput(input as unknown as DrawInput));
      const text = canonicalInputText(input as unknown as DrawInput);
      // Differential: the same text as written here from the spec alone.
      expect(text).toBe(oracleText(input as unknown as DrawInput));
      // Parse-back: the text stands for exactly one input.
      const back = parseCanonicalInputText(text);
      expect(back).toEqual(canonical);
      expect(canonicalInputText(back)).toBe(text);
      // Injectivity: one text, one canonical input (and so one hash, one input).
      const json = JSON.stringify(canonical);
      const before = byText.get(text);
      if (before !== undefined && before !== json) throw new Error(`two inputs, one canonical text:\n${before}\n${json}`);
      byText.set(text, json);
      hashes.add(inputHashOf(canonical));

      // A nearby input: a different canonical input gives a different text, and the same text the same input.
      const other = mutate(g, canonical);
      if (prepareVerdict(other) === 'accepted') {
        const otherText = canonicalInputText(other);
        const same = JSON.stringify(canonicalInput(prepareInput(other))) === json;
        if (same !== (otherText === text)) throw new Error(`a changed input and its text disagree:\n${json}\n${JSON.stringify(other)}`);
        counts.neighbours += 1;
      }

      // The whole record: runDraw's record verifies, as a value and as JSON text.
      if (round % 4 !== 0) continue;
      const drawn: DrawRecord = runDraw(input as unknown as DrawInput, SERVER_SEED, ENTROPY, { onInfeasible: 'record' });
      counts.records += 1;
      expect(verifyDraw(drawn)).toEqual({ ok: true, revealed: true });
      const recordText = JSON.stringify(drawn);
      expect(verifyDrawText(recordText)).toEqual({ ok: true, revealed: true });
      // Odd spellings of an integer in the text are refused, the plain one accepted.
      const plain = `"teamSize":${drawn.input.teamSize}`;
      const odd = g.pick(ODD_SPELLINGS(drawn.input.teamSize));
      const oddText = recordText.replace(plain, `"teamSize":${odd}`);
      counts.spellings += 1;
      expect(verifyDrawText(oddText)).toMatchObject({ ok: false, code: 'MALFORMED_RECORD' });
    }
    // Parse-back makes the canonical text injective; different texts also gave different hashes.
    expect(hashes.size).toBe(byText.size);
    // The generator reaches every kind of input often enough to mean something.
    expect(counts.valid).toBeGreaterThan(ROUNDS / 4);
    expect(counts.type).toBeGreaterThan(ROUNDS / 20);
    expect(counts.value).toBeGreaterThan(ROUNDS / 10);
    expect(counts.records).toBeGreaterThan(200);
    expect(counts.neighbours).toBeGreaterThan(400);
  });

  it('refuses a canonical text that is not exactly canonical', () => {
    const input: DrawInput = {
      strata: [
        {
          key: 's',
          ratio: '0.5',
          entities: [
            { key: 'b', weight: '1' },
            { key: 'a', weight: '2', tags: ['t'] },
          ],
        },
      ],
      inspectors: [{ key: 'i', group: 'g' }],
      teamSize: 2,
      workloadCap: 3,
      requiredGroups: [],
      exclusions: [{ entityKey: 'a', inspectorKey: 'i', reason: 'RECUSAL' }],
    };
    const text = canonicalInputText(input);
    expect(parseCanonicalInputText(text)).toEqual(canonicalInput(prepareInput(input)));
    const variants = [
      text.replace('entity\ts\ta\t2\tt\nentity\ts\tb\t1\n', 'entity\ts\tb\t1\nentity\ts\ta\t2\tt\n'), // unsorted
      text.replace('\t2\tt', '\t2.0\tt'), // a decimal not in normal form
      text.replace('\t2\tt', '\t2\tt\tt'), // a repeated tag
      text.replace('team-size\t2', 'team-size\t02'),
      text.replace('workload-cap\t3', 'workload-cap\t-0'),
      text.replace('inspector\ti\tg\n', ''), // the exclusion now names nobody
      text.slice(0, -1), // no final LF
      text.replace('\n', '\r\n'),
      `${text}inspector\tj\tg\n`, // an inspector after an exclusion
      text.replace('stratum\ts', 'stratum\t😀\t9'),
    ];
    for (const v of variants) expect(() => parseCanonicalInputText(v)).toThrow(DrawInputError);
  });
});
