import type { EntityManager } from 'typeorm';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { viewerInspectorId } from '../inspections/inspection-access';
import { Inspection } from '../inspections/inspection.entity';
import { todayInChina } from '../inspections/inspection-deadlines';
import { Rectification, RectificationStatus } from './rectification.entity';
import { openRectification, ownRectification } from './rectification.service';
import { noticeOfClosingDecided, noticeOfClosingProposed, noticeOfRecheck } from './rectification-notices';

const MAX_NOTE = 2000;

function note(text: string | null | undefined, field: string, label: string): string {
  const t = text?.trim() ?? '';
  if (!t) throw badInput([{ field, message: `请填写${label}` }]);
  if (t.length > MAX_NOTE) throw badInput([{ field, message: `${label}不超过 ${MAX_NOTE} 字` }]);
  return t;
}

async function locked(m: EntityManager, tenantId: string, globalId: string): Promise<Rectification> {
  const id = fromGlobalUuid(globalId, 'Rectification');
  const row = id
    ? await m.createQueryBuilder(Rectification, 'r').setLock('pessimistic_write').where('r.tenant_id = :t AND r.id = :id', { t: tenantId, id }).getOne()
    : null;
  if (!row) throw notFound('整改');
  return row;
}

function expect(r: Rectification, status: RectificationStatus[], message: string) {
  if (!status.includes(r.status)) throw ruleViolation('RECTIFICATION_STEP', message);
}

async function update(m: EntityManager, r: Rectification, set: Partial<Rectification>) {
  await m.createQueryBuilder().update(Rectification).set(set).where('tenant_id = :t AND id = :id', { t: r.tenantId, id: r.id }).execute();
}

const audit = (ctx: RequestContext, m: EntityManager, r: Rectification, action: string, after: Record<string, unknown>) =>
  appendAudit(m, actorOf(ctx), { action, objectType: 'Rectification', objectId: toGlobalId('Rectification', r.id), after });

/** The office records a 责令整改 already decided (until the handling decision opens it itself). */
export function openRectificationByOffice(ctx: RequestContext, input: { inspectionId: string; dueWorkingDays: number; basis: string }) {
  return tenantTx(ctx, (m) => openRectification(m, ctx, input));
}

/**
 * The re-check, by a member of the re-check team fixed when the rectification opened (the record's own
 * team, or the one drawn at random, as the bureau's rules said then). After the entity's report, or on an
 * overdue rectification with none.
 */
export function recordRecheck(ctx: RequestContext, id: string, passed: boolean, result: string): Promise<Rectification> {
  const viewer = requireViewer(ctx);
  const text = note(result, 'result', '复查结果');
  return tenantTx(ctx, async (m) => {
    const r = await locked(m, viewer.tenantId, id);
    const today = todayInChina(new Date());
    if (!(r.status === RectificationStatus.REPORTED || (r.status === RectificationStatus.OPEN && r.dueOn < today))) {
      throw ruleViolation('RECTIFICATION_STEP', '检查对象报告整改情况后（或整改期限届满后）方可复查');
    }
    const record = await m
      .createQueryBuilder(Inspection, 'i')
      .where('i.tenant_id = :t AND i.id = :id', { t: viewer.tenantId, id: r.inspectionId })
      .getOneOrFail();
    // Rectifications opened before the team was fixed at opening are re-checked by the record's team.
    const team = r.recheckTeamIds.length ? r.recheckTeamIds : record.teamIds;
    const inspector = await viewerInspectorId(ctx, m);
    if (inspector === null || !team.includes(inspector)) throw forbidden('只有复查组成员可以记录复查结果');
    await update(m, r, {
      status: RectificationStatus.RECHECKED,
      recheckResult: text,
      recheckPassed: passed,
      recheckedOn: today,
      recheckedBy: viewer.userId,
      recheckTeamIds: team,
    });
    await audit(ctx, m, r, 'rectification.recheck', { passed, inspector });
    await noticeOfRecheck(m, r, record.entityName, passed, viewer.userId);
    return ownRectification(m, viewer.tenantId, r.id);
  });
}

/** The department head proposes the closing: 整改完成 or 未按期整改. */
export function proposeClosing(ctx: RequestContext, id: string, outcome: RectificationStatus, closingNote: string): Promise<Rectification> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('DEPARTMENT_HEAD')) throw forbidden('办结意见由部门负责人提出');
  if (outcome !== RectificationStatus.DONE && outcome !== RectificationStatus.NOT_DONE) {
    throw badInput([{ field: 'outcome', message: '办结意见为“整改完成”或“未按期整改”' }]);
  }
  const text = note(closingNote, 'note', '办结说明');
  return tenantTx(ctx, async (m) => {
    const r = await locked(m, viewer.tenantId, id);
    expect(r, [RectificationStatus.RECHECKED], '复查后方可提出办结意见');
    if (r.recheckedBy === viewer.userId) throw forbidden('复查人员不能对本人的复查提出办结意见');
    if (outcome === RectificationStatus.DONE && r.recheckPassed === false) {
      throw ruleViolation('RECTIFICATION_STEP', '复查未通过，不能认定整改完成');
    }
    await update(m, r, { status: RectificationStatus.CLOSE_PROPOSED, proposedOutcome: outcome, proposedBy: viewer.userId, closingNote: text });
    await audit(ctx, m, r, 'rectification.propose-closing', { outcome });
    await noticeOfClosingProposed(m, r, viewer.userId);
    return ownRectification(m, viewer.tenantId, r.id);
  });
}

/** A leader approves the head's closing (not one's own proposal), or sends it back to the head. */
export function decideClosing(ctx: RequestContext, id: string, approve: boolean): Promise<Rectification> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('整改办结由分管领导审批');
  return tenantTx(ctx, async (m) => {
    const r = await locked(m, viewer.tenantId, id);
    expect(r, [RectificationStatus.CLOSE_PROPOSED], '没有待审批的办结意见');
    const proposer = r.proposedBy;
    if (r.proposedBy === viewer.userId || r.recheckedBy === viewer.userId) throw forbidden('不能审批本人提出的办结意见或本人的复查');
    if (approve) {
      await update(m, r, { status: r.proposedOutcome!, closedOn: todayInChina(new Date()), approvedBy: viewer.userId });
    } else {
      await update(m, r, { status: RectificationStatus.RECHECKED, proposedOutcome: null, proposedBy: null });
    }
    await audit(ctx, m, r, approve ? 'rectification.close' : 'rectification.return-closing', { outcome: r.proposedOutcome });
    await noticeOfClosingDecided(m, r, proposer, approve, viewer.userId);
    return ownRectification(m, viewer.tenantId, r.id);
  });
}

/** The record's rectifications, newest first. */
export function rectificationsOfInspection(ctx: RequestContext, inspectionGlobalId: string): Promise<Rectification[]> {
  const viewer = requireViewer(ctx);
  const id = fromGlobalUuid(inspectionGlobalId, 'Inspection');
  if (!id) throw notFound('检查记录');
  return readTx(ctx, (m) =>
    m
      .createQueryBuilder(Rectification, 'r')
      .where('r.tenant_id = :t AND r.inspection_id = :id', { t: viewer.tenantId, id })
      .orderBy('r.created_at', 'DESC')
      .getMany(),
  );
}

/** Rectifications past their deadline without the entity's report: what the dashboards count. */
export function overdueRectificationCount(ctx: RequestContext): Promise<number> {
  const viewer = requireViewer(ctx);
  return readTx(ctx, (m) =>
    m
      .createQueryBuilder(Rectification, 'r')
      .where('r.tenant_id = :t AND r.status = :open AND r.due_on < :today', {
        t: viewer.tenantId,
        open: RectificationStatus.OPEN,
        today: todayInChina(new Date()),
      })
      .getCount(),
  );
}
