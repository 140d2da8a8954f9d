import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { Inspection } from '../inspections/inspection.entity';
import { ReferralStatus } from './referral.entity';
import { receivedReferral, receivedReferrals, referralsOfInspection } from './referral-reads';
import { recordExternalReferralStep, recordReferralStep } from './referral-receiving.service';
import { approveReferral, proposeReferral, rejectReferral, withdrawReferral } from './referral.service';
import { ReceivedReferral, ReferralStepGql, ReferralTargetGql, ReferralView } from './referral.types';

const ReceivedReferralConnection = Connection(ReceivedReferral);

@ArgsType()
class ReceivedFilter extends PageArgs {
  @Field(() => ReferralStatus, { nullable: true }) status?: ReferralStatus | null;
}

@Resolver(() => ReferralView)
export class ReferralResolver {
  @SignedIn()
  @Query(() => ReceivedReferralConnection, { description: '本单位收到的移送案件（部门负责人：移送本部门的）' })
  receivedReferrals(@Ctx() ctx: RequestContext, @Args() args: ReceivedFilter) {
    return receivedReferrals(ctx, args.status ?? null, args);
  }

  @SignedIn()
  @Query(() => ReceivedReferral, { description: '本单位收到的一件移送案件' })
  receivedReferral(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return receivedReferral(ctx, id);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: '领导小组办公室提出移送已审批或已公示的检查记录，报分管领导审批' })
  async proposeReferral(
    @Ctx() ctx: RequestContext,
    @Arg('inspectionId', () => ID) inspectionId: string,
    @Arg('target', () => ReferralTargetGql) target: ReferralTargetGql,
    @Arg('reason') reason: string,
  ) {
    return ReferralView.of(await proposeReferral(ctx, { inspectionId, target, reason }));
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: '分管领导同意移送（即移送）' })
  async approveReferral(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ReferralView.of(await approveReferral(ctx, id));
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: '分管领导不同意移送' })
  async rejectReferral(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note') note: string) {
    return ReferralView.of(await rejectReferral(ctx, id, note));
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: '办公室撤回尚未审批的移送' })
  async withdrawReferral(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ReferralView.of(await withdrawReferral(ctx, id));
  }

  @SignedIn()
  @Mutation(() => ReceivedReferral, { description: '接收方办理移送案件：接收、退回、立案、不予立案、结案' })
  async recordReferralStep(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => ReferralStepGql) input: ReferralStepGql) {
    return ReceivedReferral.of(await recordReferralStep(ctx, id, input));
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: '办公室登记系统外机关反馈的办理情况' })
  async recordExternalReferralStep(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => ReferralStepGql) input: ReferralStepGql) {
    return ReferralView.of(await recordExternalReferralStep(ctx, id, input));
  }
}

@Resolver(() => Inspection)
export class InspectionReferralResolver {
  @FieldResolver(() => [ReferralView], { description: '该记录的移送及其办理状态' })
  referrals(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return referralsOfInspection(ctx, record.id);
  }
}
