/**
 * A second, naive implementation of the algorithm written straight from docs/draw-spec.md (linear
 * scans, no Fenwick trees, no load buckets), compared with the real one on many random inputs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodeUnits, toHex } from './bytes';
import { drawFromSeed } from './draw';
import { DrawInfeasibleError } from './errors';
import { prepareInput, type PreparedInput } from './input';
import type { DrawInput, DrawOutcome, DrawRecord } from './record';
import { DrawStream } from './stream';

function naiveDraw(p: PreparedInput, seed: Uint8Array): DrawOutcome | { constraint: string; entityKey?: string } {
  const selections = p.strata.map((s, index) => {
    const stream = new DrawStream(seed, 1, index);
    const live = Array.from(s.units);
    const keys: string[] = [];
    for (let step = 0; step < s.count; step += 1) {
      const total = live.reduce((a, b) => a + b, 0);
      const r = stream.uniformInt(total);
      let acc = 0;
      let i = 0;
      for (; i < live.length; i += 1) {
        acc += live[i]!;
        if (r < acc) break;
      }
      keys.push(s.entityKeys[i]!);
      live[i] = 0;
    }
    return { stratumKey: s.key, entityKeys: keys };
  });
  const order: string[] = [];
  const groupsOf = new Map<string, Set<string>>();
  selections.forEach((sel, s) => {
    for (const e of sel.entityKeys) {
      if (!groupsOf.has(e)) {
        order.push(e);
        groupsOf.set(e, new Set());
      }
      for (const g of p.strata[s]!.requiredGroups) groupsOf.get(e)!.add(g);
    }
  });
  const stream = new DrawStream(seed, 2, 0);
  const load = new Map(p.inspectorKeys.map((k) => [k, 0]));
  const groupOfKey = new Map(p.inspectorKeys.map((k, i) => [k, p.inspectorGroups[i]!]));
  const teams = [];
  for (const e of order) {
    const excluded = new Set(p.exclusions.filter((x) => x.entityKey === e).map((x) => x.inspectorKey));
    // Conflict tags: every inspector sharing a tag with the entity is excluded too.
    const holder = p.strata.find((s) => s.tags && s.entityKeys.includes(e));
    const entityTags = holder ? (holder.tags![holder.entityKeys.indexOf(e)] ?? []) : [];
    p.inspectorKeys.forEach((k, i) => {
      if ((p.inspectorTags?.[i] ?? []).some((t) => entityTags.includes(t))) excluded.add(k);
    });
    const team: string[] = [];
    const pickFrom = (group: string | null): string | null => {
      const candidates = p.inspectorKeys.filter(
        (k) =>
          (group === null || groupOfKey.get(k) === group) && !excluded.has(k) && !team.includes(k) && (p.workloadCap === null || load.get(k)! < p.workloadCap),
      );
      if (candidates.length === 0) return null;
      const least = Math.min(...candidates.map((k) => load.get(k)!));
      const tied = candidates.filter((k) => load.get(k) === least); // already in key order
      return tied[stream.uniformInt(tied.length)]!;
    };
    for (const g of [...groupsOf.get(e)!].sort(compareCodeUnits)) {
      const k = pickFrom(g);
      if (k === null) return { constraint: 'TEAM', entityKey: e };
      team.push(k);
      load.set(k, load.get(k)! + 1);
    }
    while (team.length < p.teamSize) {
      const k = pickFrom(null);
      if (k === null) return { constraint: 'TEAM', entityKey: e };
      team.push(k);
      load.set(k, load.get(k)! + 1);
    }
    teams.push({ entityKey: e, inspectorKeys: team });
  }
  return { selections, teams };
}

function randomInput(rand: () => number, withTags = false): DrawInput {
  const groups = ['A局', 'B局', 'C局'].slice(0, 1 + (rand() % 3));
  const entityPool = Array.from({ length: 30 }, (_, i) => `9100${String(i).padStart(2, '0')}`);
  const strata = Array.from({ length: 1 + (rand() % 3) }, (_, s) => {
    const n = rand() % 15;
    const start = rand() % 15;
    return {
      key: `item:${s}${rand() % 2 ? '|risk:HIGH' : ''}`,
      ratio: ['0.1', '0.25', '0.5', '1', '0.05'][rand() % 5]!,
      minCount: rand() % 3,
      entities: entityPool.slice(start, start + n).map((key) => ({ key, weight: ['1', '0.5', '2', '1.25', '3'][rand() % 5]! })),
    };
  });
  const inspectors = Array.from({ length: 4 + (rand() % 10) }, (_, i) => ({ key: `INS${i}`, group: groups[rand() % groups.length]! }));
  const requiredGroups = strata.filter(() => rand() % 2 === 0).map((s) => ({ stratumKey: s.key, groups: groups.filter(() => rand() % 2 === 0) }));
  const exclusions = [];
  const allEntities = [...new Set(strata.flatMap((s) => s.entities.map((e) => e.key)))];
  for (let x = 0; x < rand() % 10 && allEntities.length > 0; x += 1) {
    exclusions.push({ entityKey: allEntities[rand() % allEntities.length]!, inspectorKey: inspectors[rand() % inspectors.length]!.key, reason: 'RECUSAL' });
  }
  const unique = new Map(exclusions.map((x) => [`${x.entityKey}\u0000${x.inspectorKey}`, x]));
  if (withTags) {
    const tags = ['region:1', 'region:2', 'dept:1', 'dept:2'];
    const pick = () => tags.filter(() => rand() % 3 === 0);
    const ofEntity = new Map(allEntities.map((key) => [key, pick()]));
    for (const s of strata) for (const e of s.entities) (e as { tags?: string[] }).tags = ofEntity.get(e.key)!;
    for (const i of inspectors) (i as { tags?: string[] }).tags = pick();
  }
  return {
    strata,
    inspectors,
    teamSize: 2 + (rand() % 2),
    workloadCap: rand() % 3 === 0 ? null : 1 + (rand() % 6),
    requiredGroups,
    exclusions: [...unique.values()],
  };
}

describe('reference implementation', () => {
  it.each([
    ['', false],
    [' with conflict tags', true],
  ])('agrees with the real draw on 400 random inputs%s (successes and failures alike)', (_what, withTags) => {
    let counter = 0;
    const rand = () =>
      createHash('sha256')
        .update(`reference${withTags ? '-tags' : ''}:${counter++}`)
        .digest()
        .readUInt32BE(0);
    let successes = 0;
    let failures = 0;
    for (let trial = 0; trial < 400; trial += 1) {
      const input = randomInput(rand, withTags);
      const prepared = prepareInput(input);
      const seed = createHash('sha256').update(`seed:${trial}`).digest();
      let real: DrawOutcome | { constraint: string; entityKey?: string };
      try {
        real = drawFromSeed(prepared, seed);
      } catch (error) {
        if (!(error instanceof DrawInfeasibleError)) throw error;
        if (error.phase === 'precheck') continue; // the naive version has no precheck
        real = { constraint: 'TEAM', entityKey: error.entityKey! };
      }
      const naive = naiveDraw(prepared, seed);
      expect({ trial, seed: toHex(seed), outcome: naive }).toEqual({ trial, seed: toHex(seed), outcome: real });
      if ('teams' in real) successes += 1;
      else failures += 1;
    }
    expect(successes).toBeGreaterThan(100);
    expect(failures).toBeGreaterThan(5);
  });

  it('reproduces the conflict-tags vector', () => {
    const { record } = JSON.parse(readFileSync(join(__dirname, 'vectors', 'conflict-tags.json'), 'utf8')) as { record: DrawRecord };
    expect(naiveDraw(prepareInput(record.input), Buffer.from(record.seed, 'hex'))).toEqual(record.result);
  });
});
