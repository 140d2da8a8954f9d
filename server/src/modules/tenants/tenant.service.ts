import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { asSubject, fromGlobalUuid, labelProblems, toGlobalId, usernameProblems, type FieldProblem } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { switchTenantScope } from '../../db/tenancy';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors';
import { isUniqueViolation } from '../../lib/pg-errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { Department } from '../departments/department.entity';
import { User, UserStatus } from '../users/user.entity';
import { Region, RegionLevel } from '../regions/region.entity';
import { RuleSetVersion } from '../rules/rule-set.entity';
import { issueInvitation, type IssuedCode } from '../invitations/invitation.service';
import { InvitationPurpose } from '../invitations/invitation.entity';
import { revokeSessions } from '../auth/session-revocations';
import { copyTemplateRules } from '../rules/rule-set.service';
import { Tenant, TenantKind, TenantStatus } from './tenant.entity';

export interface OnboardInput {
  name: string;
  regionCode: string;
  parentId: string;
  kind: TenantKind;
  adminUsername: string;
  adminDisplayName: string;
}

export interface Onboarded {
  tenant: Tenant;
  admin: User;
  invitation: IssuedCode;
}

const LEVEL_OF_KIND: Record<TenantKind, RegionLevel> = {
  [TenantKind.PLATFORM]: RegionLevel.COUNTRY,
  [TenantKind.PROVINCIAL_DEPARTMENT]: RegionLevel.PROVINCE,
  [TenantKind.CITY_BUREAU]: RegionLevel.CITY,
  [TenantKind.COUNTY_BUREAU]: RegionLevel.COUNTY,
};

export const OFFICE_DEPARTMENT_NAME = '领导小组办公室';

/**
 * The platform operator onboards a bureau: the tenant under its parent, its office department, its
 * rules copied from the platform template, and its first office administrator with a one-time code.
 * All in one transaction, audited in the operator's chain and in the new bureau's own.
 */
export async function onboardTenant(ctx: RequestContext, input: OnboardInput): Promise<Onboarded> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('create', 'Tenant')) throw forbidden();
  const name = input.name.trim();
  const displayName = input.adminDisplayName.trim();
  const parentId = fromGlobalUuid(input.parentId, 'Tenant');
  const problems: FieldProblem[] = [
    ...labelProblems(name, 'name'),
    ...usernameProblems(input.adminUsername, 'adminUsername'),
    ...labelProblems(displayName, 'adminDisplayName', 50),
    ...(input.kind === TenantKind.PLATFORM ? [{ field: 'kind', message: '不能新建平台租户' }] : []),
    ...(parentId ? [] : [{ field: 'parentId', message: '上级单位 id 无效' }]),
  ];
  if (problems.length) throw badInput(problems);

  return tenantTx(ctx, async (m) => {
    const parent = await m.findOneBy(Tenant, { id: parentId! });
    if (!parent) throw notFound('上级单位');
    await checkRegion(m, input.regionCode, input.kind, parent);
    const sibling = await m.findOneBy(Tenant, { parentId: parent.id, name });
    if (sibling) throw conflict(`上级单位下已有名为“${name}”的单位`);

    const id = crypto.randomUUID();
    const tenant = m.create(Tenant, {
      id,
      parentId: parent.id,
      regionCode: input.regionCode,
      name,
      kind: input.kind,
      status: TenantStatus.ACTIVE,
      path: `${parent.path}${id}/`,
    });
    await m.insert(Tenant, tenant);
    const created = { name, regionCode: input.regionCode, kind: input.kind, parent: toGlobalId('Tenant', parent.id) };
    await appendAudit(m, actorOf(ctx), { action: 'tenant.onboard', objectType: 'Tenant', objectId: toGlobalId('Tenant', id), after: created });
    const templateRules = await m.findOne(RuleSetVersion, { where: { tenantId: viewer.tenantId }, order: { version: 'DESC' } });

    // From here on the transaction writes inside the new tenant.
    await switchTenantScope(m, id);
    const office = m.create(Department, { tenantId: id, id: crypto.randomUUID(), name: OFFICE_DEPARTMENT_NAME, isOffice: true });
    await m.insert(Department, office);
    const admin = m.create(User, {
      tenantId: id,
      id: crypto.randomUUID(),
      username: input.adminUsername,
      displayName,
      roles: ['OFFICE'],
      status: UserStatus.INVITED,
      departmentId: office.id,
      passwordHash: null,
    });
    try {
      await m.insert(User, admin);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`用户名“${input.adminUsername}”已被使用`);
      throw error;
    }
    await copyTemplateRules(m, id, templateRules, viewer.userId);
    const invitation = await issueInvitation(m, admin, InvitationPurpose.ONBOARD_ADMIN, viewer.userId);
    await appendAudit(
      m,
      { ...actorOf(ctx), tenantId: id },
      {
        action: 'tenant.onboarded',
        objectType: 'Tenant',
        objectId: toGlobalId('Tenant', id),
        after: { ...created, admin: input.adminUsername, invitationExpiresAt: invitation.expiresAt },
      },
    );
    await switchTenantScope(m, viewer.tenantId);
    return { tenant, admin, invitation };
  });
}

async function checkRegion(m: EntityManager, code: string, kind: TenantKind, parent: Tenant): Promise<void> {
  const region = /^\d{6}$/.test(code) ? await m.findOneBy(Region, { code }) : null;
  if (!region) throw badInput([{ field: 'regionCode', message: `行政区划代码 ${code} 不存在（GB/T 2260）` }]);
  if (region.level !== LEVEL_OF_KIND[kind]) {
    throw badInput([{ field: 'regionCode', message: `${region.name}（${code}）不是${kindLabel(kind)}对应的行政区划级别` }]);
  }
  // The parent's region must contain the new one (the platform contains everything).
  let cursor: Region | null = region;
  while (cursor && cursor.code !== parent.regionCode) {
    cursor = cursor.parentCode ? await m.findOneBy(Region, { code: cursor.parentCode }) : null;
  }
  if (!cursor) throw badInput([{ field: 'regionCode', message: `${region.name} 不在上级单位的行政区划内` }]);
}

function kindLabel(kind: TenantKind): string {
  return { PLATFORM: '平台', PROVINCIAL_DEPARTMENT: '省级单位', CITY_BUREAU: '市级单位', COUNTY_BUREAU: '县级单位' }[kind];
}

export interface TenantUpdate {
  name?: string | null;
  status?: TenantStatus | null;
}

/** The operator renames, suspends or reactivates a bureau. Suspension ends every session of the bureau at once. */
export async function updateTenant(ctx: RequestContext, globalId: string, input: TenantUpdate): Promise<Tenant> {
  const viewer = requireViewer(ctx);
  const id = fromGlobalUuid(globalId, 'Tenant');
  return tenantTx(ctx, async (m) => {
    const tenant = id ? await m.findOneBy(Tenant, { id }) : null;
    if (!tenant || !ctx.ability.can('read', asSubject('Tenant', tenant))) throw notFound('单位');
    if (!ctx.ability.can('create', 'Tenant') || tenant.id === viewer.tenantId) throw forbidden();
    const changes: Partial<Tenant> = {};
    if (input.name != null) {
      const problems = labelProblems(input.name, 'name');
      if (problems.length) throw badInput(problems);
      changes.name = input.name.trim();
    }
    if (input.status != null) changes.status = input.status;
    const before = { name: tenant.name, status: tenant.status };
    await m.update(Tenant, { id: tenant.id }, changes);
    Object.assign(tenant, changes);
    await appendAudit(m, actorOf(ctx), {
      action: 'tenant.update',
      objectType: 'Tenant',
      objectId: toGlobalId('Tenant', tenant.id),
      before,
      after: { name: tenant.name, status: tenant.status },
    });
    if (before.status !== TenantStatus.SUSPENDED && tenant.status === TenantStatus.SUSPENDED) {
      await switchTenantScope(m, tenant.id);
      const ended = await revokeSessions(m, {});
      await appendAudit(
        m,
        { ...actorOf(ctx), tenantId: tenant.id },
        {
          action: 'tenant.suspended',
          objectType: 'Tenant',
          objectId: toGlobalId('Tenant', tenant.id),
          after: { sessionsEnded: ended.length },
        },
      );
      await switchTenantScope(m, viewer.tenantId);
    }
    return tenant;
  });
}

export interface TenantSettings {
  displayName?: string | null;
  contact?: string | null;
  publicHeader?: string | null;
  publicFooter?: string | null;
}

const SETTING_LIMITS: Record<keyof TenantSettings, number> = { displayName: 100, contact: 200, publicHeader: 2000, publicFooter: 2000 };

/** The office edits its own bureau's display name, contact and public page header and footer. */
export async function updateTenantSettings(ctx: RequestContext, input: TenantSettings): Promise<Tenant> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('update', asSubject('Tenant', { id: viewer.tenantId }))) throw forbidden();
  const changes: Partial<Record<keyof TenantSettings, string | null>> = {};
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(SETTING_LIMITS) as (keyof TenantSettings)[]) {
    const value = input[key];
    if (value === undefined) continue;
    const trimmed = value?.trim() ?? '';
    if (trimmed.length > SETTING_LIMITS[key]) problems.push({ field: key, message: `不能超过 ${SETTING_LIMITS[key]} 个字符` });
    changes[key] = trimmed || null;
  }
  if (problems.length) throw badInput(problems);
  return tenantTx(ctx, async (m) => {
    const tenant = await m.findOneByOrFail(Tenant, { id: viewer.tenantId });
    const before = pick(tenant);
    await m.update(Tenant, { id: tenant.id }, changes);
    Object.assign(tenant, changes);
    await appendAudit(m, actorOf(ctx), {
      action: 'tenant.settings',
      objectType: 'Tenant',
      objectId: toGlobalId('Tenant', tenant.id),
      before,
      after: pick(tenant),
    });
    return tenant;
  });
}

function pick(t: Tenant): TenantSettings {
  return { displayName: t.displayName, contact: t.contact, publicHeader: t.publicHeader, publicFooter: t.publicFooter };
}

/** The tenants the viewer sees: their own, or (for roles that read any tenant) the subtree the database shows. */
export function visibleTenants(ctx: RequestContext, page: PageArgs) {
  const viewer = requireViewer(ctx);
  return readTx(ctx, (m) => {
    const query = m.createQueryBuilder(Tenant, 't').orderBy('t.region_code', 'ASC').addOrderBy('t.id');
    if (!ctx.ability.can('read', asSubject('Tenant', { id: '' }))) query.where('t.id = :own', { own: viewer.tenantId });
    return paginate(query, page);
  });
}
