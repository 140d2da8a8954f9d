/**
 * An entity's own line in a pseudonymous (spotcheck-draw/2) record: from its USCC and the salt its access
 * code gave it, it recomputes its pseudonym (docs/draw-spec.md §16.2) and finds where the record lists it,
 * with what weight, whether it was drawn, and its team (by pseudonym). Nothing else in the record opens.
 */
import { pseudonymFromSalt } from '@spotcheck/shared/dist/draw';

export interface OwnKey {
  key: string;
  salt: string;
}

export interface OwnLine {
  pseudonym: string;
  /** How many strata list it, and its weight there (the same in every stratum of one entity). */
  strata: number;
  weight: string | null;
  drawn: boolean;
  /** Its team's inspector pseudonyms, in pick order. */
  team: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function ownLineOf(record: Json, own: OwnKey): OwnLine | null {
  let pseudonym: string;
  try {
    pseudonym = pseudonymFromSalt(own.salt, 'entity', own.key);
  } catch {
    return null;
  }
  const input = isObject(record.input) ? record.input : {};
  let strata = 0;
  let weight: string | null = null;
  for (const stratum of list(input.strata).filter(isObject)) {
    const line = list(stratum.entities)
      .filter(isObject)
      .find((e) => e.key === pseudonym);
    if (line) {
      strata += 1;
      weight = typeof line.weight === 'string' ? line.weight : weight;
    }
  }
  const result = isObject(record.result) ? record.result : {};
  const team = list(result.teams)
    .filter(isObject)
    .find((t) => t.entityKey === pseudonym);
  return { pseudonym, strata, weight, drawn: !!team, team: team ? list(team.inspectorKeys).filter((k): k is string => typeof k === 'string') : [] };
}
