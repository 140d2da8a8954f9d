import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { badInput } from '../../graphql/errors';
import { Task } from '../tasks/task.entity';
import { MarketEntity } from '../entities/market-entity.entity';
import { Inspector } from '../inspectors/inspector.entity';
import { InspectionItem } from '../items/inspection-item.entity';
import { Inspection, InspectionStatus } from './inspection.entity';
import { InspectionStep } from './inspection-step.entity';
import { InspectionAction, InspectionAssignment, InspectionBatchResult, InspectionConfirmationView, InspectionInput, ResultCategory } from './inspection.types';
import { confirmInspection, openInspection, openJointInspection, saveInspection } from './inspection.service';
import { correctInspection, transitionInspection } from './inspection-workflow.service';
import { BATCH_LIMIT, transitionInspections } from './inspection-batch';
import { bureauResultCategories } from './result-categories';
import { HandlingInput } from '../handling/handling.types';
import { todayInChina } from './inspection-deadlines';
import { assignmentPage } from './assignment-page';
import { listInspections } from './inspection-list';
import { myVisits, Visit } from './my-visits';
import { allConfirmed, inspectionReads, resultCategoryFor, viewerOnTeam } from './inspection-reads';

const InspectionConnection = Connection(Inspection);
const InspectionAssignmentConnection = Connection(InspectionAssignment);
const VisitConnection = Connection(Visit);

@ArgsType()
class InspectionFilter extends PageArgs {
  @Field(() => InspectionStatus, { nullable: true }) status?: InspectionStatus | null;
  @Field(() => ID, { nullable: true }) taskId?: string | null;
  @Field({ nullable: true, description: '只看本人所在检查组' }) mine?: boolean;
  @Field({ nullable: true, description: '只看当前环节（报告、审核、审批、公示）已逾期的' }) overdue?: boolean;
  @Field(() => String, { nullable: true, description: '按名称或统一社会信用代码查找' }) search?: string | null;
  @Field({ nullable: true, description: '只看等待我办理的（availableActions 不为空）' }) awaitingMe?: boolean;
  @Field(() => Int, { nullable: true, description: '只看报告或公示将在 N 个工作日内到期、尚未逾期也未办结的（1–60）' }) dueWithinDays?: number | null;
}

@ArgsType()
class AssignmentFilter extends PageArgs {
  @Field(() => ID) drawId!: string;
  @Field({ nullable: true, description: '只看本人所在检查组' }) mine?: boolean;
}

const OPEN_STATES = [InspectionStatus.DRAFT, InspectionStatus.RETURNED];

@Resolver(() => Inspection)
export class InspectionResolver {
  @SignedIn()
  @Query(() => InspectionConnection, { description: '本单位的检查记录' })
  inspections(@Ctx() ctx: RequestContext, @Args() filter: InspectionFilter) {
    requireViewer(ctx);
    if (filter.dueWithinDays != null && (!Number.isInteger(filter.dueWithinDays) || filter.dueWithinDays < 1 || filter.dueWithinDays > 60)) {
      throw badInput([{ field: 'dueWithinDays', message: '工作日数应为 1 到 60' }]);
    }
    return listInspections(ctx, filter);
  }

  @SignedIn()
  @Query(() => VisitConnection, { description: '我的检查：分给本人所在检查组、尚未报告的检查对象（跨任务，截止日早的在前）' })
  myVisits(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return myVisits(ctx, page);
  }

  @SignedIn()
  @Query(() => InspectionAssignmentConnection, { description: '一次摇号摇中的检查对象及检查记录办理情况' })
  inspectionAssignments(@Ctx() ctx: RequestContext, @Args() filter: AssignmentFilter) {
    requireViewer(ctx);
    const drawId = fromGlobalUuid(filter.drawId, 'Draw');
    if (!drawId) throw badInput([{ field: 'drawId', message: '摇号不存在' }]);
    return assignmentPage(ctx, drawId, !!filter.mine, filter);
  }

  @SignedIn()
  @Query(() => [ResultCategory], { description: '检查结果类别（标准类别及本单位自定义类别）' })
  resultCategories(@Ctx() ctx: RequestContext) {
    return bureauResultCategories(ctx);
  }

  @SignedIn()
  @Mutation(() => Inspection, { description: '建立（或打开）摇中对象的检查记录' })
  openInspection(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string, @Arg('seq', () => Int) seq: number) {
    return openInspection(ctx, drawId, seq);
  }

  @SignedIn()
  @Mutation(() => Inspection, { description: '联合抽查参与部门建立本部门的检查记录' })
  openJointInspection(@Ctx() ctx: RequestContext, @Arg('participationId', () => ID) participationId: string, @Arg('seq', () => Int) seq: number) {
    return openJointInspection(ctx, participationId, seq);
  }

  @SignedIn()
  @Mutation(() => Inspection, { description: '检查组填写检查记录；内容变动后需全组重新确认' })
  saveInspection(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: InspectionInput,
    @Arg('clientKey', () => String, { nullable: true, description: '设备生成的保存键：同一键重发只保存一次（离线队列）' }) clientKey?: string | null,
  ) {
    return saveInspection(ctx, id, input, clientKey);
  }

  @SignedIn()
  @Mutation(() => Inspection, { description: '检查组成员确认检查记录' })
  confirmInspection(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return confirmInspection(ctx, id);
  }

  @SignedIn()
  @Mutation(() => Inspection, { description: '提交、审核、审批、公示检查记录' })
  transitionInspection(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('action', () => InspectionAction) action: InspectionAction,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
    @Arg('handling', () => HandlingInput, { nullable: true, description: '部门审核、领导审批时修改处理建议' }) handling?: HandlingInput | null,
  ) {
    return transitionInspection(ctx, id, action, comment, handling);
  }

  @SignedIn()
  @Mutation(() => [InspectionBatchResult], {
    description: `批量审核、审批、公示：同一动作逐条办理（每条记录单独的事务，规则与逐条办理相同），逐条返回结果；一次最多 ${BATCH_LIMIT} 条`,
  })
  transitionInspections(
    @Ctx() ctx: RequestContext,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('action', () => InspectionAction) action: InspectionAction,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    return transitionInspections(ctx, ids, action, comment);
  }

  @SignedIn()
  @Mutation(() => Inspection, { description: '更正已公示的检查记录：新建关联记录，重新审核后公示' })
  correctInspection(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return correctInspection(ctx, id, reason);
  }

  @FieldResolver(() => ID, { description: '摇号的全局 id（联合抽查参与部门为牵头单位的摇号）' })
  drawId(@Root() record: Inspection) {
    return toGlobalId('Draw', record.drawId);
  }

  @FieldResolver(() => Task, { nullable: true })
  task(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return record.taskId ? ctx.loaders.of(Task).load(record.taskId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: '联合抽查中本部门的参与记录' })
  participationId(@Root() record: Inspection) {
    return record.participationId ? toGlobalId('JointParticipation', record.participationId) : null;
  }

  @FieldResolver(() => MarketEntity, { nullable: true, description: '本单位名录中的检查对象' })
  entity(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return record.entityId ? ctx.loaders.of(MarketEntity).load(record.entityId) : null;
  }

  @FieldResolver(() => [InspectionItem])
  async items(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.of(InspectionItem).loadMany(record.itemIds)).filter((i): i is InspectionItem => i instanceof InspectionItem);
  }

  @FieldResolver(() => [Inspector], { description: '检查组' })
  async team(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.of(Inspector).loadMany(record.teamIds)).filter((i): i is Inspector => i instanceof Inspector);
  }

  @FieldResolver(() => ResultCategory, { nullable: true, description: '检查结果' })
  resultCategory(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return record.resultCategory ? resultCategoryFor(ctx, record.resultCategory) : null;
  }

  @FieldResolver(() => [InspectionConfirmationView], { description: '检查组成员的确认' })
  async confirmations(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    const rows = await inspectionReads(ctx).confirmations.load(record.id);
    return Promise.all(
      rows.map(async (r) => ({
        inspector: await ctx.loaders.of(Inspector).load(r.inspectorId),
        confirmedAt: r.confirmedAt,
        current: r.contentHash === record.contentHash,
      })),
    );
  }

  @FieldResolver(() => Boolean, { description: '本单位的检查组成员都已确认当前内容（联合抽查中其他单位的成员确认其本单位的记录）' })
  allConfirmed(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return allConfirmed(ctx, record);
  }

  @FieldResolver(() => [InspectionStep], { description: '办理过程（审核、审批意见）' })
  steps(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return inspectionReads(ctx).steps.load(record.id);
  }

  @FieldResolver(() => String, { nullable: true, description: '检查对象查阅码（仅检查组和领导小组办公室可见）' })
  async accessCode(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    if (requireViewer(ctx).roles.includes('OFFICE')) return record.accessCode;
    return (await viewerOnTeam(ctx, record)) ? record.accessCode : null;
  }

  @FieldResolver(() => [InspectionAction], { description: '当前用户可办理的动作' })
  availableActions(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return inspectionReads(ctx).actions.load(record);
  }

  @FieldResolver(() => Boolean, { description: '报告已逾期（尚未提交且已过报告截止日）；已逾期提交的见 reportedLateDays' })
  reportOverdue(@Root() record: Inspection) {
    return OPEN_STATES.includes(record.status) && !!record.reportDueOn && record.reportDueOn < todayInChina();
  }

  @FieldResolver(() => Boolean, { description: '部门审核已逾期（待审核且已过审核截止日）' })
  reviewOverdue(@Root() record: Inspection) {
    return record.status === InspectionStatus.SUBMITTED && !!record.reviewDueOn && record.reviewDueOn < todayInChina();
  }

  @FieldResolver(() => Boolean, { description: '领导审批已逾期（待审批且已过审批截止日）' })
  approvalOverdue(@Root() record: Inspection) {
    return record.status === InspectionStatus.REVIEWED && !!record.approvalDueOn && record.approvalDueOn < todayInChina();
  }

  @FieldResolver(() => Boolean, { description: '公示已逾期（尚未公示且已过公示截止日）' })
  publicationOverdue(@Root() record: Inspection) {
    const pending = [InspectionStatus.SUBMITTED, InspectionStatus.REVIEWED, InspectionStatus.APPROVED].includes(record.status);
    return pending && !!record.publicationDueOn && record.publicationDueOn < todayInChina();
  }

  @FieldResolver(() => Inspection, { nullable: true, description: '本记录更正的原记录' })
  corrects(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return record.correctsId ? ctx.loaders.of(Inspection).load(record.correctsId) : null;
  }

  @FieldResolver(() => Inspection, { nullable: true, description: '更正本记录的新记录' })
  correctedBy(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return record.correctedById ? ctx.loaders.of(Inspection).load(record.correctedById) : null;
  }
}
