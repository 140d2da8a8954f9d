import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { PLAN_WORKFLOW, availableActions, type PlanAction } from '@spotcheck/shared';
import { withoutConflicts } from './plan-duties';
import { listPlans, planItems, planVersions, viewerPlanConflicts } from './plan-reads';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { InspectionItem } from '../items/inspection-item.entity';
import { AnnualPlan, PlanStatus } from './annual-plan.entity';
import { amendPlan, savePlan, transitionPlan } from './plan.service';

const PlanActionEnum = { SUBMIT: 'SUBMIT', RETURN: 'RETURN', APPROVE: 'APPROVE', PUBLISH: 'PUBLISH' } as const;
registerEnumType(PlanActionEnum, { name: 'PlanAction', description: '提交审批 / 退回 / 批准 / 公布' });

const AnnualPlanConnection = Connection(AnnualPlan);

@InputType()
class PlanRoundInput {
  @Field(() => Int) round!: number;
  @Field({ description: 'YYYY-MM-DD' }) from!: string;
  @Field({ description: 'YYYY-MM-DD' }) to!: string;
}

@InputType()
class PlanItemInput {
  @Field(() => ID) itemId!: string;
  @Field({ description: '计划抽查比例，如 "0.05"' }) ratio!: string;
  @Field(() => Int) rounds!: number;
}

@InputType({ description: '年度抽查计划' })
class PlanInput {
  @Field(() => Int) year!: number;
  @Field() title!: string;
  @Field() scope!: string;
  @Field(() => String, { nullable: true }) inspectorRequirements?: string | null;
  @Field(() => Int) rounds!: number;
  @Field(() => [PlanRoundInput]) schedule!: PlanRoundInput[];
  @Field(() => [PlanItemInput]) items!: PlanItemInput[];
}

@ObjectType({ description: '计划中的抽查事项' })
class PlanItem {
  @Field(() => InspectionItem, { nullable: true }) item!: InspectionItem | null;
  @Field() ratio!: string;
  @Field(() => Int) rounds!: number;
}

@ArgsType()
class PlanFilter extends PageArgs {
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => PlanStatus, { nullable: true }) status?: PlanStatus | null;
}

@Resolver(() => AnnualPlan)
export class PlanResolver {
  @SignedIn()
  @Query(() => AnnualPlanConnection, { description: '本单位年度抽查计划' })
  plans(@Ctx() ctx: RequestContext, @Args() filter: PlanFilter) {
    return listPlans(ctx, filter);
  }

  @SignedIn()
  @Mutation(() => AnnualPlan, { description: '编制年度计划（须符合本单位细则）' })
  createPlan(@Ctx() ctx: RequestContext, @Arg('input') input: PlanInput) {
    return savePlan(ctx, null, input);
  }

  @SignedIn()
  @Mutation(() => AnnualPlan, { description: '修改草稿或已退回的计划' })
  updatePlan(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: PlanInput) {
    return savePlan(ctx, id, input);
  }

  @SignedIn()
  @Mutation(() => AnnualPlan, { description: '计划流转：提交审批（办公室）、批准或退回（分管领导）、公布（办公室）' })
  transitionPlan(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('action', () => PlanActionEnum) action: PlanAction,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    return transitionPlan(ctx, id, action, comment ?? null);
  }

  @SignedIn()
  @Mutation(() => AnnualPlan, { description: '调整已公布的年度计划：编制新版本（草稿），经审批、公布后替代现行版本' })
  amendPlan(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return amendPlan(ctx, id);
  }

  @FieldResolver(() => [AnnualPlan], { description: '同一年度计划的各个版本（含已被替代的），按版本排列' })
  versions(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext) {
    return planVersions(ctx, plan);
  }

  @FieldResolver(() => [PlanItem])
  async items(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext) {
    const rows = await planItems(ctx, plan.id);
    return Promise.all(rows.map(async (r) => ({ item: await ctx.loaders.of(InspectionItem).load(r.itemId), ratio: r.ratio, rounds: r.rounds })));
  }

  @FieldResolver(() => [PlanActionEnum], { description: '当前用户此时可以办理的流转' })
  async actions(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext) {
    const byRole = availableActions(PLAN_WORKFLOW, plan.status, ctx.viewer?.roles ?? []);
    if (!byRole.length || !ctx.viewer) return byRole;
    return withoutConflicts(byRole, await viewerPlanConflicts(ctx, plan));
  }
}
