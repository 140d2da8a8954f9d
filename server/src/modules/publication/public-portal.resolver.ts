import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { PageArgs } from '../../graphql/connection';
import { Public } from '../../graphql/permissions';
import { PublicCreditHistoryEntry, PublicRectification, readEntityCreditHistory, readEntityRectifications } from './public-entity-history';
import { readEntityResults, readPublicEntity, readPublicResults, readPublicTaskNotices } from './public-portal-reads';
import { PublicEntityProfile, PublicResultConnection, PublicTaskNoticeConnection } from './public-portal.types';

@ArgsType()
class PublicResultArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '单位' }) bureauId?: string | null;
  @Field(() => ID, { nullable: true, description: '事项' }) itemId?: string | null;
  @Field(() => ID, { nullable: true, description: '年度计划' }) planId?: string | null;
  @Field(() => ID, { nullable: true, description: '抽查任务' }) taskId?: string | null;
  @Field(() => String, { nullable: true, description: '检查对象名称包含，或统一社会信用代码开头' }) search?: string | null;
}

@ArgsType()
class PublicTaskNoticeArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '单位' }) bureauId?: string | null;
  @Field(() => ID, { nullable: true, description: '年度计划' }) planId?: string | null;
  @Field(() => ID, { nullable: true, description: '事项' }) itemId?: string | null;
  @Field(() => String, { nullable: true, description: '任务名称包含' }) search?: string | null;
}

/**
 * The publication portal: published results, task notices and one entity's published results across
 * bureaus (public-portal-reads.ts, public-result-list.ts); no sign-in, nothing unpublished.
 */
@Resolver(() => PublicEntityProfile)
export class PublicPortalResolver {
  @Public()
  @Query(() => PublicResultConnection, {
    description: '公示：抽查结果，最新在前（按键分页，总数仅在请求时统计）；可按单位、事项、计划、任务、检查对象查找',
  })
  publicResults(@Ctx() ctx: RequestContext, @Args() args: PublicResultArgs) {
    return readPublicResults(ctx, args);
  }

  @Public()
  @Query(() => PublicTaskNoticeConnection, { description: '公示：抽查任务公告（含实施方案与摇号），最新在前' })
  publicTaskNotices(@Ctx() ctx: RequestContext, @Args() args: PublicTaskNoticeArgs) {
    return readPublicTaskNotices(ctx, args);
  }

  @Public()
  @Query(() => PublicEntityProfile, { description: '公示：按统一社会信用代码查看一个检查对象在各单位的名录和已公示的抽查结果' })
  publicEntity(@Ctx() ctx: RequestContext, @Arg('uscc') uscc: string) {
    return readPublicEntity(ctx, uscc);
  }

  @FieldResolver(() => PublicResultConnection, { description: '该检查对象已公示的抽查结果（各单位），最新在前' })
  results(@Root() profile: PublicEntityProfile, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return readEntityResults(ctx, profile.uscc, page);
  }

  @FieldResolver(() => [PublicRectification], { description: '该检查对象已公示结果的责令整改及其办结情况（各单位），最新在前' })
  rectifications(@Root() profile: PublicEntityProfile, @Ctx() ctx: RequestContext) {
    return readEntityRectifications(ctx, profile.uscc);
  }

  @FieldResolver(() => [PublicCreditHistoryEntry], { description: '该检查对象被公示的黑名单、重点关注名单条目（各单位），含已期满和经信用修复移出的' })
  creditEntries(@Root() profile: PublicEntityProfile, @Ctx() ctx: RequestContext) {
    return readEntityCreditHistory(ctx, profile.uscc);
  }
}
