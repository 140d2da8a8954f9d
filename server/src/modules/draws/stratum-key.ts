/**
 * How SpotCheck names what it puts in a draw input (docs/draw-spec.md, “How SpotCheck builds the
 * input”): stratum keys that say which item (and risk class) was drawn, and conflict tags.
 */

/** Risk strata in the order the pool summary lists them; NONE holds the entities without a risk level. */
export const RISK_STRATA = ['HIGH', 'MEDIUM', 'LOW', 'NONE'] as const;
export type RiskStratum = (typeof RISK_STRATA)[number];

/** `item:<id>`, or `item:<id>|risk:<LEVEL>` when the rules split each item by risk level. */
export function stratumKey(itemId: string, risk?: RiskStratum): string {
  return risk ? `item:${itemId}|risk:${risk}` : `item:${itemId}`;
}

/** The item id of a stratum key (either form). */
export function itemOfStratum(key: string): string {
  const bar = key.indexOf('|');
  return key.slice('item:'.length, bar < 0 ? undefined : bar);
}

/** Conflict tag of an entity's region and of an inspector's 属地 (same-region recusal). */
export const regionTag = (code: string): string => `region:${code}`;

/** Conflict tag of an entity's supervising department and of an inspector's department (same-department recusal). */
export const departmentTag = (id: string): string => `dept:${id}`;
