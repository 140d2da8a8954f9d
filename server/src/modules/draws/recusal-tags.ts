import type { RuleSet } from '@spotcheck/shared';
import { departmentTag, regionTag } from './stratum-key';

/** A drawable inspector as far as the recusal rules care. */
export interface TaggableInspector {
  region_code: string | null;
  department_id: string | null;
}

/**
 * The same-region and same-department recusal rules as conflict tags of the draw input
 * (docs/draw-spec.md §3.1): `region:<code>` on an entity of that region and on an inspector whose 属地
 * it is, `dept:<id>` on an entity that department supervises and on the inspectors working in it.
 * Only rules that are on produce tags, and an entity gets only the tags some drawable inspector also
 * has (any other rules nobody out): the pool of a million entities does not grow for nothing.
 */
export class RecusalTags {
  /** Whether entities need their region read and tagged (the rule is on and some inspector has a region). */
  readonly byRegion: boolean;
  /** Likewise for the supervising department. */
  readonly byDepartment: boolean;
  private readonly regions: ReadonlySet<string>;
  private readonly departments: ReadonlySet<string>;
  /** Region (or '') → department (or '') → the one tag array of that pair, shared by all its entities. */
  private readonly interned = new Map<string, Map<string, string[]>>();

  constructor(rules: RuleSet, inspectors: readonly TaggableInspector[]) {
    this.regions = new Set(rules.recusal.sameRegion ? inspectors.flatMap((i) => (i.region_code ? [i.region_code] : [])) : []);
    this.departments = new Set(rules.recusal.sameDepartment ? inspectors.flatMap((i) => (i.department_id ? [i.department_id] : [])) : []);
    this.byRegion = this.regions.size > 0;
    this.byDepartment = this.departments.size > 0;
  }

  /** The inspector's tags, sorted; undefined for none. */
  ofInspector(inspector: TaggableInspector): string[] | undefined {
    const tags: string[] = [];
    if (this.byDepartment && inspector.department_id) tags.push(departmentTag(inspector.department_id));
    if (this.byRegion && inspector.region_code) tags.push(regionTag(inspector.region_code));
    return tags.length ? tags : undefined; // 'dept:' sorts before 'region:'
  }

  /** The entity's tags, sorted, one shared array per distinct pair; undefined for none. */
  ofEntity(regionCode: string | null, departmentId: string | null): string[] | undefined {
    const region = this.byRegion && regionCode !== null && this.regions.has(regionCode) ? regionCode : '';
    const department = this.byDepartment && departmentId !== null && this.departments.has(departmentId) ? departmentId : '';
    if (!region && !department) return undefined;
    let byDepartment = this.interned.get(region);
    if (!byDepartment) this.interned.set(region, (byDepartment = new Map()));
    let tags = byDepartment.get(department);
    if (!tags) {
      tags = [...(department ? [departmentTag(department)] : []), ...(region ? [regionTag(region)] : [])];
      byDepartment.set(department, tags);
    }
    return tags;
  }
}
