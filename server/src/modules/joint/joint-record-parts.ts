import type { EntityManager } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { INSPECTION_WORKFLOW, toGlobalId } from '@spotcheck/shared';
import { InspectionStatus, type Inspection } from '../inspections/inspection.entity';
import { Task } from '../tasks/task.entity';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';

/** One department's part of a joint visit, as `joint_visit_parts` shows it to the viewer's bureau. */
@ObjectType({ description: '联合抽查中一个部门的检查记录部分' })
export class JointRecordPart {
  @Field({ description: '检查单位' }) bureau!: string;
  @Field({ description: '检查部门' }) department!: string;
  @Field(() => [String], { description: '本部门的抽查事项' }) items!: string[];
  @Field(() => [String], { description: '本部门的检查人员（摇中的检查组中本部门的成员）' }) team!: string[];
  @Field(() => InspectionStatus, { nullable: true, description: '本部门记录的状态；尚未建立为空' }) status!: InspectionStatus | null;
  @Field({ description: '状态（中文）' }) statusLabel!: string;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field({ description: '是否为当前这份记录所属的部分' }) own!: boolean;
  @Field({ description: '是否为牵头部门的部分' }) lead!: boolean;
  @Field(() => ID, { nullable: true, description: '本单位的记录可打开（其他单位的记录为空）' }) inspectionId!: string | null;
}

interface PartRow {
  part_tenant_id: string;
  participation_id: string | null;
  bureau_name: string;
  department_name: string | null;
  items: string[];
  team: string[];
  inspection_id: string | null;
  status: InspectionStatus | null;
  published_at: Date | null;
}

/**
 * The parts of the visit `record` belongs to, the lead's first: empty when the record is not of a joint
 * task. `viewerTenantId` is the bureau reading (the view shows it only what it is party to); with
 * `links`, the parts it holds name their record.
 */
export async function jointRecordParts(m: EntityManager, record: Inspection, viewerTenantId: string, links = true): Promise<JointRecordPart[]> {
  const rows = (await m.query(
    `SELECT part_tenant_id, participation_id, bureau_name, department_name, items, team, inspection_id, status, published_at
       FROM joint_visit_parts WHERE draw_id = $1 AND seq = $2 AND (lead_tenant_id = $3 OR part_tenant_id = $3 OR participation_id IS NULL)
      ORDER BY participation_id IS NOT NULL, bureau_name, department_name, participation_id`,
    [record.drawId, record.seq, viewerTenantId],
  )) as PartRow[];
  if (!rows.some((r) => r.part_tenant_id === record.tenantId && r.participation_id === record.participationId)) return [];
  return rows.map((r) =>
    Object.assign(new JointRecordPart(), {
      bureau: r.bureau_name,
      department: r.department_name ?? '',
      items: r.items,
      team: r.team,
      status: r.status,
      statusLabel: r.status ? INSPECTION_WORKFLOW.states[r.status] : '尚未建立记录',
      publishedAt: r.published_at,
      own: r.part_tenant_id === record.tenantId && r.participation_id === record.participationId,
      lead: r.participation_id === null,
      inspectionId: links && r.inspection_id && r.part_tenant_id === viewerTenantId ? toGlobalId('Inspection', r.inspection_id) : null,
    }),
  );
}

/** The parts of the visit `record` belongs to, as the viewer's bureau sees them, in the request's reads. */
export async function jointPartsFor(ctx: RequestContext, record: Inspection): Promise<JointRecordPart[]> {
  // A bureau's own record of a task it does not lead jointly has no parts (the view holds joint tasks only).
  const task = !record.participationId && record.taskId ? await ctx.loaders.of(Task).load(record.taskId) : null;
  if (task && !task.joint) return [];
  return readTx(ctx, (m) => jointRecordParts(m, record, requireViewer(ctx).tenantId));
}
