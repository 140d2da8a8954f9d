import { asSubject } from '@spotcheck/shared';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { Inspector, type InspectorStatus } from './inspector.entity';
import { Recusal } from './recusal.entity';

/** The bureau's inspectors by name, of a department or status, or drawable on a day; primed into the request's loader. */
export async function listInspectors(
  ctx: RequestContext,
  filter: { departmentId?: string | null; status?: InspectorStatus | null; drawableOn: string | null },
  page: PageArgs,
) {
  const connection = await readTx(ctx, (m) => {
    const query = m
      .createQueryBuilder(Inspector, 'p')
      .where('p.tenant_id = :tenant', { tenant: requireViewer(ctx).tenantId })
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id');
    // A department asked by an id that names none matches nothing.
    if (filter.departmentId !== undefined) query.andWhere('p.department_id = :d', { d: filter.departmentId });
    if (filter.status) query.andWhere('p.status = :s', { s: filter.status });
    if (filter.drawableOn)
      query.andWhere(`p.status = 'ACTIVE' AND p.certificate_valid_from <= :on AND p.certificate_valid_to >= :on`, { on: filter.drawableOn });
    return paginate(query, page);
  });
  for (const edge of connection.edges) ctx.loaders.of(Inspector).prime(edge.node.id, edge.node);
  return connection;
}

/** Declared recusals, newest first; without the bureau-wide read (as node()), only the viewer's own. */
export function listRecusals(ctx: RequestContext, filter: { inspectorId?: string | null; entityId?: string | null }, page: PageArgs) {
  const viewer = requireViewer(ctx);
  return readTx(ctx, (m) => {
    const query = m
      .createQueryBuilder(Recusal, 'r')
      .where('r.tenant_id = :tenant', { tenant: viewer.tenantId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id');
    if (!ctx.ability.can('read', asSubject('Recusal', { tenantId: viewer.tenantId }))) query.andWhere('r.created_by = :self', { self: viewer.userId });
    if (filter.inspectorId !== undefined) query.andWhere('r.inspector_id = :i', { i: filter.inspectorId });
    if (filter.entityId !== undefined) query.andWhere('r.entity_id = :e', { e: filter.entityId });
    return paginate(query, page);
  });
}
