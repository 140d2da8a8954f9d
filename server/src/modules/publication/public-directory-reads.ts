import { formatRatio, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { paginateSql, type PageArgs } from '../../graphql/connection';
import { notFound } from '../../graphql/errors';
import type { PublicBureau } from './public.types';

/**
 * The public portal's directory reads. They read the public_* views, which run with the owner's rights
 * across tenants and carry only public columns of active bureaus; no sign-in needed.
 */
export async function readPublicBureaus(ctx: RequestContext): Promise<PublicBureau[]> {
  const rows = await ctx.app.replicaReads.query(`SELECT * FROM public_tenants ORDER BY region_code, name`);
  return rows.map(bureau);
}

export async function readPublicItems(ctx: RequestContext, bureauId: string) {
  const tenantId = await activeBureau(ctx, bureauId);
  const rows = await ctx.app.replicaReads.query(`SELECT * FROM public_items WHERE tenant_id = $1 ORDER BY position, name`, [tenantId]);
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

export async function readPublicListPublications(ctx: RequestContext, bureauId: string) {
  const tenantId = await activeBureau(ctx, bureauId);
  const rows = await ctx.app.replicaReads.query(`SELECT * FROM public_list_publications WHERE tenant_id = $1 ORDER BY published_at DESC LIMIT 100`, [tenantId]);
  return rows.map((r: Record<string, any>) => ({
    id: toGlobalId('ListPublication', r.id),
    kind: r.kind,
    publishedAt: r.published_at,
    approvedBy: r.approved_by,
    decisionNote: r.decision_note,
    count: Array.isArray(r.contents.items) ? r.contents.items.length : (r.contents.count ?? null),
  }));
}

export async function readPublicPlans(ctx: RequestContext, bureauId: string) {
  const tenantId = await activeBureau(ctx, bureauId);
  const rows = await ctx.app.replicaReads.query(`SELECT * FROM public_plans WHERE tenant_id = $1 ORDER BY year DESC, published_at DESC`, [tenantId]);
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

export async function readPublicInspectors(ctx: RequestContext, bureauId: string, page: PageArgs) {
  const tenantId = await activeBureau(ctx, bureauId);
  const sql = `SELECT id, name, post, certificate_no FROM public_inspectors WHERE tenant_id = $1 ORDER BY name, id`;
  return paginateSql(ctx.app.replicaReads, sql, [tenantId], page, (r: Record<string, string>) => ({
    id: toGlobalId('Inspector', r.id!),
    name: r.name!,
    post: r.post!,
    certificateNo: r.certificate_no!,
  }));
}

/** The local id of an active bureau named by its global id; NOT_FOUND otherwise. */
export async function activeBureau(ctx: RequestContext, bureauId: string): Promise<string> {
  const id = fromGlobalUuid(bureauId, 'Tenant');
  const [row] = id ? await ctx.app.replicaReads.query(`SELECT id FROM public_tenants WHERE id = $1`, [id]) : [];
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
