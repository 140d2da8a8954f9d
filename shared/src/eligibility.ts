import { ACTIVE_ENTITY_STATUSES } from './directories';
import { creditLoopOf, creditStatusWeight, type CreditStatus } from './credit-loop';
import { riskClassOf, riskWeight, type RiskClass } from './risk-rules';
import type { RuleSet } from './rules';
import { yearExclusion, type EntityYear, type PoolExclusionRule } from './year-caps';

/**
 * Who may be drawn for an item of a task: the rules of the seeds as pure functions, one per rule, in the
 * order the pool applies them (docs/draw-spec.md §15.1; the server's draws/pool.ts only reads the rows).
 *
 * 1. The directory: entities that still exist (`poolStatuses`, 存续/在业 unless the task names statuses).
 * 2. The item's object (`itemTargets`): “企业” covers every entity but natural persons, else the entity's
 *    own target type must be the item's.
 * 3. A task restricted to risk classes (风险分类监管, 000 第十一条) draws only those (`riskClassOf`).
 * 4. `poolExclusion`: credit exemption (守信企业“可予以不抽查”, 000 第八条), then the year's caps
 *    (“抽查次数不超过2次”, “原则上不再列入当年抽查名单”, 000 第十一条; `yearExclusion`).
 * 5. The rest are eligible, with the weight of `entityWeight`.
 */

/** The facts of one entity of the directory the rules read. */
export interface PoolEntityFacts {
  targetType: string | null;
  /** Null: not graded, treated as B. */
  creditClass: string | null;
  complaints: number;
  hasViolation: boolean;
  riskLevel: string | null;
  /** The credit loop's list (watch list, blacklist); absent: not listed. */
  creditStatus?: CreditStatus;
  /**
   * 联合惩戒: the province's weight when the entity (by USCC) is on another bureau's blacklist in the
   * province that adopted it; absent: not. It stands in for the list weight when it is the larger.
   */
  jointPunishmentWeight?: number;
  /** Its draws this year (own and as a joint participant); absent: none. */
  history?: EntityYear;
}

export type CreditClassKey = 'A' | 'B' | 'C' | 'D';

/** The statuses a task's pool reads: those the task's filter names, else the entities that still exist. */
export function poolStatuses(filterStatuses?: readonly string[] | null): string[] {
  return filterStatuses?.length ? [...filterStatuses] : [...ACTIVE_ENTITY_STATUSES];
}

/**
 * Whether an item applies to an entity of `entityTarget` type. The task's own target types, when it names
 * some, decide alone. An item whose target is 企业 applies to every entity but natural persons (whose type
 * is 个人); otherwise the entity's own target type must appear in the item's (e.g. 测绘资质单位 in
 * 舞钢市行政区域内的测绘资质单位).
 */
export function itemTargets(itemTarget: string, entityTarget: string | null, taskTargetTypes?: readonly string[] | null): boolean {
  if (taskTargetTypes?.length) return entityTarget !== null && taskTargetTypes.includes(entityTarget);
  if (itemTarget.trim() === '企业') return entityTarget === null || !entityTarget.includes('个人');
  return entityTarget !== null && itemTarget.includes(entityTarget);
}

/** An entity's credit class as the rules read it: ungraded entities count as B. */
export function creditClassKey(creditClass: string | null): CreditClassKey {
  return (creditClass ?? 'B') as CreditClassKey;
}

/** The risk class an entity is drawn in (its level, or HIGH for a special object under the rules). */
export function poolRiskClass(rules: RuleSet, entity: PoolEntityFacts): RiskClass {
  return riskClassOf(rules.risk, entity);
}

/**
 * Why the rules keep an entity out of an item's pool, or null when it is eligible: its credit class is
 * exempt from draws, else its draws this year (`yearExclusion`; in an extra risk round “already drawn”
 * gives way, the yearly ceiling does not).
 */
export function poolExclusion(
  rules: RuleSet,
  entity: Pick<PoolEntityFacts, 'creditClass' | 'history'>,
  itemId: string,
  extraRiskRound: boolean,
): PoolExclusionRule | null {
  if (rules.credit[creditClassKey(entity.creditClass)].exempt) return 'creditExempt';
  return yearExclusion(entity.history, itemId, rules, extraRiskRound);
}

/**
 * Successive-draw weight from the rules: credit class × (1 + per complaint, at most 100 counted) ×
 * (1 + violation) × the list weight (the credit loop's watch list or blacklist, or the province's 联合惩戒
 * weight for an entity blacklisted by another bureau of the province, whichever is larger) × the risk class's weight
 * (given only when the pool is not split by risk: inside one class it would be the same for all), as a
 * decimal of at most 4 places, at least 0.0001.
 */
export function entityWeight(
  rules: RuleSet,
  entity: Pick<PoolEntityFacts, 'creditClass' | 'complaints' | 'hasViolation' | 'creditStatus' | 'jointPunishmentWeight'> & { risk?: RiskClass },
): string {
  const credit = rules.credit[creditClassKey(entity.creditClass)];
  const raw =
    credit.weight *
    (1 + rules.extraWeight.perComplaint * Math.min(entity.complaints, 100)) *
    (1 + (entity.hasViolation ? rules.extraWeight.violationRecord : 0)) *
    Math.max(creditStatusWeight(creditLoopOf(rules), entity.creditStatus ?? 'NORMAL'), entity.jointPunishmentWeight ?? 1) *
    (entity.risk ? riskWeight(entity.risk, rules.risk) : 1);
  const units = Math.max(1, Math.round(raw * 10_000));
  const whole = Math.floor(units / 10_000);
  const fraction = String(units % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** What a task asks of its pool beyond the bureau's rules. */
export interface PoolTaskScope {
  /** `targetFilter.targetTypes`: when given, the only target types drawn. */
  targetTypes?: readonly string[] | null;
  /** `targetFilter.riskClasses`: when given, the only risk classes drawn. */
  riskClasses?: readonly RiskClass[] | null;
  /** Whether the task is an extra risk round (`isExtraRiskRound`). */
  extraRiskRound: boolean;
}

/** The verdict on one entity for one item. */
export type ItemEligibility = { eligible: true; weight: string } | { eligible: false; reason: 'notTargeted' | 'otherRiskClass' | PoolExclusionRule };

/**
 * The rules above in one reading, for one entity (already in the task's statuses and filters) and one item:
 * not its object, another risk class than the task's, excluded by a rule, or eligible with its weight.
 * With `byRiskLevel` the weight leaves out the risk class (each class is a stratum of its own).
 * The server's pool applies these same steps, caching per distinct value for millions of rows.
 */
export function itemEligibility(rules: RuleSet, task: PoolTaskScope, item: { id: string; targetType: string }, entity: PoolEntityFacts): ItemEligibility {
  if (!itemTargets(item.targetType, entity.targetType, task.targetTypes)) return { eligible: false, reason: 'notTargeted' };
  const risk = poolRiskClass(rules, entity);
  if (task.riskClasses?.length && !task.riskClasses.includes(risk)) return { eligible: false, reason: 'otherRiskClass' };
  const excluded = poolExclusion(rules, entity, item.id, task.extraRiskRound);
  if (excluded) return { eligible: false, reason: excluded };
  return { eligible: true, weight: entityWeight(rules, { ...entity, risk: rules.strata.byRiskLevel ? undefined : risk }) };
}
