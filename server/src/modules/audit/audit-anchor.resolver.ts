import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { fromGlobalUuid } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { Public, SignedIn } from '../../graphql/permissions';
import { runAuditAnchoring } from './audit-anchor.service';
import { auditAnchoringRun, publicAnchorsOf, viewerProvinceHeads } from './audit-anchor-reads';

@ObjectType({ description: '公布的审计链头：序号、哈希与公布时间，别无其他' })
class PublicAuditHead {
  @Field(() => Int) seq!: number;
  @Field() hash!: string;
  @Field({ description: '记录该链头的时间' }) anchoredAt!: Date;
}

@ObjectType({ description: '省级留存的下级单位审计链头' })
class KeptAuditHead {
  @Field(() => ID) bureauId!: string;
  @Field() bureauName!: string;
  @Field(() => Int) seq!: number;
  @Field() hash!: string;
  @Field() anchoredAt!: Date;
}

@ObjectType({ description: '一次审计链头锚定的结果' })
class AnchoringReport {
  @Field(() => Int, { description: '检查的单位数' }) tenants!: number;
  @Field(() => Int, { description: '新记录的链头数（链上无新事件的单位不新增）' }) anchored!: number;
  @Field(() => Int, { description: '复制到省级留存的链头数' }) copied!: number;
  @Field(() => Int, { description: '已不含上次锚定链头的链数（未在其上记录新链头）' }) truncated!: number;
}

const PUBLIC_MAX = 100;

@Resolver()
export class AuditAnchorResolver {
  @Public()
  @Query(() => [PublicAuditHead], { description: '公示：单位审计链的已公布链头，最新在前（至多 100 个）' })
  async publicAuditAnchors(
    @Ctx() ctx: RequestContext,
    @Arg('bureauId', () => ID) bureauId: string,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ) {
    const id = fromGlobalUuid(bureauId, 'Tenant');
    const rows = id ? await publicAnchorsOf(ctx.app, id, Math.min(Math.max(first ?? 30, 1), PUBLIC_MAX)) : null;
    if (!rows) throw notFound('单位');
    return rows;
  }

  @SignedIn()
  @Query(() => [KeptAuditHead], { description: '本省留存的下级单位审计链头，最新在前（省级）' })
  provinceAuditHeads(@Ctx() ctx: RequestContext) {
    const viewer = requireViewer(ctx);
    if (!viewer.roles.includes('PROVINCIAL_VIEWER') && !viewer.roles.includes('OFFICE')) throw forbidden('下级单位的审计链头仅供省级主管部门查看');
    return viewerProvinceHeads(ctx);
  }

  @SignedIn()
  @Mutation(() => AnchoringReport, { description: '立即公布各单位审计链的链头（平台运营方；平时每日自动执行）' })
  async anchorAuditChains(@Ctx() ctx: RequestContext) {
    const viewer = requireViewer(ctx);
    if (!viewer.roles.includes('PLATFORM_OPERATOR')) throw forbidden('仅平台运营方可立即锚定审计链头');
    const result = await runAuditAnchoring(ctx.app);
    await auditAnchoringRun(ctx, result);
    return result;
  }
}
