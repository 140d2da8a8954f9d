import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { fromGlobalUuid } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { Allow, SignedIn } from '../../graphql/permissions';
import { badInput } from '../../graphql/errors';
import { Department } from '../departments/department.entity';
import { Region } from '../regions/region.entity';
import { User } from '../users/user.entity';
import { canReadUser } from '../users/user.service';
import { MarketEntity } from '../entities/market-entity.entity';
import { Establishment, Gender, Inspector, InspectorStatus } from './inspector.entity';
import { Recusal } from './recusal.entity';
import { declareRecusal, isDrawable, saveInspector } from './inspector.service';
import { listInspectors, listRecusals } from './inspector-reads';
import { parseDate } from './inspector-fields';

const InspectorConnection = Connection(Inspector);
const RecusalConnection = Connection(Recusal);

@InputType({ description: '执法检查人员' })
class InspectorInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true }) post?: string | null;
  @Field(() => [String], { nullable: true }) enforcementCategories?: string[] | null;
  @Field(() => String, { nullable: true }) certificateNo?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) certificateValidFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) certificateValidTo?: string | null;
  @Field(() => Establishment, { nullable: true }) establishment?: Establishment | null;
  @Field(() => [String], { nullable: true }) specialties?: string[] | null;
  @Field(() => InspectorStatus, { nullable: true }) status?: InspectorStatus | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => ID, { nullable: true, description: '关联的用户账号' }) userId?: string | null;
  @Field(() => String, { nullable: true, description: '属地（本单位辖区内的行政区划代码）；null 表示清除' }) regionCode?: string | null;
}

@InputType({ description: '回避声明' })
class RecusalInput {
  @Field(() => ID) inspectorId!: string;
  @Field(() => ID) entityId!: string;
  @Field() reason!: string;
  @Field({ description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD；不填表示长期' }) validTo?: string | null;
}

@ArgsType()
class InspectorFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => InspectorStatus, { nullable: true }) status?: InspectorStatus | null;
  @Field(() => String, { nullable: true, description: '只列出该日（YYYY-MM-DD）可抽取的人员：在岗且执法证有效' }) drawableOn?: string | null;
}

@ArgsType()
class RecusalFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) inspectorId?: string | null;
  @Field(() => ID, { nullable: true }) entityId?: string | null;
}

@Resolver(() => Inspector)
export class InspectorResolver {
  @SignedIn()
  @Query(() => InspectorConnection, { description: '本单位执法检查人员名录' })
  inspectors(@Ctx() ctx: RequestContext, @Args() filter: InspectorFilter) {
    const on = filter.drawableOn ? parseDate(filter.drawableOn) : null;
    if (filter.drawableOn && !on) throw badInput([{ field: 'drawableOn', message: '日期无效' }]);
    return listInspectors(
      ctx,
      { departmentId: filter.departmentId ? fromGlobalUuid(filter.departmentId, 'Department') : undefined, status: filter.status, drawableOn: on },
      filter,
    );
  }

  @Allow('create', 'Inspector')
  @Mutation(() => Inspector, { description: '新增执法检查人员' })
  createInspector(@Ctx() ctx: RequestContext, @Arg('input') input: InspectorInput) {
    return saveInspector(ctx, null, input);
  }

  @Allow('update', 'Inspector')
  @Mutation(() => Inspector, { description: '修改执法检查人员' })
  updateInspector(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: InspectorInput) {
    return saveInspector(ctx, id, input);
  }

  @SignedIn()
  @Mutation(() => Recusal, { description: '登记回避声明（办公室，或执法人员本人）' })
  declareRecusal(@Ctx() ctx: RequestContext, @Arg('input') input: RecusalInput) {
    return declareRecusal(ctx, input);
  }

  @SignedIn()
  @Query(() => RecusalConnection, { description: '回避声明（办公室、监督可见全部，其他人只见本人登记的）' })
  recusals(@Ctx() ctx: RequestContext, @Args() filter: RecusalFilter) {
    requireViewer(ctx);
    return listRecusals(
      ctx,
      {
        inspectorId: filter.inspectorId ? fromGlobalUuid(filter.inspectorId, 'Inspector') : undefined,
        entityId: filter.entityId ? fromGlobalUuid(filter.entityId, 'MarketEntity') : undefined,
      },
      filter,
    );
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() inspector: Inspector, @Ctx() ctx: RequestContext) {
    return inspector.departmentId ? ctx.loaders.of(Department).get(inspector.departmentId) : null;
  }

  @FieldResolver(() => Region, { nullable: true, description: '属地' })
  region(@Root() inspector: Inspector, @Ctx() ctx: RequestContext) {
    return inspector.regionCode ? ctx.loaders.of(Region).load(inspector.regionCode) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: '关联账号（本人或有权查看用户者可见）' })
  async user(@Root() inspector: Inspector, @Ctx() ctx: RequestContext) {
    const user = inspector.userId ? await ctx.loaders.of(User).load(inspector.userId) : null;
    return user && canReadUser(ctx, user) ? user : null;
  }

  @FieldResolver(() => Boolean, { description: '指定日期（默认今天）是否可抽取：在岗且执法证有效' })
  drawable(@Root() inspector: Inspector, @Arg('on', () => String, { nullable: true }) on?: string | null) {
    return isDrawable(inspector, (on && parseDate(on)) || new Date().toISOString().slice(0, 10));
  }
}

@Resolver(() => Recusal)
export class RecusalResolver {
  @FieldResolver(() => Inspector, { nullable: true })
  inspector(@Root() recusal: Recusal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.of(Inspector).load(recusal.inspectorId);
  }

  @FieldResolver(() => MarketEntity, { nullable: true })
  entity(@Root() recusal: Recusal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.of(MarketEntity).load(recusal.entityId);
  }
}
