import { Arg, Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { PageArgs } from '../../graphql/connection';
import { Public } from '../../graphql/permissions';
import { activeBureau, readPublicBureaus, readPublicInspectors, readPublicItems, readPublicListPublications, readPublicPlans } from './public-directory-reads';
import { listPublicEntities } from './public-entity-list';
import { PublicBureau, PublicEntityConnection, PublicInspectorConnection, PublicItem, PublicListPublication, PublicPlan } from './public.types';

@ArgsType()
class PublicEntityArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '名称包含，或统一社会信用代码开头' }) search?: string | null;
}

/** The public portal's directory pages (public-directory-reads.ts); no sign-in needed. */
@Resolver()
export class PublicDirectoryResolver {
  @Public()
  @Query(() => [PublicBureau], { description: '公示：在用的单位' })
  publicBureaus(@Ctx() ctx: RequestContext) {
    return readPublicBureaus(ctx);
  }

  @Public()
  @Query(() => [PublicItem], { description: '公示：单位已公布的随机抽查事项清单' })
  publicItems(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string) {
    return readPublicItems(ctx, bureauId);
  }

  @Public()
  @Query(() => [PublicListPublication], { description: '公示：经局领导审议通过后公布清单、名录的记录，最新在前' })
  publicListPublications(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string) {
    return readPublicListPublications(ctx, bureauId);
  }

  @Public()
  @Query(() => [PublicPlan], { description: '公示：单位已公布的年度抽查计划' })
  publicPlans(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string) {
    return readPublicPlans(ctx, bureauId);
  }

  @Public()
  @Query(() => PublicInspectorConnection, { description: '公示：执法检查人员名录' })
  publicInspectors(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string, @Args() page: PageArgs) {
    return readPublicInspectors(ctx, bureauId, page);
  }

  @Public()
  @Query(() => PublicEntityConnection, { description: '公示：检查对象名录，可按名称或统一社会信用代码查找' })
  async publicEntities(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string, @Args() args: PublicEntityArgs) {
    const tenantId = await activeBureau(ctx, bureauId);
    return listPublicEntities(ctx.app, tenantId, args.search, args);
  }
}
