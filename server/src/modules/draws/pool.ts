import type { EntityManager } from 'typeorm';
import { ACTIVE_ENTITY_STATUSES, formatRatio, type DrawExclusion, type DrawInput, type DrawStratum, type RuleSet } from '@spotcheck/shared';
import type { Task } from '../tasks/task.entity';

/** What the draw input was built from: counts per item, for the ceremony screen and the record's meta. */
export interface PoolSummary {
  strata: { key: string; item: string; ratio: string; eligible: number; excluded: Record<string, number> }[];
  inspectors: number;
  exclusions: number;
}

interface EntityRow {
  id: string;
  uscc: string;
  target_type: string | null;
  credit_class: string | null;
  complaints: number;
  has_violation: boolean;
}

/** A stratum per task item: the key names the item so a reader of the record knows what was drawn. */
export function stratumKey(itemId: string): string {
  return `item:${itemId}`;
}

/**
 * An item whose target is 企业 applies to every entity; otherwise the entity's own target type must
 * appear in the item's (e.g. 测绘资质单位 in 舞钢市行政区域内的测绘资质单位).
 */
function targets(itemTarget: string, entityTarget: string | null, taskTypes: string[] | undefined): boolean {
  if (taskTypes?.length) return entityTarget !== null && taskTypes.includes(entityTarget);
  if (itemTarget.trim() === '企业') return true;
  return entityTarget !== null && itemTarget.includes(entityTarget);
}

/** Successive-draw weight from the rules: credit class × (1 + per complaint) × (1 + violation), 4 decimals. */
export function entityWeight(rules: RuleSet, row: EntityRow): string {
  const credit = rules.credit[(row.credit_class ?? 'B') as 'A' | 'B' | 'C' | 'D'];
  const raw = credit.weight * (1 + rules.extraWeight.perComplaint * Math.min(row.complaints, 100)) * (1 + (row.has_violation ? rules.extraWeight.violationRecord : 0));
  const units = Math.max(1, Math.round(raw * 10_000));
  const whole = Math.floor(units / 10_000);
  const fraction = String(units % 10_000).padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/**
 * Freezes what a task draws from, under the bureau's rules: the eligible entities of each item
 * (filters, credit exemptions, already drawn this year, at most N draws a year), the drawable
 * inspectors (active, certificate valid over the whole inspection period), and the pairs that must not
 * meet (declared recusals, the previous inspector of the same entity).
 */
export async function buildDrawInput(m: EntityManager, task: Task, rules: RuleSet): Promise<{ input: DrawInput; summary: PoolSummary }> {
  const year = Number(task.startsOn.slice(0, 4));
  const items = (await m.query(
    `SELECT i.id, i.name, i.target_type, ti.ratio::text AS ratio FROM task_items ti JOIN inspection_items i ON i.id = ti.item_id AND i.tenant_id = ti.tenant_id
      WHERE ti.task_id = $1 ORDER BY i.position`,
    [task.id],
  )).map((r: { id: string; name: string; target_type: string; ratio: string }) => ({ ...r, ratio: formatRatio(r.ratio) })) as { id: string; name: string; target_type: string; ratio: string }[];

  const filter = task.targetFilter ?? {};
  const entities = (await m.query(
    `SELECT id, uscc, target_type, credit_class, complaints, violation_record IS NOT NULL AS has_violation
       FROM market_entities
      WHERE status = ANY($1) AND ($2::text[] IS NULL OR region_code = ANY($2)) AND ($3::text[] IS NULL OR industry = ANY($3))`,
    [filter.statuses?.length ? filter.statuses : [...ACTIVE_ENTITY_STATUSES], filter.regionCodes ?? null, filter.industries ?? null],
  )) as EntityRow[];

  const drawnThisYear = (await m.query(
    `SELECT entity_id, item_ids FROM draw_selections WHERE year = $1`,
    [year],
  )) as { entity_id: string; item_ids: string[] }[];
  const timesDrawn = new Map<string, number>();
  const drawnForItem = new Set<string>();
  for (const row of drawnThisYear) {
    timesDrawn.set(row.entity_id, (timesDrawn.get(row.entity_id) ?? 0) + 1);
    for (const itemId of row.item_ids) drawnForItem.add(`${itemId}|${row.entity_id}`);
  }

  const strata: DrawStratum[] = [];
  const summary: PoolSummary = { strata: [], inspectors: 0, exclusions: 0 };
  const inPool = new Map<string, string>(); // entity id → uscc, for exclusions
  for (const item of items) {
    const excluded = { creditExempt: 0, drawnThisYear: 0, maxDrawsPerYear: 0 };
    const chosen: DrawStratum['entities'] = [];
    for (const row of entities) {
      if (!targets(item.target_type, row.target_type, filter.targetTypes)) continue;
      if (rules.credit[(row.credit_class ?? 'B') as 'A' | 'B' | 'C' | 'D'].exempt) { excluded.creditExempt += 1; continue; }
      if ((timesDrawn.get(row.id) ?? 0) >= rules.maxDrawsPerEntityPerYear) { excluded.maxDrawsPerYear += 1; continue; }
      if (rules.excludeDrawnThisYear && drawnForItem.has(`${item.id}|${row.id}`)) { excluded.drawnThisYear += 1; continue; }
      chosen.push({ key: row.uscc, weight: entityWeight(rules, row) });
      inPool.set(row.id, row.uscc);
    }
    strata.push({ key: stratumKey(item.id), ratio: item.ratio, entities: chosen });
    summary.strata.push({ key: stratumKey(item.id), item: item.name, ratio: item.ratio, eligible: chosen.length, excluded });
  }

  const inspectorFilter = task.inspectorFilter ?? {};
  const inspectors = (await m.query(
    `SELECT id, certificate_no FROM inspectors
      WHERE status = 'ACTIVE' AND certificate_valid_from <= $1 AND certificate_valid_to >= $2
        AND ($3::uuid[] IS NULL OR department_id = ANY($3))
        AND ($4::text[] IS NULL OR enforcement_categories && $4)`,
    [task.startsOn, task.endsOn, inspectorFilter.departmentIds ?? null, inspectorFilter.categories ?? null],
  )) as { id: string; certificate_no: string }[];
  const certificateOf = new Map(inspectors.map((i) => [i.id, i.certificate_no]));
  summary.inspectors = inspectors.length;

  const exclusions: DrawExclusion[] = [];
  const seen = new Set<string>();
  const exclude = (entityId: string, inspectorId: string, reason: string) => {
    const entityKey = inPool.get(entityId);
    const inspectorKey = certificateOf.get(inspectorId);
    if (!entityKey || !inspectorKey || seen.has(`${entityKey}|${inspectorKey}`)) return;
    seen.add(`${entityKey}|${inspectorKey}`);
    exclusions.push({ entityKey, inspectorKey, reason });
  };
  const recusals = (await m.query(
    `SELECT entity_id, inspector_id FROM recusals WHERE valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $1)`,
    [task.startsOn, task.endsOn],
  )) as { entity_id: string; inspector_id: string }[];
  for (const r of recusals) exclude(r.entity_id, r.inspector_id, 'RECUSAL');
  if (rules.recusal.noRepeatInspectorForEntity) {
    const previous = (await m.query(
      `SELECT DISTINCT ON (s.entity_id) s.entity_id, s.inspector_ids FROM draw_selections s
         JOIN draws d ON d.tenant_id = s.tenant_id AND d.id = s.draw_id
        ORDER BY s.entity_id, d.drawn_at DESC`,
    )) as { entity_id: string; inspector_ids: string[] }[];
    for (const p of previous) for (const inspectorId of p.inspector_ids) exclude(p.entity_id, inspectorId, 'PREVIOUS_INSPECTOR');
  }
  summary.exclusions = exclusions.length;

  return {
    input: {
      strata,
      inspectors: inspectors.map((i) => ({ key: i.certificate_no, group: 'bureau' })),
      teamSize: task.teamSize,
      workloadCap: rules.workloadCapPerInspectorPerRound,
      requiredGroups: [],
      exclusions,
    },
    summary,
  };
}
