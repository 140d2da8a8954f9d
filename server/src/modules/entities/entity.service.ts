import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { asSubject, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { AppError, badInput, conflict, forbidden, notFound } from '../../graphql/errors';
import { isUniqueViolation } from '../../lib/pg-errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { resolveRef } from '../../lib/resolve-ref';
import { Department } from '../departments/department.entity';
import { currentTenantArea } from '../regions/region-area';
import { EntityKind, MarketEntity } from './market-entity.entity';
import { MarketEntityChange } from './market-entity-change.entity';
import { parseEntityFields, type EntityColumnKey, type EntityFields, type FieldIssue } from './entity-fields';

/** As EntityFields, but `supervisingDepartmentId` is the department's global id (or null to clear it). */
export type EntityInput = Partial<Record<EntityColumnKey, string | number | boolean | null>>;

/** Adds an entity by hand. A USCC whose check character does not match needs `overrideChecksum`. */
export async function createEntity(ctx: RequestContext, input: EntityInput, overrideChecksum: boolean): Promise<MarketEntity> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('create', asSubject('MarketEntity', { tenantId: viewer.tenantId }))) throw forbidden();
  return tenantTx(ctx, async (m) => {
    const fields = await validated(ctx, m, await withDepartmentResolved(m, input), overrideChecksum);
    const entity = m.create(MarketEntity, { ...fields, tenantId: viewer.tenantId, id: crypto.randomUUID(), version: 1 });
    try {
      await m.insert(MarketEntity, entity);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(duplicateMessage(fields));
      throw error;
    }
    await recordChange(ctx, m, entity, null, fields);
    return entity;
  });
}

/** Edits an entity; each change is a new version with its before and after. */
export async function updateEntity(ctx: RequestContext, globalId: string, input: EntityInput, overrideChecksum: boolean): Promise<MarketEntity> {
  return tenantTx(ctx, async (m) => {
    const id = fromGlobalUuid(globalId, 'MarketEntity');
    const entity = id ? await m.findOneBy(MarketEntity, { id }) : null;
    if (!entity) throw notFound('检查对象');
    if (!ctx.ability.can('update', asSubject('MarketEntity', entity))) throw forbidden();
    const before = fieldsOf(entity);
    const given = await withDepartmentResolved(m, input);
    const { kind: _kind, idNumberMasked: _masked, ...stored } = before;
    const merged = { ...stored, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as EntityInput;
    const keptPerson = entity.kind === EntityKind.PERSON ? { key: entity.uscc, masked: entity.idNumberMasked } : undefined;
    const fields = await validated(ctx, m, merged, overrideChecksum || (entity.usccChecksumOverride && merged.uscc === entity.uscc), keptPerson);
    const changed = (Object.keys(fields) as (keyof EntityFields)[]).filter((k) => fields[k] !== before[k]);
    if (!changed.length) return entity;
    try {
      await m.update(MarketEntity, { tenantId: entity.tenantId, id: entity.id }, { ...fields, version: entity.version + 1 });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(duplicateMessage(fields));
      throw error;
    }
    const updated = await m.findOneByOrFail(MarketEntity, { tenantId: entity.tenantId, id: entity.id });
    await recordChange(ctx, m, updated, before, fields);
    return updated;
  });
}

/** The input with its supervising department's global id resolved to a department of the bureau. */
async function withDepartmentResolved(m: EntityManager, input: EntityInput): Promise<EntityInput> {
  if (input.supervisingDepartmentId === undefined) return input;
  const globalId = input.supervisingDepartmentId === null ? null : String(input.supervisingDepartmentId);
  return { ...input, supervisingDepartmentId: await resolveRef(m, Department, 'Department', globalId, 'supervisingDepartmentId', '部门不存在') };
}

function duplicateMessage(fields: EntityFields): string {
  return fields.kind === EntityKind.PERSON ? `身份证号 ${fields.idNumberMasked} 的自然人已在本单位名录中` : `统一社会信用代码 ${fields.uscc} 已在本单位名录中`;
}

async function validated(
  ctx: RequestContext,
  m: EntityManager,
  input: EntityInput,
  overrideChecksum: boolean,
  keptPerson?: { key: string; masked: string | null },
): Promise<EntityFields> {
  const { fields, issues } = parseEntityFields(input, {
    regionCodes: await currentTenantArea(m),
    acceptChecksumWarning: overrideChecksum,
    personKeys: ctx.app.personKeys,
    keptPerson,
    knownPerson: (key) => (keptPerson && key === keptPerson.key ? keptPerson : undefined),
  });
  if (fields) return fields;
  const checksum = issues.find((i) => i.code === 'USCC_CHECKSUM');
  const blocking = issues.filter((i) => i.code !== 'USCC_CHECKSUM');
  if (!blocking.length && checksum) {
    throw new AppError('RULE_VIOLATION', `${checksum.message}。如确认无误，请勾选“确认校验码”后保存`, {
      rule: 'USCC_CHECKSUM',
      fields: [{ field: 'uscc', message: checksum.message }],
    });
  }
  throw badInput(blocking.map(({ field, message }: FieldIssue) => ({ field, message })));
}

async function recordChange(ctx: RequestContext, m: EntityManager, entity: MarketEntity, before: EntityFields | null, after: EntityFields): Promise<void> {
  const change = m.create(MarketEntityChange, {
    tenantId: entity.tenantId,
    entityId: entity.id,
    version: entity.version,
    before: before as Record<string, unknown> | null,
    after: after as unknown as Record<string, unknown>,
    source: 'MANUAL',
    importJobId: null,
    changedBy: ctx.viewer!.userId,
    changedAt: new Date(),
  });
  await m.insert(MarketEntityChange, change as never);
  await appendAudit(m, actorOf(ctx), {
    action: before ? 'entity.update' : 'entity.create',
    objectType: 'MarketEntity',
    objectId: toGlobalId('MarketEntity', entity.id),
    before,
    after,
  });
}

export function fieldsOf(e: MarketEntity): EntityFields {
  return {
    name: e.name,
    kind: e.kind,
    uscc: e.uscc,
    idNumberMasked: e.idNumberMasked,
    usccChecksumOverride: e.usccChecksumOverride,
    registrationAuthority: e.registrationAuthority,
    legalRepresentative: e.legalRepresentative,
    address: e.address,
    regionCode: e.regionCode,
    industry: e.industry,
    targetType: e.targetType,
    status: e.status,
    creditClass: e.creditClass,
    riskLevel: e.riskLevel,
    complaints: e.complaints,
    violationRecord: e.violationRecord,
    supervisingDepartmentId: e.supervisingDepartmentId,
  };
}
