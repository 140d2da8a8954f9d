import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { AuditEvent } from './audit-event.entity';
import { verifyAuditChain } from './audit.service';

export interface AuditEventFilter extends PageArgs {
  actionPrefix?: string | null;
  since?: Date | null;
  until?: Date | null;
  actorUsername?: string | null;
}

/** The bureau's audit trail, latest first, filtered by action prefix, time and actor. */
export function listAuditEvents(ctx: RequestContext, filter: AuditEventFilter) {
  const tenantId = requireViewer(ctx).tenantId;
  return readTx(ctx, (m) => {
    const query = m.createQueryBuilder(AuditEvent, 'e').where('e.tenant_id = :tenant', { tenant: tenantId }).orderBy('e.seq', 'DESC');
    if (filter.actionPrefix) query.andWhere('starts_with(e.action, :prefix)', { prefix: filter.actionPrefix });
    if (filter.since) query.andWhere('e.occurred_at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('e.occurred_at < :until', { until: filter.until });
    if (filter.actorUsername?.trim()) query.andWhere('e.actor_username = :actor', { actor: filter.actorUsername.trim() });
    return paginate(query, filter);
  });
}

/** `verifyAuditChain` of the viewer's bureau, in a transaction of its own (it may record what it finds). */
export function verifyViewerAuditChain(ctx: RequestContext, given: readonly { seq: number; hash: string }[]) {
  const tenantId = requireViewer(ctx).tenantId;
  return tenantTx(ctx, (m) => verifyAuditChain(m, tenantId, given));
}
