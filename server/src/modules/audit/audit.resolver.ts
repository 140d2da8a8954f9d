import {
  Arg,
  ArgsType,
  Args,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
  registerEnumType,
} from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { Allow } from '../../graphql/permissions';
import { badInput, forbidden } from '../../graphql/errors';
import { AuditEvent } from './audit-event.entity';
import { AUDIT_TOPIC } from './audit.service';
import { listAuditEvents, verifyViewerAuditChain } from './audit-reads';
import { actionLabel, deviceLabel, eventUserAgent } from './audit-labels';
import { User } from '../users/user.entity';

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

@InputType({ description: '在别处保存的审计链头（如从订阅源取得）' })
export class AuditHeadInput {
  @Field(() => Int, { description: '链头事件的序号' }) seq!: number;
  @Field({ description: '链头事件的哈希（64 位十六进制）' }) hash!: string;
}

enum AuditChainStatus {
  INTACT = 'INTACT',
  BROKEN = 'BROKEN',
  TRUNCATED = 'TRUNCATED',
}
registerEnumType(AuditChainStatus, { name: 'AuditChainStatus', description: '完整 / 链被改动或有事件被删除 / 链尾被截断（缺少已公布的链头）' });

enum AuditHeadSource {
  BUREAU = 'BUREAU',
  PROVINCE = 'PROVINCE',
  GIVEN = 'GIVEN',
}
registerEnumType(AuditHeadSource, { name: 'AuditHeadSource', description: '链头的来源：本单位公布 / 省级留存 / 调用方提供' });

@ObjectType({ description: '审计链校验结果' })
class AuditChainReport {
  @Field() ok!: boolean;
  @Field(() => AuditChainStatus) status!: AuditChainStatus;
  @Field(() => Int, { description: '校验通过的事件数' }) checked!: number;
  @Field(() => Int, { nullable: true, description: '第一个断裂处的序号' }) firstBrokenSeq!: number | null;
  @Field(() => String, { nullable: true, description: '第一个断裂事件的全局 id' }) firstBrokenEventId!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Int, { nullable: true, description: '链上已不含的已公布链头的序号（链尾被截断时）' }) anchorSeq!: number | null;
  @Field(() => AuditHeadSource, { nullable: true, description: '发现截断的链头来源' }) anchorSource!: AuditHeadSource | null;
  @Field(() => Int, { description: '与链核对一致的已公布链头数' }) headsChecked!: number;
}

const MAX_GIVEN_HEADS = 1000;

function checkHeads(heads: AuditHeadInput[]): { seq: number; hash: string }[] {
  if (heads.length > MAX_GIVEN_HEADS) throw badInput([{ field: 'heads', message: `至多 ${MAX_GIVEN_HEADS} 个` }]);
  heads.forEach((head, i) => {
    if (!Number.isInteger(head.seq) || head.seq < 1) throw badInput([{ field: `heads[${i}].seq`, message: '应为正整数' }]);
    if (!/^[0-9a-fA-F]{64}$/.test(head.hash)) throw badInput([{ field: `heads[${i}].hash`, message: '应为 64 位十六进制' }]);
  });
  return heads.map((head) => ({ seq: head.seq, hash: head.hash.toLowerCase() }));
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
    return listAuditEvents(ctx, args);
  }

  @Allow('verify', 'AuditEvent')
  @Query(() => AuditChainReport, {
    description: '从头校验本单位的审计哈希链，指出第一个被改动的事件；并与已公布的链头（本单位、省级留存及调用方提供的）核对，发现链尾被截断',
  })
  verifyAuditChain(
    @Ctx() ctx: RequestContext,
    @Arg('heads', () => [AuditHeadInput], { nullable: true, description: '在别处保存的链头，如从订阅源取得' }) heads?: AuditHeadInput[] | null,
  ) {
    return verifyViewerAuditChain(ctx, checkHeads(heads ?? []));
  }

  @Allow('read', 'AuditEvent')
  @Subscription(() => AuditEvent, {
    topics: AUDIT_TOPIC,
    filter: ({ payload, context }: { payload: AuditNotice; context: RequestContext }) => payload.tenantId === context.viewer?.tenantId,
    description: '本单位新增的审计事件',
  })
  async auditEventAppended(@Root() notice: AuditNotice, @Ctx() ctx: RequestContext) {
    if (!ctx.viewer) throw forbidden();
    const event = await ctx.loaders.of(AuditEvent).load(notice.eventId);
    if (!event) throw forbidden();
    return event;
  }

  @FieldResolver(() => String, { description: '动作的中文名称，如“登录”' })
  actionLabel(@Root() event: AuditEvent): string {
    return actionLabel(event.action);
  }

  @FieldResolver(() => String, { nullable: true, description: '操作人的姓名（本单位的用户；其他单位或已无此人时为用户名）' })
  async actorName(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!event.actorUserId) return null;
    const user = await ctx.loaders.of(User).get(event.actorUserId);
    return user?.displayName ?? event.actorUsername;
  }

  @FieldResolver(() => String, { nullable: true, description: '事件记录的浏览器与系统，如“Chrome 156 · Linux”' })
  device(@Root() event: AuditEvent): string | null {
    return deviceLabel(eventUserAgent(event.before, event.after));
  }
}
