import type { EntityManager } from 'typeorm';
import { HANDLING_LABELS, beijingDate, checkHandling, sameHandling, toGlobalId, type Handling } from '@spotcheck/shared';
import { tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { assertTeamMember, loadInspection } from '../inspections/inspection-access';
import { Inspection, InspectionStatus, type HandlingChange } from '../inspections/inspection.entity';
import { referInspection } from '../referrals/referral.service';
import { proposeCreditEntryIn } from '../credit/credit-lists.service';
import { openRectification } from '../rectifications/rectification.service';
import type { HandlingInput } from './handling.types';

const EDITABLE = [InspectionStatus.DRAFT, InspectionStatus.RETURNED];

/** Validates a handling as given by a form or a transition; a typed BAD_USER_INPUT in Chinese when it is incomplete. */
export function validHandling(input: HandlingInput | Partial<Handling>): Handling {
  const { handling, problems } = checkHandling(input as Partial<Handling>);
  if (!handling) throw badInput(problems, '处理建议填写不完整');
  return handling;
}

/** The team proposes the handling (处理建议) while the record is theirs to write; it is part of what they submit. */
export async function proposeHandling(ctx: RequestContext, globalId: string, input: HandlingInput): Promise<Inspection> {
  const handling = validHandling(input);
  return tenantTx(ctx, async (m) => {
    const record = await loadInspection(m, globalId, true);
    await assertTeamMember(ctx, m, record);
    if (!EDITABLE.includes(record.status)) throw ruleViolation('INSPECTION_STATE', '已提交的检查记录不能修改处理建议');
    await m.update(Inspection, { tenantId: record.tenantId, id: record.id }, { handling });
    await appendAudit(m, actorOf(ctx), {
      action: 'inspection.handling.propose',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', record.id),
      before: record.handling ? { handling: record.handling } : undefined,
      after: { handling },
    });
    record.handling = handling;
    return record;
  });
}

/** SUBMIT asks for the team's proposal. */
export function assertHandlingProposed(record: Inspection): void {
  if (!record.handling) throw badInput([{ field: 'handling', message: '请填写处理建议（处理结果及依据）' }], '检查记录尚未填写处理建议');
}

/**
 * The head's review (PASS_REVIEW) or the leader's approval (APPROVE) may change the handling: the
 * changes to write with the step, the change kept on the record's trail. Nothing when it is the same.
 */
export function handlingChangeBy(
  record: Inspection,
  action: string,
  input: HandlingInput | null | undefined,
  who: { userId: string; userName: string },
  now: Date,
): Partial<Inspection> {
  if (!input) return {};
  if (action !== 'PASS_REVIEW' && action !== 'APPROVE') throw ruleViolation('inspection.handling', '处理建议只能在部门审核或领导审批时修改');
  const after = validHandling(input);
  if (sameHandling(record.handling, after)) return {};
  const change: HandlingChange = { at: now.toISOString(), action, userId: who.userId, userName: who.userName, before: record.handling, after };
  return { handling: after, handlingChanges: [...(record.handlingChanges ?? []), change] };
}

/**
 * The leader's approval makes the handling the record's decision; this acts on it in the approval's
 * transaction: 移送立案查处 / 移交其他部门 send a referral, 纳入信用惩戒 proposes the list entry.
 */
export async function onHandlingDecided(ctx: RequestContext, m: EntityManager, record: Inspection): Promise<void> {
  const decided = record.handling;
  if (!decided) return;
  const inspectionId = toGlobalId('Inspection', record.id);
  switch (decided.outcome) {
    case 'CASE':
    case 'TRANSFER':
      await referInspection(
        ctx,
        {
          inspectionId,
          target: { departmentId: decided.targetDepartmentId, externalName: decided.targetExternalName },
          reason: `${HANDLING_LABELS[decided.outcome]}：${decided.basis}`,
          decidedByLeader: true,
        },
        m,
      );
      return;
    case 'CREDIT':
      if (!record.entityId) throw ruleViolation('inspection.handling', '该检查对象不在本单位名录中，不能纳入信用惩戒名单');
      await proposeCreditEntryIn(m, ctx, {
        entityId: record.entityId,
        list: decided.creditList!,
        reason: record.findings?.trim() || decided.basis,
        legalBasis: decided.basis,
        validUntil: decided.creditValidUntil!,
        sourceInspectionId: record.id,
      });
      return;
    case 'RECTIFY':
      // Opened in the approval's transaction, on the day of the approval: its deadline counts working days
      // on the bureau's calendar from then.
      await openRectification(m, ctx, {
        inspectionId: record.id,
        dueWorkingDays: decided.deadlineWorkdays!,
        basis: decided.basis,
        openedOn: beijingDate(record.approvedAt ?? undefined),
      });
      return;
    case 'NO_PROBLEM':
      return;
  }
}
