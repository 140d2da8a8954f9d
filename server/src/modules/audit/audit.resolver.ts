import { ArgsType, Args, Ctx, Field, Int, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { tenantTx, requireViewer, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs, paginate } from '../../graphql/connection';
import { Allow } from '../../graphql/permissions';
import { forbidden } from '../../graphql/errors';
import { AuditEvent } from './audit-event.entity';
import { AUDIT_TOPIC, verifyAuditChain } from './audit.service';

export const AuditEventConnection = Connection(AuditEvent);

@ArgsType()
class AuditEventArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '按动作前缀筛选，如 auth.' })
  actionPrefix?: string | null;

  @Field(() => Date, { nullable: true, description: '发生时间不早于' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: '发生时间早于' })
  until?: Date | null;

  @Field(() => String, { nullable: true, description: '按操作人用户名筛选' })
  actorUsername?: string | null;
}

@ObjectType({ description: '审计链校验结果' })
class AuditChainReport {
  @Field() ok!: boolean;
  @Field(() => Int, { description: '校验通过的事件数' }) checked!: number;
  @Field(() => Int, { nullable: true, description: '第一个断裂处的序号' }) firstBrokenSeq!: number | null;
  @Field(() => String, { nullable: true, description: '第一个断裂事件的全局 id' }) firstBrokenEventId!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

interface AuditNotice {
  tenantId: string;
  eventId: string;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Allow('read', 'AuditEvent')
  @Query(() => AuditEventConnection, { description: '本单位的审计留痕，最新在前' })
  auditEvents(@Ctx() ctx: RequestContext, @Args() args: AuditEventArgs) {
    return tenantTx(ctx, (m) => {
      const query = m.createQueryBuilder(AuditEvent, 'e').orderBy('e.seq', 'DESC');
      if (args.actionPrefix) query.andWhere('starts_with(e.action, :prefix)', { prefix: args.actionPrefix });
      if (args.since) query.andWhere('e.occurred_at >= :since', { since: args.since });
      if (args.until) query.andWhere('e.occurred_at < :until', { until: args.until });
      if (args.actorUsername?.trim()) query.andWhere('e.actor_username = :actor', { actor: args.actorUsername.trim() });
      return paginate(query, args);
    });
  }

  @Allow('verify', 'AuditEvent')
  @Query(() => AuditChainReport, { description: '从头校验本单位的审计哈希链，指出第一个被改动的事件' })
  verifyAuditChain(@Ctx() ctx: RequestContext) {
    const viewer = requireViewer(ctx);
    return tenantTx(ctx, (m) => verifyAuditChain(m, viewer.tenantId));
  }

  @Allow('read', 'AuditEvent')
  @Subscription(() => AuditEvent, {
    topics: AUDIT_TOPIC,
    filter: ({ payload, context }: { payload: AuditNotice; context: RequestContext }) =>
      payload.tenantId === context.viewer?.tenantId,
    description: '本单位新增的审计事件',
  })
  async auditEventAppended(@Root() notice: AuditNotice, @Ctx() ctx: RequestContext) {
    if (!ctx.viewer) throw forbidden();
    const event = await ctx.loaders.AuditEvent.load(notice.eventId);
    if (!event) throw forbidden();
    return event;
  }
}
