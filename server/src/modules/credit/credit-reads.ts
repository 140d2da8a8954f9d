import { In } from 'typeorm';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import type { MarketEntity } from '../entities/market-entity.entity';
import { Inspection } from '../inspections/inspection.entity';
import { resultCategoryFor } from '../inspections/inspection-reads';
import { CreditRecord } from './credit-record.entity';
import type { CreditRecordView } from './credit.types';

/** An entity's credit records, latest first (at most 200), with the records they came from. */
export async function creditRecordsOf(ctx: RequestContext, entity: MarketEntity): Promise<CreditRecordView[]> {
  const tenantId = requireViewer(ctx).tenantId;
  const { rows, inspections } = await readTx(ctx, async (m) => {
    const rows = await m.find(CreditRecord, { where: { tenantId, entityId: entity.id }, order: { publishedAt: 'DESC' }, take: 200 });
    const inspections = rows.length ? await m.findBy(Inspection, { tenantId, id: In(rows.map((r) => r.inspectionId)) }) : [];
    return { rows, inspections: new Map(inspections.map((i) => [i.id, i])) };
  });
  const out: CreditRecordView[] = [];
  for (const row of rows) {
    const inspection = inspections.get(row.inspectionId);
    if (!inspection) continue;
    out.push({
      resultCategory: await resultCategoryFor(ctx, row.resultCategory),
      problem: row.problem,
      publishedAt: row.publishedAt,
      note: row.note,
      supersededAt: row.supersededAt,
      inspection,
    });
  }
  return out;
}
