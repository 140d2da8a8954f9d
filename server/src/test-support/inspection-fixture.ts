import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import type { TestApp } from './test-app';

let nextSeq = 10_000;

/**
 * An inspection record of 舞钢 (or `tenantRegion`) waiting for publication, written straight into the
 * database against the bureau's first drawn draw (e.g. from `drawWugangTask`): the team's steps are tested elsewhere; this lets a test publish
 * any result for any entity, as often as it needs, through the real PUBLISH transition.
 */
export async function approvedInspection(
  t: TestApp,
  entityUscc: string,
  resultCategory: string,
  options: { findings?: string | null; correctsGlobalId?: string; correctionReason?: string; tenantRegion?: string } = {},
): Promise<string> {
  const [entity] = await t.sql(
    `SELECT e.tenant_id, e.id, e.uscc, e.name FROM market_entities e JOIN tenants n ON n.id = e.tenant_id WHERE n.region_code = $1 AND e.uscc = $2`,
    [options.tenantRegion ?? '410481', entityUscc],
  );
  if (!entity) throw new Error(`no entity ${entityUscc}`);
  const [draw] = await t.sql(`SELECT d.id, d.task_id FROM draws d WHERE d.tenant_id = $1 AND d.status = 'DRAWN' ORDER BY d.drawn_at LIMIT 1`, [
    entity.tenant_id,
  ]);
  if (!draw) throw new Error('draw a task first (drawWugangTask)');
  const [item] = await t.sql(`SELECT id FROM inspection_items WHERE tenant_id = $1 ORDER BY position LIMIT 1`, [entity.tenant_id]);
  const correctsId = options.correctsGlobalId ? fromGlobalUuid(options.correctsGlobalId, 'Inspection') : null;
  const [row] = await t.sql(
    `INSERT INTO inspections (tenant_id, draw_id, seq, task_id, entity_id, entity_uscc, entity_name, item_ids, team_ids, status, inspected_on, place,
                              site_conditions, findings, result_category, content_hash, access_code, access_code_hash, approved_at, corrects_id, correction_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{}', 'APPROVED', '2023-06-20', '检查对象生产经营场所', '现场核查', $9, $10, 'test', 'TEST-CODE', md5(random()::text), now(), $11, $12)
     RETURNING id`,
    [
      entity.tenant_id,
      draw.id,
      nextSeq++,
      draw.task_id,
      entity.id,
      entity.uscc,
      entity.name,
      [item.id],
      options.findings ?? null,
      resultCategory,
      correctsId,
      options.correctionReason ?? null,
    ],
  );
  return toGlobalId('Inspection', row.id);
}

/** The office publishes the record through the workflow; returns the GraphQL errors, if any. */
export async function publishInspection(t: TestApp, id: string, office: string): Promise<unknown> {
  const result = await t.gql('mutation($id: ID!) { transitionInspection(id: $id, action: PUBLISH) { status } }', { id }, office);
  return result.errors;
}
