import { formatRatio, normalizeUscc, toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { paginateByKey, type LazyCountConnection, type PageArgs } from '../../graphql/connection';
import { badInput, notFound } from '../../graphql/errors';
import { publicDrawOf } from '../draws/public-draws';
import { activeBureau } from './public-directory-reads';
import { listPublicResults } from './public-result-list';
import { idArg, keyTime, searchTerms, timeKeyOf } from './public-results';
import type { PublicEntityProfile, PublicResult, PublicTaskNotice, PublicTaskStatus } from './public-portal.types';

/**
 * The portal's results, task notices and entity profiles. They read the owner-rights public_* views
 * across bureaus: only active bureaus, only what is published; no sign-in needed.
 */

export interface PublicResultArgsShape extends PageArgs {
  bureauId?: string | null;
  itemId?: string | null;
  planId?: string | null;
  taskId?: string | null;
  search?: string | null;
}

export async function readPublicResults(ctx: RequestContext, args: PublicResultArgsShape): Promise<LazyCountConnection<PublicResult>> {
  const filter = {
    tenantId: args.bureauId ? await activeBureau(ctx, args.bureauId) : null,
    itemId: idArg(args.itemId, 'InspectionItem', 'itemId'),
    planId: idArg(args.planId, 'AnnualPlan', 'planId'),
    taskId: idArg(args.taskId, 'Task', 'taskId'),
    search: args.search,
  };
  return listPublicResults(ctx.app, filter, args);
}

/** One entity's published results across bureaus, newest first, by key. */
export function readEntityResults(ctx: RequestContext, uscc: string, page: PageArgs): Promise<LazyCountConnection<PublicResult>> {
  return listPublicResults(ctx.app, { uscc }, page);
}

export interface PublicTaskNoticeArgsShape extends PageArgs {
  bureauId?: string | null;
  planId?: string | null;
  itemId?: string | null;
  search?: string | null;
}

const NOTICE_COLUMNS = `n.tenant_id, n.id, n.plan_id, n.round, n.title, n.purpose, n.procedure, n.division_of_labour, n.confidentiality,
  n.starts_on::text AS starts_on, n.ends_on::text AS ends_on, n.team_size, n.joint, n.status, n.items, n.announced_at,
  ${keyTime('n.announced_at')} AS announced_key,
  n.draw_id, n.draw_status, n.draw_algorithm, n.draw_input_hash, n.draw_commitment, n.draw_rule_version, n.draw_committed_at, n.draw_drawn_at,
  b.name AS bureau_name, b.region_code AS bureau_region`;

/**
 * Task notices, newest announcement first, by key (announced_at, then id, both descending), counted only
 * when asked. A bureau announces a few tasks a round, so the view is small; the key keeps pages stable
 * while new notices arrive.
 */
export async function readPublicTaskNotices(ctx: RequestContext, args: PublicTaskNoticeArgsShape): Promise<LazyCountConnection<PublicTaskNotice>> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (args.bureauId) where.push(`n.tenant_id = ${p(await activeBureau(ctx, args.bureauId))}::uuid`);
  const planId = idArg(args.planId, 'AnnualPlan', 'planId');
  if (planId) where.push(`n.plan_id = ${p(planId)}::uuid`);
  const itemId = idArg(args.itemId, 'InspectionItem', 'itemId');
  if (itemId) where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(n.items) i WHERE i->>'id' = ${p(itemId)})`);
  const [search] = searchTerms(args.search);
  if (search) where.push(`strpos(n.title, ${p(search)}) > 0`);
  const scope = where.length ? where.join(' AND ') : 'TRUE';
  const from = `public_task_notices n JOIN public_tenants b ON b.id = n.tenant_id`;
  return paginateByKey(
    args,
    (notice: PublicTaskNotice & { key: string }) => notice.key,
    async (after, limit) => {
      const values = [...params];
      const q = (value: unknown) => `$${values.push(value)}`;
      const afterKey = after === null ? '' : (([at, id]) => ` AND (n.announced_at, n.id) < (${q(at)}::timestamptz, ${q(id)}::uuid)`)(timeKeyOf(after));
      const rows = (await ctx.app.replicaReads.query(
        `SELECT ${NOTICE_COLUMNS} FROM ${from} WHERE ${scope}${afterKey} ORDER BY n.announced_at DESC, n.id DESC LIMIT ${q(limit)}`,
        values,
      )) as Record<string, any>[];
      return rows.map((r) => ({ ...taskNoticeOf(r), key: JSON.stringify([r.announced_key, r.id]) }));
    },
    async () => {
      const [row] = (await ctx.app.replicaReads.query(`SELECT count(*)::int AS n FROM ${from} WHERE ${scope}`, params)) as { n: number }[];
      return row!.n;
    },
  );
}

/** An entity by its USCC: its listings in the bureaus' public directories and its latest published name. */
export async function readPublicEntity(ctx: RequestContext, uscc: string): Promise<PublicEntityProfile> {
  const code = normalizeUscc(uscc.slice(0, 64));
  if (!/^[0-9A-Z]{18}$/.test(code)) throw badInput([{ field: 'uscc', message: '统一社会信用代码应为 18 位数字或大写字母' }]);
  const listings = (await ctx.app.replicaReads.query(
    `SELECT e.name, e.address, b.id AS bureau_id, b.name AS bureau_name, b.region_code FROM public_entities e JOIN public_tenants b ON b.id = e.tenant_id
      WHERE e.uscc = $1 ORDER BY b.region_code, b.name`,
    [code],
  )) as { name: string; address: string | null; bureau_id: string; bureau_name: string; region_code: string }[];
  const [latest] = (await ctx.app.replicaReads.query(
    `SELECT r.entity_name FROM public_result_list r WHERE r.entity_uscc = $1 ORDER BY r.published_at DESC, r.id DESC LIMIT 1`,
    [code],
  )) as { entity_name: string }[];
  const name = latest?.entity_name ?? listings[0]?.name;
  if (!name) throw notFound('检查对象');
  return {
    uscc: code,
    name,
    listings: listings.map((l) => ({
      bureau: { id: toGlobalId('Tenant', l.bureau_id), name: l.bureau_name, regionCode: l.region_code },
      name: l.name,
      address: l.address,
    })),
  };
}

function taskNoticeOf(r: Record<string, any>): PublicTaskNotice {
  return {
    id: toGlobalId('Task', r.id),
    bureau: { id: toGlobalId('Tenant', r.tenant_id), name: r.bureau_name, regionCode: r.bureau_region },
    planId: r.plan_id ? toGlobalId('AnnualPlan', r.plan_id) : null,
    round: r.round,
    title: r.title,
    purpose: r.purpose,
    procedure: r.procedure,
    divisionOfLabour: r.division_of_labour,
    confidentiality: r.confidentiality,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    teamSize: r.team_size,
    joint: r.joint,
    status: r.status as PublicTaskStatus,
    items: (r.items as { id: string; name: string; ratio: string }[]).map((i) => ({
      id: toGlobalId('InspectionItem', i.id),
      name: i.name,
      ratio: formatRatio(i.ratio),
    })),
    announcedAt: new Date(r.announced_at),
    draw: publicDrawOf({
      id: r.draw_id,
      tenant_id: r.tenant_id,
      task_title: r.title,
      starts_on: r.starts_on,
      ends_on: r.ends_on,
      status: r.draw_status,
      algorithm: r.draw_algorithm,
      input_hash: r.draw_input_hash,
      commitment: r.draw_commitment,
      rule_version: r.draw_rule_version,
      committed_at: r.draw_committed_at,
      drawn_at: r.draw_drawn_at,
    }),
  };
}
