import { compareCodeUnits } from './bytes';
import { DrawInfeasibleError } from './errors';
import { indexOfSorted, type PreparedInput } from './input';
import { TagConflicts, entityTags, exclusionPhrase, mergeAscending } from './tags';

/** Inspector indices (into prepared.inspectorKeys) of each group, groups sorted. */
export function inspectorsByGroup(prepared: PreparedInput): Map<string, number[]> {
  const byGroup = new Map<string, number[]>();
  prepared.inspectorGroups.forEach((g, i) => {
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  });
  return new Map([...byGroup.entries()].sort((a, b) => compareCodeUnits(a[0], b[0])));
}

/** Excluded inspector indices per entity key (ascending), from the sorted exclusions. */
export function exclusionsByEntity(prepared: PreparedInput): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const x of prepared.exclusions) {
    const i = indexOfSorted(prepared.inspectorKeys, x.inspectorKey);
    const list = out.get(x.entityKey);
    if (list) list.push(i);
    else out.set(x.entityKey, [i]);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

function infeasible(details: Omit<ConstructorParameters<typeof DrawInfeasibleError>[0], 'phase'>, message: string): DrawInfeasibleError {
  return new DrawInfeasibleError({ ...details, phase: 'precheck' }, message);
}

/**
 * The checks that depend on the input alone, in the order docs/draw-spec.md gives (the first failure
 * is thrown). When they pass and there is no workload cap, the team step cannot fail for any seed.
 */
export function precheck(prepared: PreparedInput): void {
  const m = prepared.teamSize;
  const cap = prepared.workloadCap;
  const inspectorCount = prepared.inspectorKeys.length;

  // 1. Team size.
  if (m < 2) throw infeasible({ constraint: 'TEAM_SIZE_TOO_SMALL' }, `每个检查组不得少于 2 名检查人员（当前设为 ${m} 人）`);

  // 2. Empty strata that ask for entities.
  for (const s of prepared.strata) {
    if (s.entityKeys.length === 0 && (s.ratioUnits > 0 || s.minCount > 0)) {
      throw infeasible(
        { constraint: 'NO_ELIGIBLE_ENTITIES', stratumKey: s.key },
        `抽查层“${s.key}”没有符合条件的检查对象，无法按比例 ${s.ratio}（最少 ${s.minCount} 户）抽取`,
      );
    }
  }

  // 3. Enough inspectors for one team.
  if (inspectorCount < m) {
    throw infeasible({ constraint: 'TOO_FEW_INSPECTORS' }, `检查人员共 ${inspectorCount} 名，少于每个检查组所需的 ${m} 名`);
  }

  const byGroup = inspectorsByGroup(prepared);
  const active = prepared.strata.filter((s) => s.count > 0);

  // 4. Required groups of every stratum that draws something.
  for (const s of active) {
    if (s.requiredGroups.length > m) {
      throw infeasible(
        { constraint: 'TOO_MANY_REQUIRED_GROUPS', stratumKey: s.key },
        `抽查层“${s.key}”要求 ${s.requiredGroups.length} 个参与单位各派 1 人，超过每组 ${m} 人`,
      );
    }
    for (const g of s.requiredGroups) {
      if (!byGroup.has(g)) {
        throw infeasible(
          { constraint: 'GROUP_WITHOUT_INSPECTOR', stratumKey: s.key, group: g },
          `抽查层“${s.key}”要求参与单位“${g}”派员，但该单位没有检查人员`,
        );
      }
    }
  }

  // 5. A workload cap that no seed can satisfy.
  if (cap !== null) {
    for (const s of active) {
      if (s.count * m > inspectorCount * cap) {
        throw infeasible(
          { constraint: 'WORKLOAD_CAP', stratumKey: s.key },
          `抽查层“${s.key}”抽取 ${s.count} 户、每户 ${m} 人，共需 ${s.count * m} 人次，超过 ${inspectorCount} 名检查人员 × 每人上限 ${cap} 户`,
        );
      }
      for (const g of s.requiredGroups) {
        const size = byGroup.get(g)!.length;
        if (s.count > size * cap) {
          throw infeasible(
            { constraint: 'WORKLOAD_CAP', stratumKey: s.key, group: g },
            `抽查层“${s.key}”抽取 ${s.count} 户，每户需参与单位“${g}”1 人，超过该单位 ${size} 名检查人员 × 每人上限 ${cap} 户`,
          );
        }
      }
    }
  }

  // 6. Entities that could be selected but could not be staffed, in entity key order.
  const union = new Set<string>();
  for (const s of active) for (const g of s.requiredGroups) union.add(g);
  let groupsOf: Map<string, string[]> | null = null;
  if (union.size > m) {
    groupsOf = new Map();
    for (const s of active) {
      if (s.requiredGroups.length === 0) continue;
      for (const e of s.entityKeys) {
        const list = groupsOf.get(e);
        if (list) list.push(...s.requiredGroups);
        else groupsOf.set(e, [...s.requiredGroups]);
      }
    }
  }
  const excluded = exclusionsByEntity(prepared);
  const candidates = new Set<string>(excluded.keys());
  if (groupsOf) for (const e of groupsOf.keys()) candidates.add(e);
  const conflicts = new TagConflicts(prepared);
  if (conflicts.active) {
    // A tag set that still leaves m inspectors, and one of every group any active stratum requires,
    // cannot fail an entity by itself; entities with any other tag set are checked one by one.
    const unionGroups = [...union].map((g) => byGroup.get(g)!);
    const safe = new Map<readonly string[], boolean>();
    for (const s of active) {
      if (!s.tags) continue;
      for (let e = 0; e < s.tags.length; e += 1) {
        const tags = s.tags[e]!;
        if (!tags) continue;
        let ok = safe.get(tags);
        if (ok === undefined) {
          const out = new Set(conflicts.of(tags));
          ok = inspectorCount - out.size >= m && unionGroups.every((members) => members.some((i) => !out.has(i)));
          safe.set(tags, ok);
        }
        if (!ok) candidates.add(s.entityKeys[e]!);
      }
    }
  }
  const ordered = [...candidates].sort(compareCodeUnits);
  for (const e of ordered) {
    let groups: string[];
    let selectable = false;
    if (groupsOf) {
      groups = groupsOf.get(e) ?? [];
      selectable = groups.length > 0 || active.some((s) => indexOfSorted(s.entityKeys, e) >= 0);
    } else {
      groups = [];
      for (const s of active) {
        if (indexOfSorted(s.entityKeys, e) >= 0) {
          selectable = true;
          groups.push(...s.requiredGroups);
        }
      }
    }
    if (!selectable) continue;
    const required = [...new Set(groups)].sort(compareCodeUnits);
    if (required.length > m) {
      throw infeasible(
        { constraint: 'TOO_MANY_REQUIRED_GROUPS', entityKey: e },
        `检查对象“${e}”同属多个抽查层，需 ${required.length} 个参与单位各派 1 人，超过每组 ${m} 人`,
      );
    }
    const tags = conflicts.active ? entityTags(prepared, e) : null;
    const conflicting = conflicts.of(tags);
    const out = mergeAscending(excluded.get(e) ?? [], conflicting);
    const after = exclusionPhrase(tags, conflicting.length);
    if (inspectorCount - out.length < m) {
      throw infeasible(
        { constraint: 'TOO_FEW_INSPECTORS', entityKey: e },
        `检查对象“${e}”${after}仅有 ${inspectorCount - out.length} 名可选检查人员，少于每组所需的 ${m} 名`,
      );
    }
    for (const g of required) {
      const members = byGroup.get(g)!;
      const blocked = out.filter((i) => prepared.inspectorGroups[i] === g).length;
      if (members.length - blocked === 0) {
        throw infeasible({ constraint: 'GROUP_WITHOUT_INSPECTOR', entityKey: e, group: g }, `检查对象“${e}”${after}，参与单位“${g}”没有可选的检查人员`);
      }
    }
  }
}
