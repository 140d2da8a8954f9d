import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { User } from '../users/user.entity';
import { RuleSetVersion } from './rule-set.entity';
import { RuleProposal, RuleProposalStatus } from './rule-proposal.entity';
import { RuleBoundsRow } from './rule-bounds.entity';
import { currentRuleSet, proposeRuleSet, reviewRuleProposal, ruleProposals, ruleSetHistory, type RuleReview } from './rule-set.service';
import { bureauRuleLimits, ownRuleBounds, setRuleBounds, viewerBoundsAbove } from './rule-bounds.service';

const RuleReviewEnum = { APPROVE: 'APPROVE', RETURN: 'RETURN' } as const;
registerEnumType(RuleReviewEnum, { name: 'RuleReview', description: '审定通过 / 退回' });

async function nameOf(ctx: RequestContext, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await ctx.loaders.of(User).load(userId))?.displayName ?? null;
}

@ObjectType({ description: '上级单位对本单位细则设定的范围' })
class BoundsAboveView {
  @Field() province!: string;
  @Field(() => GraphQLJSON) bounds!: unknown;
}

@ObjectType({ description: '下级单位现行细则中受范围约束的部分' })
class BureauRuleLimitsView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int) version!: number;
  @Field(() => GraphQLJSON, { description: 'ratio, roundsPerYear, maxDrawsPerEntityPerYear' }) limits!: unknown;
}

@Resolver(() => RuleSetVersion)
export class RuleSetResolver {
  @SignedIn()
  @Query(() => RuleSetVersion, { nullable: true, description: '本单位现行细则（最新审定的版本）' })
  ruleSet(@Ctx() ctx: RequestContext) {
    return currentRuleSet(ctx);
  }

  @SignedIn()
  @Query(() => [RuleSetVersion], { description: '本单位细则的历次审定版本，最新在前' })
  ruleSetHistory(@Ctx() ctx: RequestContext) {
    return ruleSetHistory(ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: '提出人' })
  proposedBy(@Root() v: RuleSetVersion, @Ctx() ctx: RequestContext) {
    return nameOf(ctx, v.createdBy);
  }

  @FieldResolver(() => String, { nullable: true, description: '审定人（分管领导）' })
  approvedBy(@Root() v: RuleSetVersion, @Ctx() ctx: RequestContext) {
    return nameOf(ctx, v.approvedBy);
  }

  @SignedIn()
  @Query(() => [BoundsAboveView], { description: '上级主管部门对本单位细则设定的范围' })
  async ruleBoundsAbove(@Ctx() ctx: RequestContext): Promise<BoundsAboveView[]> {
    const above = await viewerBoundsAbove(ctx);
    return above.map((a) => ({ province: a.name, bounds: a.bounds }));
  }

  @SignedIn()
  @Query(() => RuleBoundsRow, { nullable: true, description: '本省对下级单位细则设定的范围（省级）' })
  ruleBounds(@Ctx() ctx: RequestContext) {
    return ownRuleBounds(ctx);
  }

  @SignedIn()
  @Query(() => [BureauRuleLimitsView], { description: '下级单位现行细则的比例、轮次与次数上限（省级）' })
  async bureauRuleLimits(@Ctx() ctx: RequestContext): Promise<BureauRuleLimitsView[]> {
    return (await bureauRuleLimits(ctx)).map((b) => ({
      id: toGlobalId('Tenant', b.tenantId),
      name: b.name,
      version: b.version,
      limits: { ratio: b.ratio, roundsPerYear: b.roundsPerYear, maxDrawsPerEntityPerYear: b.maxDrawsPerEntityPerYear },
    }));
  }

  @SignedIn()
  @Mutation(() => RuleBoundsRow, { description: '设定下级单位细则的范围（省级）；有单位现行细则不在范围内时拒绝并列出这些单位' })
  setRuleBounds(@Ctx() ctx: RequestContext, @Arg('bounds', () => GraphQLJSON) bounds: unknown, @Arg('reason') reason: string) {
    return setRuleBounds(ctx, bounds, reason);
  }
}

@Resolver(() => RuleProposal)
export class RuleProposalResolver {
  @SignedIn()
  @Query(() => [RuleProposal], { description: '本单位的细则修改提议，最新在前' })
  ruleProposals(@Ctx() ctx: RequestContext, @Arg('status', () => RuleProposalStatus, { nullable: true }) status?: RuleProposalStatus | null) {
    return ruleProposals(ctx, status ?? null);
  }

  @SignedIn()
  @Mutation(() => RuleProposal, { description: '提出细则修改（领导小组办公室）；经分管领导审定后才生效' })
  proposeRuleSet(@Ctx() ctx: RequestContext, @Arg('rules', () => GraphQLJSON) rules: unknown, @Arg('reason') reason: string) {
    return proposeRuleSet(ctx, rules, reason);
  }

  @SignedIn()
  @Mutation(() => RuleProposal, { description: '审定细则修改（分管领导）：通过即生效，退回须填写意见；提出人不能审定' })
  reviewRuleProposal(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => RuleReviewEnum) decision: RuleReview,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    return reviewRuleProposal(ctx, id, decision, comment ?? null);
  }

  @FieldResolver(() => ID)
  id(@Root() p: RuleProposal) {
    return toGlobalId('RuleProposal', p.id);
  }

  @FieldResolver(() => String, { nullable: true, description: '提出人' })
  proposedBy(@Root() p: RuleProposal, @Ctx() ctx: RequestContext) {
    return nameOf(ctx, p.proposedBy);
  }

  @FieldResolver(() => Boolean, { description: '是否为当前用户提出（提出人不能审定）' })
  proposedByMe(@Root() p: RuleProposal, @Ctx() ctx: RequestContext) {
    return p.proposedBy === ctx.viewer?.userId;
  }

  @FieldResolver(() => String, { nullable: true, description: '审定人' })
  reviewedBy(@Root() p: RuleProposal, @Ctx() ctx: RequestContext) {
    return nameOf(ctx, p.reviewedBy);
  }
}
