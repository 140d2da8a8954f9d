import { fromGlobalUuid } from '@spotcheck/shared';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { paginate, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { addWorkdaysFor } from '../calendar/workdays';
import { Inspection, InspectionStatus } from './inspection.entity';
import { todayInChina } from './inspection-deadlines';
import { awaitingCondition, guardParameters } from './inspection-actions';
import { VIEWER_INSPECTOR_SQL, viewerInspectorParameters } from './inspection-access';

export interface InspectionListFilter extends PageArgs {
  status?: InspectionStatus | null;
  taskId?: string | null;
  mine?: boolean;
  overdue?: boolean;
  search?: string | null;
  awaitingMe?: boolean;
  dueWithinDays?: number | null;
}

const OPEN_STATES = [InspectionStatus.DRAFT, InspectionStatus.RETURNED];
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The bureau's records, newest first, as the list and the workbench filter them; the rows are primed into the request's loader. */
export async function listInspections(ctx: RequestContext, filter: InspectionListFilter): Promise<ConnectionShape<Inspection>> {
  const viewer = requireViewer(ctx);
  const page = await readTx(ctx, async (m) => {
    const query = m
      .createQueryBuilder(Inspection, 'i')
      .where('i.tenant_id = :tenant', { tenant: viewer.tenantId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id');
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.taskId) {
      // A joint task's records: the lead's parts and the parts of its participants in this same bureau.
      query.andWhere(
        `(i.task_id = :task OR i.participation_id IN (SELECT jp.id FROM joint_participants jp WHERE jp.tenant_id = i.tenant_id AND jp.task_id = :task))`,
        { task: fromGlobalUuid(filter.taskId, 'Task') ?? NOBODY },
      );
    }
    // The viewer's inspector row is read by the page's own statements, not by one before them.
    if (filter.mine) query.andWhere(`${VIEWER_INSPECTOR_SQL} = ANY(i.team_ids)`, viewerInspectorParameters(viewer));
    if (filter.overdue) {
      query.andWhere(
        `((i.status IN (:...open) AND i.report_due_on < :today) OR (i.status = 'SUBMITTED' AND i.review_due_on < :today)
          OR (i.status = 'REVIEWED' AND i.approval_due_on < :today)
          OR (i.status IN ('SUBMITTED', 'REVIEWED', 'APPROVED') AND i.publication_due_on < :today))`,
        { open: OPEN_STATES, today: todayInChina() },
      );
    }
    const search = filter.search?.trim();
    if (search) query.andWhere('(strpos(i.entity_name, :search) > 0 OR i.entity_uscc = upper(:search))', { search });
    if (filter.awaitingMe) {
      const actor = { userId: viewer.userId, roles: viewer.roles, departmentId: viewer.departmentId, inspectorId: null };
      query
        .andWhere(awaitingCondition(actor, VIEWER_INSPECTOR_SQL) ?? 'false')
        .setParameters(guardParameters(actor))
        .setParameters(viewerInspectorParameters(viewer));
    }
    if (filter.dueWithinDays != null) {
      const today = todayInChina();
      const { date: until } = await addWorkdaysFor(m, viewer.tenantId, today, filter.dueWithinDays);
      query.andWhere(
        `((i.status IN (:...dueOpen) AND i.report_due_on BETWEEN :dueFrom AND :dueUntil)
          OR (i.status = 'SUBMITTED' AND i.review_due_on BETWEEN :dueFrom AND :dueUntil)
          OR (i.status = 'REVIEWED' AND i.approval_due_on BETWEEN :dueFrom AND :dueUntil)
          OR (i.status = 'APPROVED' AND i.publication_due_on BETWEEN :dueFrom AND :dueUntil))`,
        { dueOpen: OPEN_STATES, dueFrom: today, dueUntil: until },
      );
    }
    return paginate(query, filter);
  });
  for (const edge of page.edges) ctx.loaders.of(Inspection).prime(edge.node.id, edge.node);
  return page;
}
