import type { EntityManager } from 'typeorm';
import { beijingDate, fromGlobalUuid, isUuid, toGlobalId } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { addWorkdaysFor } from '../calendar/workdays';
import { lockDecidedRecord } from '../inspections/decided-record';
import { OPEN_RECTIFICATION_STATUSES, Rectification } from './rectification.entity';
import { recheckTeamFor } from './recheck-team';
import { noticeOfRecheckTeam } from './rectification-notices';

/** The longest rectification period a decision may set, in working days. */
export const MAX_RECTIFICATION_WORKDAYS = 180;

export interface OpenRectificationInput {
  /** The record's id: its global id or its uuid. */
  inspectionId: string;
  /** 整改期限, in working days after `openedOn` on the bureau's calendar. */
  dueWorkingDays: number;
  /** 整改要求及依据. */
  basis: string;
  /** The decision's date (YYYY-MM-DD, Beijing); today when absent. */
  openedOn?: string;
}

/**
 * Opens the rectification a 责令整改 decision orders, inside the caller's transaction `m` (scoped to the
 * viewer's bureau), so the decision and its rectification commit together. Only a leader (who decides the
 * handling) or the office (recording a decision already made) may open one, on an approved or published
 * record that is not corrected and has no rectification running.
 */
export async function openRectification(m: EntityManager, ctx: RequestContext, input: OpenRectificationInput): Promise<Rectification> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER') && !viewer.roles.includes('OFFICE')) throw forbidden('责令整改须由分管领导决定');
  const basis = input.basis?.trim() ?? '';
  if (!basis) throw badInput([{ field: 'basis', message: '请填写整改要求及依据' }]);
  if (basis.length > 1000) throw badInput([{ field: 'basis', message: '整改要求及依据不超过 1000 字' }]);
  const days = input.dueWorkingDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_RECTIFICATION_WORKDAYS) {
    throw badInput([{ field: 'dueWorkingDays', message: `整改期限为 1 至 ${MAX_RECTIFICATION_WORKDAYS} 个工作日` }]);
  }
  const openedOn = input.openedOn ?? beijingDate();

  const inspectionId = isUuid(input.inspectionId) ? input.inspectionId.toLowerCase() : fromGlobalUuid(input.inspectionId, 'Inspection');
  const record = await lockDecidedRecord(m, viewer.tenantId, inspectionId, 'RECTIFICATION_RECORD', '责令整改');
  const running = await m
    .createQueryBuilder(Rectification, 'r')
    .where('r.tenant_id = :t AND r.inspection_id = :i AND r.status IN (:...open)', { t: viewer.tenantId, i: record.id, open: OPEN_RECTIFICATION_STATUSES })
    .getCount();
  if (running) throw conflict('该记录已有正在进行的整改');

  const due = await addWorkdaysFor(m, viewer.tenantId, openedOn, days);
  const recheck = await recheckTeamFor(m, viewer.tenantId, record, openedOn, due.date);
  const inserted = await m.insert(Rectification, {
    recheckTeamIds: recheck.teamIds,
    recheckDraw: recheck.draw,
    tenantId: viewer.tenantId,
    inspectionId: record.id,
    basis,
    openedOn,
    dueWorkingDays: days,
    dueOn: due.date,
    openedBy: viewer.userId,
  });
  const id = inserted.identifiers[0].id as string;
  await appendAudit(m, actorOf(ctx), {
    action: 'rectification.open',
    objectType: 'Rectification',
    objectId: toGlobalId('Rectification', id),
    after: {
      inspection: toGlobalId('Inspection', record.id),
      dueWorkingDays: days,
      dueOn: due.date,
      basis,
      recheckTeam: recheck.teamIds,
      ...(recheck.draw ? { recheckDraw: { algorithm: recheck.draw.algorithm, seedHex: recheck.draw.seedHex, poolSize: recheck.draw.pool.length } } : {}),
    },
  });
  await noticeOfRecheckTeam(m, { tenantId: viewer.tenantId, id, inspectionId: record.id }, record.entityName, due.date, recheck.draw !== null, viewer.userId);
  return ownRectification(m, viewer.tenantId, id);
}

/** One of the bureau's rectifications, by its uuid. */
export async function ownRectification(m: EntityManager, tenantId: string, id: string): Promise<Rectification> {
  const row = await m.createQueryBuilder(Rectification, 'r').where('r.tenant_id = :t AND r.id = :id', { t: tenantId, id }).getOne();
  if (!row) throw notFound('整改');
  return row;
}
