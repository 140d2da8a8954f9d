import { indexOfSorted, type PreparedInput } from './input';

const NONE: readonly number[] = Object.freeze([]);

/**
 * Conflict tags: an inspector may not join the team of an entity with which it shares a tag. This
 * maps an entity's tag set to the inspectors it rules out (indices into prepared.inspectorKeys,
 * ascending), once per distinct tag set — tag sets are interned by prepareInput, so a pool of a
 * million entities in a few regions costs a few unions.
 */
export class TagConflicts {
  private readonly byTag = new Map<string, number[]>();
  private readonly cache = new Map<readonly string[], readonly number[]>();

  constructor(prepared: PreparedInput) {
    prepared.inspectorTags?.forEach((tags, i) => {
      if (!tags) return;
      for (const t of tags) {
        const list = this.byTag.get(t);
        if (list) list.push(i);
        else this.byTag.set(t, [i]);
      }
    });
  }

  /** Whether any inspector has a tag at all (otherwise tags rule nobody out). */
  get active(): boolean {
    return this.byTag.size > 0;
  }

  /** The inspectors sharing at least one of `tags`, ascending; empty for none. */
  of(tags: readonly string[] | null): readonly number[] {
    if (!tags || this.byTag.size === 0) return NONE;
    let out = this.cache.get(tags);
    if (out) return out;
    const lists = tags.map((t) => this.byTag.get(t)).filter((l): l is number[] => l !== undefined);
    out = lists.length === 0 ? NONE : lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((a, b) => a - b);
    this.cache.set(tags, out);
    return out;
  }
}

/** The tags of an entity (null for none), from the strata that have tags; the same in each by validation. */
export function entityTags(prepared: PreparedInput, entityKey: string): readonly string[] | null {
  for (const s of prepared.strata) {
    if (!s.tags) continue;
    const at = indexOfSorted(s.entityKeys, entityKey);
    if (at >= 0) return s.tags[at]!;
  }
  return null;
}

/** The union of two ascending index lists: a new ascending array without duplicates. */
export function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x <= y) {
      out.push(x);
      i += 1;
      if (x === y) j += 1;
    } else {
      out.push(y);
      j += 1;
    }
  }
  return out;
}

/** How an infeasibility message names what ruled inspectors out. */
export function exclusionPhrase(tags: readonly string[] | null, conflicting: number): string {
  return tags && conflicting > 0 ? `排除回避及与其有相同标签（${tags.join('、')}）的检查人员后` : '排除回避等情形后';
}
