import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { FOUR_EYES_RULES, ROLES_BY_TENANT_KIND, fromGlobalUuid, mayApproveRoleGrant, roleConflictMessage, toGlobalId, type Role } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext, type Viewer } from '../../graphql/context';
import { badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { switchTenantScope } from '../../db/tenancy';
import { actorOf, appendAudit, type AuditActor } from '../audit/audit.service';
import { revokeSessions } from '../auth/session-revocations';
import { Tenant } from '../tenants/tenant.entity';
import { RoleGrant, RoleGrantStatus } from './role-grant.entity';
import { User } from './user.entity';
import { notify } from '../notifications/notification.service';
import { ROLE_LABELS } from '@spotcheck/shared';

/** Roles that see their bureau's role grants: the office proposes, the leader decides, the supervisor watches. */
const GRANT_READERS: readonly Role[] = ['OFFICE', 'LEADER', 'SUPERVISOR'];

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));
export const sameRoles = sameSet;

/** Ends the account's undecided grants: a newer decision on its roles replaces them. */
export async function supersedeRoleGrants(ctx: RequestContext, m: EntityManager, user: Pick<User, 'tenantId' | 'id'>): Promise<void> {
  const open = await m.findBy(RoleGrant, { tenantId: user.tenantId, userId: user.id, status: RoleGrantStatus.PENDING });
  for (const grant of open) {
    await m.update(RoleGrant, { tenantId: grant.tenantId, id: grant.id }, { status: RoleGrantStatus.SUPERSEDED, decidedAt: new Date() });
    await appendAudit(m, actorOf(ctx), {
      action: 'role_grant.supersede',
      objectType: 'RoleGrant',
      objectId: toGlobalId('RoleGrant', grant.id),
      before: { status: grant.status },
    });
  }
}

/** Records the office's proposal; the account keeps its roles until a second person approves. */
export async function proposeRoleGrant(ctx: RequestContext, m: EntityManager, user: User, roles: Role[], added: Role[]): Promise<RoleGrant> {
  const viewer = requireViewer(ctx);
  await supersedeRoleGrants(ctx, m, user);
  const grant = m.create(RoleGrant, {
    tenantId: user.tenantId,
    userId: user.id,
    username: user.username,
    roles,
    addedRoles: added,
    rolesBefore: user.roles,
    status: RoleGrantStatus.PENDING,
    proposedBy: viewer.userId,
    proposedByName: viewer.username,
    proposedAt: new Date(),
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    decisionNote: null,
  });
  await m.insert(RoleGrant, grant);
  await appendAudit(m, actorOf(ctx), {
    action: 'role_grant.propose',
    objectType: 'RoleGrant',
    objectId: toGlobalId('RoleGrant', grant.id),
    before: { user: user.username, roles: user.roles },
    after: { user: user.username, roles, awaitingApproval: added },
  });
  // The bureau's leaders decide it (mayApproveRoleGrant); neither the proposer nor the user it is for is told to.
  await notify(m, {
    tenantId: user.tenantId,
    recipients: {
      sql: `SELECT id FROM users WHERE tenant_id = $1 AND status = 'ACTIVE' AND 'LEADER' = ANY(roles) AND id <> $2`,
      params: [user.tenantId, user.id],
    },
    except: viewer.userId,
    kind: 'ROLE_GRANT_PENDING',
    title: `角色授予待审批：${user.displayName}`,
    body: `拟授予角色：${added.map((r) => ROLE_LABELS[r].zh).join('、')}`,
    link: '/role-grants',
  });
  return grant;
}

/** The bureau's grants (for its office, leader and supervisor); for the operator, the grants only it can decide. */
export async function listRoleGrants(ctx: RequestContext, status: RoleGrantStatus | null): Promise<RoleGrant[]> {
  const viewer = requireViewer(ctx);
  if (viewer.roles.includes('PLATFORM_OPERATOR')) {
    if (status && status !== RoleGrantStatus.PENDING) return [];
    return tenantTx(ctx, async (m) => {
      const ids = (await m.query('SELECT tenant_id, id FROM role_grants_for_operator()')) as { tenant_id: string; id: string }[];
      const out: RoleGrant[] = [];
      for (const { tenant_id: tenantId, id } of ids) {
        await switchTenantScope(m, tenantId);
        const grant = await m.findOneBy(RoleGrant, { tenantId, id });
        if (grant) out.push(grant);
      }
      await switchTenantScope(m, viewer.tenantId);
      return out;
    });
  }
  if (!viewer.roles.some((r) => GRANT_READERS.includes(r))) throw forbidden();
  return tenantTx(ctx, (m) =>
    m.find(RoleGrant, { where: { tenantId: viewer.tenantId, ...(status ? { status } : {}) }, order: { proposedAt: 'DESC', id: 'ASC' }, take: 200 }),
  );
}

/** Whether the viewer may decide the grant now (for the screen's buttons). */
export function viewerMayDecide(viewer: Viewer | null, grant: RoleGrant): boolean {
  if (!viewer || grant.status !== RoleGrantStatus.PENDING) return false;
  // The operator only ever sees the grants that no leader of the bureau can decide.
  const operatorCase = viewer.roles.includes('PLATFORM_OPERATOR') && viewer.tenantId !== grant.tenantId;
  if (!operatorCase && viewer.tenantId !== grant.tenantId) return false;
  return mayApproveRoleGrant({ id: viewer.userId, roles: viewer.roles }, { proposedBy: grant.proposedBy ?? '', userId: grant.userId }, !operatorCase);
}

/**
 * A second person approves or rejects a grant: a leader of the bureau who neither proposed it nor
 * receives it; the platform operator only where the bureau has no such leader (its first leader, a
 * province's office). Approval applies the whole proposed set, checked again as it stands now.
 */
export async function decideRoleGrant(ctx: RequestContext, globalId: string, approve: boolean, note: string | null): Promise<RoleGrant> {
  const viewer = requireViewer(ctx);
  const decisionNote = note?.trim() || null;
  if (!approve && !decisionNote) throw badInput([{ field: 'note', message: '驳回须说明理由' }]);
  if (decisionNote && decisionNote.length > 500) throw badInput([{ field: 'note', message: '意见不超过 500 字' }]);
  const id = fromGlobalUuid(globalId, 'RoleGrant');
  if (!id) throw notFound('角色授予');
  return tenantTx(ctx, async (m) => {
    let tenantId = viewer.tenantId;
    const operator = viewer.roles.includes('PLATFORM_OPERATOR');
    if (!operator && !viewer.roles.some((r) => GRANT_READERS.includes(r))) throw notFound('角色授予');
    if (operator) {
      const [row] = (await m.query('SELECT tenant_id FROM role_grants_for_operator() WHERE id = $1', [id])) as { tenant_id: string }[];
      if (!row) throw notFound('角色授予');
      tenantId = row.tenant_id;
      await switchTenantScope(m, tenantId);
    }
    const grant = await m
      .createQueryBuilder(RoleGrant, 'g')
      .setLock('pessimistic_write')
      .where('g.tenant_id = :tenantId AND g.id = :id', { tenantId, id })
      .getOne();
    if (!grant) throw notFound('角色授予');
    if (grant.status !== RoleGrantStatus.PENDING) throw ruleViolation(FOUR_EYES_RULES.grantApproval, '该角色授予已处理');
    if (grant.proposedBy === viewer.userId || grant.userId === viewer.userId) {
      throw ruleViolation(FOUR_EYES_RULES.grantApproval, '角色授予须由提出人和被授予人以外的人审批');
    }
    if (!mayApproveRoleGrant({ id: viewer.userId, roles: viewer.roles }, { proposedBy: grant.proposedBy ?? '', userId: grant.userId }, !operator)) {
      throw forbidden('角色授予须由本单位分管领导审批（尚无分管领导的单位由平台运营方审批）');
    }
    const user = await m.findOneBy(User, { tenantId, id: grant.userId });
    if (!user) throw notFound('用户');
    const bureauActor: AuditActor = { ...actorOf(ctx), tenantId };
    if (approve) await applyGrant(m, grant, user, tenantId);
    Object.assign(grant, {
      status: approve ? RoleGrantStatus.APPROVED : RoleGrantStatus.REJECTED,
      decidedBy: viewer.userId,
      decidedByName: viewer.username,
      decidedAt: new Date(),
      decisionNote,
    });
    await m.update(
      RoleGrant,
      { tenantId, id: grant.id },
      {
        status: grant.status,
        decidedBy: grant.decidedBy,
        decidedByName: grant.decidedByName,
        decidedAt: grant.decidedAt,
        decisionNote,
      },
    );
    const entry = {
      action: approve ? 'role_grant.approve' : 'role_grant.reject',
      objectType: 'RoleGrant',
      objectId: toGlobalId('RoleGrant', grant.id),
      before: { user: user.username, roles: grant.rolesBefore, status: RoleGrantStatus.PENDING },
      after: { user: user.username, roles: approve ? grant.roles : grant.rolesBefore, status: grant.status, note: decisionNote },
    };
    await appendAudit(m, bureauActor, entry);
    if (operator) {
      await switchTenantScope(m, viewer.tenantId);
      await appendAudit(m, actorOf(ctx), { ...entry, after: { ...entry.after, tenant: toGlobalId('Tenant', tenantId) } });
    }
    return grant;
  });
}

async function applyGrant(m: EntityManager, grant: RoleGrant, user: User, tenantId: string): Promise<void> {
  if (!sameSet(user.roles, grant.rolesBefore)) {
    throw ruleViolation(FOUR_EYES_RULES.grantApproval, '该账号的角色在提出后已有变动，请驳回后重新提出');
  }
  const tenant = await m.findOneByOrFail(Tenant, { id: tenantId });
  const misfits = grant.roles.filter((r) => !ROLES_BY_TENANT_KIND[tenant.kind].includes(r));
  if (misfits.length) throw badInput([{ field: 'roles', message: `本单位类型不能设置角色：${misfits.join('、')}` }]);
  const conflict = roleConflictMessage(grant.roles);
  if (conflict) throw ruleViolation(FOUR_EYES_RULES.exclusive, conflict);
  await m.update(User, { tenantId, id: user.id }, { roles: grant.roles });
  // Roles the grant takes away end the sessions whose tokens still carry them.
  if (user.roles.some((r) => !grant.roles.includes(r))) await revokeSessions(m, { userId: user.id });
}

const PENDING_LOADERS = new WeakMap<RequestContext, DataLoader<string, RoleGrant | null>>();

/** Per request: each account's undecided grant, if any (shown with the user), in one query for a page of users. */
export function pendingGrantsLoader(ctx: RequestContext): DataLoader<string, RoleGrant | null> {
  let loader = PENDING_LOADERS.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (userIds) => {
      const tenantId = requireViewer(ctx).tenantId;
      const rows = await tenantTx(ctx, (m) => m.findBy(RoleGrant, { tenantId, userId: In([...userIds]), status: RoleGrantStatus.PENDING }));
      return userIds.map((id) => rows.find((g) => g.userId === id) ?? null);
    });
    PENDING_LOADERS.set(ctx, loader);
  }
  return loader;
}
