import type { EntityManager } from 'typeorm';
import { CREDIT_LIST_LABELS, beijingDate, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { inTenant } from '../../db/tenancy';
import { requireViewer, tenantTx, type AppServices, type RequestContext } from '../../graphql/context';
import { badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import type { CodeScope } from '../statements/access-code-lookup';
import { CreditEntryStatus, CreditListEntry } from './credit-list-entry.entity';
import { CreditRepairRequest, CreditRepairStatus } from './credit-repair-request.entity';
import { currentRules, refreshCreditStatuses } from './credit-status';
import type { EntityCreditEntry } from './credit-list.types';

const MAX_REASONS = 5000;
const OPEN = [CreditRepairStatus.SUBMITTED, CreditRepairStatus.GRANTED];

/** The entity of an access code: the one of the code's record (a record of an entity outside the directory has none). */
async function entityOfCode(m: EntityManager, scope: CodeScope): Promise<string | null> {
  const [row] = (await m.query(`SELECT entity_id FROM inspections WHERE tenant_id = $1 AND id = $2`, [scope.tenantId, scope.inspectionId])) as {
    entity_id: string | null;
  }[];
  return row?.entity_id ?? null;
}

async function usersWithRole(m: EntityManager, tenantId: string, role: string, except: string | null): Promise<string[]> {
  const rows = (await m.query(`SELECT id FROM users WHERE tenant_id = $1 AND $2 = ANY(roles) AND ($3::uuid IS NULL OR id <> $3)`, [
    tenantId,
    role,
    except,
  ])) as { id: string }[];
  return rows.map((r) => r.id);
}

/** What the entity sees through its code: its entries in force on the bureau's lists, with its repair requests. */
export function entityCreditEntries(app: AppServices, scope: CodeScope): Promise<EntityCreditEntry[]> {
  return inTenant(app.db, scope.tenantId, async (m) => {
    const entityId = await entityOfCode(m, scope);
    if (!entityId) return [];
    const today = beijingDate();
    const entries = (await m.query(
      `SELECT id, list, reason, legal_basis, decided_on::text AS decided_on, valid_until::text AS valid_until FROM credit_list_entries
        WHERE tenant_id = $1 AND entity_id = $2 AND status = 'APPROVED' AND decided_on <= $3 AND valid_until >= $3
        ORDER BY decided_on DESC, id`,
      [scope.tenantId, entityId, today],
    )) as Record<string, any>[];
    const repairs = entries.length
      ? ((await m.query(
          `SELECT id, entry_id, reasons, status, submitted_at, decision_note, review_comment FROM credit_repair_requests WHERE tenant_id = $1 AND entry_id = ANY($2) ORDER BY submitted_at DESC, id`,
          [scope.tenantId, entries.map((e) => e.id)],
        )) as Record<string, any>[])
      : [];
    return entries.map((e) => ({
      id: toGlobalId('CreditListEntry', e.id),
      list: e.list,
      reason: e.reason,
      legalBasis: e.legal_basis,
      decidedOn: e.decided_on,
      validUntil: e.valid_until,
      repairs: repairs
        .filter((r) => r.entry_id === e.id)
        .map((r) => ({
          id: toGlobalId('CreditRepairRequest', r.id),
          reasons: r.reasons,
          status: r.status,
          submittedAt: r.submitted_at,
          note: r.status === CreditRepairStatus.RETURNED ? r.review_comment : r.decision_note,
        })),
    }));
  });
}

/**
 * 信用修复申请: the entity asks, through its access code, to end one of its entries in force early, with
 * its reasons. One open request per entry; the office decides, a leader approves.
 */
export function requestCreditRepair(
  app: AppServices,
  scope: CodeScope,
  entryGlobalId: string,
  reasons: string,
  requestId: string | null,
): Promise<EntityCreditEntry[]> {
  const body = (reasons ?? '').trim();
  if (!body) throw badInput([{ field: 'reasons', message: '请写明申请信用修复的理由' }]);
  if (body.length > MAX_REASONS) throw badInput([{ field: 'reasons', message: `不超过 ${MAX_REASONS} 字` }]);
  const entryId = fromGlobalUuid(entryGlobalId, 'CreditListEntry');
  return inTenant(app.db, scope.tenantId, async (m) => {
    const entityId = await entityOfCode(m, scope);
    const entry =
      entryId && entityId
        ? await m
            .createQueryBuilder(CreditListEntry, 'c')
            .where('c.tenant_id = :tenantId AND c.id = :entryId AND c.entity_id = :entityId', { tenantId: scope.tenantId, entryId, entityId })
            .setLock('pessimistic_write')
            .getOne()
        : null;
    if (!entry) throw notFound('名单条目');
    const today = beijingDate();
    if (entry.status !== CreditEntryStatus.APPROVED || entry.decidedOn > today || entry.validUntil < today) {
      throw ruleViolation('credit.repairState', '该名单条目不在公示期内，无需申请信用修复');
    }
    const [open] = (await m.query(`SELECT id FROM credit_repair_requests WHERE tenant_id = $1 AND entry_id = $2 AND status = ANY($3) LIMIT 1`, [
      scope.tenantId,
      entry.id,
      OPEN,
    ])) as { id: string }[];
    if (open) throw ruleViolation('credit.repairPending', '该名单条目已有一项信用修复申请正在办理');
    const [{ id }] = (await m.query(`INSERT INTO credit_repair_requests (tenant_id, entry_id, inspection_id, reasons) VALUES ($1, $2, $3, $4) RETURNING id`, [
      scope.tenantId,
      entry.id,
      scope.inspectionId,
      body,
    ])) as { id: string }[];
    await appendAudit(
      m,
      { tenantId: scope.tenantId, userId: null, username: null, requestId },
      {
        action: 'credit.repair.request',
        objectType: 'CreditListEntry',
        objectId: toGlobalId('CreditListEntry', entry.id),
        after: { request: toGlobalId('CreditRepairRequest', id), by: 'entity', reasons: body },
      },
    );
    await notify(m, {
      tenantId: scope.tenantId,
      userIds: await usersWithRole(m, scope.tenantId, 'OFFICE', null),
      kind: 'CREDIT_REPAIR_REQUESTED',
      title: `${entry.entityName} 申请${CREDIT_LIST_LABELS[entry.list]}信用修复`,
      body,
      link: '/credit-lists',
    });
    return [];
  }).then(() => entityCreditEntries(app, scope));
}

async function lockedRequest(m: EntityManager, tenantId: string, globalId: string): Promise<{ request: CreditRepairRequest; entry: CreditListEntry }> {
  const id = fromGlobalUuid(globalId, 'CreditRepairRequest');
  const request = id
    ? await m
        .createQueryBuilder(CreditRepairRequest, 'r')
        .where('r.tenant_id = :tenantId AND r.id = :id', { tenantId, id })
        .setLock('pessimistic_write')
        .getOne()
    : null;
  if (!request) throw notFound('信用修复申请');
  const entry = await m.findOneByOrFail(CreditListEntry, { tenantId, id: request.entryId });
  return { request, entry };
}

/** 办公室决定: the office grants a request (then a leader approves) or refuses it, with its note. */
export function decideCreditRepair(ctx: RequestContext, globalId: string, grant: boolean, note: string | null): Promise<CreditRepairRequest> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE')) throw forbidden('信用修复申请由领导小组办公室决定');
  const text = note?.trim() || null;
  if (!text) throw badInput([{ field: 'note', message: '请填写决定意见' }]);
  if (text.length > MAX_REASONS) throw badInput([{ field: 'note', message: `不超过 ${MAX_REASONS} 字` }]);
  const tenantId = viewer.tenantId;
  return tenantTx(ctx, async (m) => {
    const { request, entry } = await lockedRequest(m, tenantId, globalId);
    if (request.status !== CreditRepairStatus.SUBMITTED) throw ruleViolation('credit.repairState', '该信用修复申请已作出决定');
    const status = grant ? CreditRepairStatus.GRANTED : CreditRepairStatus.REFUSED;
    await m.update(CreditRepairRequest, { tenantId, id: request.id }, { status, decidedBy: viewer.userId, decidedAt: new Date(), decisionNote: text });
    await appendAudit(m, actorOf(ctx), {
      action: grant ? 'credit.repair.grant' : 'credit.repair.refuse',
      objectType: 'CreditRepairRequest',
      objectId: toGlobalId('CreditRepairRequest', request.id),
      before: { status: request.status },
      after: { status, note: text },
    });
    if (grant) {
      await notify(m, {
        tenantId,
        userIds: await usersWithRole(m, tenantId, 'LEADER', viewer.userId),
        kind: 'CREDIT_REPAIR_GRANTED',
        title: `${entry.entityName} 的信用修复经办公室同意，等待审批`,
        body: text,
        link: '/workbench',
      });
    }
    return m.findOneByOrFail(CreditRepairRequest, { tenantId, id: request.id });
  });
}

/**
 * 领导审批: a leader — not the one who made the office's decision — approves the grant, and the entry
 * ends today (it leaves the public list and the draws' weights), or does not approve it, with a comment.
 */
export function reviewCreditRepair(ctx: RequestContext, globalId: string, approve: boolean, comment: string | null): Promise<CreditRepairRequest> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('信用修复须由分管领导审批');
  const text = comment?.trim() || null;
  if (!approve && !text) throw badInput([{ field: 'comment', message: '不同意须填写意见' }]);
  const tenantId = viewer.tenantId;
  return tenantTx(ctx, async (m) => {
    const { request, entry } = await lockedRequest(m, tenantId, globalId);
    if (request.decidedBy === viewer.userId) throw forbidden('不能审批本人作出的信用修复决定');
    if (request.status !== CreditRepairStatus.GRANTED) throw ruleViolation('credit.repairState', '该信用修复申请不在待审批状态');
    const now = new Date();
    const status = approve ? CreditRepairStatus.APPROVED : CreditRepairStatus.RETURNED;
    await m.update(CreditRepairRequest, { tenantId, id: request.id }, { status, reviewedBy: viewer.userId, reviewedAt: now, reviewComment: text });
    if (approve) {
      await m.update(
        CreditListEntry,
        { tenantId, id: entry.id },
        { status: CreditEntryStatus.REPAIRED, endedOn: beijingDate(now), endedByRepairId: request.id },
      );
      await refreshCreditStatuses(m, await currentRules(m), [entry.entityId], now);
    }
    await appendAudit(m, actorOf(ctx), {
      action: approve ? 'credit.repair.approve' : 'credit.repair.return',
      objectType: 'CreditRepairRequest',
      objectId: toGlobalId('CreditRepairRequest', request.id),
      before: { status: request.status, entry: { status: entry.status } },
      after: { status, comment: text, entry: approve ? { status: CreditEntryStatus.REPAIRED, endedOn: beijingDate(now) } : undefined },
    });
    await notify(m, {
      tenantId,
      userIds: request.decidedBy ? [request.decidedBy] : [],
      kind: approve ? 'CREDIT_REPAIR_APPROVED' : 'CREDIT_REPAIR_RETURNED',
      title: `${entry.entityName} 的信用修复${approve ? '已批准，已移出名单' : '未获批准'}`,
      body: text,
      link: '/credit-lists',
    });
    return m.findOneByOrFail(CreditRepairRequest, { tenantId, id: request.id });
  });
}
