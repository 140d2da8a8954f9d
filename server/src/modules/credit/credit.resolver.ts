import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { asSubject } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { MarketEntity } from '../entities/market-entity.entity';
import { creditRecordsOf } from './credit-reads';
import { CreditRecordView } from './credit.types';

/** An entity's credit records, for its own bureau (both walls: CASL on the entity, RLS on the rows). */
@Resolver(() => MarketEntity)
export class CreditResolver {
  @FieldResolver(() => [CreditRecordView], { description: '信用记录（每条已公示的检查结果一条），最新在前' })
  creditRecords(@Root() entity: MarketEntity, @Ctx() ctx: RequestContext): Promise<CreditRecordView[]> {
    if (!ctx.ability.can('read', asSubject('MarketEntity', entity))) throw notFound('检查对象');
    return creditRecordsOf(ctx, entity);
  }
}
