import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  FOUR_EYES_RULES,
  ROLES_BY_TENANT_KIND,
  roleConflictMessage,
  rolesAwaitingApproval,
  asSubject,
  fromGlobalUuid,
  grantableRoles,
  labelProblems,
  toGlobalId,
  usernameProblems,
  type FieldProblem,
  type Role,
} from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { isUniqueViolation } from '../../lib/pg-errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { resolveRef } from '../../lib/resolve-ref';
import { Department } from '../departments/department.entity';
import { Tenant } from '../tenants/tenant.entity';
import { issueInvitation, type IssuedCode } from '../invitations/invitation.service';
import { InvitationPurpose } from '../invitations/invitation.entity';
import { revokeSessions } from '../auth/session-revocations';
import { User, UserStatus } from './user.entity';
import { proposeRoleGrant, sameRoles, supersedeRoleGrants } from './role-grants.service';

export interface InviteUserInput {
  username: string;
  displayName: string;
  departmentId?: string | null;
  roles: Role[];
}

export interface UpdateUserInput {
  displayName?: string | null;
  departmentId?: string | null;
  roles?: Role[] | null;
}

/** The office invites a colleague: the account exists at once, the password is set with the one-time code. */
export async function inviteUser(ctx: RequestContext, input: InviteUserInput): Promise<{ user: User; invitation: IssuedCode }> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('create', asSubject('User', { tenantId: viewer.tenantId }))) throw forbidden();
  const problems = [...usernameProblems(input.username), ...labelProblems(input.displayName, 'displayName', 50)];
  if (problems.length) throw badInput(problems);
  return tenantTx(ctx, async (m) => {
    const requested = await checkRoles(ctx, m, input.roles);
    // OFFICE, LEADER and SUPERVISOR wait for a second person's approval; the rest are held at once.
    const awaiting = rolesAwaitingApproval([], requested);
    const departmentId = await resolveDepartment(m, input.departmentId);
    const user = m.create(User, {
      tenantId: viewer.tenantId,
      id: crypto.randomUUID(),
      username: input.username,
      displayName: input.displayName.trim(),
      roles: requested.filter((r) => !awaiting.includes(r)),
      departmentId,
      status: UserStatus.INVITED,
      passwordHash: null,
    });
    try {
      await m.insert(User, user);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`用户名“${input.username}”已被使用`);
      throw error;
    }
    const invitation = await issueInvitation(m, user, InvitationPurpose.INVITE_USER, viewer.userId);
    await appendAudit(m, actorOf(ctx), { action: 'user.invite', objectType: 'User', objectId: toGlobalId('User', user.id), after: snapshot(user) });
    if (awaiting.length) await proposeRoleGrant(ctx, m, user, requested, awaiting);
    return { user, invitation };
  });
}

/**
 * Changes a colleague's name, department or roles; nobody grants a role above their own, nobody changes
 * their own roles, and a change that grants OFFICE, LEADER or SUPERVISOR waits for a second person's
 * approval (the account keeps its roles until then).
 */
export async function updateUser(ctx: RequestContext, globalId: string, input: UpdateUserInput): Promise<User> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const user = await loadManageable(ctx, m, globalId);
    const before = snapshot(user);
    const changes: Partial<User> = {};
    if (input.displayName != null) {
      const problems = labelProblems(input.displayName, 'displayName', 50);
      if (problems.length) throw badInput(problems);
      changes.displayName = input.displayName.trim();
    }
    if (input.departmentId !== undefined) changes.departmentId = await resolveDepartment(m, input.departmentId);
    let proposed: Role[] | null = null;
    if (input.roles != null && !sameRoles([...new Set(input.roles)], user.roles)) {
      if (user.id === viewer.userId) throw ruleViolation(FOUR_EYES_RULES.self, '不能更改自己的角色，请由本单位其他管理员办理');
      const requested = await checkRoles(ctx, m, input.roles);
      await supersedeRoleGrants(ctx, m, user);
      if (rolesAwaitingApproval(user.roles, requested).length) proposed = requested;
      else changes.roles = requested;
    }
    // Access tokens carry roles and department for their 15 minutes: one that would now allow more
    // than the user may must stop at once (the user signs in again, or keeps the session that made the change).
    const narrowed =
      (changes.roles !== undefined && user.roles.some((r) => !changes.roles!.includes(r))) ||
      (changes.departmentId !== undefined && changes.departmentId !== user.departmentId);
    if (Object.keys(changes).length) await m.update(User, { tenantId: user.tenantId, id: user.id }, changes);
    Object.assign(user, changes);
    const ended = narrowed ? await revokeSessions(m, { userId: user.id, exceptSessionId: user.id === viewer.userId ? viewer.sessionId : undefined }) : [];
    await appendAudit(m, actorOf(ctx), {
      action: 'user.update',
      objectType: 'User',
      objectId: toGlobalId('User', user.id),
      before,
      after: ended.length ? { ...snapshot(user), sessionsEnded: ended.length } : snapshot(user),
    });
    if (proposed) await proposeRoleGrant(ctx, m, user, proposed, rolesAwaitingApproval(user.roles, proposed));
    return user;
  });
}

/** Deactivates a colleague and signs them out everywhere at once. */
export async function setUserActive(ctx: RequestContext, globalId: string, active: boolean): Promise<User> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const user = await loadManageable(ctx, m, globalId);
    if (user.id === viewer.userId) throw ruleViolation('SELF_LOCKOUT', '不能停用自己的账号');
    const status = active ? (user.passwordHash ? UserStatus.ACTIVE : UserStatus.INVITED) : UserStatus.DEACTIVATED;
    const before = snapshot(user);
    await m.update(User, { tenantId: user.tenantId, id: user.id }, { status });
    user.status = status;
    const ended = active ? [] : await revokeSessions(m, { userId: user.id });
    await appendAudit(m, actorOf(ctx), {
      action: active ? 'user.reactivate' : 'user.deactivate',
      objectType: 'User',
      objectId: toGlobalId('User', user.id),
      before,
      after: { ...snapshot(user), sessionsEnded: ended.length },
    });
    return user;
  });
}

/** Issues a one-time code with which the user sets a new password; redeeming it ends their sessions. */
export async function resetUserPassword(ctx: RequestContext, globalId: string): Promise<{ user: User; invitation: IssuedCode }> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const user = await loadManageable(ctx, m, globalId);
    if (user.status === UserStatus.DEACTIVATED) throw ruleViolation('USER_DEACTIVATED', '账号已停用，请先启用');
    const invitation = await issueInvitation(m, user, InvitationPurpose.RESET_PASSWORD, viewer.userId);
    await appendAudit(m, actorOf(ctx), {
      action: 'user.reset_password',
      objectType: 'User',
      objectId: toGlobalId('User', user.id),
      after: { expiresAt: invitation.expiresAt },
    });
    return { user, invitation };
  });
}

/** A user of the viewer's tenant whom the viewer may manage; invisible and unmanageable look alike. */
async function loadManageable(ctx: RequestContext, m: EntityManager, globalId: string): Promise<User> {
  const id = fromGlobalUuid(globalId, 'User');
  const user = id ? await m.findOneBy(User, { id }) : null;
  if (!user || !ctx.ability.can('read', asSubject('User', user))) throw notFound('用户');
  if (!ctx.ability.can('update', asSubject('User', user))) throw forbidden();
  const tenant = await m.findOneByOrFail(Tenant, { id: user.tenantId });
  const reach = grantableRoles(ctx.viewer!.roles, tenant.kind);
  if (!user.roles.every((r) => reach.includes(r))) throw forbidden('不能管理角色高于自己的用户');
  return user;
}

async function checkRoles(ctx: RequestContext, m: EntityManager, requested: Role[]): Promise<Role[]> {
  const roles = [...new Set(requested)];
  const tenant = await m.findOneByOrFail(Tenant, { id: ctx.viewer!.tenantId });
  const fitting = ROLES_BY_TENANT_KIND[tenant.kind];
  const misfits = roles.filter((r) => !fitting.includes(r));
  const problems: FieldProblem[] = [
    ...(roles.length ? [] : [{ field: 'roles', message: '至少选择一个角色' }]),
    ...(misfits.length ? [{ field: 'roles', message: `本单位类型不能设置角色：${misfits.join('、')}` }] : []),
  ];
  if (problems.length) throw badInput(problems);
  const reach = grantableRoles(ctx.viewer!.roles, tenant.kind);
  const above = roles.filter((r) => !reach.includes(r));
  if (above.length) throw forbidden(`不能授予高于自己的角色：${above.join('、')}`);
  const conflict = roleConflictMessage(roles);
  if (conflict) throw ruleViolation(FOUR_EYES_RULES.exclusive, conflict);
  return roles;
}

function resolveDepartment(m: EntityManager, globalId: string | null | undefined): Promise<string | null> {
  return resolveRef(m, Department, 'Department', globalId, 'departmentId', '部门不存在');
}

function snapshot(user: User) {
  return { username: user.username, displayName: user.displayName, roles: user.roles, departmentId: user.departmentId, status: user.status };
}
