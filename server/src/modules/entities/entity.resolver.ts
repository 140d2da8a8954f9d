import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { Allow, SignedIn } from '../../graphql/permissions';
import { Department } from '../departments/department.entity';
import { Region } from '../regions/region.entity';
import { CreditClass, EntityKind, EntityStatus, MarketEntity, RiskLevel } from './market-entity.entity';
import { MarketEntityChange } from './market-entity-change.entity';
import { createEntity, updateEntity } from './entity.service';
import { countIncompleteEntities, entityHistory } from './entity-reads';
import { listEntities } from './entity-list';

const MarketEntityConnection = Connection(MarketEntity);

@InputType({ description: '检查对象' })
class EntityInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: '统一社会信用代码（单位）；全角、小写、空格会被规范化' }) uscc?: string | null;
  @Field(() => String, { nullable: true, description: '身份证号（自然人，代替统一社会信用代码）：只保存其加密散列和脱敏号码' }) idNumber?: string | null;
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
  @Field(() => String, { nullable: true, description: '名称包含，或统一社会信用代码开头，或自然人的完整身份证号' }) search?: string | null;
  @Field(() => EntityStatus, { nullable: true }) status?: EntityStatus | null;
  @Field(() => CreditClass, { nullable: true }) creditClass?: CreditClass | null;
  @Field(() => RiskLevel, { nullable: true }) riskLevel?: RiskLevel | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true：只列缺少登记机关、法定代表人或地址、待补全的' }) incomplete?: boolean | null;
  @Field(() => EntityKind, { nullable: true }) kind?: EntityKind | null;
}

@Resolver(() => MarketEntity)
export class EntityResolver {
  @SignedIn()
  @Query(() => MarketEntityConnection, { description: '本单位检查对象名录' })
  entities(@Ctx() ctx: RequestContext, @Args() filter: EntityFilter) {
    return listEntities(ctx, filter);
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

  @SignedIn()
  @Query(() => Int, { description: '名录中缺少登记机关、法定代表人或地址、待补全的检查对象数' })
  incompleteEntityCount(@Ctx() ctx: RequestContext) {
    return countIncompleteEntities(ctx);
  }

  @FieldResolver(() => Boolean, { description: '缺少登记机关、法定代表人或地址，待补全' })
  incomplete(@Root() e: MarketEntity) {
    return e.address === null || (e.kind === EntityKind.ORGANIZATION && (e.registrationAuthority === null || e.legalRepresentative === null));
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() entity: MarketEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.of(Region).load(entity.regionCode);
  }

  @FieldResolver(() => Department, { nullable: true, description: '日常监管部门' })
  supervisingDepartment(@Root() entity: MarketEntity, @Ctx() ctx: RequestContext) {
    return entity.supervisingDepartmentId ? ctx.loaders.of(Department).load(entity.supervisingDepartmentId) : null;
  }

  @FieldResolver(() => [MarketEntityChange], { description: '变更记录，最新在前' })
  history(@Root() entity: MarketEntity, @Ctx() ctx: RequestContext) {
    return entityHistory(ctx, entity.id);
  }
}
