import type { EntityManager } from 'typeorm';
import { isExtraRiskRound, poolStatuses, type DrawInput, type PoolTaskScope, type RuleSet } from '@spotcheck/shared';
import type { Task } from '../tasks/task.entity';
import { jointDrawParts } from '../joint/joint-pool';
import { listedEntities } from '../credit/credit-status';
import { jointPunishedEntities } from '../credit/joint-punishment';
import { RecusalTags } from './recusal-tags';
import { forEachPoolEntity } from './pool-entities';
import { drawableInspectors, previousInspectors, taskItems, taskRecusals, yearHistory } from './pool-facts';
import { drawGroups, ownExclusions, type JointSummary } from './pool-people';
import { PoolStrata, type StratumSummary } from './pool-strata';

export { stratumKey } from './stratum-key';

/** What the draw input was built from: counts per stratum, for the ceremony screen and the record's meta. */
export interface PoolSummary {
  strata: StratumSummary[];
  inspectors: number;
  exclusions: number;
  /**
   * A task restricted to risk classes (风险分类监管): which classes it draws, how many entities of the filtered
   * directory were of another class, and whether it is an extra round (drawn-this-year does not apply).
   */
  risk?: { classes: string[]; otherClasses: number; extraRound: boolean };
  /** A joint task's groups: which department of which bureau each `dept:` group of the record is. */
  joint?: JointSummary;
}

/**
 * Freezes what a task draws from, under the bureau's rules (docs/draw-spec.md §15.1; the rules
 * themselves are `@spotcheck/shared`'s eligibility): the eligible entities of each item, the drawable
 * inspectors, and the pairs that must not meet (declared recusals, the previous inspector of the same
 * entity; same region and same department as conflict tags when those rules are on).
 */
export async function buildDrawInput(m: EntityManager, task: Task, rules: RuleSet): Promise<{ input: DrawInput; summary: PoolSummary }> {
  const year = Number(task.startsOn.slice(0, 4));
  const filter = task.targetFilter ?? {};
  const joint = task.joint ? await jointDrawParts(m, task) : null;
  const items = await taskItems(m, task);

  // The rows that refer to entities by id, read first so that the scan of the directory keeps an entity's
  // id only when one of them needs it.
  const history = await yearHistory(m, task.tenantId, year);
  const recusals = await taskRecusals(m, task);
  const previous = rules.recusal.noRepeatInspectorForEntity ? await previousInspectors(m, task.tenantId) : [];
  const listed = await listedEntities(m, rules); // the credit loop's watch list and blacklist
  const jointPunished = await jointPunishedEntities(m, task.tenantId); // 联合惩戒: blacklisted by another bureau of the province
  const excludable = new Set([...recusals.map((r) => r.entity_id), ...previous.map((p) => p.entity_id)]);
  const named = new Set([...history.keys(), ...excludable, ...listed.keys(), ...jointPunished.keys()]);

  // The drawable inspectors before the entities: an entity is tagged for a recusal rule only when some
  // inspector has the same tag.
  const inspectors = await drawableInspectors(m, task);
  const tagsOf = new RecusalTags(rules, inspectors);

  const scope: PoolTaskScope = {
    targetTypes: filter.targetTypes,
    riskClasses: filter.riskClasses,
    extraRiskRound: isExtraRiskRound(filter.riskClasses, rules.risk),
  };
  const pool = new PoolStrata(rules, items, scope, { history, listed, jointPunished });
  const usccInPool = new Map<string, string>(); // entity id → USCC, for the exclusions
  const recusedUsccs = new Set(joint?.recusals.map((r) => r.uscc));
  const recusedInPool = new Set<string>();
  const scan = {
    tenantId: task.tenantId,
    statuses: poolStatuses(filter.statuses),
    regionCodes: filter.regionCodes,
    industries: filter.industries,
    regionCode: tagsOf.byRegion,
    departmentId: tagsOf.byDepartment,
  };
  await forEachPoolEntity(m, scan, named, (row) => {
    const tags = tagsOf.byRegion || tagsOf.byDepartment ? tagsOf.ofEntity(row.regionCode, row.departmentId) : undefined;
    if (!pool.add(row, tags)) return;
    if (row.id && excludable.has(row.id)) usccInPool.set(row.id, row.uscc);
    if (recusedUsccs.has(row.uscc)) recusedInPool.add(row.uscc);
  });
  const { strata, summary: strataSummary } = pool.strata();

  const exclusions = ownExclusions(recusals, previous, usccInPool, new Map(inspectors.map((i) => [i.id, i.certificate_no])));
  const groups = drawGroups(inspectors, tagsOf, joint, strata, exclusions, recusedInPool);
  const summary: PoolSummary = { strata: strataSummary, inspectors: groups.inspectors.length, exclusions: exclusions.list.length };
  if (scope.riskClasses?.length) summary.risk = { classes: [...new Set(scope.riskClasses)], otherClasses: pool.otherClasses, extraRound: scope.extraRiskRound };
  if (groups.joint) summary.joint = groups.joint;

  return {
    input: {
      strata,
      inspectors: groups.inspectors,
      teamSize: task.teamSize,
      workloadCap: rules.workloadCapPerInspectorPerRound,
      requiredGroups: groups.requiredGroups,
      exclusions: exclusions.list,
    },
    summary,
  };
}
