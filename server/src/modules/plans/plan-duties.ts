import type { EntityManager } from 'typeorm';
import { FOUR_EYES_RULES, toGlobalId, type PlanAction } from '@spotcheck/shared';
import { ruleViolation } from '../../graphql/errors';
import type { AnnualPlan } from './annual-plan.entity';

/** A plan's approval (退回 or 批准) is the leader's duty; whoever drafts, submits or publishes it takes no part in it, and the reverse. */
const APPROVAL_STEPS = ['plan.return', 'plan.approve'];
const OFFICE_STEPS = ['plan.create', 'plan.update', 'plan.submit', 'plan.publish'];
const isApproval = (action: PlanAction) => action === 'RETURN' || action === 'APPROVE';

/** The plan's workflow actions `userId` may not take because they took the other side of it (from the bureau's audit trail). */
export async function plansDutyConflicts(
  m: EntityManager,
  plan: Pick<AnnualPlan, 'tenantId' | 'id' | 'createdBy' | 'approvedBy'>,
  userId: string,
): Promise<{ approval: boolean; office: boolean }> {
  const rows = (await m.query(
    `SELECT action FROM audit_events WHERE tenant_id = $1 AND object_type = 'AnnualPlan' AND object_id = $2 AND actor_user_id = $3 AND action = ANY($4)`,
    [plan.tenantId, toGlobalId('AnnualPlan', plan.id), userId, [...APPROVAL_STEPS, ...OFFICE_STEPS]],
  )) as { action: string }[];
  const tookOffice = plan.createdBy === userId || rows.some((r) => OFFICE_STEPS.includes(r.action));
  const tookApproval = plan.approvedBy === userId || rows.some((r) => APPROVAL_STEPS.includes(r.action));
  // `approval`: the user may not approve (they prepared or publish it); `office`: may not submit or publish (they approved it).
  return { approval: tookOffice, office: tookApproval };
}

export async function assertPlanDuty(m: EntityManager, plan: AnnualPlan, userId: string, action: PlanAction): Promise<void> {
  const conflicts = await plansDutyConflicts(m, plan, userId);
  if (isApproval(action) ? conflicts.approval : conflicts.office) {
    throw ruleViolation(FOUR_EYES_RULES.onePerRecord, '同一计划的拟定、公布与审批须由不同的人办理：您已参与本计划的另一方，不能再办理此步骤');
  }
}

export function withoutConflicts(actions: PlanAction[], conflicts: { approval: boolean; office: boolean }): PlanAction[] {
  return actions.filter((a) => !(isApproval(a) ? conflicts.approval : conflicts.office));
}
