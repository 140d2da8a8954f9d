import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { InspectionItem } from '../items/inspection-item.entity';
import { RiskLevel } from '../entities/market-entity.entity';
import { AnnualPlan } from '../plans/annual-plan.entity';
import { Task, TaskKind, TaskStatus } from './task.entity';
import { listTasks, taskItems } from './task-reads';
import { approveTask, cancelTask, needsApproval, saveTask } from './task.service';

const TaskConnection = Connection(Task);

@InputType()
class TaskItemInput {
  @Field(() => ID) itemId!: string;
  @Field({ description: '抽查比例，如 "0.10"；抽取数量向上取整' }) ratio!: string;
}

@InputType()
class TargetFilterInput {
  @Field(() => [String], { nullable: true }) targetTypes?: string[];
  @Field(() => [String], { nullable: true }) regionCodes?: string[];
  @Field(() => [String], { nullable: true }) industries?: string[];
  @Field(() => [String], { nullable: true, description: '登记状态，代码或中文；默认存续、在业' }) statuses?: string[];
  @Field(() => [RiskLevel], { nullable: true, description: '风险分类监管：只抽这些风险等级的对象（特殊监管对象按高风险），按细则增加的轮次计' })
  riskClasses?: RiskLevel[];
}

@InputType()
class InspectorFilterInput {
  @Field(() => [ID], { nullable: true }) departmentIds?: string[];
  @Field(() => [String], { nullable: true, description: '执法类别' }) categories?: string[];
}

@InputType({ description: '抽查任务及实施方案' })
class TaskInput {
  @Field(() => TaskKind, { nullable: true, description: '默认为年度计划内的双随机抽查（须指定计划和轮次）' }) kind?: TaskKind | null;
  @Field(() => String, { nullable: true, description: '专项检查的事由；检查期已开始时补办的理由' }) reason?: string | null;
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => Int, { nullable: true }) round?: number | null;
  @Field() title!: string;
  @Field() purpose!: string;
  @Field() procedure!: string;
  @Field() divisionOfLabour!: string;
  @Field() confidentiality!: string;
  @Field() startsOn!: string;
  @Field() endsOn!: string;
  @Field(() => Int) teamSize!: number;
  @Field(() => TargetFilterInput, { nullable: true }) targetFilter?: TargetFilterInput | null;
  @Field(() => InspectorFilterInput, { nullable: true }) inspectorFilter?: InspectorFilterInput | null;
  @Field(() => [TaskItemInput]) items!: TaskItemInput[];
  @Field({ nullable: true, description: '联合抽查任务（本单位牵头，邀请其他部门或单位参加）' }) joint?: boolean;
  @Field(() => ID, { nullable: true, description: '联合抽查的牵头部门（本单位）' }) leadDepartmentId?: string | null;
}

@ObjectType()
class TaskItemView {
  @Field(() => InspectionItem, { nullable: true }) item!: InspectionItem | null;
  @Field() ratio!: string;
}

@ArgsType()
class TaskFilter extends PageArgs {
  @Field(() => TaskStatus, { nullable: true }) status?: TaskStatus | null;
  @Field({ nullable: true, description: '只看本人被摇中参加检查组的' }) mine?: boolean;
  @Field({ nullable: true, description: '只看办理中的：尚未摇号，或已摇号且检查期尚未结束（不含已取消）' }) inProgress?: boolean;
}

@Resolver(() => Task)
export class TaskResolver {
  @SignedIn()
  @Query(() => TaskConnection, { description: '本单位抽查任务' })
  tasks(@Ctx() ctx: RequestContext, @Args() filter: TaskFilter) {
    return listTasks(ctx, filter);
  }

  @SignedIn()
  @Mutation(() => Task, { description: '制定抽查任务及实施方案' })
  createTask(@Ctx() ctx: RequestContext, @Arg('input') input: TaskInput) {
    return saveTask(ctx, null, input);
  }

  @SignedIn()
  @Mutation(() => Task, { description: '修改尚未封存名单的任务' })
  updateTask(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: TaskInput) {
    return saveTask(ctx, id, input);
  }

  @SignedIn()
  @Mutation(() => Task, { description: '取消尚未摇号的任务' })
  cancelTask(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return cancelTask(ctx, id, reason);
  }

  @SignedIn()
  @Mutation(() => Task, { description: '分管领导批准专项检查，或批准在已开始、已结束的检查期内办理（须写明理由）' })
  approveTask(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('comment') comment: string) {
    return approveTask(ctx, id, comment);
  }

  @FieldResolver(() => Boolean, { description: '封存名单前尚待分管领导批准' })
  awaitingLeaderApproval(@Root() task: Task) {
    return task.status === TaskStatus.DRAFT && needsApproval(task) && !task.leaderApprovedAt;
  }

  @FieldResolver(() => [TaskItemView])
  async items(@Root() task: Task, @Ctx() ctx: RequestContext) {
    const rows = await taskItems(ctx, task.id);
    return Promise.all(rows.map(async (r) => ({ item: await ctx.loaders.of(InspectionItem).load(r.itemId), ratio: r.ratio })));
  }

  @FieldResolver(() => AnnualPlan, { nullable: true })
  plan(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return task.planId ? ctx.loaders.of(AnnualPlan).load(task.planId) : null;
  }
}
