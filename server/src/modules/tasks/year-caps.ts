import type { EntityManager } from 'typeorm';
import { itemRoundViolations, type ItemCap, type ItemRoundUse, type RiskClass, type RuleViolation } from '@spotcheck/shared';
import { AppError } from '../../graphql/errors';
import { AnnualPlanItem } from '../plans/annual-plan-item.entity';
import type { AnnualPlan } from '../plans/annual-plan.entity';
import { publishedPlanOf } from '../plans/plan.service';
import type { InspectionItem } from '../items/inspection-item.entity';
import { TaskKind } from './task.entity';
import { RuleSetVersion } from '../rules/rule-set.entity';

/**
 * The live uses of the year's rounds, in this bureau: its own tasks (drafts, frozen, drawn; not cancelled)
 * and the joint tasks of other bureaus it takes part in with its own items, read through the joint views
 * (the participation row is the participant's; the lead's task only as joint_task_parties shows it).
 */
export async function roundsUsed(m: EntityManager, tenantId: string, year: number, exceptTaskId: string | null): Promise<ItemRoundUse[]> {
  const own = (await m.query(
    `SELECT t.id, t.title, array_agg(ti.item_id) AS item_ids, t.target_filter->'riskClasses' AS risk_classes
       FROM tasks t JOIN task_items ti ON ti.tenant_id = t.tenant_id AND ti.task_id = t.id
      WHERE t.tenant_id = $1 AND t.status <> 'CANCELLED' AND date_part('year', t.starts_on) = $2 AND t.id IS DISTINCT FROM $3
      GROUP BY t.id, t.title, t.target_filter`,
    [tenantId, year, exceptTaskId],
  )) as { id: string; title: string; item_ids: string[]; risk_classes: RiskClass[] | null }[];
  const uses = new Map<string, { label: string; itemIds: Set<string>; riskClasses?: RiskClass[] }>(
    own.map((t) => [t.id, { label: `“${t.title}”`, itemIds: new Set(t.item_ids), riskClasses: t.risk_classes ?? undefined }]),
  );
  const joint = (await m.query(
    `SELECT v.task_id, v.title, v.lead_tenant_name, p.item_ids
       FROM joint_task_parties v JOIN joint_participants p ON p.tenant_id = v.tenant_id AND p.id = v.participation_id
      WHERE v.tenant_id = $1 AND v.status IN ('INVITED', 'ACCEPTED') AND v.task_status <> 'CANCELLED'
        AND date_part('year', v.starts_on) = $2 AND v.task_id IS DISTINCT FROM $3`,
    [tenantId, year, exceptTaskId],
  )) as { task_id: string; title: string; lead_tenant_name: string; item_ids: string[] }[];
  for (const j of joint) {
    // A department of this bureau in this bureau's own joint task adds its items to that task's round. Another
    // bureau's joint task counts as a round of every risk class: its target filter is not readable here.
    const use = uses.get(j.task_id) ?? { label: `联合抽查“${j.title}”（${j.lead_tenant_name}牵头）`, itemIds: new Set<string>() };
    for (const id of j.item_ids) use.itemIds.add(id);
    uses.set(j.task_id, use);
  }
  return [...uses.values()].map((u) => ({ label: u.label, itemIds: [...u.itemIds], riskClasses: u.riskClasses }));
}

/**
 * What a task of `kind` over `items` in `year` breaks in the yearly caps: the items' 频次 and, for a task
 * of the plan, the rounds the year's published plan gives each item — per risk class, each class with the
 * extra rounds of the rules in force, a task restricted to `riskClasses` counting for those classes only.
 */
export async function yearCapViolations(
  m: EntityManager,
  tenantId: string,
  year: number,
  kind: TaskKind,
  items: InspectionItem[],
  exceptTaskId: string | null,
  riskClasses?: readonly RiskClass[],
): Promise<RuleViolation[]> {
  // Two tasks saved at once must not both take the year's last round of an item.
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`year-caps:${tenantId}:${year}`]);
  const plan: AnnualPlan | null = kind === TaskKind.PLANNED ? await publishedPlanOf(m, tenantId, year) : null;
  const planned = plan ? new Map((await m.findBy(AnnualPlanItem, { tenantId, planId: plan.id })).map((p) => [p.itemId, p.rounds])) : null;
  const caps: ItemCap[] = items.map((item) => ({
    itemId: item.id,
    itemName: item.name,
    frequencyPerYear: item.frequencyPerYear,
    plannedRounds: planned ? (planned.get(item.id) ?? 0) : null,
  }));
  const rules = await m.findOneOrFail(RuleSetVersion, { where: { tenantId }, order: { version: 'DESC' } });
  return itemRoundViolations(year, caps, await roundsUsed(m, tenantId, year, exceptTaskId), { riskClasses }, rules.rules.risk);
}

/** One RULE_VIOLATION for all that is broken, naming the first rule and listing every violation. */
export function refuseViolations(prefix: string, violations: RuleViolation[]): void {
  if (!violations.length) return;
  throw new AppError('RULE_VIOLATION', `${prefix}：${violations.map((v) => v.message).join('；')}`, { rule: violations[0]!.rule, violations });
}
