import { In } from 'typeorm';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { InspectionItem, type ItemStatus } from './inspection-item.entity';
import { childrenLoader, perRequest } from '../../graphql/request-loaders';
import { InspectionItemVersion } from './inspection-item-version.entity';

function historyLoader(ctx: RequestContext) {
  return childrenLoader(
    ctx,
    (m, ids) => m.find(InspectionItemVersion, { where: { tenantId: requireViewer(ctx).tenantId, itemId: In(ids) }, order: { version: 'DESC' } }),
    (row) => row.itemId,
  );
}

/** An item's versions, latest first: one statement for all the items a response asks about. */
export function itemHistory(ctx: RequestContext, itemId: string): Promise<InspectionItemVersion[]> {
  return perRequest(ctx, historyLoader).load(itemId);
}

/** The bureau's item list in its order, of one department or status when asked; the rows are primed into the request's loader. */
export async function listItems(ctx: RequestContext, filter: { departmentId: string | null; status?: ItemStatus | null }, page: PageArgs) {
  const connection = await readTx(ctx, (m) => {
    const query = m
      .createQueryBuilder(InspectionItem, 'i')
      .where('i.tenant_id = :tenant', { tenant: requireViewer(ctx).tenantId })
      .orderBy('i.position', 'ASC')
      .addOrderBy('i.created_at')
      .addOrderBy('i.id');
    if (filter.departmentId) query.andWhere('i.department_id = :id', { id: filter.departmentId });
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    return paginate(query, page);
  });
  for (const edge of connection.edges) ctx.loaders.of(InspectionItem).prime(edge.node.id, edge.node);
  return connection;
}
