import { Arg, Ctx, Field, Float, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { JointPunishmentView } from './credit-list.types';
import { ownJointPunishment, setJointPunishment } from './joint-punishment';

@InputType({ description: '省级联合惩戒设置' })
class JointPunishmentInput {
  @Field() enabled!: boolean;
  @Field(() => Float, { description: '权重（1–100）' }) weight!: number;
}

/** 联合惩戒: the province's setting (read and set by the province's own staff). */
@Resolver()
export class JointPunishmentResolver {
  @SignedIn()
  @Query(() => JointPunishmentView, { description: '本省联合惩戒设置（省级主管部门）' })
  jointPunishment(@Ctx() ctx: RequestContext) {
    return ownJointPunishment(ctx);
  }

  @SignedIn()
  @Mutation(() => JointPunishmentView, { description: '省级主管部门设定联合惩戒：本省各单位黑名单上的对象在其他单位抽取中的权重' })
  setJointPunishment(@Ctx() ctx: RequestContext, @Arg('input') input: JointPunishmentInput, @Arg('reason') reason: string) {
    return setJointPunishment(ctx, { ...input }, reason);
  }
}
