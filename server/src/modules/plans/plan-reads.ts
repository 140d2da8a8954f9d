import { In } from 'typeorm';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { childrenLoader, perRequest } from '../../graphql/request-loaders';
import { paginate, type PageArgs } from '../../graphql/connection';
import { AnnualPlan, type PlanStatus } from './annual-plan.entity';
import { AnnualPlanItem } from './annual-plan-item.entity';
import { plansDutyConflicts } from './plan-duties';

function versionsLoader(ctx: RequestContext) {
  return childrenLoader(
    ctx,
    (m, years) => m.find(AnnualPlan, { where: { tenantId: requireViewer(ctx).tenantId, year: In(years.map(Number)) }, order: { year: 'ASC', version: 'ASC' } }),
    (plan) => String(plan.year),
  );
}

function planItemsLoader(ctx: RequestContext) {
  return childrenLoader(
    ctx,
    (m, ids) => m.find(AnnualPlanItem, { where: { tenantId: requireViewer(ctx).tenantId, planId: In(ids) } }),
    (row) => row.planId,
  );
}

/** Every version of the plan's year, in order: one statement for all the plans a response asks about. */
export function planVersions(ctx: RequestContext, plan: AnnualPlan): Promise<AnnualPlan[]> {
  return perRequest(ctx, versionsLoader).load(String(plan.year));
}

/** The plan's items with their ratios and rounds: one statement for all the plans a response asks about. */
export function planItems(ctx: RequestContext, planId: string): Promise<AnnualPlanItem[]> {
  return perRequest(ctx, planItemsLoader).load(planId);
}

/** The duties of the plan the viewer has taken already (as `plansDutyConflicts`), in the request's reads. */
export function viewerPlanConflicts(ctx: RequestContext, plan: AnnualPlan) {
  return readTx(ctx, (m) => plansDutyConflicts(m, plan, requireViewer(ctx).userId));
}

/** The bureau's plans, latest year and version first; the rows are primed into the request's loader. */
export async function listPlans(ctx: RequestContext, filter: PageArgs & { year?: number | null; status?: PlanStatus | null }) {
  const connection = await readTx(ctx, (m) => {
    const query = m
      .createQueryBuilder(AnnualPlan, 'p')
      .where('p.tenant_id = :tenant', { tenant: requireViewer(ctx).tenantId })
      .orderBy('p.year', 'DESC')
      .addOrderBy('p.version', 'DESC');
    if (filter.year) query.andWhere('p.year = :year', { year: filter.year });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    return paginate(query, filter);
  });
  for (const edge of connection.edges) ctx.loaders.of(AnnualPlan).prime(edge.node.id, edge.node);
  return connection;
}
