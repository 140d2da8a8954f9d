import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { formatRatio, normalizeUscc, toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { PageArgs, paginateSql } from '../../graphql/connection';
import { badInput, notFound } from '../../graphql/errors';
import { Public } from '../../graphql/permissions';
import { publicDrawOf } from '../draws/public-draws';
import { activeBureau } from './public-directory-reads';
import { idArg, publicResultOf, RESULT_COLUMNS, RESULT_FROM, searchTerms } from './public-results';
import { PublicEntityProfile, PublicResultConnection, PublicTaskNotice, PublicTaskNoticeConnection, type PublicTaskStatus } from './public-portal.types';

@ArgsType()
class PublicResultArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '单位' }) bureauId?: string | null;
  @Field(() => ID, { nullable: true, description: '事项' }) itemId?: string | null;
  @Field(() => ID, { nullable: true, description: '年度计划' }) planId?: string | null;
  @Field(() => ID, { nullable: true, description: '抽查任务' }) taskId?: string | null;
  @Field(() => String, { nullable: true, description: '检查对象名称包含，或统一社会信用代码开头' }) search?: string | null;
}

@ArgsType()
class PublicTaskNoticeArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '单位' }) bureauId?: string | null;
  @Field(() => ID, { nullable: true, description: '年度计划' }) planId?: string | null;
  @Field(() => ID, { nullable: true, description: '事项' }) itemId?: string | null;
  @Field(() => String, { nullable: true, description: '任务名称包含' }) search?: string | null;
}

const NO_ID = null;

/**
 * The publication portal: published results, task notices and one entity's published results across
 * bureaus. Everything is read from the owner-rights public_* views; no sign-in, nothing unpublished.
 */
@Resolver(() => PublicEntityProfile)
export class PublicPortalResolver {
  @Public()
  @Query(() => PublicResultConnection, { description: '公示：抽查结果，最新在前；可按单位、事项、计划、任务、检查对象查找' })
  async publicResults(@Ctx() ctx: RequestContext, @Args() args: PublicResultArgs) {
    const bureau = args.bureauId ? await activeBureau(ctx, args.bureauId) : NO_ID;
    const [search, uscc] = searchTerms(args.search);
    const sql = `SELECT ${RESULT_COLUMNS} FROM ${RESULT_FROM}
      WHERE ($1::uuid IS NULL OR r.tenant_id = $1) AND ($2::uuid IS NULL OR $2 = ANY (r.item_ids))
        AND ($3::uuid IS NULL OR r.plan_id = $3) AND ($4::uuid IS NULL OR r.task_id = $4)
        AND ($5 = '' OR strpos(r.entity_name, $5) > 0 OR starts_with(r.entity_uscc, $6))
      ORDER BY r.published_at DESC, r.id`;
    const params = [
      bureau,
      idArg(args.itemId, 'InspectionItem', 'itemId'),
      idArg(args.planId, 'AnnualPlan', 'planId'),
      idArg(args.taskId, 'Task', 'taskId'),
      search,
      uscc,
    ];
    return paginateSql(ctx.app.db, sql, params, args, publicResultOf);
  }

  @Public()
  @Query(() => PublicTaskNoticeConnection, { description: '公示：抽查任务公告（含实施方案与摇号），最新在前' })
  async publicTaskNotices(@Ctx() ctx: RequestContext, @Args() args: PublicTaskNoticeArgs) {
    const bureau = args.bureauId ? await activeBureau(ctx, args.bureauId) : NO_ID;
    const [search] = searchTerms(args.search);
    const sql = `SELECT n.tenant_id, n.id, n.plan_id, n.round, n.title, n.purpose, n.procedure, n.division_of_labour, n.confidentiality,
             n.starts_on::text AS starts_on, n.ends_on::text AS ends_on, n.team_size, n.joint, n.status, n.items, n.announced_at,
             n.draw_id, n.draw_status, n.draw_algorithm, n.draw_input_hash, n.draw_commitment, n.draw_rule_version, n.draw_committed_at, n.draw_drawn_at,
             b.name AS bureau_name, b.region_code AS bureau_region
        FROM public_task_notices n JOIN public_tenants b ON b.id = n.tenant_id
       WHERE ($1::uuid IS NULL OR n.tenant_id = $1) AND ($2::uuid IS NULL OR n.plan_id = $2)
         AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(n.items) i WHERE i->>'id' = $3::text))
         AND ($4 = '' OR strpos(n.title, $4) > 0)
       ORDER BY n.announced_at DESC, n.id`;
    const params = [bureau, idArg(args.planId, 'AnnualPlan', 'planId'), idArg(args.itemId, 'InspectionItem', 'itemId'), search];
    return paginateSql(ctx.app.db, sql, params, args, taskNoticeOf);
  }

  @Public()
  @Query(() => PublicEntityProfile, { description: '公示：按统一社会信用代码查看一个检查对象在各单位的名录和已公示的抽查结果' })
  async publicEntity(@Ctx() ctx: RequestContext, @Arg('uscc') uscc: string) {
    const code = normalizeUscc(uscc.slice(0, 64));
    if (!/^[0-9A-Z]{18}$/.test(code)) throw badInput([{ field: 'uscc', message: '统一社会信用代码应为 18 位数字或大写字母' }]);
    const listings = (await ctx.app.db.query(
      `SELECT e.name, e.address, b.id AS bureau_id, b.name AS bureau_name, b.region_code FROM public_entities e JOIN public_tenants b ON b.id = e.tenant_id
        WHERE e.uscc = $1 ORDER BY b.region_code, b.name`,
      [code],
    )) as { name: string; address: string | null; bureau_id: string; bureau_name: string; region_code: string }[];
    const [latest] = (await ctx.app.db.query(`SELECT r.entity_name FROM public_results r WHERE r.entity_uscc = $1 ORDER BY r.published_at DESC LIMIT 1`, [
      code,
    ])) as { entity_name: string }[];
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

  @FieldResolver(() => PublicResultConnection, { description: '该检查对象已公示的抽查结果（各单位），最新在前' })
  results(@Root() profile: PublicEntityProfile, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    const sql = `SELECT ${RESULT_COLUMNS} FROM ${RESULT_FROM} WHERE r.entity_uscc = $1 ORDER BY r.published_at DESC, r.id`;
    return paginateSql(ctx.app.db, sql, [profile.uscc], page, publicResultOf);
  }
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
