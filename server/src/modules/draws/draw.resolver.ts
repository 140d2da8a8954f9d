import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import { LARGE_FIELD_COST } from '../../graphql/limits';
import { GraphQLJSON } from 'graphql-scalars';
import { DEFAULT_PUBLIC_NUMBER_DIGITS, deriveSeedHex, fromGlobalUuid, type DrawAlgorithm } from '@spotcheck/shared';
import { keyMapView, unpackKeyMap } from './pseudonyms';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { withHeavySlot } from '../../graphql/heavy-slot';
import { forbidden } from '../../graphql/errors';
import { timed } from '../../observability/metrics';
import { MarketEntity } from '../entities/market-entity.entity';
import { Inspector } from '../inspectors/inspector.entity';
import { InspectionItem } from '../items/inspection-item.entity';
import { Task } from '../tasks/task.entity';
import { Draw, DrawStatus } from './draw.entity';
import { unpackRecord } from './draw-record-store';
import { drawOfTask, drawResults } from './draw-reads';
import { DRAW_TOPIC, addEntropy, assertOffice, commitDraw, performDraw, publishableRecord } from './draw.service';

const EntropyKind = { WITNESS: 'WITNESS', PUBLIC_NUMBER: 'PUBLIC_NUMBER' } as const;
registerEnumType(EntropyKind, { name: 'EntropyKind', description: '见证人录入值 / 事先公告的公开号码' });

@ObjectType({ description: '摇号结果中的一个检查对象及其检查组' })
class DrawResultRow {
  @Field(() => Int, { description: '抽中顺序，从 0 开始' }) seq!: number;
  @Field(() => MarketEntity, { nullable: true }) entity!: MarketEntity | null;
  @Field(() => [InspectionItem]) items!: InspectionItem[];
  @Field(() => [Inspector]) team!: Inspector[];
}
const DrawResultConnection = Connection(DrawResultRow);

interface CeremonyNotice {
  tenantId: string;
  drawId: string;
  phase: string;
}

@ObjectType({ description: '摇号现场事件' })
class DrawCeremonyEvent {
  @Field({ description: 'COMMITTED / ENTROPY / DRAWN' }) phase!: string;
  @Field(() => Draw) draw!: Draw;
}

@Resolver(() => Draw)
export class DrawResolver {
  @SignedIn()
  @Mutation(() => Draw, { description: '封存检查对象与执法人员名单，公开其哈希和服务器种子承诺值' })
  commitDraw(
    @Ctx() ctx: RequestContext,
    @Arg('taskId', () => ID) taskId: string,
    @Arg('publicNumberDigits', () => Int, {
      defaultValue: DEFAULT_PUBLIC_NUMBER_DIGITS,
      description: '事先公告的公开号码（开奖号码）的位数，如福彩3D为 3；摇号现场只能录入这么多位数字',
    })
    publicNumberDigits: number,
  ) {
    assertOffice(ctx, '封存名单'); // refused as FORBIDDEN before the bureau's heavy-work budget is consulted
    return withHeavySlot(ctx, () => timed(ctx.app.metrics.drawDuration, 'commit', () => commitDraw(ctx, taskId, new Date(), undefined, publicNumberDigits)));
  }

  @SignedIn()
  @Mutation(() => Draw, { description: '摇号现场录入熵：见证值（纪检监督/领导）或公开号码（办公室）' })
  addDrawEntropy(
    @Ctx() ctx: RequestContext,
    @Arg('drawId', () => ID) drawId: string,
    @Arg('kind', () => EntropyKind) kind: keyof typeof EntropyKind,
    @Arg('value') value: string,
  ) {
    return addEntropy(ctx, drawId, kind, value);
  }

  @SignedIn()
  @Mutation(() => Draw, { description: '摇号：生成种子、抽取、组队，公开服务器种子' })
  performDraw(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string) {
    assertOffice(ctx, '摇号');
    return withHeavySlot(ctx, () => timed(ctx.app.metrics.drawDuration, 'perform', () => performDraw(ctx, drawId)));
  }

  @SignedIn()
  @Subscription(() => DrawCeremonyEvent, {
    topics: DRAW_TOPIC,
    filter: ({ payload, args, context }: { payload: CeremonyNotice; args: { drawId: string }; context: RequestContext }) =>
      payload.tenantId === context.viewer?.tenantId && payload.drawId === fromGlobalUuid(args.drawId, 'Draw'),
    description: '摇号现场直播：封存、录入熵、揭晓',
  })
  async drawCeremony(@Root() notice: CeremonyNotice, @Ctx() ctx: RequestContext, @Arg('drawId', () => ID) _drawId: string) {
    // The subscription keeps one context (and its loaders) for its whole life: read the draw afresh.
    const draw = await ctx.loaders.of(Draw).clear(notice.drawId).load(notice.drawId);
    if (!draw) throw forbidden();
    return { phase: notice.phase, draw };
  }

  @FieldResolver(() => Task, { nullable: true })
  task(@Root() draw: Draw, @Ctx() ctx: RequestContext) {
    return ctx.loaders.of(Task).load(draw.taskId);
  }

  @FieldResolver(() => GraphQLJSON, { description: '完整摇号记录（摇号前不含服务器种子和结果）；随名单增长，每次请求至多取一份', complexity: LARGE_FIELD_COST })
  record(@Root() draw: Draw) {
    return publishableRecord(draw);
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    complexity: LARGE_FIELD_COST,
    description:
      '化名对照（spotcheck-draw/2；纪检监督、领导、办公室可见）：{ drawSecret, strata, entities, inspectors, tags }，各为 [化名, 原文] 的列表；用 drawSecret 可逐一重算化名，核对公开记录与完整名单一致。/1 记录为 null',
  })
  keyMap(@Root() draw: Draw, @Ctx() ctx: RequestContext) {
    const viewer = requireViewer(ctx);
    if (!viewer.roles.some((r) => r === 'SUPERVISOR' || r === 'LEADER' || r === 'OFFICE'))
      throw forbidden('化名对照仅供纪检监督、分管领导和领导小组办公室查看');
    return draw.keyMapGz && draw.pseudonymSecret ? keyMapView(draw.pseudonymSecret, draw.keyMapGz) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '服务器种子，摇号后公开（其 SHA-256 即承诺值）' })
  serverSeed(@Root() draw: Draw) {
    return draw.status === DrawStatus.DRAWN ? draw.serverSeed : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '摇号种子：由名单哈希、服务器种子和现场熵（见证值在前、公开号码在后）导出，摇号后公开' })
  seed(@Root() draw: Draw) {
    if (draw.status !== DrawStatus.DRAWN) return null;
    const ordered = [...draw.publicEntropy.filter((e) => e.kind === 'WITNESS'), ...draw.publicEntropy.filter((e) => e.kind === 'PUBLIC_NUMBER')];
    return deriveSeedHex(
      draw.inputHash,
      draw.serverSeed,
      ordered.map((e) => e.value),
      draw.algorithm as DrawAlgorithm,
    );
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: '摇号未能完成时违反的约束 { constraint, phase, … }；与结果一样公示、可复核' })
  failure(@Root() draw: Draw) {
    const failure = draw.status === DrawStatus.DRAWN ? unpackRecord(draw.recordGz).failure : null;
    if (!failure || !draw.keyMapGz) return failure;
    // Inside the bureau a failure names the stratum and the entity as the office knows them.
    const map = unpackKeyMap(draw.keyMapGz);
    return {
      ...failure,
      ...(failure.stratumKey ? { stratumKey: map.strata.get(failure.stratumKey) ?? failure.stratumKey } : {}),
      ...(failure.entityKey ? { entityKey: map.entities.get(failure.entityKey) ?? failure.entityKey } : {}),
    };
  }

  @FieldResolver(() => DrawResultConnection, { description: '抽中的检查对象及检查组' })
  results(@Root() draw: Draw, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return drawResults(ctx, draw, page);
  }
}

@Resolver(() => Task)
export class TaskDrawResolver {
  @FieldResolver(() => Draw, { nullable: true, description: '该任务的摇号' })
  draw(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return drawOfTask(ctx, task.id);
  }
}
