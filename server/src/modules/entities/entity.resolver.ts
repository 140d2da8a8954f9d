import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Brackets } from 'typeorm';
import { normalizeUscc } from '@spotcheck/shared';
import { tenantTx, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs, paginate } from '../../graphql/connection';
import { Allow, SignedIn } from '../../graphql/permissions';
import { Department } from '../departments/department.entity';
import { Region } from '../regions/region.entity';
import { CreditClass, EntityStatus, MarketEntity, RiskLevel } from './market-entity.entity';
import { MarketEntityChange } from './market-entity-change.entity';
import { createEntity, updateEntity } from './entity.service';

const MarketEntityConnection = Connection(MarketEntity);

@InputType({ description: '检查对象' })
class EntityInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: '统一社会信用代码；全角、小写、空格会被规范化' }) uscc?: string | null;
  @Field(() => String, { nullable: true }) registrationAuthority?: string | null;
  @Field(() => String, { nullable: true }) legalRepresentative?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => String, { nullable: true }) targetType?: string | null;
  @Field(() => EntityStatus, { nullable: true }) status?: EntityStatus | null;
  @Field(() => CreditClass, { nullable: true }) creditClass?: CreditClass | null;
  @Field(() => RiskLevel, { nullable: true }) riskLevel?: RiskLevel | null;
  @Field(() => Int, { nullable: true }) complaints?: number | null;
  @Field(() => String, { nullable: true }) violationRecord?: string | null;
  @Field(() => ID, { nullable: true, description: '日常监管部门（本单位的部门）；null 表示清除' }) supervisingDepartmentId?: string | null;
}

@ArgsType()
class EntityFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: '名称包含，或统一社会信用代码开头' }) search?: string | null;
  @Field(() => EntityStatus, { nullable: true }) status?: EntityStatus | null;
  @Field(() => CreditClass, { nullable: true }) creditClass?: CreditClass | null;
  @Field(() => RiskLevel, { nullable: true }) riskLevel?: RiskLevel | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
}

@Resolver(() => MarketEntity)
export class EntityResolver {
  @SignedIn()
  @Query(() => MarketEntityConnection, { description: '本单位检查对象名录' })
  entities(@Ctx() ctx: RequestContext, @Args() filter: EntityFilter) {
    return tenantTx(ctx, (m) => {
      const query = m.createQueryBuilder(MarketEntity, 'e').orderBy('e.uscc', 'ASC');
      const search = filter.search?.trim();
      if (search) {
        query.andWhere(new Brackets((w) => {
          w.where(`strpos(e.name, :search) > 0`, { search }).orWhere(`starts_with(e.uscc, :uscc)`, { uscc: normalizeUscc(search) });
        }));
      }
      if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
      if (filter.creditClass) query.andWhere('e.credit_class = :credit', { credit: filter.creditClass });
      if (filter.riskLevel) query.andWhere('e.risk_level = :risk', { risk: filter.riskLevel });
      if (filter.regionCode) query.andWhere('e.region_code = :region', { region: filter.regionCode });
      return paginate(query, filter);
    });
  }

  @Allow('create', 'MarketEntity')
  @Mutation(() => MarketEntity, { description: '新增检查对象；校验码不符时须 overrideChecksum 确认' })
  createEntity(@Ctx() ctx: RequestContext, @Arg('input') input: EntityInput, @Arg('overrideChecksum', { defaultValue: false }) overrideChecksum: boolean) {
    return createEntity(ctx, input, overrideChecksum);
  }

  @Allow('update', 'MarketEntity')
  @Mutation(() => MarketEntity, { description: '修改检查对象，保留变更记录' })
  updateEntity(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: EntityInput,
    @Arg('overrideChecksum', { defaultValue: false }) overrideChecksum: boolean,
  ) {
    return updateEntity(ctx, id, input, overrideChecksum);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() entity: MarketEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.Region.load(entity.regionCode);
  }

  @FieldResolver(() => Department, { nullable: true, description: '日常监管部门' })
  supervisingDepartment(@Root() entity: MarketEntity, @Ctx() ctx: RequestContext) {
    return entity.supervisingDepartmentId ? ctx.loaders.Department.load(entity.supervisingDepartmentId) : null;
  }

  @FieldResolver(() => [MarketEntityChange], { description: '变更记录，最新在前' })
  history(@Root() entity: MarketEntity, @Ctx() ctx: RequestContext) {
    return tenantTx(ctx, (m) => m.find(MarketEntityChange, { where: { entityId: entity.id }, order: { version: 'DESC' }, take: 100 }));
  }
}
