import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { asSubject, fromGlobalUuid, toGlobalId, type FieldProblem } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors';
import { isUniqueViolation } from '../../lib/pg-errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { resolveRef } from '../../lib/resolve-ref';
import { currentTenantArea } from '../regions/region-area';
import { Department } from '../departments/department.entity';
import { User } from '../users/user.entity';
import { MarketEntity } from '../entities/market-entity.entity';
import { Inspector, InspectorStatus } from './inspector.entity';
import { Recusal } from './recusal.entity';
import { parseDate, parseInspectorFields, type InspectorFields } from './inspector-fields';

export type InspectorInput = Partial<Record<Exclude<keyof InspectorFields, 'departmentName'>, string | string[] | null>> & {
  departmentId?: string | null;
  userId?: string | null;
};

export async function saveInspector(ctx: RequestContext, globalId: string | null, input: InspectorInput): Promise<Inspector> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    let existing: Inspector | null = null;
    if (globalId) {
      const id = fromGlobalUuid(globalId, 'Inspector');
      existing = id ? await m.findOneBy(Inspector, { id }) : null;
      if (!existing) throw notFound('执法检查人员');
    }
    if (!ctx.ability.can(existing ? 'update' : 'create', asSubject('Inspector', existing ?? { tenantId: viewer.tenantId }))) throw forbidden();
    const base = existing ? rawOf(existing) : {};
    const { fields, issues } = parseInspectorFields({ ...base, ...withoutUndefined(input) }, { regionCodes: await currentTenantArea(m) });
    if (!fields) throw badInput(issues.map(({ field, message }) => ({ field, message })));
    const departmentId = input.departmentId === undefined ? (existing?.departmentId ?? null) : await resolveDepartment(m, input.departmentId);
    const userId = input.userId === undefined ? (existing?.userId ?? null) : await resolveUser(m, input.userId);
    const { departmentName: _ignored, ...values } = fields;
    const row = { ...values, departmentId, userId };
    try {
      if (existing) await m.update(Inspector, { tenantId: existing.tenantId, id: existing.id }, row);
      else await m.insert(Inspector, { ...row, tenantId: viewer.tenantId, id: crypto.randomUUID() });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`执法证号 ${fields.certificateNo} 已在本单位名录中`);
      throw error;
    }
    const saved = await m.findOneByOrFail(Inspector, { certificateNo: fields.certificateNo });
    await appendAudit(m, actorOf(ctx), {
      action: existing ? 'inspector.update' : 'inspector.create',
      objectType: 'Inspector',
      objectId: toGlobalId('Inspector', saved.id),
      before: existing ? rawOf(existing) : undefined,
      after: rawOf(saved),
    });
    return saved;
  });
}

export interface RecusalInput {
  inspectorId: string;
  entityId: string;
  reason: string;
  validFrom: string;
  validTo?: string | null;
}

/** Records a declared conflict; the office records any, an inspector linked to an account declares their own. */
export async function declareRecusal(ctx: RequestContext, input: RecusalInput): Promise<Recusal> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const inspectorId = fromGlobalUuid(input.inspectorId, 'Inspector');
    const entityId = fromGlobalUuid(input.entityId, 'MarketEntity');
    const inspector = inspectorId ? await m.findOneBy(Inspector, { id: inspectorId }) : null;
    const entity = entityId ? await m.findOneBy(MarketEntity, { id: entityId }) : null;
    const problems: FieldProblem[] = [];
    if (!inspector) problems.push({ field: 'inspectorId', message: '执法检查人员不存在' });
    if (!entity) problems.push({ field: 'entityId', message: '检查对象不存在' });
    if (!input.reason.trim()) problems.push({ field: 'reason', message: '请说明回避理由' });
    const validFrom = parseDate(input.validFrom);
    const validTo = input.validTo ? parseDate(input.validTo) : null;
    if (!validFrom) problems.push({ field: 'validFrom', message: '日期无效' });
    if (input.validTo && !validTo) problems.push({ field: 'validTo', message: '日期无效' });
    if (validFrom && validTo && validTo < validFrom) problems.push({ field: 'validTo', message: '结束日期不能早于开始日期' });
    if (problems.length) throw badInput(problems);
    const ownDeclaration = inspector!.userId !== null && inspector!.userId === viewer.userId;
    if (!ownDeclaration && !ctx.ability.can('create', asSubject('Recusal', { tenantId: viewer.tenantId }))) throw forbidden();
    const recusal = m.create(Recusal, {
      tenantId: viewer.tenantId,
      id: crypto.randomUUID(),
      inspectorId: inspector!.id,
      entityId: entity!.id,
      reason: input.reason.trim().slice(0, 500),
      validFrom: validFrom!,
      validTo,
      createdBy: viewer.userId,
    });
    await m.insert(Recusal, recusal);
    await appendAudit(m, actorOf(ctx), {
      action: 'recusal.declare',
      objectType: 'Recusal',
      objectId: toGlobalId('Recusal', recusal.id),
      after: { inspector: inspector!.name, entity: entity!.name, uscc: entity!.uscc, reason: recusal.reason, validFrom, validTo },
    });
    return recusal;
  });
}

/** Drawable on a date: active, and the certificate valid that day. */
export function isDrawable(inspector: Inspector, onDate: string): boolean {
  return inspector.status === InspectorStatus.ACTIVE && inspector.certificateValidFrom <= onDate && onDate <= inspector.certificateValidTo;
}

function rawOf(i: Inspector): Record<string, string | string[] | null> {
  return {
    name: i.name,
    gender: i.gender,
    post: i.post,
    enforcementCategories: i.enforcementCategories,
    certificateNo: i.certificateNo,
    certificateValidFrom: i.certificateValidFrom,
    certificateValidTo: i.certificateValidTo,
    establishment: i.establishment,
    specialties: i.specialties,
    status: i.status,
    regionCode: i.regionCode,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => v !== undefined && k !== 'departmentId' && k !== 'userId')) as Partial<T>;
}

function resolveDepartment(m: EntityManager, globalId: string | null): Promise<string | null> {
  return resolveRef(m, Department, 'Department', globalId, 'departmentId', '部门不存在');
}

function resolveUser(m: EntityManager, globalId: string | null): Promise<string | null> {
  return resolveRef(m, User, 'User', globalId, 'userId', '用户不存在');
}
