import { compareCodeUnits, isCleanText } from './bytes';
import { DECIMAL_SCALE, TWO_POW_53 } from './constants';
import { parseDecimal } from './decimal';
import { DrawInputError } from './errors';
import type { DrawExclusion, DrawInput } from './record';

/** A stratum after validation, in canonical order, with its count to draw. */
export interface PreparedStratum {
  key: string;
  /** Ratio in normal form. */
  ratio: string;
  /** ratio × 10⁴. */
  ratioUnits: number;
  /** minCount, 0 when absent. */
  minCount: number;
  /** Entity keys in canonical order. */
  entityKeys: string[];
  /** Weights in normal form, aligned with entityKeys. */
  weights: string[];
  /** weight × 10⁴, aligned with entityKeys. */
  units: Float64Array;
  /** Sum of units (≤ 2^53). */
  totalUnits: number;
  /** k = min(N, max(minCount, ⌈N × ratio⌉)). */
  count: number;
  /** Required groups in canonical order. */
  requiredGroups: string[];
  /**
   * Conflict tags of each entity, aligned with entityKeys: sorted, without duplicates, null for none.
   * Equal tag sets are one shared frozen array. Null when no entity of the stratum has tags.
   */
  tags: (readonly string[] | null)[] | null;
}

/** The validated input in canonical order: what is hashed and what the draw runs on. */
export interface PreparedInput {
  strata: PreparedStratum[];
  /** Inspector keys in canonical order; an inspector's index here is its identity inside the draw. */
  inspectorKeys: string[];
  /** Group of each inspector, aligned with inspectorKeys. */
  inspectorGroups: string[];
  /** Conflict tags of each inspector, aligned with inspectorKeys (as for entities); null when none has tags. */
  inspectorTags: (readonly string[] | null)[] | null;
  teamSize: number;
  workloadCap: number | null;
  /** Sorted by (entityKey, inspectorKey). */
  exclusions: DrawExclusion[];
}

/** k = min(N, max(minCount, ⌈N × ratioUnits / 10⁴⌉)), in exact integer arithmetic (“不低于” rounds up). */
export function countToDraw(size: number, ratioUnits: number, minCount: number): number {
  const scaled = size * ratioUnits; // ≤ size × 10⁴, exact for any realistic size
  const remainder = scaled % DECIMAL_SCALE;
  const byRatio = (scaled - remainder) / DECIMAL_SCALE + (remainder > 0 ? 1 : 0);
  return Math.min(size, Math.max(minCount, byRatio));
}

function fail(path: string, message: string): never {
  throw new DrawInputError(path, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** -0 read as 0 (a host's -0 is the integer 0; the canonical input holds +0, as JSON writes it). */
const zeroed = (n: number): number => n + 0;

/** Indices 0..n−1 ordered by keys[i] in UTF-16 code unit order; null when already strictly ascending. */
function sortOrder(keys: readonly string[]): number[] | null {
  let sorted = true;
  for (let i = 1; i < keys.length; i += 1) {
    if (!(keys[i - 1]! < keys[i]!)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return null;
  const order = keys.map((_, i) => i);
  order.sort((a, b) => compareCodeUnits(keys[a]!, keys[b]!));
  return order;
}

/**
 * Validates tag lists and returns them in canonical form: sorted, duplicates dropped, null when empty.
 * Equal sets come back as one shared frozen array, so a pool where most entities share a handful of
 * tag sets holds a handful of arrays, and equal sets compare with `===`.
 */
class TagInterner {
  private readonly byText = new Map<string, readonly string[]>();
  /** Recently seen input arrays: a server hands over a few shared arrays, a parsed record one per entity. */
  private readonly byArray = new Map<unknown, readonly string[] | null>();

  canonical(value: unknown, path: string, owner: string): readonly string[] | null {
    if (value === undefined) return null;
    const known = this.byArray.get(value);
    if (known !== undefined) return known;
    if (!Array.isArray(value)) fail(path, `${owner}的 tags 必须是文本数组`);
    let ascending = true;
    for (let j = 0; j < value.length; j += 1) {
      if (!isCleanText(value[j])) fail(`${path}[${j}]`, `${owner}的标签须为非空文本，且不含控制字符`);
      if (j > 0 && !(value[j - 1] < value[j])) ascending = false;
    }
    let out: readonly string[] | null = null;
    if (value.length > 0) {
      const sorted = ascending
        ? (value as string[])
        : (value as string[])
            .slice()
            .sort(compareCodeUnits)
            .filter((t, j, all) => j === 0 || all[j - 1] !== t);
      const text = sorted.length === 1 ? sorted[0]! : sorted.join('\t'); // tags hold no TAB
      out = this.byText.get(text) ?? null;
      if (!out) this.byText.set(text, (out = Object.freeze(sorted === value ? sorted.slice() : sorted)));
    }
    if (this.byArray.size >= 64) this.byArray.clear();
    this.byArray.set(value, out);
    return out;
  }
}

/** Binary search in strictly ascending keys. */
export function indexOfSorted(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Validates a draw input and puts it in canonical order. Throws DrawInputError on malformed data.
 * Feasibility (enough inspectors and so on) is checked separately, by `precheck`.
 */
export function prepareInput(input: DrawInput): PreparedInput {
  if (!isObject(input)) fail('', '抽取输入必须是对象');
  const raw = input as unknown as Record<string, unknown>;

  // Strata and their entities.
  if (!Array.isArray(raw.strata)) fail('strata', 'strata 必须是数组');
  const strataIn = raw.strata as unknown[];
  const strata: PreparedStratum[] = [];
  const interner = new TagInterner();
  for (let s = 0; s < strataIn.length; s += 1) {
    const path = `strata[${s}]`;
    const st = strataIn[s];
    if (!isObject(st)) fail(path, `${path} 必须是对象`);
    if (!isCleanText(st.key)) fail(`${path}.key`, `${path}.key 必须是非空文本，且不含控制字符`);
    const ratio = parseDecimal(st.ratio);
    if (!ratio || ratio.units > DECIMAL_SCALE) {
      fail(`${path}.ratio`, `抽查层“${st.key}”的比例须为 0 到 1 之间、最多 4 位小数的十进制字符串，如 "0.10"`);
    }
    if (st.minCount !== undefined && !nonNegativeInteger(st.minCount)) {
      fail(`${path}.minCount`, `抽查层“${st.key}”的最少抽取数须为非负整数`);
    }
    if (!Array.isArray(st.entities)) fail(`${path}.entities`, `${path}.entities 必须是数组`);
    const entitiesIn = st.entities as unknown[];
    const n = entitiesIn.length;
    const keysIn = new Array<string>(n);
    const weightsIn = new Array<string>(n);
    const unitsIn = new Float64Array(n);
    let tagsIn: (readonly string[] | null)[] | null = null;
    for (let e = 0; e < n; e += 1) {
      const en = entitiesIn[e];
      if (!isObject(en)) fail(`${path}.entities[${e}]`, `${path}.entities[${e}] 必须是对象`);
      if (!isCleanText(en.key)) fail(`${path}.entities[${e}].key`, `${path}.entities[${e}].key 必须是非空文本，且不含控制字符`);
      const w = parseDecimal(en.weight);
      if (!w || w.units === 0) {
        fail(`${path}.entities[${e}].weight`, `检查对象“${en.key}”的权重须为大于 0、最多 4 位小数的十进制字符串（整数部分不超过 11 位）`);
      }
      keysIn[e] = en.key;
      weightsIn[e] = w.normal;
      unitsIn[e] = w.units;
      if (en.tags !== undefined) {
        const tags = interner.canonical(en.tags, `${path}.entities[${e}].tags`, `检查对象“${en.key}”`);
        if (tags) (tagsIn ??= new Array<readonly string[] | null>(n).fill(null))[e] = tags;
      }
    }
    const order = sortOrder(keysIn);
    const entityKeys = order ? order.map((i) => keysIn[i]!) : keysIn;
    const weights = order ? order.map((i) => weightsIn[i]!) : weightsIn;
    const units = order ? Float64Array.from(order, (i) => unitsIn[i]!) : unitsIn;
    const tags = order && tagsIn ? order.map((i) => tagsIn![i]!) : tagsIn;
    let total = 0;
    for (let e = 0; e < n; e += 1) {
      if (e > 0 && entityKeys[e - 1] === entityKeys[e]) {
        fail(`${path}.entities`, `抽查层“${st.key}”中检查对象“${entityKeys[e]}”重复`);
      }
      const u = units[e]!;
      if (total > TWO_POW_53 - u) fail(`${path}.entities`, `抽查层“${st.key}”的权重总和超过 2^53 / 10^4`);
      total += u;
    }
    const minCount = zeroed((st.minCount as number | undefined) ?? 0);
    strata.push({
      key: st.key,
      ratio: ratio.normal,
      ratioUnits: ratio.units,
      minCount,
      entityKeys,
      weights,
      units,
      totalUnits: total,
      count: countToDraw(n, ratio.units, minCount),
      requiredGroups: [],
      tags,
    });
  }
  strata.sort((a, b) => compareCodeUnits(a.key, b.key));
  for (let s = 1; s < strata.length; s += 1) {
    if (strata[s - 1]!.key === strata[s]!.key) fail('strata', `抽查层“${strata[s]!.key}”重复`);
  }
  checkTagsAgreeAcrossStrata(strata);
  const strataKeys = strata.map((s) => s.key);

  // Inspectors.
  if (!Array.isArray(raw.inspectors)) fail('inspectors', 'inspectors 必须是数组');
  const inspectorsIn = raw.inspectors as unknown[];
  const pairs: { key: string; group: string; tags: readonly string[] | null }[] = [];
  let anyInspectorTags = false;
  for (let i = 0; i < inspectorsIn.length; i += 1) {
    const ins = inspectorsIn[i];
    const path = `inspectors[${i}]`;
    if (!isObject(ins)) fail(path, `${path} 必须是对象`);
    if (!isCleanText(ins.key)) fail(`${path}.key`, `${path}.key 必须是非空文本，且不含控制字符`);
    if (!isCleanText(ins.group)) fail(`${path}.group`, `${path}.group 必须是非空文本，且不含控制字符`);
    const tags = interner.canonical(ins.tags, `${path}.tags`, `检查人员“${ins.key}”`);
    if (tags) anyInspectorTags = true;
    pairs.push({ key: ins.key, group: ins.group, tags });
  }
  pairs.sort((a, b) => compareCodeUnits(a.key, b.key));
  for (let i = 1; i < pairs.length; i += 1) {
    if (pairs[i - 1]!.key === pairs[i]!.key) fail('inspectors', `检查人员“${pairs[i]!.key}”重复`);
  }
  const inspectorKeys = pairs.map((p) => p.key);
  const inspectorGroups = pairs.map((p) => p.group);
  const inspectorTags = anyInspectorTags ? pairs.map((p) => p.tags) : null;

  // Team parameters.
  if (!nonNegativeInteger(raw.teamSize)) fail('teamSize', '每组检查人数须为整数');
  if (raw.workloadCap !== null && !(nonNegativeInteger(raw.workloadCap) && raw.workloadCap >= 1)) {
    fail('workloadCap', '工作量上限须为正整数，或为 null 表示不设上限');
  }

  // Required groups.
  if (!Array.isArray(raw.requiredGroups)) fail('requiredGroups', 'requiredGroups 必须是数组');
  const requiredIn = raw.requiredGroups as unknown[];
  const seenStrata = new Set<string>();
  for (let r = 0; r < requiredIn.length; r += 1) {
    const req = requiredIn[r];
    const path = `requiredGroups[${r}]`;
    if (!isObject(req)) fail(path, `${path} 必须是对象`);
    if (typeof req.stratumKey !== 'string') fail(`${path}.stratumKey`, `${path}.stratumKey 必须是文本`);
    const at = indexOfSorted(strataKeys, req.stratumKey);
    if (at < 0) fail(`${path}.stratumKey`, `requiredGroups 引用了不存在的抽查层“${req.stratumKey}”`);
    if (seenStrata.has(req.stratumKey)) fail(`${path}.stratumKey`, `抽查层“${req.stratumKey}”的必需参与单位重复列出`);
    seenStrata.add(req.stratumKey);
    if (!Array.isArray(req.groups)) fail(`${path}.groups`, `${path}.groups 必须是数组`);
    const groups = (req.groups as unknown[]).map((g, j) => {
      if (!isCleanText(g)) fail(`${path}.groups[${j}]`, `${path}.groups[${j}] 必须是非空文本，且不含控制字符`);
      return g;
    });
    groups.sort(compareCodeUnits);
    for (let j = 1; j < groups.length; j += 1) {
      if (groups[j - 1] === groups[j]) fail(`${path}.groups`, `抽查层“${req.stratumKey}”的必需参与单位“${groups[j]}”重复`);
    }
    strata[at]!.requiredGroups = groups;
  }

  // Exclusions.
  if (!Array.isArray(raw.exclusions)) fail('exclusions', 'exclusions 必须是数组');
  const exclusionsIn = raw.exclusions as unknown[];
  const exclusions: DrawExclusion[] = [];
  for (let x = 0; x < exclusionsIn.length; x += 1) {
    const ex = exclusionsIn[x];
    const path = `exclusions[${x}]`;
    if (!isObject(ex)) fail(path, `${path} 必须是对象`);
    if (!isCleanText(ex.entityKey)) fail(`${path}.entityKey`, `${path}.entityKey 必须是非空文本，且不含控制字符`);
    if (!isCleanText(ex.inspectorKey)) fail(`${path}.inspectorKey`, `${path}.inspectorKey 必须是非空文本，且不含控制字符`);
    if (!isCleanText(ex.reason)) fail(`${path}.reason`, `${path}.reason 必须是非空文本，且不含控制字符`);
    if (indexOfSorted(inspectorKeys, ex.inspectorKey) < 0) {
      fail(`${path}.inspectorKey`, `排除项引用了不存在的检查人员“${ex.inspectorKey}”`);
    }
    const entityKey = ex.entityKey;
    if (!strata.some((s) => indexOfSorted(s.entityKeys, entityKey) >= 0)) {
      fail(`${path}.entityKey`, `排除项引用了不在任何抽查层中的检查对象“${entityKey}”`);
    }
    exclusions.push({ entityKey, inspectorKey: ex.inspectorKey, reason: ex.reason });
  }
  exclusions.sort((a, b) => compareCodeUnits(a.entityKey, b.entityKey) || compareCodeUnits(a.inspectorKey, b.inspectorKey));
  for (let x = 1; x < exclusions.length; x += 1) {
    const a = exclusions[x - 1]!;
    const b = exclusions[x]!;
    if (a.entityKey === b.entityKey && a.inspectorKey === b.inspectorKey) {
      fail('exclusions', `检查对象“${b.entityKey}”与检查人员“${b.inspectorKey}”的排除项重复（请合并原因）`);
    }
  }

  return {
    strata,
    inspectorKeys,
    inspectorGroups,
    inspectorTags,
    teamSize: zeroed(raw.teamSize as number),
    workloadCap: raw.workloadCap as number | null,
    exclusions,
  };
}

/**
 * An entity listed in several strata is one entity: its tags must be the same everywhere it appears
 * (interned, so equal sets are the same array). Checked only when some stratum has tags.
 */
function checkTagsAgreeAcrossStrata(strata: readonly PreparedStratum[]): void {
  if (strata.length < 2 || !strata.some((s) => s.tags)) return;
  const seen = new Map<string, readonly string[] | null>();
  for (const s of strata) {
    for (let e = 0; e < s.entityKeys.length; e += 1) {
      const key = s.entityKeys[e]!;
      const tags = s.tags ? s.tags[e]! : null;
      const before = seen.get(key);
      if (before === undefined) seen.set(key, tags);
      else if (before !== tags) fail(`strata`, `检查对象“${key}”在不同抽查层中的标签不一致`);
    }
  }
}

/** The canonical JSON form of an input, as stored in a draw record. Tags appear only where there are some. */
export function canonicalInput(prepared: PreparedInput): DrawInput {
  const inspectorTags = prepared.inspectorTags;
  return {
    strata: prepared.strata.map((s) => {
      const tags = s.tags;
      return {
        key: s.key,
        ratio: s.ratio,
        minCount: s.minCount,
        entities: tags
          ? s.entityKeys.map((key, i) => (tags[i] ? { key, weight: s.weights[i]!, tags: tags[i] as string[] } : { key, weight: s.weights[i]! }))
          : s.entityKeys.map((key, i) => ({ key, weight: s.weights[i]! })),
      };
    }),
    inspectors: prepared.inspectorKeys.map((key, i) => {
      const tags = inspectorTags?.[i];
      return tags ? { key, group: prepared.inspectorGroups[i]!, tags: tags as string[] } : { key, group: prepared.inspectorGroups[i]! };
    }),
    teamSize: prepared.teamSize,
    workloadCap: prepared.workloadCap,
    requiredGroups: prepared.strata.filter((s) => s.requiredGroups.length > 0).map((s) => ({ stratumKey: s.key, groups: [...s.requiredGroups] })),
    exclusions: prepared.exclusions.map((x) => ({ ...x })),
  };
}
