import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../graphql/context';
import { Public } from '../../graphql/permissions';
import { Region } from './region.entity';

@Resolver(() => Region)
export class RegionResolver {
  @Public()
  @Query(() => [Region], { description: '行政区划：不给 parentCode 时为全国；给出时为其下一级' })
  regions(@Ctx() ctx: RequestContext, @Arg('parentCode', () => String, { nullable: true }) parentCode?: string | null) {
    return ctx.app.db.getRepository(Region).find({
      where: { parentCode: parentCode ?? IsNull() },
      order: { code: 'ASC' },
    });
  }

  @Public()
  @Query(() => Region, { nullable: true })
  region(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    return /^\d{6}$/.test(code) ? ctx.app.db.getRepository(Region).findOneBy({ code }) : null;
  }
}
