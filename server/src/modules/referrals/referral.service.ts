import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { FOUR_EYES_RULES, beijingDate, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { addWorkdaysFor } from '../calendar/workdays';
import { EvidenceFile } from '../evidence/evidence-file.entity';
import { lockDecidedRecord } from '../inspections/decided-record';
import { resultCategoryOf } from '../inspections/result-categories';
import { OPEN_REFERRAL_STATUSES, Referral, ReferralStatus, ReferralTargetKind } from './referral.entity';
import { resolveReferralTarget, type ReferralTargetInput } from './referral-target';
import { noticeAcrossReferral } from './referral-notices';

/** Working days the receiver has to accept or return a referral, on the calendar of whoever must act (see sentDates). */
export const REFERRAL_ACCEPT_WORKDAYS = 5;

export interface ReferInspectionInput {
  /** The record's global id. */
  inspectionId: string;
  target: ReferralTargetInput;
  /** 移送理由及依据. */
  reason: string;
  /**
   * True when the caller is the leader deciding the record's handling (移送立案查处 / 移交其他部门): the
   * decision is the approval, and the referral is sent at once. Otherwise the office proposes it and a
   * leader approves it (approveReferral).
   */
  decidedByLeader?: boolean;
}

/**
 * Refers an approved or published record whose findings call for it. Given `m` (a transaction scoped to
 * the viewer's bureau, e.g. the one deciding the record's handling), it runs there, so the decision and
 * its referral commit together; else in a transaction of its own.
 */
export function referInspection(ctx: RequestContext, input: ReferInspectionInput, m?: EntityManager): Promise<Referral> {
  return m ? refer(ctx, m, input) : tenantTx(ctx, (tx) => refer(ctx, tx, input));
}

async function refer(ctx: RequestContext, m: EntityManager, input: ReferInspectionInput): Promise<Referral> {
  const viewer = requireViewer(ctx);
  if (input.decidedByLeader ? !viewer.roles.includes('LEADER') : !viewer.roles.includes('OFFICE')) {
    throw forbidden(input.decidedByLeader ? '移送决定须由分管领导作出' : '移送由领导小组办公室提出');
  }
  const reason = input.reason?.trim() ?? '';
  if (!reason) throw badInput([{ field: 'reason', message: '请填写移送理由及依据' }]);
  if (reason.length > 1000) throw badInput([{ field: 'reason', message: '移送理由不超过 1000 字' }]);
  const inspectionId = fromGlobalUuid(input.inspectionId, 'Inspection');
  const record = await lockDecidedRecord(m, viewer.tenantId, inspectionId, 'REFERRAL_RECORD', '移送');
  const category = record.resultCategory ? await resultCategoryOf(m, record.resultCategory) : null;
  if (!record.findings?.trim() || category?.problem === false) throw ruleViolation('REFERRAL_RECORD', '该记录未发现问题，无需移送');
  const target = await resolveReferralTarget(m, viewer.tenantId, input.target);
  const open = await m
    .createQueryBuilder(Referral, 'r')
    .where('r.tenant_id = :t AND r.inspection_id = :i AND r.status IN (:...open)', { t: viewer.tenantId, i: record.id, open: OPEN_REFERRAL_STATUSES })
    .andWhere(target.departmentId ? 'r.target_department_id = :d' : 'r.target_kind = :k AND r.target_bureau_name = :n', {
      d: target.departmentId,
      k: ReferralTargetKind.EXTERNAL,
      n: target.bureauName,
    })
    .getCount();
  if (open) throw conflict(`该记录已移送${target.bureauName}${target.departmentName ?? ''}，尚未办结`);
  const evidence = await m.find(EvidenceFile, { where: { tenantId: viewer.tenantId, inspectionId: record.id }, order: { createdAt: 'ASC' } });

  const id = crypto.randomUUID();
  const now = new Date();
  await m.insert(Referral, {
    tenantId: viewer.tenantId,
    id,
    inspectionId: record.id,
    status: ReferralStatus.PROPOSED,
    targetKind: target.kind,
    targetTenantId: target.tenantId,
    targetDepartmentId: target.departmentId,
    targetBureauName: target.bureauName,
    targetDepartmentName: target.departmentName,
    reason,
    entityName: record.entityName,
    entityUscc: record.entityUscc,
    findings: record.findings!.trim(),
    resultLabel: category?.label ?? null,
    inspectedOn: record.inspectedOn,
    evidence: evidence.map((e) => ({ fileName: e.fileName, contentType: e.contentType, size: e.size, sha256: e.sha256 })),
    proposedBy: viewer.userId,
    proposedAt: now,
  });
  await appendAudit(m, actorOf(ctx), {
    action: 'referral.propose',
    objectType: 'Referral',
    objectId: toGlobalId('Referral', id),
    after: { inspection: toGlobalId('Inspection', record.id), to: [target.bureauName, target.departmentName].filter(Boolean).join(' '), reason },
  });
  if (input.decidedByLeader) await send(ctx, m, id, null);
  return ownReferral(m, viewer.tenantId, id);
}

/** The office proposes a referral of a record; a leader approves it before it leaves. */
export function proposeReferral(ctx: RequestContext, input: ReferInspectionInput): Promise<Referral> {
  return referInspection(ctx, { ...input, decidedByLeader: false });
}

/** A leader approves a proposed referral, which sends it. */
export function approveReferral(ctx: RequestContext, globalId: string): Promise<Referral> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('移送须经分管领导审批');
  return tenantTx(ctx, async (m) => {
    const referral = await lockProposed(m, viewer.tenantId, globalId);
    if (referral.proposedBy === viewer.userId) throw ruleViolation(FOUR_EYES_RULES.onePerRecord, '提出移送的人不能审批自己的移送');
    await send(ctx, m, referral.id, null);
    return ownReferral(m, viewer.tenantId, referral.id);
  });
}

/** A leader declines a proposed referral, with the reason. */
export function rejectReferral(ctx: RequestContext, globalId: string, note: string): Promise<Referral> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('移送须经分管领导审批');
  const text = note?.trim() ?? '';
  if (!text) throw badInput([{ field: 'note', message: '不同意移送请说明理由' }]);
  if (text.length > 500) throw badInput([{ field: 'note', message: '审批意见不超过 500 字' }]);
  return tenantTx(ctx, async (m) => {
    const referral = await lockProposed(m, viewer.tenantId, globalId);
    if (referral.proposedBy === viewer.userId) throw ruleViolation(FOUR_EYES_RULES.onePerRecord, '提出移送的人不能审批自己的移送');
    await m.update(
      Referral,
      { tenantId: viewer.tenantId, id: referral.id },
      { status: ReferralStatus.REJECTED, decidedBy: viewer.userId, decidedAt: new Date(), decisionNote: text },
    );
    await appendAudit(m, actorOf(ctx), {
      action: 'referral.reject',
      objectType: 'Referral',
      objectId: toGlobalId('Referral', referral.id),
      after: { note: text },
    });
    return ownReferral(m, viewer.tenantId, referral.id);
  });
}

/** The office withdraws its proposal before the leader decides. */
export function withdrawReferral(ctx: RequestContext, globalId: string): Promise<Referral> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE')) throw forbidden('移送由领导小组办公室提出和撤回');
  return tenantTx(ctx, async (m) => {
    const referral = await lockProposed(m, viewer.tenantId, globalId);
    await m.update(Referral, { tenantId: viewer.tenantId, id: referral.id }, { status: ReferralStatus.WITHDRAWN });
    await appendAudit(m, actorOf(ctx), { action: 'referral.withdraw', objectType: 'Referral', objectId: toGlobalId('Referral', referral.id) });
    return ownReferral(m, viewer.tenantId, referral.id);
  });
}

/** Sends a referral: dated today (Beijing), due for acceptance after REFERRAL_ACCEPT_WORKDAYS, and announced to the receiver. */
async function send(ctx: RequestContext, m: EntityManager, id: string, note: string | null): Promise<void> {
  const viewer = requireViewer(ctx);
  const referral = await ownReferral(m, viewer.tenantId, id);
  const sentOn = beijingDate();
  const due = await acceptDueOn(m, viewer.tenantId, referral.targetKind, sentOn);
  await m.update(
    Referral,
    { tenantId: viewer.tenantId, id },
    { status: ReferralStatus.SENT, decidedBy: viewer.userId, decidedAt: new Date(), decisionNote: note, sentOn, acceptDueOn: due.date },
  );
  await appendAudit(m, actorOf(ctx), {
    action: 'referral.send',
    objectType: 'Referral',
    objectId: toGlobalId('Referral', id),
    after: { sentOn, acceptDueOn: due.date },
  });
  await noticeAcrossReferral(m, id, {
    to: 'RECEIVER',
    step: 'SENT',
    kind: 'REFERRAL_RECEIVED',
    title: `收到移送案件：${referral.entityName}`,
    body: `${referral.targetKind === ReferralTargetKind.BUREAU ? '其他单位' : '本单位'}移送的检查发现问题，请于 ${due.date} 前接收或退回。`,
    link: `/referrals/${toGlobalId('Referral', id)}`,
    except: viewer.userId,
  });
}

/**
 * The day by which the receiver accepts or returns a referral sent on `sentOn`: REFERRAL_ACCEPT_WORKDAYS
 * working days later, on the referring bureau's calendar within the bureau; across bureaus on the
 * national calendar (another bureau's local days are behind its wall). `m` runs in the referring bureau's scope.
 */
export function acceptDueOn(m: EntityManager, tenantId: string, kind: ReferralTargetKind, sentOn: string) {
  return addWorkdaysFor(m, kind === ReferralTargetKind.BUREAU ? null : tenantId, sentOn, REFERRAL_ACCEPT_WORKDAYS);
}

async function lockProposed(m: EntityManager, tenantId: string, globalId: string): Promise<Referral> {
  const id = fromGlobalUuid(globalId, 'Referral');
  const referral = id
    ? await m.createQueryBuilder(Referral, 'r').setLock('pessimistic_write').where('r.tenant_id = :t AND r.id = :id', { t: tenantId, id }).getOne()
    : null;
  if (!referral) throw notFound('移送');
  if (referral.status !== ReferralStatus.PROPOSED) throw ruleViolation('REFERRAL_STATE', '该移送已审批或已撤回');
  return referral;
}

function ownReferral(m: EntityManager, tenantId: string, id: string): Promise<Referral> {
  return m.findOneByOrFail(Referral, { tenantId, id });
}
