import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { asSubject } from '@spotcheck/shared';
import { tenantTx, type RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { MarketEntity } from '../entities/market-entity.entity';
import { Inspection } from '../inspections/inspection.entity';
import { resultCategoryOf, type ResultCategoryView } from '../inspections/result-categories';
import { CreditRecord } from './credit-record.entity';
import { CreditRecordView } from './credit.types';

/** An entity's credit records, for its own bureau (both walls: CASL on the entity, RLS on the rows). */
@Resolver(() => MarketEntity)
export class CreditResolver {
  @FieldResolver(() => [CreditRecordView], { description: '信用记录（每条已公示的检查结果一条），最新在前' })
  creditRecords(@Root() entity: MarketEntity, @Ctx() ctx: RequestContext): Promise<CreditRecordView[]> {
    if (!ctx.ability.can('read', asSubject('MarketEntity', entity))) throw notFound('检查对象');
    return tenantTx(ctx, async (m) => {
      const rows = await m.find(CreditRecord, { where: { entityId: entity.id }, order: { publishedAt: 'DESC' }, take: 200 });
      const inspections = new Map(
        (rows.length ? await m.findBy(Inspection, rows.map((r) => ({ id: r.inspectionId }))) : []).map((i) => [i.id, i]),
      );
      const categories = new Map<string, ResultCategoryView | null>();
      const out: CreditRecordView[] = [];
      for (const row of rows) {
        if (!categories.has(row.resultCategory)) categories.set(row.resultCategory, await resultCategoryOf(m, row.resultCategory));
        const inspection = inspections.get(row.inspectionId);
        if (!inspection) continue;
        out.push({ resultCategory: categories.get(row.resultCategory) ?? null, problem: row.problem, publishedAt: row.publishedAt, note: row.note, supersededAt: row.supersededAt, inspection });
      }
      return out;
    });
  }
}
