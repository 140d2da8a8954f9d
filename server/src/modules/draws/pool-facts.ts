import type { EntityManager } from 'typeorm';
import { formatRatio, type EntityYear } from '@spotcheck/shared';
import type { Task } from '../tasks/task.entity';

// What a pool is built from besides the directory: the task's items, the year's draws, the recusals and
// the drawable inspectors, each one read of the task's tenant.

export interface PoolItem {
  id: string;
  name: string;
  target_type: string;
  /** The task's ratio for the item, formatted (formatRatio). */
  ratio: string;
}

export async function taskItems(m: EntityManager, task: Task): Promise<PoolItem[]> {
  const rows = (await m.query(
    `SELECT i.id, i.name, i.target_type, ti.ratio::text AS ratio FROM task_items ti JOIN inspection_items i ON i.id = ti.item_id AND i.tenant_id = ti.tenant_id
      WHERE ti.tenant_id = $2 AND ti.task_id = $1 ORDER BY i.position`,
    [task.id, task.tenantId],
  )) as PoolItem[];
  return rows.map((r) => ({ ...r, ratio: formatRatio(r.ratio) }));
}

/**
 * Each entity's draws of the year: the bureau's own, and those it took part in as a participant of other
 * bureaus' joint tasks, as its own entities (matched by USCC) and its own items of the part — they count
 * toward its yearly limits as if drawn by itself. Joint draws are read through the participant's rows of
 * the joint views, never the lead's tables.
 */
export async function yearHistory(m: EntityManager, tenantId: string, year: number): Promise<Map<string, EntityYear & { itemIds: Set<string> }>> {
  const own = (await m.query(`SELECT entity_id, item_ids FROM draw_selections WHERE tenant_id = $1 AND year = $2`, [tenantId, year])) as {
    entity_id: string;
    item_ids: string[];
  }[];
  const joint = (await m.query(
    `SELECT e.id AS entity_id, p.item_ids
       FROM joint_drawn_entities d
       JOIN joint_task_parties v ON v.participation_id = d.participation_id AND v.tenant_id = $1
       JOIN joint_participants p ON p.tenant_id = $1 AND p.id = d.participation_id
       JOIN market_entities e ON e.tenant_id = $1 AND e.uscc = d.uscc
      WHERE d.tenant_id = $1 AND d.lead_tenant_id <> $1 AND date_part('year', v.starts_on) = $2`,
    [tenantId, year],
  )) as { entity_id: string; item_ids: string[] }[];
  const history = new Map<string, { draws: number; itemIds: Set<string> }>();
  for (const row of [...own, ...joint]) {
    let entry = history.get(row.entity_id);
    if (!entry) history.set(row.entity_id, (entry = { draws: 0, itemIds: new Set() }));
    entry.draws += 1;
    for (const itemId of row.item_ids) entry.itemIds.add(itemId);
  }
  return history;
}

/** The declared recusals valid at some time during the task. */
export async function taskRecusals(m: EntityManager, task: Task): Promise<{ entity_id: string; inspector_id: string }[]> {
  return (await m.query(`SELECT entity_id, inspector_id FROM recusals WHERE tenant_id = $3 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $1)`, [
    task.startsOn,
    task.endsOn,
    task.tenantId,
  ])) as { entity_id: string; inspector_id: string }[];
}

/** Each entity's inspectors of its latest draw (for “not the same inspector twice running”). */
export async function previousInspectors(m: EntityManager, tenantId: string): Promise<{ entity_id: string; inspector_ids: string[] }[]> {
  return (await m.query(
    `SELECT DISTINCT ON (s.entity_id) s.entity_id, s.inspector_ids FROM draw_selections s
       JOIN draws d ON d.tenant_id = s.tenant_id AND d.id = s.draw_id
      WHERE s.tenant_id = $1
      ORDER BY s.entity_id, d.drawn_at DESC`,
    [tenantId],
  )) as { entity_id: string; inspector_ids: string[] }[];
}

export interface PoolInspector {
  id: string;
  certificate_no: string;
  region_code: string | null;
  department_id: string | null;
}

/** The drawable inspectors: active, certificate valid over the whole inspection period, in the task's filter. */
export async function drawableInspectors(m: EntityManager, task: Task): Promise<PoolInspector[]> {
  const filter = task.inspectorFilter ?? {};
  return (await m.query(
    `SELECT id, certificate_no, region_code, department_id FROM inspectors
      WHERE tenant_id = $5 AND status = 'ACTIVE' AND certificate_valid_from <= $1 AND certificate_valid_to >= $2
        AND ($3::uuid[] IS NULL OR department_id = ANY($3))
        AND ($4::text[] IS NULL OR enforcement_categories && $4)`,
    [task.startsOn, task.endsOn, filter.departmentIds ?? null, filter.categories ?? null, task.tenantId],
  )) as PoolInspector[];
}
