import { Arg, Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { formatRatio, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { PageArgs, paginateSql } from '../../graphql/connection';
import { notFound } from '../../graphql/errors';
import { Public } from '../../graphql/permissions';
import { listPublicEntities } from './public-entity-list';
import { PublicBureau, PublicEntityConnection, PublicInspectorConnection, PublicItem, PublicListPublication, PublicPlan } from './public.types';

@ArgsType()
class PublicEntityArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '名称包含，或统一社会信用代码开头' }) search?: string | null;
}

/**
 * The public portal's directory pages. They read the public_* views, which run with the owner's
 * rights across tenants and carry only public columns of active bureaus; no sign-in needed.
 */
@Resolver()
export class PublicDirectoryResolver {
  @Public()
  @Query(() => [PublicBureau], { description: '公示：在用的单位' })
  async publicBureaus(@Ctx() ctx: RequestContext) {
    const rows = await ctx.app.db.query(`SELECT * FROM public_tenants ORDER BY region_code, name`);
    return rows.map(bureau);
  }

  @Public()
  @Query(() => [PublicItem], { description: '公示：单位已公布的随机抽查事项清单' })
  async publicItems(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string) {
    const tenantId = await activeBureau(ctx, bureauId);
    const rows = await ctx.app.db.query(`SELECT * FROM public_items WHERE tenant_id = $1 ORDER BY position, name`, [tenantId]);
    return rows.map((r: Record<string, any>) => ({
      id: toGlobalId('InspectionItem', r.id),
      departmentName: r.department_name,
      version: r.version,
      name: r.name,
      legalBasis: r.legal_basis,
      inspectingBody: r.inspecting_body,
      content: r.content,
      category: r.category,
      targetType: r.target_type,
      minRatio: formatRatio(r.min_ratio),
      frequencyPerYear: r.frequency_per_year,
      methods: r.methods,
      remarks: r.remarks,
      updatedAt: r.updated_at,
    }));
  }

  @Public()
  @Query(() => [PublicListPublication], { description: '公示：经局领导审议通过后公布清单、名录的记录，最新在前' })
  async publicListPublications(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string) {
    const tenantId = await activeBureau(ctx, bureauId);
    const rows = await ctx.app.db.query(`SELECT * FROM public_list_publications WHERE tenant_id = $1 ORDER BY published_at DESC LIMIT 100`, [tenantId]);
    return rows.map((r: Record<string, any>) => ({
      id: toGlobalId('ListPublication', r.id),
      kind: r.kind,
      publishedAt: r.published_at,
      approvedBy: r.approved_by,
      decisionNote: r.decision_note,
      count: Array.isArray(r.contents.items) ? r.contents.items.length : (r.contents.count ?? null),
    }));
  }

  @Public()
  @Query(() => [PublicPlan], { description: '公示：单位已公布的年度抽查计划' })
  async publicPlans(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string) {
    const tenantId = await activeBureau(ctx, bureauId);
    const rows = await ctx.app.db.query(`SELECT * FROM public_plans WHERE tenant_id = $1 ORDER BY year DESC, published_at DESC`, [tenantId]);
    return rows.map((r: Record<string, any>) => ({
      id: toGlobalId('AnnualPlan', r.id),
      year: r.year,
      title: r.title,
      scope: r.scope,
      inspectorRequirements: r.inspector_requirements,
      rounds: r.rounds,
      schedule: r.schedule,
      items: (r.items as { item: string; ratio: string; rounds: number }[]).map((i) => ({ ...i, ratio: formatRatio(String(i.ratio)) })),
      publishedAt: r.published_at,
    }));
  }

  @Public()
  @Query(() => PublicInspectorConnection, { description: '公示：执法检查人员名录' })
  async publicInspectors(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string, @Args() page: PageArgs) {
    const tenantId = await activeBureau(ctx, bureauId);
    const sql = `SELECT id, name, post, certificate_no FROM public_inspectors WHERE tenant_id = $1 ORDER BY name, id`;
    return paginateSql(ctx.app.db, sql, [tenantId], page, (r: Record<string, string>) => ({
      id: toGlobalId('Inspector', r.id!),
      name: r.name!,
      post: r.post!,
      certificateNo: r.certificate_no!,
    }));
  }

  @Public()
  @Query(() => PublicEntityConnection, { description: '公示：检查对象名录，可按名称或统一社会信用代码查找' })
  async publicEntities(@Ctx() ctx: RequestContext, @Arg('bureauId', () => ID) bureauId: string, @Args() args: PublicEntityArgs) {
    const tenantId = await activeBureau(ctx, bureauId);
    return listPublicEntities(ctx.app, tenantId, args.search, args);
  }
}

export async function activeBureau(ctx: RequestContext, bureauId: string): Promise<string> {
  const id = fromGlobalUuid(bureauId, 'Tenant');
  const [row] = id ? await ctx.app.db.query(`SELECT id FROM public_tenants WHERE id = $1`, [id]) : [];
  if (!row) throw notFound('单位');
  return row.id;
}

function bureau(r: Record<string, string | null>): PublicBureau {
  return {
    id: toGlobalId('Tenant', r.id!),
    name: r.name!,
    displayName: r.display_name,
    regionCode: r.region_code!,
    kind: r.kind!,
    contact: r.contact,
    publicHeader: r.public_header,
    publicFooter: r.public_footer,
  };
}
