import type { EntityManager } from 'typeorm';
import { beijingDate, creditLoopOf, creditLookback, creditStatusOf, type CreditFact, type CreditStatus } from '@spotcheck/shared';
import { RuleSetVersion } from '../rules/rule-set.entity';

const RANK: Record<CreditStatus, number> = { NORMAL: 0, WATCH: 1, BLACKLIST: 2 };

/** The decided list entries (信用公示) in force on `today`, per entity: the heavier list when on both. */
async function entriesInForce(m: EntityManager, today: string, entityIds?: readonly string[]): Promise<Map<string, CreditStatus>> {
  const rows = (await m.query(
    `SELECT entity_id, list FROM credit_list_entries
      WHERE tenant_id = app_current_tenant() AND status = 'APPROVED' AND decided_on <= $1 AND valid_until >= $1
        AND ($2::uuid[] IS NULL OR entity_id = ANY($2))`,
    [today, entityIds ?? null],
  )) as { entity_id: string; list: CreditStatus }[];
  const out = new Map<string, CreditStatus>();
  for (const r of rows) if (RANK[r.list] > RANK[out.get(r.entity_id) ?? 'NORMAL']) out.set(r.entity_id, r.list);
  return out;
}

/** The bureau's current rules, as stored (the transaction runs in the bureau's scope). */
export async function currentRules(m: EntityManager): Promise<unknown> {
  const latest = await m.findOne(RuleSetVersion, { where: {}, order: { version: 'DESC' } });
  return latest?.rules ?? null;
}

/**
 * Brings `market_entities.credit_status` up to date under `rules`, as of `now`, for the given entities
 * or else for every entity that can have a status other than NORMAL: those with a credit record inside
 * the rules' look-back, those with a decided list entry in force (the heavier of the two lists counts),
 * and those flagged now (found through the partial index). That is a few rows per
 * published problem, never a scan of the directory. Runs in the bureau's transaction.
 */
export async function refreshCreditStatuses(
  m: EntityManager,
  rules: unknown,
  entityIds?: readonly string[],
  now = new Date(),
): Promise<Map<string, CreditStatus>> {
  const loop = creditLoopOf(rules);
  const since = creditLookback(loop, now);
  const facts = (await m.query(
    `SELECT entity_id, result_category, problem, published_at, superseded_at IS NOT NULL AS superseded FROM credit_records
      WHERE published_at > $1 AND ($2::uuid[] IS NULL OR entity_id = ANY($2))`,
    [since, entityIds ?? null],
  )) as { entity_id: string; result_category: string; problem: boolean; published_at: Date; superseded: boolean }[];
  const byEntity = new Map<string, CreditFact[]>();
  for (const f of facts) {
    let list = byEntity.get(f.entity_id);
    if (!list) byEntity.set(f.entity_id, (list = []));
    list.push({ resultCategory: f.result_category, problem: f.problem, publishedAt: new Date(f.published_at), superseded: f.superseded });
  }
  const flagged = (await m.query(`SELECT id FROM market_entities WHERE credit_status <> 'NORMAL' AND ($1::uuid[] IS NULL OR id = ANY($1))`, [
    entityIds ?? null,
  ])) as { id: string }[];
  const decided = await entriesInForce(m, beijingDate(now), entityIds);
  const candidates = new Set([...(entityIds ?? []), ...byEntity.keys(), ...decided.keys(), ...flagged.map((r) => r.id)]);
  const statuses = new Map<string, CreditStatus>();
  for (const id of candidates) {
    const derived = creditStatusOf(byEntity.get(id) ?? [], loop, now);
    const entry = decided.get(id) ?? 'NORMAL';
    statuses.set(id, RANK[entry] > RANK[derived] ? entry : derived);
  }
  if (statuses.size) {
    await m.query(
      `UPDATE market_entities e SET credit_status = v.status
         FROM unnest($1::uuid[], $2::text[]) AS v(id, status)
        WHERE e.id = v.id AND e.credit_status IS DISTINCT FROM v.status`,
      [[...statuses.keys()], [...statuses.values()]],
    );
  }
  return statuses;
}

/**
 * What the draw reads: refreshes every status under the rules the draw is frozen with, then answers the
 * entities on a list (usually few). Everyone else is NORMAL and weighs as before.
 */
export async function listedEntities(m: EntityManager, rules: unknown): Promise<Map<string, CreditStatus>> {
  const statuses = await refreshCreditStatuses(m, rules);
  for (const [id, status] of statuses) if (status === 'NORMAL') statuses.delete(id);
  return statuses;
}
