import type { EntityManager } from 'typeorm';
import { beijingDate, checkHandling, handlingLabel, sameHandling, toGlobalId, type Handling } from '@spotcheck/shared';
import { tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { assertTeamMember, loadInspection } from '../inspections/inspection-access';
import { Inspection, InspectionStatus, type HandlingChange } from '../inspections/inspection.entity';
import { referInspection } from '../referrals/referral.service';
import { proposeCreditEntryIn } from '../credit/credit-lists.service';
import { openRectification } from '../rectifications/rectification.service';
import type { HandlingInput } from './handling.types';
import { activeOwnOutcome } from './own-outcomes.service';

const EDITABLE = [InspectionStatus.DRAFT, InspectionStatus.RETURNED];

/** Validates a handling as given by a form or a transition; a typed BAD_USER_INPUT in Chinese when it is incomplete. */
export function validHandling(input: HandlingInput | Partial<Handling>): Handling {
  const { handling, problems } = checkHandling(input as Partial<Handling>);
  if (!handling) throw badInput(problems, '处理建议填写不完整');
  return handling;
}

/**
 * A handling that names one of the bureau's own outcomes: it must be one a leader approved, and behave
 * as the standard outcome given; its code and label are kept on the record (and published with it).
 */
async function withOwnOutcome(m: EntityManager, tenantId: string, handling: Handling, code: string | null | undefined): Promise<Handling> {
  const wanted = code?.trim();
  if (!wanted) return handling;
  const own = await activeOwnOutcome(m, tenantId, wanted);
  if (!own) throw badInput([{ field: 'ownOutcome', message: '本单位没有该处理结果，或尚未经分管领导审定' }], '处理建议填写不完整');
  if (own.behavesAs !== handling.outcome)
    throw badInput([{ field: 'outcome', message: `“${own.label}”按“${handlingLabel({ outcome: own.behavesAs })}”办理` }], '处理建议填写不完整');
  return { ...handling, ownOutcome: own.code, ownOutcomeLabel: own.label };
}

/** The handling a form or a transition gives, checked whole: its standard part, and the bureau's own outcome it names. */
export async function checkedHandling(m: EntityManager, tenantId: string, input: HandlingInput): Promise<Handling> {
  return withOwnOutcome(m, tenantId, validHandling(input), input.ownOutcome);
}

/** The team proposes the handling (处理建议) while the record is theirs to write; it is part of what they submit. */
export async function proposeHandling(ctx: RequestContext, globalId: string, input: HandlingInput): Promise<Inspection> {
  validHandling(input);
  return tenantTx(ctx, async (m) => {
    const record = await loadInspection(ctx, m, globalId, true);
    await assertTeamMember(ctx, m, record);
    if (!EDITABLE.includes(record.status)) throw ruleViolation('INSPECTION_STATE', '已提交的检查记录不能修改处理建议');
    const handling = await checkedHandling(m, record.tenantId, input);
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
export async function handlingChangeBy(
  m: EntityManager,
  record: Inspection,
  action: string,
  input: HandlingInput | null | undefined,
  who: { userId: string; userName: string },
  now: Date,
): Promise<Partial<Inspection>> {
  if (!input) return {};
  if (action !== 'PASS_REVIEW' && action !== 'APPROVE') throw ruleViolation('inspection.handling', '处理建议只能在部门审核或领导审批时修改');
  const after = await checkedHandling(m, record.tenantId, input);
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
  // The decision may only name an own outcome still approved for this bureau, as it behaves then.
  if (decided.ownOutcome) {
    const own = await activeOwnOutcome(m, record.tenantId, decided.ownOutcome);
    if (!own || own.behavesAs !== decided.outcome) {
      throw ruleViolation('handling.ownOutcome', `处理结果“${decided.ownOutcomeLabel ?? decided.ownOutcome}”不是本单位经审定的处理结果，请修改处理决定`);
    }
  }
  const inspectionId = toGlobalId('Inspection', record.id);
  switch (decided.outcome) {
    case 'CASE':
    case 'TRANSFER':
      await referInspection(
        ctx,
        {
          inspectionId,
          target: { departmentId: decided.targetDepartmentId, externalName: decided.targetExternalName },
          reason: `${handlingLabel(decided)}：${decided.basis}`,
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
