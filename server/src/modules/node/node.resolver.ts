import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { asSubject, fromGlobalUuid } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import type { NodeTypeName } from '../../graphql/loaders';
import { Node } from '../../graphql/node';
import { notFound } from '../../graphql/errors';
import { SignedIn } from '../../graphql/permissions';

const NODE_TYPES: NodeTypeName[] = [
  'Tenant',
  'Department',
  'User',
  'AuditEvent',
  'Session',
  'InspectionItem',
  'Inspector',
  'Recusal',
  'MarketEntity',
  'AnnualPlan',
  'Task',
  'Draw',
  'ImportJob',
  'JointParticipation',
  'Inspection',
  'Notification',
];

@Resolver()
export class NodeResolver {
  @SignedIn()
  @Query(() => Node, { description: '按全局 id 取对象；不存在或无权查看时返回 NOT_FOUND' })
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node> {
    const type = NODE_TYPES.find((t) => fromGlobalUuid(id, t));
    const localId = type && fromGlobalUuid(id, type);
    const row = type && localId ? await ctx.loaders[type].load(localId) : null;
    // Invisible and forbidden look the same from outside: NOT_FOUND either way.
    if (!type || !row || !ctx.ability.can('read', asSubject(type, row as never))) throw notFound();
    return row as Node;
  }
}
