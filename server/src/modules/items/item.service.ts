import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { INSPECTION_METHOD, Ratio, asSubject, fromGlobalUuid, labelProblems, toGlobalId, type FieldProblem } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { resolveRef } from '../../lib/resolve-ref';
import { Department } from '../departments/department.entity';
import { InspectionItem, ItemCategory, ItemStatus } from './inspection-item.entity';
import { InspectionItemVersion } from './inspection-item-version.entity';

export interface ItemInput {
  departmentId?: string | null;
  name?: string | null;
  legalBasis?: string | null;
  inspectingBody?: string | null;
  content?: string | null;
  category?: ItemCategory | null;
  targetType?: string | null;
  minRatio?: string | null;
  frequencyPerYear?: number | null;
  methods?: string[] | null;
  remarks?: string | null;
}

const EDITABLE = ['name', 'legalBasis', 'inspectingBody', 'content', 'category', 'targetType', 'minRatio', 'frequencyPerYear', 'methods', 'remarks'] as const;

/** Items are kept by the office (the whole list) and by the head of the item's department. */
function canEdit(ctx: RequestContext, departmentId: string | null): boolean {
  const viewer = requireViewer(ctx);
  if (ctx.ability.can('manage', asSubject('Department', { tenantId: viewer.tenantId }))) return true;
  return viewer.roles.includes('DEPARTMENT_HEAD') && departmentId !== null && departmentId === viewer.departmentId;
}

export async function createItem(ctx: RequestContext, input: ItemInput, reason: string | null): Promise<InspectionItem> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const departmentId = await resolveDepartment(m, input.departmentId);
    if (!canEdit(ctx, departmentId)) throw forbidden('只有领导小组办公室或本部门负责人可以维护抽查事项');
    const values = validate(input, true);
    const [{ next }] = (await m.query('SELECT coalesce(max(position), 0) + 1 AS next FROM inspection_items')) as { next: number }[];
    const item = m.create(InspectionItem, {
      ...values,
      position: next,
      tenantId: viewer.tenantId,
      id: crypto.randomUUID(),
      departmentId,
      version: 1,
      status: ItemStatus.DRAFT,
    } as InspectionItem);
    await m.insert(InspectionItem, item);
    await recordVersion(ctx, m, item, 'create', reason);
    return m.findOneByOrFail(InspectionItem, { tenantId: item.tenantId, id: item.id });
  });
}

export async function updateItem(ctx: RequestContext, globalId: string, input: ItemInput, reason: string | null): Promise<InspectionItem> {
  return tenantTx(ctx, async (m) => {
    const item = await load(m, globalId);
    if (!canEdit(ctx, item.departmentId)) throw forbidden('只有领导小组办公室或本部门负责人可以维护抽查事项');
    const changes: Partial<InspectionItem> = validate(input, false);
    if (input.departmentId !== undefined) {
      changes.departmentId = await resolveDepartment(m, input.departmentId);
      if (!canEdit(ctx, changes.departmentId)) throw forbidden();
    }
    if (!reasonGiven(reason) && item.status === ItemStatus.PUBLISHED) {
      throw badInput([{ field: 'reason', message: '修改已公布的事项须说明理由（如法律法规或权责清单调整）' }]);
    }
    Object.assign(item, changes, { version: item.version + 1 });
    await m.update(InspectionItem, { tenantId: item.tenantId, id: item.id }, { ...changes, version: item.version });
    await recordVersion(ctx, m, item, 'update', reason);
    return m.findOneByOrFail(InspectionItem, { tenantId: item.tenantId, id: item.id });
  });
}

/**
 * Withdrawing is an explicit act, a new version with its reason: the item is no longer drawn, but it
 * leaves the public list only once a leader approves the list. Publishing is not an act of the office:
 * the list is submitted and a leader approves it (list-publications/).
 */
export async function withdrawItem(ctx: RequestContext, globalId: string, reason: string | null): Promise<InspectionItem> {
  return tenantTx(ctx, async (m) => {
    const item = await load(m, globalId);
    if (!canEdit(ctx, item.departmentId)) throw forbidden();
    if (item.status === ItemStatus.WITHDRAWN) throw ruleViolation('ITEM_STATUS', '事项已经撤回');
    if (!reasonGiven(reason)) throw badInput([{ field: 'reason', message: '撤回事项须说明理由' }]);
    item.status = ItemStatus.WITHDRAWN;
    item.version += 1;
    await m.update(InspectionItem, { tenantId: item.tenantId, id: item.id }, { status: item.status, version: item.version });
    await recordVersion(ctx, m, item, 'withdraw', reason);
    return m.findOneByOrFail(InspectionItem, { tenantId: item.tenantId, id: item.id });
  });
}

/** The leader's approval publishes the submitted version: a new version, the one the public list shows. */
export async function publishApprovedItem(ctx: RequestContext, m: EntityManager, item: InspectionItem, reason: string): Promise<void> {
  item.status = ItemStatus.PUBLISHED;
  item.version += 1;
  item.publishedVersion = item.version;
  await m.update(InspectionItem, { tenantId: item.tenantId, id: item.id }, { status: item.status, version: item.version, publishedVersion: item.version });
  await recordVersion(ctx, m, item, 'publish', reason);
}

/**
 * Moves an item to a 1-based place in the list (清单顺序); the others close up around it. The order is
 * the list's, not the item's content, so it makes no item version; the move is audited. Office only:
 * it renumbers every department's items.
 */
export async function moveItem(ctx: RequestContext, globalId: string, position: number): Promise<InspectionItem> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('manage', asSubject('Department', { tenantId: viewer.tenantId }))) throw forbidden('只有领导小组办公室可以调整清单顺序');
  return tenantTx(ctx, async (m) => {
    const item = await load(m, globalId);
    // One reorder at a time per bureau, so two moves never interleave their renumbering.
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7263))`, [`items:${viewer.tenantId}`]);
    const ids = ((await m.query('SELECT id FROM inspection_items ORDER BY position, created_at, id')) as { id: string }[]).map((r) => r.id);
    if (!Number.isInteger(position) || position < 1 || position > ids.length) {
      throw badInput([{ field: 'position', message: `位置须为 1 到 ${ids.length} 之间的整数` }]);
    }
    const from = ids.indexOf(item.id);
    ids.splice(from, 1);
    ids.splice(position - 1, 0, item.id);
    await m.query(
      `UPDATE inspection_items i SET position = o.n FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE i.id = o.id AND i.position IS DISTINCT FROM o.n`,
      [ids],
    );
    await appendAudit(m, actorOf(ctx), {
      action: 'item.move',
      objectType: 'InspectionItem',
      objectId: toGlobalId('InspectionItem', item.id),
      before: { position: from + 1 },
      after: { position },
    });
    return m.findOneByOrFail(InspectionItem, { tenantId: item.tenantId, id: item.id });
  });
}

async function recordVersion(ctx: RequestContext, m: EntityManager, item: InspectionItem, change: string, reason: string | null): Promise<void> {
  const viewer = requireViewer(ctx);
  const snapshot = {
    departmentId: item.departmentId ? toGlobalId('Department', item.departmentId) : null,
    ...Object.fromEntries(EDITABLE.map((k) => [k, item[k]])),
    status: item.status,
  };
  const version = m.create(InspectionItemVersion, {
    tenantId: item.tenantId,
    itemId: item.id,
    version: item.version,
    snapshot,
    change,
    reason: reasonGiven(reason) ? reason!.trim() : null,
    changedBy: viewer.userId,
    changedByName: viewer.username,
    changedAt: new Date(),
  });
  // jsonb columns are typed loosely, which TypeORM's insert typing does not accept.
  await m.insert(InspectionItemVersion, version as never);
  await appendAudit(m, actorOf(ctx), {
    action: `item.${change}`,
    objectType: 'InspectionItem',
    objectId: toGlobalId('InspectionItem', item.id),
    after: { version: item.version, ...snapshot, reason },
  });
}

function validate(input: ItemInput, creating: boolean): Partial<InspectionItem> {
  const problems: FieldProblem[] = [];
  const out: Partial<InspectionItem> = {};
  const textField = (key: 'name' | 'legalBasis' | 'inspectingBody' | 'targetType' | 'content', max: number) => {
    const value = input[key];
    if (value == null) {
      if (creating) problems.push({ field: key, message: '不能为空' });
      return;
    }
    const found = labelProblems(value, key, max);
    problems.push(...found);
    if (!found.length) out[key] = value.trim();
  };
  textField('name', 200);
  textField('legalBasis', 1000);
  textField('inspectingBody', 200);
  textField('targetType', 200);
  textField('content', 2000);
  if (input.category != null) out.category = input.category;
  else if (creating) problems.push({ field: 'category', message: '不能为空' });
  if (input.minRatio != null) {
    const parsed = Ratio.safeParse(input.minRatio.trim());
    if (!parsed.success || Number(input.minRatio) <= 0) problems.push({ field: 'minRatio', message: '比例须为大于 0、不超过 1、最多 4 位小数的数，如 0.10' });
    else out.minRatio = parsed.data;
  } else if (creating) problems.push({ field: 'minRatio', message: '不能为空' });
  if (input.frequencyPerYear != null) {
    if (!Number.isInteger(input.frequencyPerYear) || input.frequencyPerYear < 1 || input.frequencyPerYear > 12) {
      problems.push({ field: 'frequencyPerYear', message: '抽查频次须为 1 到 12 之间的整数' });
    } else out.frequencyPerYear = input.frequencyPerYear;
  } else if (creating) problems.push({ field: 'frequencyPerYear', message: '不能为空' });
  if (input.methods != null) {
    const methods = input.methods.map((v) => INSPECTION_METHOD.parse(v) ?? '').filter(Boolean);
    if (!methods.length || methods.length !== input.methods.length) {
      problems.push({ field: 'methods', message: `检查方式须从 ${Object.values(INSPECTION_METHOD.labels).join('、')} 中选择` });
    } else out.methods = [...new Set(methods)];
  } else if (creating) problems.push({ field: 'methods', message: '至少选择一种检查方式' });
  if (input.remarks !== undefined) out.remarks = input.remarks?.trim() || null;
  if (problems.length) throw badInput(problems);
  return out;
}

function reasonGiven(reason: string | null): boolean {
  return !!reason && reason.trim().length > 0;
}

async function load(m: EntityManager, globalId: string): Promise<InspectionItem> {
  const id = fromGlobalUuid(globalId, 'InspectionItem');
  const item = id ? await m.findOneBy(InspectionItem, { id }) : null;
  if (!item) throw notFound('抽查事项');
  return item;
}

function resolveDepartment(m: EntityManager, globalId: string | null | undefined): Promise<string | null> {
  return resolveRef(m, Department, 'Department', globalId, 'departmentId', '部门不存在');
}
