import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { asSubject, type SubjectName } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { Node } from '../../graphql/node';
import { notFound } from '../../graphql/errors';
import { SignedIn } from '../../graphql/permissions';

@Resolver()
export class NodeResolver {
  @SignedIn()
  @Query(() => Node, { description: '按全局 id 取对象；不存在或无权查看时返回 NOT_FOUND' })
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node> {
    // The node types are the modules' (their manifests' `nodeTypes`), gathered at startup.
    const node = ctx.app.catalog.nodeOf(id);
    const row = node ? await ctx.loaders.of(node.type).load(node.id) : null;
    // Invisible and forbidden look the same from outside: NOT_FOUND either way.
    if (!node || !row || !ctx.ability.can('read', asSubject(node.name as Exclude<SubjectName, 'all'>, row))) throw notFound();
    return row;
  }
}
