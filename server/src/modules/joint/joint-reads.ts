import DataLoader from 'dataloader';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { paginate, paginateSql, type PageArgs } from '../../graphql/connection';
import { childrenLoader, perRequest } from '../../graphql/request-loaders';
import { MarketEntity } from '../entities/market-entity.entity';
import type { Task } from '../tasks/task.entity';
import { JointParticipation, type JointStatus } from './joint-participant.entity';
import { JointDepartment, JointDrawnEntity, JointPartInspector } from './joint.types';
import { jointTaskRows, partInspectors, type JointTaskRow, type PartInspectorRow, type PartnerDepartmentRow } from './joint-views';

type PartItemRow = { participation_id: string; id: string; name: string; target_type: string };

function jointLoaders(ctx: RequestContext) {
  return {
    task: childrenLoader<JointTaskRow>(
      ctx,
      (m, ids) => jointTaskRows(m, 'participation_id = ANY($1)', [ids]),
      (row) => row.participation_id,
    ),
    inspectors: childrenLoader<PartInspectorRow>(
      ctx,
      (m, ids) => partInspectors(m, 'participation_id = ANY($1)', [ids]),
      (row) => row.participation_id,
    ),
    items: childrenLoader<PartItemRow>(
      ctx,
      (m, ids) =>
        m.query('SELECT participation_id, id, name, target_type FROM joint_part_items WHERE participation_id = ANY($1) ORDER BY name', [ids]) as Promise<
          PartItemRow[]
        >,
      (row) => row.participation_id,
    ),
    department: new DataLoader<string, PartnerDepartmentRow | null>(async (ids) => {
      const rows = (await readTx(ctx, (m) =>
        m.query('SELECT tenant_id, tenant_name, region_code, id, name FROM joint_partner_departments WHERE id = ANY($1)', [[...ids]]),
      )) as PartnerDepartmentRow[];
      const found = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    participants: childrenLoader(
      ctx,
      (m, taskIds) =>
        m.find(JointParticipation, { where: taskIds.map((taskId) => ({ leadTenantId: requireViewer(ctx).tenantId, taskId })), order: { createdAt: 'ASC' } }),
      (row) => row.taskId,
    ),
  };
}

/** The per-request loaders of a participation's fields (the joint views, one statement for all parts asked). */
export function jointReads(ctx: RequestContext): ReturnType<typeof jointLoaders> {
  return perRequest(ctx, jointLoaders);
}

/** The departments that may be invited, this bureau's and others'. */
export function partnerDepartments(ctx: RequestContext, search: string, args: PageArgs) {
  return readTx(ctx, (m) =>
    paginateSql<PartnerDepartmentRow, JointDepartment>(
      m,
      `SELECT tenant_id, tenant_name, region_code, id, name FROM joint_partner_departments
        WHERE $1 = '' OR strpos(tenant_name || ' ' || name, $1) > 0 ORDER BY region_code, tenant_name, name, id`,
      [search],
      args,
      JointDepartment.of,
    ),
  );
}

/** The invitations this bureau received, newest first. */
export function receivedInvitations(ctx: RequestContext, status: JointStatus | null | undefined, args: PageArgs) {
  const viewer = requireViewer(ctx);
  return readTx(ctx, (m) => {
    const query = m
      .createQueryBuilder(JointParticipation, 'p')
      .where('p.tenant_id = :tenant', { tenant: viewer.tenantId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id');
    if (status) query.andWhere('p.status = :status', { status });
    return paginate(query, args);
  });
}

/** A joint task's participants, as its lead sees them. */
export function participantsOf(ctx: RequestContext, task: Task): Promise<JointParticipation[]> | JointParticipation[] {
  if (!task.joint) return [];
  return jointReads(ctx).participants.load(task.id);
}

/** A page of the drawn entities a participating department inspects, with its own inspectors. */
export function drawnEntitiesOf(ctx: RequestContext, part: JointParticipation, args: PageArgs) {
  return readTx(ctx, async (m) => {
    const own = new Map((await partInspectors(m, 'participation_id = $1', [part.id])).map((r) => [r.id, JointPartInspector.of(r)]));
    type Row = { seq: number; uscc: string; name: string; inspector_ids: string[] };
    const page = await paginateSql<Row, Row>(
      m,
      'SELECT seq, uscc, name, inspector_ids FROM joint_drawn_entities WHERE participation_id = $1 ORDER BY seq',
      [part.id],
      args,
      (r) => r,
    );
    // Matched by USCC to the viewer's own directory (under RLS: the viewer's rows only).
    const usccs = page.edges.map((e) => e.node.uscc);
    const entities = new Map(
      (
        await m
          .createQueryBuilder(MarketEntity, 'e')
          .where('e.tenant_id = :tenant AND e.uscc = ANY(:usccs)', { tenant: requireViewer(ctx).tenantId, usccs })
          .getMany()
      ).map((e) => [e.uscc, e]),
    );
    return {
      ...page,
      edges: page.edges.map(({ cursor, node }) => ({
        cursor,
        node: Object.assign(new JointDrawnEntity(), {
          seq: node.seq,
          uscc: node.uscc,
          name: node.name,
          entity: entities.get(node.uscc) ?? null,
          inspectors: node.inspector_ids.flatMap((id) => (own.has(id) ? [own.get(id)!] : [])),
        }),
      })),
    };
  });
}
