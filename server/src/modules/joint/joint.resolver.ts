import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { Department } from '../departments/department.entity';
import { Task } from '../tasks/task.entity';
import { Inspection } from '../inspections/inspection.entity';
import { JointRecordPart, jointPartsFor } from './joint-record-parts';
import { JointParticipation, JointStatus } from './joint-participant.entity';
import { inviteParticipant, respondToInvitation, savePart, withdrawParticipant } from './joint.service';
import { JointDepartment, JointDrawnEntity, JointPartInput, JointPartInspector, JointPartItem, JointTaskView } from './joint.types';
import { drawnEntitiesOf, jointReads, participantsOf, partnerDepartments, receivedInvitations } from './joint-reads';

const JointDepartmentConnection = Connection(JointDepartment);
const JointParticipationConnection = Connection(JointParticipation);
const JointDrawnEntityConnection = Connection(JointDrawnEntity);

@ArgsType()
class PartnerSearch extends PageArgs {
  @Field(() => String, { nullable: true, description: '按单位或部门名称查找' }) search?: string | null;
}

@ArgsType()
class InvitationFilter extends PageArgs {
  @Field(() => JointStatus, { nullable: true }) status?: JointStatus | null;
}

@Resolver(() => JointParticipation)
export class JointResolver {
  @SignedIn()
  @Query(() => JointDepartmentConnection, { description: '可邀请参加联合抽查的部门（本单位及其他单位）' })
  jointPartnerDepartments(@Ctx() ctx: RequestContext, @Args() args: PartnerSearch) {
    requireViewer(ctx);
    const search = args.search?.trim() ?? '';
    return partnerDepartments(ctx, search, args);
  }

  @SignedIn()
  @Query(() => JointParticipationConnection, { description: '本单位收到的联合抽查邀请' })
  jointInvitations(@Ctx() ctx: RequestContext, @Args() args: InvitationFilter) {
    requireViewer(ctx);
    return receivedInvitations(ctx, args.status, args);
  }

  @SignedIn()
  @Mutation(() => JointParticipation, { description: '牵头部门邀请本单位或其他单位的部门参加联合抽查' })
  inviteJointParticipant(
    @Ctx() ctx: RequestContext,
    @Arg('taskId', () => ID) taskId: string,
    @Arg('departmentId', () => ID) departmentId: string,
    @Arg('message', () => String, { nullable: true }) message?: string | null,
  ) {
    return inviteParticipant(ctx, taskId, departmentId, message);
  }

  @SignedIn()
  @Mutation(() => JointParticipation, { description: '牵头单位撤回邀请（名单封存前）' })
  withdrawJointParticipant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return withdrawParticipant(ctx, id);
  }

  @SignedIn()
  @Mutation(() => JointParticipation, { description: '受邀部门接受或谢绝联合抽查邀请' })
  respondJointInvitation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('accept') accept: boolean,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return respondToInvitation(ctx, id, accept, note);
  }

  @SignedIn()
  @Mutation(() => JointParticipation, { description: '参与部门填报本部门的事项和检查人员' })
  saveJointPart(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: JointPartInput) {
    return savePart(ctx, id, input);
  }

  @FieldResolver(() => JointTaskView, { description: '联合抽查任务' })
  async task(@Root() part: JointParticipation, @Ctx() ctx: RequestContext) {
    const [row] = await jointReads(ctx).task.load(part.id);
    return JointTaskView.of(row!);
  }

  @FieldResolver(() => JointDepartment, { nullable: true, description: '参与部门' })
  async department(@Root() part: JointParticipation, @Ctx() ctx: RequestContext) {
    const row = await jointReads(ctx).department.load(part.departmentId);
    return row ? JointDepartment.of(row) : null;
  }

  @FieldResolver(() => [ID], { description: '适用的牵头任务事项；空为全部' })
  leadItemIds(@Root() part: JointParticipation) {
    return part.leadItemIds.map((id) => toGlobalId('InspectionItem', id));
  }

  @FieldResolver(() => [JointPartItem], { description: '参与部门的抽查事项' })
  async items(@Root() part: JointParticipation, @Ctx() ctx: RequestContext) {
    const rows = await jointReads(ctx).items.load(part.id);
    return rows.map((r) => ({ id: toGlobalId('InspectionItem', r.id), name: r.name, targetType: r.target_type }));
  }

  @FieldResolver(() => [JointPartInspector], { description: '参与部门参加抽取的执法检查人员' })
  async inspectors(@Root() part: JointParticipation, @Ctx() ctx: RequestContext) {
    return (await jointReads(ctx).inspectors.load(part.id)).map(JointPartInspector.of);
  }

  @FieldResolver(() => JointDrawnEntityConnection, { description: '摇中的、本部门事项适用的检查对象及本部门的检查人员' })
  drawnEntities(@Root() part: JointParticipation, @Ctx() ctx: RequestContext, @Args() args: PageArgs) {
    return drawnEntitiesOf(ctx, part, args);
  }
}

@Resolver(() => Task)
export class TaskJointResolver {
  @FieldResolver(() => Department, { nullable: true, description: '联合抽查的牵头部门' })
  leadDepartment(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return task.leadDepartmentId ? ctx.loaders.of(Department).load(task.leadDepartmentId) : null;
  }

  @FieldResolver(() => [JointParticipation], { description: '联合抽查的参与部门（牵头单位可见）' })
  participants(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return participantsOf(ctx, task);
  }
}

@Resolver(() => Inspection)
export class InspectionJointResolver {
  @FieldResolver(() => [JointRecordPart], { description: '联合抽查：同一检查对象各部门的记录部分（牵头部门在前）；非联合抽查为空' })
  jointParts(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return jointPartsFor(ctx, record);
  }
}
