import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { badInput } from '../../graphql/errors';
import { itemHistory, listItems } from './item-reads';
import { fromGlobalUuid } from '@spotcheck/shared';
import { Department } from '../departments/department.entity';
import { InspectionItem, ItemCategory, ItemStatus } from './inspection-item.entity';
import { InspectionItemVersion } from './inspection-item-version.entity';
import { createItem, moveItem, updateItem, withdrawItem } from './item.service';

const InspectionItemConnection = Connection(InspectionItem);

@InputType({ description: '抽查事项' })
class ItemInput {
  @Field(() => ID, { nullable: true, description: '责任部门' }) departmentId?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) legalBasis?: string | null;
  @Field(() => String, { nullable: true }) inspectingBody?: string | null;
  @Field(() => String, { nullable: true, description: '检查内容' }) content?: string | null;
  @Field(() => ItemCategory, { nullable: true }) category?: ItemCategory | null;
  @Field(() => String, { nullable: true }) targetType?: string | null;
  @Field(() => String, { nullable: true, description: '最低抽查比例，如 "0.10"' }) minRatio?: string | null;
  @Field(() => Int, { nullable: true }) frequencyPerYear?: number | null;
  @Field(() => [String], { nullable: true, description: '检查方式：代码或中文，如 实地核查' }) methods?: string[] | null;
  @Field(() => String, { nullable: true }) remarks?: string | null;
}

@ArgsType()
class ItemFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => ItemStatus, { nullable: true }) status?: ItemStatus | null;
}

@Resolver(() => InspectionItem)
export class ItemResolver {
  @SignedIn()
  @Query(() => InspectionItemConnection, { description: '本单位随机抽查事项清单' })
  items(@Ctx() ctx: RequestContext, @Args() filter: ItemFilter) {
    const departmentId = filter.departmentId ? fromGlobalUuid(filter.departmentId, 'Department') : null;
    if (filter.departmentId && !departmentId) throw badInput([{ field: 'departmentId', message: '部门 id 无效' }]);
    return listItems(ctx, { departmentId, status: filter.status }, filter);
  }

  @SignedIn()
  @Mutation(() => InspectionItem, { description: '新增抽查事项（草稿）；公布须报局领导审议（submitListPublication）' })
  createItem(@Ctx() ctx: RequestContext, @Arg('input') input: ItemInput, @Arg('reason', () => String, { nullable: true }) reason?: string | null) {
    return createItem(ctx, input, reason ?? null);
  }

  @SignedIn()
  @Mutation(() => InspectionItem, { description: '修改抽查事项：产生新版本；已公布的事项须说明理由' })
  updateItem(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ItemInput,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ) {
    return updateItem(ctx, id, input, reason ?? null);
  }

  @SignedIn()
  @Mutation(() => InspectionItem, { description: '撤回抽查事项（须说明理由）' })
  withdrawItem(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return withdrawItem(ctx, id, reason);
  }

  @SignedIn()
  @Mutation(() => InspectionItem, { description: '调整清单顺序：把事项移到第 position 位（从 1 起），其余依次顺延（办公室）' })
  moveItem(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('position', () => Int) position: number) {
    return moveItem(ctx, id, position);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() item: InspectionItem, @Ctx() ctx: RequestContext) {
    return item.departmentId ? ctx.loaders.of(Department).load(item.departmentId) : null;
  }

  @FieldResolver(() => [InspectionItemVersion], { description: '历次版本，最新在前' })
  history(@Root() item: InspectionItem, @Ctx() ctx: RequestContext) {
    return itemHistory(ctx, item.id);
  }
}
