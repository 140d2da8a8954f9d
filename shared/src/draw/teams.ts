import { DrawInfeasibleError } from './errors';
import { CountTree } from './fenwick';
import type { PreparedInput } from './input';
import { exclusionsByEntity, inspectorsByGroup } from './precheck';
import { TagConflicts, exclusionPhrase } from './tags';
import type { DrawTeam } from './record';
import type { DrawStream } from './stream';

/** An entity to staff: its key, the groups its team must hold (sorted) and its conflict tags. */
export interface TeamDemand {
  entityKey: string;
  requiredGroups: readonly string[];
  tags: readonly string[] | null;
}

/**
 * A set of inspectors (one group, or everyone) bucketed by current load: level L holds, as an
 * order-statistic set over positions in key order, the members with exactly L assignments so far.
 */
class LoadScope {
  readonly levels: (CountTree | undefined)[];
  /** Every level below minLevel is empty for good (loads only grow). */
  minLevel = 0;

  /** `group` is the index of the scope's group, or −1 for everyone (then a position is the inspector index). */
  constructor(
    readonly members: Int32Array,
    readonly group: number,
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

/** How many of the first `length` ascending `values` are ≤ x. */
function countAtMost(values: ArrayLike<number>, x: number, length = values.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function includesAscending(values: readonly number[], x: number): boolean {
  const at = countAtMost(values, x);
  return at > 0 && values[at - 1] === x;
}

/** Inserts x into an ascending array (x is not in it). */
function insertAscending(values: number[], x: number): void {
  const at = countAtMost(values, x);
  values.splice(at, 0, x);
}

function infeasible(details: Omit<ConstructorParameters<typeof DrawInfeasibleError>[0], 'phase'>, message: string) {
  return new DrawInfeasibleError({ ...details, phase: 'teams' }, message);
}

/**
 * Forms one team per entity, in the given order, from the purpose-2 stream.
 *
 * For each entity: for each required group in sorted order, pick one inspector of that group; then
 * pick from all groups until the team has m members. A pick's candidates are the inspectors of the
 * scope that are not excluded for this entity (explicitly, or by sharing one of its conflict tags),
 * not already in the team, and (with a cap c) have fewer than c assignments; among the candidates
 * with the fewest assignments so far, the one at position
 * uniformInt(count) in inspector key order is picked. Cost per pick: O(b + log I), b = the entity's
 * exclusions (explicit and by tags) plus the team so far.
 */
export function assignTeams(prepared: PreparedInput, demands: readonly TeamDemand[], stream: DrawStream): DrawTeam[] {
  const m = prepared.teamSize;
  const cap = prepared.workloadCap;
  const keys = prepared.inspectorKeys;
  const groupOf = prepared.inspectorGroups;
  const count = keys.length;
  const load = new Int32Array(count);

  const allMembers = Int32Array.from(keys, (_, i) => i);
  const everyone = new LoadScope(allMembers, -1);
  const localPos = new Int32Array(count);
  const groupIndex = new Int32Array(count);
  const groupScopes = new Map<string, LoadScope>();
  for (const [g, members] of inspectorsByGroup(prepared)) {
    members.forEach((inspector, pos) => {
      localPos[inspector] = pos;
      groupIndex[inspector] = groupScopes.size;
    });
    groupScopes.set(g, new LoadScope(Int32Array.from(members), groupScopes.size));
  }
  const contains = (scope: LoadScope, inspector: number): boolean => scope.group < 0 || groupIndex[inspector] === scope.group;
  /** The blocked positions at the level being tried, ascending; reused from pick to pick. */
  const here = new Int32Array(count);
  const excluded = exclusionsByEntity(prepared);
  const conflicts = new TagConflicts(prepared);

  /**
   * The blocked inspectors are `shared` (those sharing a conflict tag with the entity: one array per tag
   * set, never copied) and `own` (the entity's other exclusions and its team so far), both ascending
   * and disjoint. Positions in a scope ascend with the inspector index, so merging the two gives the
   * blocked positions at a level in ascending order. The t-th member that is not blocked is select(t′)
   * for the least t′ with t′ = t + (blocked positions ≤ select(t′)): iterating from t′ = t reaches it
   * in a few steps, however many inspectors a tag rules out.
   */
  const pick = (scope: LoadScope, shared: readonly number[], own: readonly number[]): number => {
    const group = scope.group;
    for (let level = scope.minLevel; level < scope.levels.length; level += 1) {
      if (cap !== null && level >= cap) break;
      const tree = scope.levels[level];
      if (!tree) continue;
      let blocked = 0;
      let j = 0;
      for (let i = 0; i <= shared.length; i += 1) {
        const next = i < shared.length ? shared[i]! : count;
        for (; j < own.length && own[j]! < next; j += 1) {
          const b = own[j]!;
          if (load[b] === level && (group < 0 || groupIndex[b] === group)) here[blocked++] = group < 0 ? b : localPos[b]!;
        }
        if (next < count && load[next] === level && (group < 0 || groupIndex[next] === group)) here[blocked++] = group < 0 ? next : localPos[next]!;
      }
      const eligible = tree.count - blocked;
      if (eligible <= 0) continue;
      const t = stream.uniformInt(eligible);
      let at = t;
      let pos = tree.select(at);
      for (;;) {
        const next = t + countAtMost(here, pos, blocked);
        if (next === at) break;
        at = next;
        pos = tree.select(at);
      }
      return scope.members[pos]!;
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
  const uncapped = (scope: LoadScope, shared: readonly number[], own: readonly number[]): number =>
    scope.members.length - shared.filter((b) => contains(scope, b)).length - own.filter((b) => contains(scope, b)).length;

  const teams: DrawTeam[] = [];
  for (const { entityKey, requiredGroups, tags } of demands) {
    const conflicting = conflicts.of(tags);
    const explicit = excluded.get(entityKey);
    // An inspector both excluded and sharing a tag is blocked once, in `conflicting`.
    const own = !explicit ? [] : explicit.filter((i) => !includesAscending(conflicting, i));
    const team: number[] = [];
    const capMessage = `检查人员工作量上限为每人 ${cap} 户，已不足以为检查对象“${entityKey}”配齐检查组`;
    for (const g of requiredGroups) {
      if (team.some((i) => groupOf[i] === g)) continue;
      const scope = groupScopes.get(g);
      const chosen = scope ? pick(scope, conflicting, own) : -1;
      if (chosen < 0) {
        if (scope && uncapped(scope, conflicting, own) > 0) {
          throw infeasible({ constraint: 'WORKLOAD_CAP', entityKey, group: g }, capMessage);
        }
        throw infeasible(
          { constraint: 'GROUP_WITHOUT_INSPECTOR', entityKey, group: g },
          `检查对象“${entityKey}”${exclusionPhrase(tags, conflicting.length)}，参与单位“${g}”没有可选的检查人员`,
        );
      }
      team.push(chosen);
      insertAscending(own, chosen);
      assign(chosen);
    }
    while (team.length < m) {
      const chosen = pick(everyone, conflicting, own);
      if (chosen < 0) {
        if (uncapped(everyone, conflicting, own) > 0) throw infeasible({ constraint: 'WORKLOAD_CAP', entityKey }, capMessage);
        throw infeasible(
          { constraint: 'TOO_FEW_INSPECTORS', entityKey },
          `检查对象“${entityKey}”${exclusionPhrase(tags, conflicting.length)}可选检查人员不足 ${m} 名`,
        );
      }
      team.push(chosen);
      insertAscending(own, chosen);
      assign(chosen);
    }
    teams.push({ entityKey, inspectorKeys: team.map((i) => keys[i]!) });
  }
  return teams;
}
