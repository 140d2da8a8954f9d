import type { EntityManager } from 'typeorm';
import { ruleViolation } from '../../graphql/errors';
import type { Task } from '../tasks/task.entity';
import { JointStatus } from './joint-participant.entity';
import { jointTaskRows, partInspectors } from './joint-views';

/** A participant's share of a joint draw. */
export interface JointDrawPart {
  /** `dept:<department id>`: the draw input's group of the participant's inspectors. */
  group: string;
  bureau: string;
  department: string;
  /** Lead items the part applies to; empty means all. */
  leadItemIds: string[];
  inspectors: { id: string; certificateNo: string }[];
}

export interface JointDrawParts {
  leadGroup: string;
  parts: JointDrawPart[];
  /** The participants' declared recusals, by USCC and certificate number. */
  recusals: { uscc: string; certificateNo: string }[];
}

export const departmentGroup = (departmentId: string | null): string => `dept:${departmentId ?? 'none'}`;

/**
 * What the participants of a joint task bring to its draw, read through the joint views (the lead
 * cannot read another bureau's tables). Refuses while an invitation is unanswered or a part is empty:
 * the pool must not be frozen without everybody's inspectors.
 */
export async function jointDrawParts(m: EntityManager, task: Task): Promise<JointDrawParts> {
  const rows = await jointTaskRows(m, 'lead_tenant_id = $1 AND task_id = $2', [task.tenantId, task.id]);
  const pending = rows.filter((r) => r.status === JointStatus.INVITED);
  if (pending.length) {
    throw ruleViolation('joint.pending', `尚有受邀部门未答复：${pending.map((r) => r.tenant_name + r.department_name).join('、')}；请等待答复或撤回邀请`);
  }
  const accepted = rows.filter((r) => r.status === JointStatus.ACCEPTED);
  if (!accepted.length) throw ruleViolation('joint.participants', '联合抽查任务至少须有一个已接受邀请的参与部门');
  const inspectors = await partInspectors(m, 'lead_tenant_id = $1 AND task_id = $2 AND participation_status = $3', [
    task.tenantId,
    task.id,
    JointStatus.ACCEPTED,
  ]);
  const parts = await Promise.all(
    accepted.map(async (row) => {
      const [{ lead_item_ids: leadItemIds, items }] = (await m.query(
        'SELECT lead_item_ids, cardinality(item_ids) AS items FROM joint_participants WHERE id = $1',
        [row.participation_id],
      )) as { lead_item_ids: string[]; items: number }[];
      const drawable = inspectors.filter(
        (i) =>
          i.participation_id === row.participation_id &&
          i.status === 'ACTIVE' &&
          i.certificate_valid_from <= task.startsOn &&
          i.certificate_valid_to >= task.endsOn,
      );
      if (!items || !drawable.length) {
        throw ruleViolation('joint.part', `${row.tenant_name}${row.department_name}尚未填报抽查事项或在岗、执法证在检查期间有效的检查人员`);
      }
      return {
        group: departmentGroup(row.department_id),
        bureau: row.tenant_name,
        department: row.department_name,
        leadItemIds,
        inspectors: drawable.map((i) => ({ id: i.id, certificateNo: i.certificate_no })),
      };
    }),
  );
  const recusals = (
    (await m.query(
      `SELECT DISTINCT uscc, certificate_no FROM joint_part_recusals
      WHERE task_id = $1 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $2)`,
      [task.id, task.startsOn, task.endsOn],
    )) as { uscc: string; certificate_no: string }[]
  ).map((r) => ({ uscc: r.uscc, certificateNo: r.certificate_no }));
  return { leadGroup: departmentGroup(task.leadDepartmentId), parts, recusals };
}
