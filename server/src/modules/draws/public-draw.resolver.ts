import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Public } from '../../graphql/permissions';
import { notFound } from '../../graphql/errors';
import { findPublicDraw, listPublicDraws } from './public-draws';
import { DrawVerification, verifyPublicDraw } from './draw-verification';

@ObjectType({ description: '公示的摇号' })
export class PublicDraw {
  @Field(() => ID) id!: string;
  @Field(() => ID) bureauId!: string;
  @Field() taskTitle!: string;
  @Field() startsOn!: string;
  @Field() endsOn!: string;
  @Field() status!: string;
  @Field() algorithm!: string;
  @Field() inputHash!: string;
  @Field() commitment!: string;
  @Field(() => Int) ruleVersion!: number;
  @Field() committedAt!: string;
  @Field(() => String, { nullable: true }) drawnAt!: string | null;
  @Field({ description: '完整记录的下载地址（JSON）' }) recordUrl!: string;
}

@ObjectType()
class PublicDrawList {
  @Field(() => Int) totalCount!: number;
  @Field(() => [PublicDraw]) draws!: PublicDraw[];
}

/**
 * The whole record is not a GraphQL field: it grows with the pool (tens of megabytes for a million
 * entities), so it is served only by REST (`recordUrl`), streamed and cacheable.
 */
@Resolver(() => PublicDraw)
export class PublicDrawResolver {
  @Public()
  @Query(() => PublicDrawList, { description: '公示：摇号记录列表（可按单位）' })
  publicDraws(
    @Ctx() ctx: RequestContext,
    @Arg('bureauId', () => ID, { nullable: true }) bureauId?: string | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ) {
    return listPublicDraws(ctx.app, bureauId ?? null, Math.min(Math.max(first, 1), 100), Math.max(offset, 0));
  }

  @Public()
  @Query(() => PublicDraw, { description: '公示：一次摇号（摇号前公布的名单哈希、承诺值及复核结论）' })
  async publicDraw(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const draw = await findPublicDraw(ctx.app, id);
    if (!draw) throw notFound('摇号记录');
    return draw;
  }

  @FieldResolver(() => DrawVerification, { description: '按摇号规范复核本记录的结论（每条记录只复核一次）' })
  async verification(@Root() draw: PublicDraw, @Ctx() ctx: RequestContext) {
    const verified = await verifyPublicDraw(ctx.app, draw.id, draw.status);
    if (!verified) throw notFound('摇号记录');
    return verified;
  }
}
