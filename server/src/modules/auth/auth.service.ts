import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import type { RequestContext, Viewer } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { badInput, forbidden, unauthenticated } from '../../graphql/errors';
import { appendAudit, type AuditActor } from '../audit/audit.service';
import { Tenant, TenantStatus } from '../tenants/tenant.entity';
import { User, UserStatus } from '../users/user.entity';
import { Session } from './session.entity';
import { verifyPassword } from './passwords';
import { revokeSessions } from './session-revocations';
import { reserveSignIn, signInSucceeded } from '../../security/address-limiter';
import { formatRefreshToken, hashSecret, newRefreshSecret, parseRefreshToken, sameHash } from './tokens';

export interface AuthResult {
  token: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

type Attempt = { outcome: 'ok'; result: AuthResult } | { outcome: 'failed' };

const WRONG_CREDENTIALS = '用户名或密码错误';

export async function login(ctx: RequestContext, username: string, password: string): Promise<AuthResult> {
  const name = username.trim();
  const problems = [...(name ? [] : [{ field: 'username', message: '请输入用户名' }]), ...(password ? [] : [{ field: 'password', message: '请输入密码' }])];
  if (problems.length) throw badInput(problems);
  // Counted before the hash: a burst buys no more argon2 work than the throttles allow.
  await reserveSignIn(ctx, name);
  const [{ tenant_id: tenantId }] = (await ctx.app.db.query('SELECT auth_tenant_of($1) AS tenant_id', [name])) as { tenant_id: string | null }[];
  if (!tenantId) {
    await checkPassword(ctx, null, password);
    throw unauthenticated(WRONG_CREDENTIALS);
  }
  const attempt = await inTenant(ctx.app.db, tenantId, (m) => attemptLogin(ctx, m, tenantId, name, password));
  if (attempt.outcome === 'ok') return attempt.result;
  throw unauthenticated(WRONG_CREDENTIALS);
}

async function checkPassword(ctx: RequestContext, storedHash: string | null, password: string): Promise<boolean> {
  ctx.app.metrics.passwordChecks.inc();
  return verifyPassword(storedHash, password);
}

async function attemptLogin(ctx: RequestContext, m: EntityManager, tenantId: string, name: string, password: string): Promise<Attempt> {
  const user = await m
    .createQueryBuilder(User, 'u')
    .setLock('pessimistic_write')
    .where('u.tenant_id = :t AND lower(u.username) = lower(:name)', { t: tenantId, name })
    .getOne();
  const tenant = await m.findOneBy(Tenant, { id: tenantId });
  if (!user || !tenant) throw unauthenticated(WRONG_CREDENTIALS);
  const actor: AuditActor = { tenantId, userId: user.id, username: user.username, requestId: ctx.requestId };
  const now = new Date();
  if (!(await checkPassword(ctx, user.passwordHash, password))) {
    // Consecutive failures, for the record only: nothing locks (the throttles slow the guesser instead).
    const failures = user.failedLogins + 1;
    await m.update(User, { tenantId, id: user.id }, { failedLogins: failures });
    await appendAudit(m, actor, {
      action: 'auth.login_failed',
      objectType: 'User',
      objectId: toGlobalId('User', user.id),
      after: { failedLogins: failures, ip: ctx.ip, userAgent: ctx.userAgent },
    });
    return { outcome: 'failed' };
  }
  await signInSucceeded(ctx, m, name);
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
      await appendAudit(
        m,
        { tenantId: session.tenantId, userId: session.userId, username: null, requestId: ctx.requestId },
        {
          action: 'auth.refresh_reuse_detected',
          objectType: 'Session',
          objectId: toGlobalId('Session', session.id),
        },
      );
      return null;
    }
    const user = await m.findOneBy(User, { tenantId: session.tenantId, id: session.userId });
    const tenant = await m.findOneBy(Tenant, { id: session.tenantId });
    if (!user || user.status !== UserStatus.ACTIVE || tenant?.status !== TenantStatus.ACTIVE) return null;
    const { secret, hash } = newRefreshSecret();
    await m.update(Session, { tenantId: session.tenantId, id: session.id }, { tokenHash: hash, lastUsedAt: new Date() });
    await appendAudit(
      m,
      { tenantId: user.tenantId, userId: user.id, username: user.username, requestId: ctx.requestId },
      {
        action: 'auth.refresh',
        objectType: 'Session',
        objectId: toGlobalId('Session', session.id),
      },
    );
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
    await appendAudit(
      m,
      { tenantId: session.tenantId, userId: session.userId, username: null, requestId: ctx.requestId },
      {
        action: 'auth.logout',
        objectType: 'Session',
        objectId: toGlobalId('Session', session.id),
      },
    );
  });
  return true;
}
