import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { Public, SignedIn } from '../../graphql/permissions';
import { provinceHeads, runAuditAnchoring } from './audit-anchor.service';
import { actorOf, appendAudit } from './audit.service';

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
  async publicAuditAnchors(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    const id = fromGlobalUuid(bureauId, 'Tenant');
    const [bureau] = id ? ((await ctx.app.db.query(`SELECT id FROM public_tenants WHERE id = $1`, [id])) as { id: string }[]) : [];
    if (!bureau) throw notFound('单位');
    const limit = Math.min(Math.max(first ?? 30, 1), PUBLIC_MAX);
    const rows = (await ctx.app.db.query(
      `SELECT seq::int AS seq, hash, anchored_at FROM public_audit_anchors WHERE tenant_id = $1 ORDER BY seq DESC LIMIT $2`, [bureau.id, limit],
    )) as { seq: number; hash: string; anchored_at: Date }[];
    return rows.map((r) => ({ seq: r.seq, hash: r.hash, anchoredAt: r.anchored_at }));
  }

  @SignedIn()
  @Query(() => [KeptAuditHead], { description: '本省留存的下级单位审计链头，最新在前（省级）' })
  provinceAuditHeads(@Ctx() ctx: RequestContext) {
    const viewer = requireViewer(ctx);
    if (!viewer.roles.includes('PROVINCIAL_VIEWER') && !viewer.roles.includes('OFFICE')) throw forbidden('下级单位的审计链头仅供省级主管部门查看');
    return tenantTx(ctx, async (m) => {
      const [own] = (await m.query(`SELECT kind FROM tenants WHERE id = $1`, [viewer.tenantId])) as { kind: string }[];
      if (own?.kind !== 'PROVINCIAL_DEPARTMENT') throw forbidden('下级单位的审计链头仅供省级主管部门查看');
      const rows = await provinceHeads(m, viewer.tenantId);
      return rows.map((r) => ({ bureauId: toGlobalId('Tenant', r.bureau_id), bureauName: r.bureau_name, seq: r.seq, hash: r.hash, anchoredAt: r.anchored_at }));
    });
  }

  @SignedIn()
  @Mutation(() => AnchoringReport, { description: '立即公布各单位审计链的链头（平台运营方；平时每日自动执行）' })
  async anchorAuditChains(@Ctx() ctx: RequestContext) {
    const viewer = requireViewer(ctx);
    if (!viewer.roles.includes('PLATFORM_OPERATOR')) throw forbidden('仅平台运营方可立即锚定审计链头');
    const result = await runAuditAnchoring(ctx.app);
    await tenantTx(ctx, (m) => appendAudit(m, actorOf(ctx), { action: 'audit.anchor', after: result }));
    return result;
  }
}
