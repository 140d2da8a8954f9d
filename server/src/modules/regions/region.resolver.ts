import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Public } from '../../graphql/permissions';
import { Region } from './region.entity';
import { COUNTRY_CODE } from './region-source';
import { regionsUnder } from './region-reads';

@Resolver(() => Region)
export class RegionResolver {
  @Public()
  @Query(() => [Region], { description: '行政区划：给出 parentCode 时为其下一级，不给时为各省级行政区' })
  regions(@Ctx() ctx: RequestContext, @Arg('parentCode', () => String, { nullable: true }) parentCode?: string | null) {
    return regionsUnder(ctx, parentCode ?? COUNTRY_CODE);
  }

  @Public()
  @Query(() => Region, { nullable: true })
  region(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    return /^\d{6}$/.test(code) ? ctx.loaders.of(Region).load(code) : null;
  }
}
