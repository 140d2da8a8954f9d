import { DrawInfeasibleError } from './errors';
import { CountTree } from './fenwick';
import type { PreparedInput } from './input';
import { exclusionsByEntity, inspectorsByGroup } from './precheck';
import type { DrawTeam } from './record';
import type { DrawStream } from './stream';

/** An entity to staff: its key and the groups its team must hold (sorted). */
export interface TeamDemand {
  entityKey: string;
  requiredGroups: readonly string[];
}

/**
 * A set of inspectors (one group, or everyone) bucketed by current load: level L holds, as an
 * order-statistic set over positions in key order, the members with exactly L assignments so far.
 */
class LoadScope {
  readonly levels: (CountTree | undefined)[];
  /** Every level below minLevel is empty for good (loads only grow). */
  minLevel = 0;

  constructor(
    readonly members: Int32Array,
    readonly positionOf: (inspector: number) => number,
    readonly contains: (inspector: number) => boolean,
  ) {
    this.levels = [new CountTree(members.length, true)];
  }

  /** Moves the member at `pos` from level `from` to `from + 1`. */
  promote(pos: number, from: number): void {
    const tree = this.levels[from]!;
    tree.add(pos, -1);
    if (tree.count === 0) this.levels[from] = undefined;
    let up = this.levels[from + 1];
    if (!up) {
      up = new CountTree(this.members.length, false);
      this.levels[from + 1] = up;
    }
    up.add(pos, 1);
    while (this.minLevel < this.levels.length && !this.levels[this.minLevel]) this.minLevel += 1;
  }
}

function infeasible(details: Omit<ConstructorParameters<typeof DrawInfeasibleError>[0], 'phase'>, message: string) {
  return new DrawInfeasibleError({ ...details, phase: 'teams' }, message);
}

/**
 * Forms one team per entity, in the given order, from the purpose-2 stream.
 *
 * For each entity: for each required group in sorted order, pick one inspector of that group; then
 * pick from all groups until the team has m members. A pick's candidates are the inspectors of the
 * scope that are not excluded for this entity, not already in the team, and (with a cap c) have fewer
 * than c assignments; among the candidates with the fewest assignments so far, the one at position
 * uniformInt(count) in inspector key order is picked. Cost per pick: O(b + log I), b = the entity's
 * exclusions plus the team so far.
 */
export function assignTeams(prepared: PreparedInput, demands: readonly TeamDemand[], stream: DrawStream): DrawTeam[] {
  const m = prepared.teamSize;
  const cap = prepared.workloadCap;
  const keys = prepared.inspectorKeys;
  const groupOf = prepared.inspectorGroups;
  const count = keys.length;
  const load = new Int32Array(count);

  const allMembers = Int32Array.from(keys, (_, i) => i);
  const everyone = new LoadScope(allMembers, (i) => i, () => true);
  const localPos = new Int32Array(count);
  const groupScopes = new Map<string, LoadScope>();
  for (const [g, members] of inspectorsByGroup(prepared)) {
    members.forEach((inspector, pos) => (localPos[inspector] = pos));
    groupScopes.set(g, new LoadScope(Int32Array.from(members), (i) => localPos[i]!, (i) => groupOf[i] === g));
  }
  const excluded = exclusionsByEntity(prepared);

  const pick = (scope: LoadScope, blocked: readonly number[]): number => {
    for (let level = scope.minLevel; level < scope.levels.length; level += 1) {
      if (cap !== null && level >= cap) break;
      const tree = scope.levels[level];
      if (!tree) continue;
      const here: number[] = [];
      for (const b of blocked) if (load[b] === level && scope.contains(b)) here.push(scope.positionOf(b));
      const eligible = tree.count - here.length;
      if (eligible <= 0) continue;
      here.sort((a, b) => a - b);
      let t = stream.uniformInt(eligible);
      for (const p of here) {
        if (tree.rank(p) <= t) t += 1;
        else break;
      }
      return scope.members[tree.select(t)]!;
    }
    return -1;
  };

  const assign = (inspector: number): void => {
    const from = load[inspector]!;
    everyone.promote(inspector, from);
    groupScopes.get(groupOf[inspector]!)!.promote(localPos[inspector]!, from);
    load[inspector] = from + 1;
  };

  /** Members of the scope that are neither excluded nor in the team, ignoring the cap. */
  const uncapped = (scope: LoadScope, blocked: readonly number[]): number =>
    scope.members.length - blocked.filter((b) => scope.contains(b)).length;

  const teams: DrawTeam[] = [];
  for (const { entityKey, requiredGroups } of demands) {
    const blocked = [...(excluded.get(entityKey) ?? [])];
    const team: number[] = [];
    const capMessage = `检查人员工作量上限为每人 ${cap} 户，已不足以为检查对象“${entityKey}”配齐检查组`;
    for (const g of requiredGroups) {
      if (team.some((i) => groupOf[i] === g)) continue;
      const scope = groupScopes.get(g);
      const chosen = scope ? pick(scope, blocked) : -1;
      if (chosen < 0) {
        if (scope && uncapped(scope, blocked) > 0) {
          throw infeasible({ constraint: 'WORKLOAD_CAP', entityKey, group: g }, capMessage);
        }
        throw infeasible(
          { constraint: 'GROUP_WITHOUT_INSPECTOR', entityKey, group: g },
          `检查对象“${entityKey}”排除回避等情形后，参与单位“${g}”没有可选的检查人员`,
        );
      }
      team.push(chosen);
      blocked.push(chosen);
      assign(chosen);
    }
    while (team.length < m) {
      const chosen = pick(everyone, blocked);
      if (chosen < 0) {
        if (uncapped(everyone, blocked) > 0) throw infeasible({ constraint: 'WORKLOAD_CAP', entityKey }, capMessage);
        throw infeasible(
          { constraint: 'TOO_FEW_INSPECTORS', entityKey },
          `检查对象“${entityKey}”排除回避等情形后可选检查人员不足 ${m} 名`,
        );
      }
      team.push(chosen);
      blocked.push(chosen);
      assign(chosen);
    }
    teams.push({ entityKey, inspectorKeys: team.map((i) => keys[i]!) });
  }
  return teams;
}
