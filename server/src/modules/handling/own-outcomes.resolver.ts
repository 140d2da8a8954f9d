import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { User } from '../users/user.entity';
import { HandlingOutcome, OwnHandlingOutcomeView } from './handling.types';
import { OwnOutcomeStatus, type OwnHandlingOutcome } from './own-outcome.entity';
import { ownOutcomes, proposeOwnOutcome, proposeOwnOutcomeRetirement, reviewOwnOutcome } from './own-outcomes.service';

async function view(ctx: RequestContext, o: OwnHandlingOutcome): Promise<OwnHandlingOutcomeView> {
  const name = async (id: string | null) => (id ? ((await ctx.loaders.of(User).load(id))?.displayName ?? null) : null);
  return {
    id: toGlobalId('OwnHandlingOutcome', o.id),
    code: o.code,
    label: o.label,
    behavesAs: o.behavesAs as HandlingOutcome,
    reason: o.reason,
    status: o.status,
    proposedBy: await name(o.proposedBy),
    proposedByMe: (o.status === OwnOutcomeStatus.RETIRING ? o.retireProposedBy : o.proposedBy) === ctx.viewer?.userId,
    retireReason: o.retireReason,
    proposedAt: o.proposedAt,
    reviewedBy: await name(o.reviewedBy),
    reviewedAt: o.reviewedAt,
    reviewComment: o.reviewComment,
  };
}

@Resolver(() => OwnHandlingOutcomeView)
export class OwnOutcomesResolver {
  @SignedIn()
  @Query(() => [OwnHandlingOutcomeView], { description: '本单位增设的处理结果（ACTIVE 为经审定可用的）' })
  async ownHandlingOutcomes(@Ctx() ctx: RequestContext, @Arg('status', () => OwnOutcomeStatus, { nullable: true }) status?: OwnOutcomeStatus | null) {
    return Promise.all((await ownOutcomes(ctx, status ?? null)).map((o) => view(ctx, o)));
  }

  @SignedIn()
  @Mutation(() => OwnHandlingOutcomeView, { description: '增设本单位的处理结果（领导小组办公室提出；经分管领导审定后可用）' })
  async proposeOwnHandlingOutcome(
    @Ctx() ctx: RequestContext,
    @Arg('code') code: string,
    @Arg('label') label: string,
    @Arg('behavesAs', () => HandlingOutcome) behavesAs: HandlingOutcome,
    @Arg('reason') reason: string,
  ) {
    return view(ctx, await proposeOwnOutcome(ctx, { code, label, behavesAs, reason }));
  }

  @SignedIn()
  @Mutation(() => OwnHandlingOutcomeView, { description: '提出停用本单位的处理结果（领导小组办公室；经分管领导审定后停用，已有记录保留其名称）' })
  async proposeOwnHandlingOutcomeRetirement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return view(ctx, await proposeOwnOutcomeRetirement(ctx, id, reason));
  }

  @SignedIn()
  @Mutation(() => OwnHandlingOutcomeView, { description: '审定本单位处理结果的增设或停用（分管领导；提出人不能审定；退回须填写意见）' })
  async reviewOwnHandlingOutcome(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('approve') approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    return view(ctx, await reviewOwnOutcome(ctx, id, approve, comment ?? null));
  }
}
