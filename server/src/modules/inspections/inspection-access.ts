import type { EntityManager } from 'typeorm';
import { fromGlobalUuid } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { Inspection } from './inspection.entity';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The viewer's own inspector row in the bureau as SQL (a uuid of nobody when there is none), for a
 * statement that reads it itself rather than binding what a statement before it read; bind
 * `viewerInspectorParameters`. The same row as `viewerInspectorId`.
 */
export const VIEWER_INSPECTOR_SQL = `COALESCE((SELECT x.id FROM inspectors x WHERE x.tenant_id = :viewerTenant AND x.user_id = :viewerUser ORDER BY x.id LIMIT 1), '${NOBODY}'::uuid)`;

export function viewerInspectorParameters(viewer: { tenantId: string; userId: string }): Record<string, string> {
  return { viewerTenant: viewer.tenantId, viewerUser: viewer.userId };
}

const inspectorOfRequest = new WeakMap<RequestContext['reads'], Map<string, Promise<string | null>>>();

/** The viewer's own inspector row in this bureau, if the viewer is an inspector: read once per request. */
export function viewerInspectorId(ctx: RequestContext, m: EntityManager): Promise<string | null> {
  const viewer = requireViewer(ctx);
  const key = `${viewer.tenantId}:${viewer.userId}`;
  let known = inspectorOfRequest.get(ctx.reads);
  if (!known) inspectorOfRequest.set(ctx.reads, (known = new Map()));
  let found = known.get(key);
  if (!found) {
    found = (
      m.query('SELECT id FROM inspectors WHERE tenant_id = $1 AND user_id = $2 ORDER BY id LIMIT 1', [viewer.tenantId, viewer.userId]) as Promise<
        { id: string }[]
      >
    ).then((rows) => rows[0]?.id ?? null);
    known.set(key, found);
    found.catch(() => known.delete(key));
  }
  return found;
}

/** What a statement of this request read of the viewer's inspector row (`transitionFacts`): later reads use it. */
export function primeViewerInspectorId(ctx: RequestContext, inspectorId: string | null): void {
  const viewer = requireViewer(ctx);
  let known = inspectorOfRequest.get(ctx.reads);
  if (!known) inspectorOfRequest.set(ctx.reads, (known = new Map()));
  known.set(`${viewer.tenantId}:${viewer.userId}`, Promise.resolve(inspectorId));
}

/** The viewer's inspector row when this request has read it already. */
export function knownViewerInspectorId(ctx: RequestContext): Promise<string | null> | undefined {
  const viewer = requireViewer(ctx);
  return inspectorOfRequest.get(ctx.reads)?.get(`${viewer.tenantId}:${viewer.userId}`);
}

export async function isTeamMember(ctx: RequestContext, m: EntityManager, record: Pick<Inspection, 'teamIds'>): Promise<boolean> {
  const mine = await viewerInspectorId(ctx, m);
  return mine !== null && record.teamIds.includes(mine);
}

/** Only the team writes and confirms the record. */
export async function assertTeamMember(ctx: RequestContext, m: EntityManager, record: Pick<Inspection, 'teamIds'>): Promise<string> {
  const mine = await viewerInspectorId(ctx, m);
  if (mine === null || !record.teamIds.includes(mine)) throw forbidden('只有检查组成员可以填写或确认检查记录');
  return mine;
}

/** A record of the viewer's bureau, locked when asked. */
export async function loadInspection(ctx: RequestContext, m: EntityManager, globalId: string, lock = false): Promise<Inspection> {
  const id = fromGlobalUuid(globalId, 'Inspection');
  const query = m.createQueryBuilder(Inspection, 'i').where('i.tenant_id = :t AND i.id = :id', { t: requireViewer(ctx).tenantId, id });
  if (lock) query.setLock('pessimistic_write');
  const record = id ? await query.getOne() : null;
  if (!record) throw notFound('检查记录');
  return record;
}
