/**
 * What a supervisor checks with a pseudonymous draw's key map (docs/draw-spec.md §16.3): every pseudonym
 * recomputes from the draw secret and what it stands for, and every key of the public record is in the
 * map. Then the record, verified by anyone, is a draw of exactly the bureau's pool.
 */
import { pseudonymOf, type PseudonymKind } from '@spotcheck/shared';

export interface KeyMap {
  drawSecret: string;
  strata: [string, string][];
  entities: [string, string][];
  inspectors: [string, string][];
  tags: [string, string][];
}

export interface KeyMapCheck {
  counts: Record<'strata' | 'entities' | 'inspectors' | 'tags', number>;
  /** Pseudonyms that do not recompute, or record keys the map does not hold. */
  problems: string[];
  drawn: { pseudonym: string; key: string; team: string[] }[];
}

type RecordLike = {
  input?: {
    strata?: { key: string; entities?: { key: string; weight?: string; tags?: string[] }[] }[];
    inspectors?: { key: string; tags?: string[] }[];
  };
  result?: { teams?: { entityKey: string; inspectorKeys: string[] }[] } | null;
};

const KINDS: ['strata' | 'entities' | 'inspectors' | 'tags', PseudonymKind][] = [
  ['strata', 'stratum'],
  ['entities', 'entity'],
  ['inspectors', 'inspector'],
  ['tags', 'tag'],
];

export function checkKeyMap(map: KeyMap, record: RecordLike): KeyMapCheck {
  const problems: string[] = [];
  for (const [list, kind] of KINDS) {
    for (const [pseudonym, key] of map[list]) if (pseudonymOf(map.drawSecret, kind, key) !== pseudonym) problems.push(`${kind} ${key} → ${pseudonym}`);
  }
  const [strata, entities, inspectors, tags] = KINDS.map(([list]) => new Map(map[list]));
  const need = (m: Map<string, string>, key: string, kind: string) => {
    if (!m.has(key)) problems.push(`${kind} ${key}`);
  };
  for (const s of record.input?.strata ?? []) {
    need(strata!, s.key, 'stratum');
    for (const e of s.entities ?? []) {
      need(entities!, e.key, 'entity');
      for (const t of e.tags ?? []) need(tags!, t, 'tag');
    }
  }
  for (const i of record.input?.inspectors ?? []) {
    need(inspectors!, i.key, 'inspector');
    for (const t of i.tags ?? []) need(tags!, t, 'tag');
  }
  const drawn = (record.result?.teams ?? []).map((t) => ({
    pseudonym: t.entityKey,
    key: entities!.get(t.entityKey) ?? '?',
    team: t.inspectorKeys.map((k) => inspectors!.get(k) ?? '?'),
  }));
  return { counts: { strata: map.strata.length, entities: map.entities.length, inspectors: map.inspectors.length, tags: map.tags.length }, problems, drawn };
}

/** One entity's line in the record, found by its USCC through the map: in how many strata, with what weight, drawn or not. */
export interface PoolLine {
  pseudonym: string;
  strata: number;
  weight: string | null;
  drawn: boolean;
}

export function poolLineOf(map: KeyMap, record: RecordLike, uscc: string): PoolLine | null {
  const found = map.entities.find(([, key]) => key === uscc.trim());
  if (!found) return null;
  const [pseudonym] = found;
  let strata = 0;
  let weight: string | null = null;
  for (const s of record.input?.strata ?? []) {
    const line = s.entities?.find((e) => e.key === pseudonym);
    if (line) {
      strata += 1;
      weight = line.weight ?? weight;
    }
  }
  return { pseudonym, strata, weight, drawn: (record.result?.teams ?? []).some((t) => t.entityKey === pseudonym) };
}
