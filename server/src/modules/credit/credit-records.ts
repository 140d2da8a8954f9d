import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Inspection } from '../inspections/inspection.entity';
import { resultCategoryOf } from '../inspections/result-categories';
import { CreditRecord } from './credit-record.entity';
import { currentRules, refreshCreditStatuses } from './credit-status';

/**
 * Writes a just-published result into its entity's credit record, in the publishing transaction. A
 * published correction supersedes the original's record (kept, marked, no longer counted). A joint
 * participant's record of an entity missing from its own directory has no entity to be written to.
 */
export async function recordPublishedResult(m: EntityManager, record: Inspection, publishedAt: Date): Promise<void> {
  if (!record.entityId || !record.resultCategory) return;
  const category = await resultCategoryOf(m, record.resultCategory);
  const id = crypto.randomUUID();
  await m.insert(CreditRecord, {
    tenantId: record.tenantId,
    id,
    entityId: record.entityId,
    inspectionId: record.id,
    resultCategory: record.resultCategory,
    problem: category?.problem ?? false,
    publishedAt,
    note: record.correctsId ? `更正：${record.correctionReason ?? ''}`.slice(0, 2000) : (category?.label ?? null),
  });
  const entities = [record.entityId];
  if (record.correctsId) {
    const superseded = (await m.query(
      `UPDATE credit_records SET superseded_by_id = $1, superseded_at = $2 WHERE inspection_id = $3 AND superseded_at IS NULL RETURNING entity_id`,
      [id, publishedAt, record.correctsId],
    )) as [{ entity_id: string }[], number];
    for (const row of superseded[0] ?? []) if (!entities.includes(row.entity_id)) entities.push(row.entity_id);
  }
  await refreshCreditStatuses(m, await currentRules(m), entities, publishedAt);
}
