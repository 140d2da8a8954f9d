import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { LARGE_FIELD_COST } from '../../graphql/limits';
import { SignedIn } from '../../graphql/permissions';
import { ProvinceDraw, provinceDrawKeyMap, provinceDraws } from './province-draws';

const ProvinceDrawConnection = Connection(ProvinceDraw);

@Resolver()
export class ProvinceDrawResolver {
  @SignedIn()
  @Query(() => ProvinceDrawConnection, { description: '本省下级单位的摇号，最新在前（省级查看人员）' })
  provinceDraws(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('bureauId', () => ID, { nullable: true, description: '只看一个单位' }) bureauId?: string | null,
  ) {
    return provinceDraws(ctx, bureauId, page);
  }

  @SignedIn()
  @Query(() => GraphQLJSON, {
    nullable: true,
    complexity: LARGE_FIELD_COST,
    description: '下级单位一次摇号的化名对照（省级查看人员；每次查看记入本省审计日志）：格式同 Draw.keyMap；/1 记录为 null',
  })
  provinceDrawKeyMap(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string) {
    return provinceDrawKeyMap(ctx, drawId);
  }
}
