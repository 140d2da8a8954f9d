import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { connectionOf, pageBounds, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { InspectionStatus } from './inspection.entity';

@ObjectType({ description: '我的检查：摇中后分给本人所在检查组、尚待检查或报告的一个对象' })
export class Visit {
  @Field({ description: '摇号的全局 id' }) drawId!: string;
  @Field(() => Int, { description: '摇号顺序' }) seq!: number;
  @Field(() => ID) taskId!: string;
  @Field({ description: '任务名称' }) taskTitle!: string;
  @Field({ description: '检查对象名称' }) entityName!: string;
  @Field(() => String, { nullable: true, description: '检查对象地址' }) entityAddress!: string | null;
  @Field({ description: '检查截止日 YYYY-MM-DD：记录的报告截止日，未定时为任务结束日' }) dueOn!: string;
  @Field(() => InspectionStatus, { nullable: true, description: '检查记录状态；尚未建立记录时为空（待检查）' }) status!: InspectionStatus | null;
  @Field(() => ID, { nullable: true, description: '检查记录的全局 id（已建立时）' }) inspectionId!: string | null;
  @Field(() => ID, { nullable: true, description: '联合抽查中本部门参与部分的全局 id（牵头单位摇中、本单位检查的对象）；本单位自己的任务为空' })
  participationId!: string | null;
}

interface VisitRow {
  draw_id: string;
  seq: number;
  task_id: string;
  task_title: string;
  entity_name: string;
  entity_address: string | null;
  due_on: string;
  status: InspectionStatus | null;
  inspection_id: string | null;
  participation_id: string | null;
  total: number;
}

/**
 * The viewer's visits across the bureau's drawn tasks: every selection whose team holds the viewer's
 * inspector row and whose record is not yet opened, or open (a draft, or returned) — what the inspector
 * still has to do, earliest deadline first. Records only exist once opened, so the list reads the draw's
 * selections, not the records: right after the draw every selection of the viewer's teams is here.
 * A joint task's entities that another bureau's draw gave to the viewer's part are here too, with the
 * bureau's own record of that part.
 */
export async function myVisits(ctx: RequestContext, args: PageArgs): Promise<ConnectionShape<Visit>> {
  const viewer = requireViewer(ctx);
  const { offset, first } = pageBounds(args);
  const rows = (await readTx(ctx, (m) =>
    m.query(
      `WITH me AS (SELECT x.id FROM inspectors x WHERE x.tenant_id = $1 AND x.user_id = $2),
       own AS (
         SELECT s.draw_id, s.seq, t.id AS task_id, t.title AS task_title, e.name AS entity_name, e.address AS entity_address,
                r.id AS inspection_id, r.status,
                to_char(COALESCE(r.report_due_on, t.ends_on), 'YYYY-MM-DD') AS due_on, NULL::uuid AS participation_id
           FROM draw_selections s
           JOIN draws d ON d.tenant_id = s.tenant_id AND d.id = s.draw_id AND d.status = 'DRAWN'
           JOIN tasks t ON t.tenant_id = s.tenant_id AND t.id = d.task_id
           JOIN market_entities e ON e.tenant_id = s.tenant_id AND e.id = s.entity_id
           LEFT JOIN LATERAL (SELECT i.id, i.status, i.report_due_on FROM inspections i
                WHERE i.tenant_id = s.tenant_id AND i.draw_id = s.draw_id AND i.seq = s.seq AND i.participation_id IS NULL
                ORDER BY i.created_at DESC LIMIT 1) r ON true
          WHERE s.tenant_id = $1
            -- In a joint task the lead's record is the lead's team's: a participant's inspector (of this bureau too) has their own part below.
            AND s.inspector_ids && ARRAY(SELECT me.id FROM me WHERE NOT (t.joint AND EXISTS (
                  SELECT 1 FROM joint_participants p WHERE p.lead_tenant_id = $1 AND p.task_id = t.id AND p.status = 'ACCEPTED' AND me.id = ANY(p.inspector_ids))))),
       joint AS (
         SELECT j.draw_id, j.seq, j.task_id, j.task_title, j.name AS entity_name, j.address AS entity_address,
                r.id AS inspection_id, r.status,
                to_char(COALESCE(r.report_due_on, j.ends_on), 'YYYY-MM-DD') AS due_on, j.participation_id
           FROM joint_drawn_entities j
           LEFT JOIN LATERAL (SELECT i.id, i.status, i.report_due_on FROM inspections i
                WHERE i.tenant_id = $1 AND i.draw_id = j.draw_id AND i.seq = j.seq AND i.participation_id = j.participation_id
                ORDER BY i.created_at DESC LIMIT 1) r ON true
          WHERE j.tenant_id = $1 AND j.inspector_ids && ARRAY(SELECT id FROM me)),
       visits AS (
         SELECT * FROM (SELECT * FROM own UNION ALL SELECT * FROM joint) v
          WHERE v.inspection_id IS NULL OR v.status IN ('${InspectionStatus.DRAFT}', '${InspectionStatus.RETURNED}'))
       SELECT v.*, (SELECT count(*)::int FROM visits) AS total FROM visits v
        ORDER BY v.due_on, v.task_title, v.seq, v.participation_id NULLS FIRST LIMIT $3 OFFSET $4`,
      [viewer.tenantId, viewer.userId, first, offset],
    ),
  )) as VisitRow[];
  let total = rows[0]?.total;
  if (total === undefined) total = offset === 0 ? 0 : await countVisits(ctx);
  const nodes = rows.map((r) =>
    Object.assign(new Visit(), {
      drawId: toGlobalId('Draw', r.draw_id),
      seq: r.seq,
      taskId: toGlobalId('Task', r.task_id),
      taskTitle: r.task_title,
      entityName: r.entity_name,
      entityAddress: r.entity_address,
      dueOn: r.due_on,
      status: r.status,
      inspectionId: r.inspection_id ? toGlobalId('Inspection', r.inspection_id) : null,
      participationId: r.participation_id ? toGlobalId('JointParticipation', r.participation_id) : null,
    }),
  );
  return connectionOf(nodes, offset, total);
}

/** The total when the page asked for lies past the end. */
async function countVisits(ctx: RequestContext): Promise<number> {
  const page = await myVisits(ctx, { first: 1 });
  return page.totalCount as number;
}
