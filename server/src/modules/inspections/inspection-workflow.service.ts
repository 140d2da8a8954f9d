import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  COMMENT_REQUIRED,
  DUTY_LABELS,
  FOUR_EYES_RULES,
  INSPECTION_WORKFLOW,
  checkTransition,
  missingForSubmit,
  toGlobalId,
  type InspectionAction,
} from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { AppError, badInput, forbidden, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { assertTeamMember, loadInspection, primeViewerInspectorId } from './inspection-access';
import { unconfirmedMembers } from './inspection-team';
import { DUTY_OF_ACTION, transitionFacts } from './inspection-actions';
import { inspectionReads } from './inspection-reads';
import { noticeOfStep } from './inspection-notices';
import { afterCommit } from '../../db/after-commit';
import { Inspection, InspectionStatus } from './inspection.entity';
import { InspectionStep } from './inspection-step.entity';
import { todayInChina } from './inspection-deadlines';
import { assertInspectionDate } from './inspection-dates';
import { publicationMarks, submissionMarks } from './inspection-late-marks';
import { contentOf } from './inspection.service';
import { sealInspectionEvidence } from '../evidence/evidence.service';
import { assertObjectionsSettled } from '../statements/statement.service';
import { recordPublishedResult } from '../credit/credit-records';
import { assertHandlingProposed, handlingChangeBy, onHandlingDecided } from '../handling/handling.service';
import type { HandlingInput } from '../handling/handling.types';

/**
 * Moves a record through the workflow; each step by its one role, with its comment, audited. The head's
 * review and the leader's approval may change the handling (`handling`); the approval decides it.
 */
export async function transitionInspection(
  ctx: RequestContext,
  globalId: string,
  action: InspectionAction,
  comment?: string | null,
  handling?: HandlingInput | null,
): Promise<Inspection> {
  const viewer = requireViewer(ctx);
  const note = comment?.trim() || null;
  if (note && note.length > 2000) throw badInput([{ field: 'comment', message: '意见不超过 2000 字' }]);
  if (COMMENT_REQUIRED.includes(action) && !note) throw badInput([{ field: 'comment', message: '退回须写明修改意见' }]);
  return tenantTx(ctx, async (m) => {
    const record = await loadInspection(ctx, m, globalId, true);
    const check = checkTransition(INSPECTION_WORKFLOW, record.status, action, viewer.roles);
    if (!check.ok) {
      if (check.reason === 'ROLE_REQUIRED') throw forbidden(check.message);
      throw ruleViolation('INSPECTION_STATE', check.message);
    }
    const duty = DUTY_OF_ACTION[action];
    const facts = await transitionFacts(m, record, duty, viewer);
    primeViewerInspectorId(ctx, facts.inspectorId);
    const changes: Partial<Inspection> = { status: check.to as InspectionStatus };
    const now = new Date();
    if (action === 'SUBMIT') {
      await assertTeamMember(ctx, m, record);
      const missing = missingForSubmit(contentOf(record));
      if (missing.length) throw badInput(missing, '检查记录尚未填写完整');
      assertHandlingProposed(record);
      const names = await unconfirmedMembers(m, record);
      if (names.length)
        throw new AppError('RULE_VIOLATION', `检查组成员尚未确认检查记录：${names.join('、')}`, { rule: 'inspection.confirmations', unconfirmed: names });
      await assertInspectionDate(m, record, record.inspectedOn!);
      await assertObjectionsSettled(m, record);
      Object.assign(changes, await submissionMarks(m, record, todayInChina(now)));
      changes.submittedAt = now;
      await sealInspectionEvidence(m, record);
    }
    // A department head reviews the records of the items of their own department (any, when an item has none).
    if ((action === 'RETURN' || action === 'PASS_REVIEW') && !facts.mayReview) throw forbidden('只能审核本部门负责事项的检查记录');
    if (action === 'PASS_REVIEW') await assertObjectionsSettled(m, record);
    // Four eyes on one record: its report, review, approval and publication are four people's, whatever
    // roles one of them holds (a team member reviews, approves or publishes none of their own records).
    if (!facts.keepsOneDuty) {
      throw ruleViolation(
        FOUR_EYES_RULES.onePerRecord,
        `同一检查记录的填报、审核、审批、公示须由不同的人办理：您已参与本记录的其他环节，不能再办理${DUTY_LABELS[duty]}`,
      );
    }
    if (action === 'APPROVE') changes.approvedAt = now;
    Object.assign(changes, await handlingChangeBy(m, record, action, handling, { userId: viewer.userId, userName: facts.userName ?? viewer.username }, now));
    if (action === 'PUBLISH') Object.assign(changes, { publishedAt: now, ...(await publicationMarks(m, record, todayInChina(now))) });
    const step = await updateWithStep(m, record, changes, {
      tenantId: record.tenantId,
      id: crypto.randomUUID(),
      inspectionId: record.id,
      action,
      toStatus: check.to,
      comment: note,
      userId: viewer.userId,
      userName: facts.userName ?? viewer.username,
    });
    const from = record.status;
    const handlingBefore = record.handling;
    Object.assign(record, changes);
    if (action === 'PUBLISH' && record.correctsId) {
      await m.update(Inspection, { tenantId: record.tenantId, id: record.correctsId }, { correctedById: record.id });
    }
    if (action === 'PUBLISH') await recordPublishedResult(m, record, now);
    if (action === 'APPROVE') await onHandlingDecided(ctx, m, record);
    await noticeOfStep(m, record, action, viewer.userId, note);
    await appendAudit(m, actorOf(ctx), {
      action: `inspection.${action.toLowerCase()}`,
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', record.id),
      before: { status: from, ...(changes.handling ? { handling: handlingBefore } : {}) },
      after: { status: check.to, comment: note, ...(changes.handling ? { handling: changes.handling } : {}) },
    });
    // The answer's fields read the record and its trail from what this transaction holds, once it commits.
    afterCommit(m, () => {
      ctx.loaders.of(Inspection).clear(record.id).prime(record.id, record);
      inspectionReads(ctx)
        .trail.clear(record.id)
        .prime(record.id, { ...facts.trail, steps: [...facts.trail.steps, step] });
    });
    return record;
  });
}

/**
 * The record's changes and its new step, in one statement: TypeORM's own UPDATE (columns, the
 * update date) with the step inserted from its RETURNING. Sets `updatedAt` on the record.
 */
async function updateWithStep(m: EntityManager, record: Inspection, changes: Partial<Inspection>, step: Omit<InspectionStep, 'at'>): Promise<InspectionStep> {
  const [update, parameters] = m
    .createQueryBuilder()
    .update(Inspection)
    .set(changes)
    .where({ tenantId: record.tenantId, id: record.id })
    .returning(['updatedAt'])
    .getQueryAndParameters();
  const n = parameters.length;
  const values = [step.tenantId, step.id, step.inspectionId, step.action, step.toStatus, step.comment, step.userId, step.userName];
  const [row] = (await m.query(
    `WITH updated AS (${update}),
          step AS (INSERT INTO inspection_steps (tenant_id, id, inspection_id, action, to_status, comment, user_id, user_name)
                   SELECT ${values.map((_, i) => `$${n + i + 1}`).join(', ')} FROM updated RETURNING at)
     SELECT updated.updated_at, step.at FROM updated, step`,
    [...parameters, ...values],
  )) as { updated_at: Date; at: Date }[];
  record.updatedAt = row!.updated_at;
  return Object.assign(new InspectionStep(), step, { at: row!.at });
}

/**
 * A published record is never edited: the office opens a correction, a new record linked to it that goes
 * through the whole workflow again; once the correction is published, the original points to it.
 */
export async function correctInspection(ctx: RequestContext, globalId: string, reason: string): Promise<Inspection> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE')) throw forbidden('更正须由领导小组办公室发起');
  const why = reason.trim();
  if (!why || why.length > 2000) throw badInput([{ field: 'reason', message: '请写明更正理由（不超过 2000 字）' }]);
  return tenantTx(ctx, async (m) => {
    const original = await loadInspection(ctx, m, globalId, true);
    if (original.status !== InspectionStatus.PUBLISHED) throw ruleViolation('INSPECTION_STATE', '只有已公示的检查记录需要更正；未公示的记录可直接退回修改');
    if (original.correctedById) throw ruleViolation('INSPECTION_STATE', '该记录已被更正，请更正最新的记录');
    const pending = await m.findOneBy(Inspection, { correctsId: original.id });
    if (pending) throw ruleViolation('INSPECTION_STATE', '该记录已有一份办理中的更正');
    const id = crypto.randomUUID();
    const { tenantId, drawId, seq, taskId, participationId, entityId, entityUscc, entityName, itemIds, teamIds, contentHash, accessCode, accessCodeHash } =
      original;
    await m.insert(Inspection, {
      tenantId,
      id,
      drawId,
      seq,
      taskId,
      participationId,
      entityId,
      entityUscc,
      entityName,
      itemIds,
      teamIds,
      contentHash,
      accessCode,
      accessCodeHash,
      ...contentOf(original),
      handling: original.handling,
      reportDueOn: original.reportDueOn,
      reportDueProvisional: original.reportDueProvisional,
      status: InspectionStatus.DRAFT,
      correctsId: original.id,
      correctionReason: why,
      createdBy: viewer.userId,
    } as never);
    await appendAudit(m, actorOf(ctx), {
      action: 'inspection.correct',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', id),
      after: { corrects: toGlobalId('Inspection', original.id), reason: why },
    });
    return m.findOneByOrFail(Inspection, { tenantId, id });
  });
}
