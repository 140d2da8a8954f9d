import type { EntityManager } from 'typeorm';
import { CREDIT_LIST_LABELS, beijingDate, fromGlobalUuid, toGlobalId, type CreditListKind } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';

import { CreditEntryStatus, CreditListEntry } from './credit-list-entry.entity';
import { currentRules, refreshCreditStatuses } from './credit-status';

const MAX_TEXT = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a 信用惩戒 entry is proposed with (by the office's form, or by a handling decision 纳入信用惩戒). */
export interface CreditEntryProposal {
  /** The entity's global id (MarketEntity) or its uuid. */
  entityId: string;
  list: CreditListKind;
  reason: string;
  legalBasis: string;
  /** The decision date; today (Beijing) when absent. */
  decidedOn?: string | null;
  /** The last day of the period. */
  validUntil: string;
  /** The inspection record (uuid or global id) whose handling decision proposes it. */
  sourceInspectionId?: string | null;
}

function text(value: string | null | undefined, field: string, label: string): string {
  const v = (value ?? '').trim();
  if (!v) throw badInput([{ field, message: `请填写${label}` }]);
  if (v.length > MAX_TEXT) throw badInput([{ field, message: `${label}不超过 ${MAX_TEXT} 字` }]);
  return v;
}

function uuidOf(value: string, type: string): string | null {
  return /^[0-9a-f-]{36}$/.test(value) ? value : fromGlobalUuid(value, type);
}

/**
 * Proposes an entry of the bureau's 黑名单 or 重点关注名单, waiting for a leader's approval (who must not
 * be the proposer). Runs in the caller's transaction when `m` is given: the inspection module's handling
 * decision 纳入信用惩戒 calls it so, inside its own decision's transaction.
 */
export async function proposeCreditEntryIn(m: EntityManager, ctx: RequestContext, input: CreditEntryProposal): Promise<CreditListEntry> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE') && !viewer.roles.includes('LEADER')) throw forbidden('信用惩戒名单由领导小组办公室提出');
  if (input.list !== 'BLACKLIST' && input.list !== 'WATCH') throw badInput([{ field: 'list', message: '名单种类无效' }]);
  const reason = text(input.reason, 'reason', '列入理由');
  const legalBasis = text(input.legalBasis, 'legalBasis', '法律依据');
  const decidedOn = input.decidedOn?.trim() || beijingDate();
  if (!DATE.test(decidedOn)) throw badInput([{ field: 'decidedOn', message: '日期格式应为 YYYY-MM-DD' }]);
  if (!DATE.test(input.validUntil ?? '')) throw badInput([{ field: 'validUntil', message: '日期格式应为 YYYY-MM-DD' }]);
  if (input.validUntil <= decidedOn) throw ruleViolation('credit.period', '名单期限须晚于决定日期');
  const entityId = uuidOf(input.entityId, 'MarketEntity');
  const sourceInspectionId = input.sourceInspectionId ? uuidOf(input.sourceInspectionId, 'Inspection') : null;
  if (input.sourceInspectionId && !sourceInspectionId) throw badInput([{ field: 'sourceInspectionId', message: '编号无效' }]);
  const tenantId = viewer.tenantId;
  const [entity] = entityId
    ? ((await m.query(`SELECT id, name, uscc FROM market_entities WHERE tenant_id = $1 AND id = $2`, [tenantId, entityId])) as {
        id: string;
        name: string;
        uscc: string;
      }[])
    : [];
  if (!entity) throw notFound('检查对象');
  // One open entry per entity and list: waiting, or approved and not yet over.
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7264))`, [`credit:${tenantId}:${entity.id}`]);
  const [open] = (await m.query(
    `SELECT id FROM credit_list_entries WHERE tenant_id = $1 AND entity_id = $2 AND list = $3
        AND (status = 'PENDING' OR (status = 'APPROVED' AND valid_until >= $4)) LIMIT 1`,
    [tenantId, entity.id, input.list, beijingDate()],
  )) as { id: string }[];
  if (open) throw ruleViolation('credit.duplicate', `该对象已在${CREDIT_LIST_LABELS[input.list]}上或正待审批，不能重复列入`);
  if (sourceInspectionId) {
    const [record] = (await m.query(`SELECT entity_id FROM inspections WHERE tenant_id = $1 AND id = $2`, [tenantId, sourceInspectionId])) as {
      entity_id: string | null;
    }[];
    if (!record) throw notFound('检查记录');
    if (record.entity_id !== entity.id) throw ruleViolation('credit.source', '检查记录的对象与名单对象不一致');
  }
  const [{ id }] = (await m.query(
    `INSERT INTO credit_list_entries (tenant_id, entity_id, entity_name, entity_uscc, list, reason, legal_basis, decided_on, valid_until, source_inspection_id, proposed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [tenantId, entity.id, entity.name, entity.uscc, input.list, reason, legalBasis, decidedOn, input.validUntil, sourceInspectionId, viewer.userId],
  )) as { id: string }[];
  await appendAudit(m, actorOf(ctx), {
    action: 'credit.propose',
    objectType: 'CreditListEntry',
    objectId: toGlobalId('CreditListEntry', id),
    after: { entity: entity.uscc, list: input.list, reason, legalBasis, decidedOn, validUntil: input.validUntil, sourceInspectionId },
  });
  const leaders = (await m.query(`SELECT id FROM users WHERE tenant_id = $1 AND 'LEADER' = ANY(roles) AND id <> $2`, [tenantId, viewer.userId])) as {
    id: string;
  }[];
  await notify(m, {
    tenantId,
    userIds: leaders.map((l) => l.id),
    kind: 'CREDIT_ENTRY_PROPOSED',
    title: `${entity.name} 拟列入${CREDIT_LIST_LABELS[input.list]}，等待审批`,
    body: reason,
    link: '/credit-lists',
  });
  return m.findOneByOrFail(CreditListEntry, { tenantId, id });
}

/**
 * The one service function other modules call to put an entity on a list (the handling decision
 * 纳入信用惩戒 of an inspection record, with `sourceInspectionId`): a proposal in its own transaction,
 * waiting for a leader's approval like any other.
 */
export function proposeCreditEntry(ctx: RequestContext, input: CreditEntryProposal): Promise<CreditListEntry> {
  return tenantTx(ctx, (m) => proposeCreditEntryIn(m, ctx, input));
}

/** 领导审批: a leader, never the proposer, approves an entry (in force from its decision date) or rejects it with a comment. */
export function reviewCreditEntry(ctx: RequestContext, globalId: string, approve: boolean, comment: string | null): Promise<CreditListEntry> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('信用惩戒名单须由分管领导审批');
  const note = comment?.trim() || null;
  if (!approve && !note) throw badInput([{ field: 'comment', message: '不予批准须填写意见' }]);
  if (note && note.length > MAX_TEXT) throw badInput([{ field: 'comment', message: `意见不超过 ${MAX_TEXT} 字` }]);
  const id = fromGlobalUuid(globalId, 'CreditListEntry');
  const tenantId = viewer.tenantId;
  return tenantTx(ctx, async (m) => {
    const entry = id
      ? await m.createQueryBuilder(CreditListEntry, 'c').where('c.tenant_id = :tenantId AND c.id = :id', { tenantId, id }).setLock('pessimistic_write').getOne()
      : null;
    if (!entry) throw notFound('名单条目');
    if (entry.proposedBy === viewer.userId) throw forbidden('不能审批本人提出的名单条目');
    if (entry.status !== CreditEntryStatus.PENDING) throw ruleViolation('credit.entryState', '该名单条目已审批');
    const status = approve ? CreditEntryStatus.APPROVED : CreditEntryStatus.REJECTED;
    await m.update(CreditListEntry, { tenantId, id: entry.id }, { status, reviewedBy: viewer.userId, reviewedAt: new Date(), reviewComment: note });
    await appendAudit(m, actorOf(ctx), {
      action: approve ? 'credit.approve' : 'credit.reject',
      objectType: 'CreditListEntry',
      objectId: toGlobalId('CreditListEntry', entry.id),
      before: { status: entry.status },
      after: { status, comment: note },
    });
    await notify(m, {
      tenantId,
      userIds: [entry.proposedBy],
      kind: approve ? 'CREDIT_ENTRY_APPROVED' : 'CREDIT_ENTRY_REJECTED',
      title: `${entry.entityName} 列入${CREDIT_LIST_LABELS[entry.list]}${approve ? '已批准' : '未批准'}`,
      body: note,
      link: '/credit-lists',
    });
    if (approve) await refreshCreditStatuses(m, await currentRules(m), [entry.entityId]);
    return m.findOneByOrFail(CreditListEntry, { tenantId, id: entry.id });
  });
}
