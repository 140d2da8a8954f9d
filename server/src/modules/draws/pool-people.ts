import type { DrawExclusion, DrawInput, DrawStratum } from '@spotcheck/shared';
import { ruleViolation } from '../../graphql/errors';
import type { JointDrawParts } from '../joint/joint-pool';
import type { PoolInspector } from './pool-facts';
import type { RecusalTags } from './recusal-tags';
import { itemOfStratum } from './stratum-key';

/** The pairs that must not meet, by USCC and certificate number, each pair once (its first reason). */
export class PoolExclusions {
  readonly list: DrawExclusion[] = [];
  private readonly seen = new Set<string>();

  add(entityKey: string, inspectorKey: string, reason: string): void {
    if (this.seen.has(`${entityKey}|${inspectorKey}`)) return;
    this.seen.add(`${entityKey}|${inspectorKey}`);
    this.list.push({ entityKey, inspectorKey, reason });
  }
}

/**
 * `RECUSAL` (declared recusals) and `PREVIOUS_INSPECTOR` (the rules forbid the same inspector twice
 * running), for entities in the pool and drawable inspectors only.
 */
export function ownExclusions(
  recusals: readonly { entity_id: string; inspector_id: string }[],
  previous: readonly { entity_id: string; inspector_ids: string[] }[],
  usccInPool: ReadonlyMap<string, string>,
  certificateOf: ReadonlyMap<string, string>,
): PoolExclusions {
  const exclusions = new PoolExclusions();
  const exclude = (entityId: string, inspectorId: string, reason: string) => {
    const entityKey = usccInPool.get(entityId);
    const inspectorKey = certificateOf.get(inspectorId);
    if (entityKey && inspectorKey) exclusions.add(entityKey, inspectorKey, reason);
  };
  for (const r of recusals) exclude(r.entity_id, r.inspector_id, 'RECUSAL');
  for (const p of previous) for (const inspectorId of p.inspector_ids) exclude(p.entity_id, inspectorId, 'PREVIOUS_INSPECTOR');
  return exclusions;
}

export interface JointSummary {
  leadGroup: string;
  groups: { group: string; bureau: string; department: string; inspectors: number }[];
}

/**
 * The draw's inspectors and their groups. A single-bureau task has one group, `bureau`. A joint task: the
 * lead's pool is the lead's group, each participant's chosen inspectors its own group (a department of the
 * lead's own bureau takes its inspectors out of the lead's group); each stratum requires the lead's group
 * and the group of every participant whose part applies to the stratum's item. The recusal rules' tags go
 * on the lead's own inspectors: a participant's 属地 and department are not readable across the wall (and
 * another bureau's department never supervises the lead's entities). The participants' declared recusals
 * join the exclusions for the entities in the pool (`recusedInPool`, by USCC).
 */
export function drawGroups(
  inspectors: readonly PoolInspector[],
  tagsOf: RecusalTags,
  joint: JointDrawParts | null,
  strata: readonly DrawStratum[],
  exclusions: PoolExclusions,
  recusedInPool: ReadonlySet<string>,
): { inspectors: DrawInput['inspectors']; requiredGroups: NonNullable<DrawInput['requiredGroups']>; joint?: JointSummary } {
  const drawInspectors: DrawInput['inspectors'] = inspectors.map((i) => {
    const tags = tagsOf.ofInspector(i);
    const group = joint ? joint.leadGroup : 'bureau';
    return tags ? { key: i.certificate_no, group, tags } : { key: i.certificate_no, group };
  });
  if (!joint) return { inspectors: drawInspectors, requiredGroups: [] };
  const certificateOf = new Map(inspectors.map((i) => [i.id, i.certificate_no]));
  const byCertificate = new Map(drawInspectors.map((i) => [i.key, i]));
  for (const part of joint.parts) {
    for (const i of part.inspectors) {
      const own = byCertificate.get(i.certificateNo);
      if (own && certificateOf.get(i.id) === i.certificateNo) own.group = part.group;
      else if (own) throw ruleViolation('joint.certificate', `执法证号 ${i.certificateNo} 在参与单位之间重复，无法区分检查人员`);
      else {
        const entry = { key: i.certificateNo, group: part.group };
        byCertificate.set(i.certificateNo, entry);
        drawInspectors.push(entry);
      }
    }
  }
  for (const r of joint.recusals) {
    if (recusedInPool.has(r.uscc) && byCertificate.has(r.certificateNo)) exclusions.add(r.uscc, r.certificateNo, 'RECUSAL');
  }
  const requiredGroups = strata.map((stratum) => {
    const itemId = itemOfStratum(stratum.key);
    const groups = [joint.leadGroup, ...joint.parts.filter((p) => !p.leadItemIds.length || p.leadItemIds.includes(itemId)).map((p) => p.group)];
    return { stratumKey: stratum.key, groups: [...new Set(groups)] };
  });
  return {
    inspectors: drawInspectors,
    requiredGroups,
    joint: {
      leadGroup: joint.leadGroup,
      groups: joint.parts.map((p) => ({
        group: p.group,
        bureau: p.bureau,
        department: p.department,
        inspectors: drawInspectors.filter((i) => i.group === p.group).length,
      })),
    },
  };
}
