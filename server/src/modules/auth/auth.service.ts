import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import type { RequestContext, Viewer } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { badInput, forbidden, rateLimited, unauthenticated } from '../../graphql/errors';
import { appendAudit, type AuditActor } from '../audit/audit.service';
import { Tenant, TenantStatus } from '../tenants/tenant.entity';
import { User, UserStatus } from '../users/user.entity';
import { Session } from './session.entity';
import { verifyPassword } from './passwords';
import { revokeSessions } from './session-revocations';
import { countFailedLogin, refuseLockedAddress } from '../../security/login-address-limit';
import { formatRefreshToken, hashSecret, newRefreshSecret, parseRefreshToken, sameHash } from './tokens';

/** Consecutive failures before the account locks, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** From the third consecutive failure on, each answer is delayed, doubling up to 8 steps. */
const SLOWDOWN_AFTER = 2;

export interface AuthResult {
  token: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

type Attempt =
  | { outcome: 'ok'; result: AuthResult }
  | { outcome: 'failed'; failures: number }
  | { outcome: 'locked'; until: Date };

const WRONG_CREDENTIALS = '用户名或密码错误';

export async function login(ctx: RequestContext, username: string, password: string): Promise<AuthResult> {
  const name = username.trim();
  const problems = [
    ...(name ? [] : [{ field: 'username', message: '请输入用户名' }]),
    ...(password ? [] : [{ field: 'password', message: '请输入密码' }]),
  ];
  if (problems.length) throw badInput(problems);
  await refuseLockedAddress(ctx);
  const [{ tenant_id: tenantId }] = (await ctx.app.db.query('SELECT auth_tenant_of($1) AS tenant_id', [name])) as { tenant_id: string | null }[];
  if (!tenantId) {
    await verifyPassword(null, password);
    await countFailedLogin(ctx);
    throw unauthenticated(WRONG_CREDENTIALS);
  }
  const attempt = await inTenant(ctx.app.db, tenantId, (m) => attemptLogin(ctx, m, tenantId, name, password));
  if (attempt.outcome === 'ok') return attempt.result;
  if (attempt.outcome === 'locked') throw lockedError(attempt.until);
  await countFailedLogin(ctx);
  const delay = slowdownMs(ctx, attempt.failures);
  if (delay > 0) await sleep(delay);
  if (attempt.failures >= MAX_FAILED_LOGINS) throw lockedError(new Date(Date.now() + LOCK_MINUTES * 60_000));
  throw unauthenticated(`${WRONG_CREDENTIALS}（连续失败 ${attempt.failures} 次，${MAX_FAILED_LOGINS} 次将锁定 ${LOCK_MINUTES} 分钟）`);
}

async function attemptLogin(ctx: RequestContext, m: EntityManager, tenantId: string, name: string, password: string): Promise<Attempt> {
  const user = await m
    .createQueryBuilder(User, 'u')
    .setLock('pessimistic_write')
    .where('lower(u.username) = lower(:name)', { name })
    .getOne();
  const tenant = await m.findOneBy(Tenant, { id: tenantId });
  if (!user || !tenant) throw unauthenticated(WRONG_CREDENTIALS);
  const actor: AuditActor = { tenantId, userId: user.id, username: user.username, requestId: ctx.requestId };
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) return { outcome: 'locked', until: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await m.update(User, { tenantId, id: user.id }, { failedLogins: failures, lockedUntil });
    await appendAudit(m, actor, {
      action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
      objectType: 'User',
      objectId: toGlobalId('User', user.id),
      after: { failedLogins: failures, lockedUntil, ip: ctx.ip, userAgent: ctx.userAgent },
    });
    return { outcome: 'failed', failures };
  }
  if (user.status !== UserStatus.ACTIVE) throw forbidden('账号已停用，请联系本单位管理员');
  if (tenant.status !== TenantStatus.ACTIVE) throw forbidden('所属单位已暂停使用');
  await m.update(User, { tenantId, id: user.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
  const result = await openSession(ctx, m, user);
  await appendAudit(m, actor, {
    action: 'auth.login',
    objectType: 'Session',
    objectId: toGlobalId('Session', result.sessionId),
    after: { userAgent: ctx.userAgent, ip: ctx.ip },
  });
  return { outcome: 'ok', result: result.auth };
}

async function openSession(ctx: RequestContext, m: EntityManager, user: User): Promise<{ sessionId: string; auth: AuthResult }> {
  const { secret, hash } = newRefreshSecret();
  const now = new Date();
  const session = m.create(Session, {
    tenantId: user.tenantId,
    userId: user.id,
    tokenHash: hash,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    ip: ctx.ip,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + ctx.app.config.refreshTokenTtlDays * 86_400_000),
  });
  await m.insert(Session, session);
  return { sessionId: session.id, auth: await issueTokens(ctx, user, session.id, secret) };
}

async function issueTokens(ctx: RequestContext, user: User, sessionId: string, secret: string): Promise<AuthResult> {
  const viewer: Viewer = {
    userId: user.id,
    tenantId: user.tenantId,
    username: user.username,
    roles: user.roles,
    departmentId: user.departmentId,
    sessionId,
  };
  // The rest of this request (the payload's nested fields) is answered as the signed-in user.
  ctx.signIn(viewer);
  return {
    token: await ctx.app.tokens.issueAccessToken(viewer),
    refreshToken: formatRefreshToken(user.tenantId, sessionId, secret),
    expiresIn: ctx.app.tokens.accessTokenTtlSeconds,
    user,
  };
}

const INVALID_REFRESH = '登录已失效，请重新登录';

/** Exchanges a refresh token for a new access token and a new refresh token (rotation). */
export async function refresh(ctx: RequestContext, refreshToken: string): Promise<AuthResult> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) throw unauthenticated(INVALID_REFRESH);
  const outcome = await inTenant(ctx.app.db, parsed.tenantId, async (m) => {
    const session = await m
      .createQueryBuilder(Session, 's')
      .setLock('pessimistic_write')
      .where('s.tenant_id = :t AND s.id = :id', { t: parsed.tenantId, id: parsed.sessionId })
      .getOne();
    if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
    if (!sameHash(session.tokenHash, hashSecret(parsed.secret))) {
      // A rotated-out token came back: someone holds a copy. End the session for both holders.
      await revokeSessions(m, { sessionId: session.id });
      await appendAudit(m, { tenantId: session.tenantId, userId: session.userId, username: null, requestId: ctx.requestId }, {
        action: 'auth.refresh_reuse_detected',
        objectType: 'Session',
        objectId: toGlobalId('Session', session.id),
      });
      return null;
    }
    const user = await m.findOneBy(User, { tenantId: session.tenantId, id: session.userId });
    const tenant = await m.findOneBy(Tenant, { id: session.tenantId });
    if (!user || user.status !== UserStatus.ACTIVE || tenant?.status !== TenantStatus.ACTIVE) return null;
    const { secret, hash } = newRefreshSecret();
    await m.update(Session, { tenantId: session.tenantId, id: session.id }, { tokenHash: hash, lastUsedAt: new Date() });
    await appendAudit(m, { tenantId: user.tenantId, userId: user.id, username: user.username, requestId: ctx.requestId }, {
      action: 'auth.refresh',
      objectType: 'Session',
      objectId: toGlobalId('Session', session.id),
    });
    return issueTokens(ctx, user, session.id, secret);
  });
  if (!outcome) throw unauthenticated(INVALID_REFRESH);
  return outcome;
}

/** Ends the session a refresh token belongs to. Unknown or already-ended tokens are not an error. */
export async function logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) return true;
  await inTenant(ctx.app.db, parsed.tenantId, async (m) => {
    const session = await m.findOneBy(Session, { tenantId: parsed.tenantId, id: parsed.sessionId });
    if (!session || session.revokedAt || !sameHash(session.tokenHash, hashSecret(parsed.secret))) return;
    await revokeSessions(m, { sessionId: session.id });
    await appendAudit(m, { tenantId: session.tenantId, userId: session.userId, username: null, requestId: ctx.requestId }, {
      action: 'auth.logout',
      objectType: 'Session',
      objectId: toGlobalId('Session', session.id),
    });
  });
  return true;
}

function slowdownMs(ctx: RequestContext, failures: number): number {
  const steps = failures - SLOWDOWN_AFTER;
  return steps > 0 ? ctx.app.config.loginFailureDelayMs * 2 ** Math.min(steps - 1, 7) : 0;
}

function lockedError(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return rateLimited(`连续登录失败次数过多，账号已锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds);
}
