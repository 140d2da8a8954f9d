import { In, IsNull, MoreThan } from 'typeorm';
import { asSubject, fromGlobalUuid, passwordProblems, toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, forbidden, notFound } from '../../graphql/errors';
import { paginate, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { actorOf, appendAudit } from '../audit/audit.service';
import { AuditEvent } from '../audit/audit-event.entity';
import { User } from '../users/user.entity';
import { hashPassword, verifyPassword } from './passwords';
import { Session } from './session.entity';
import { revokeSessions } from './session-revocations';

/** Changes the viewer's own password and signs out every other session. */
export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const user = await m.findOneByOrFail(User, { id: viewer.userId });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw badInput([{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    const problems = passwordProblems(newPassword, { username: user.username }).map((p) => ({ ...p, field: 'newPassword' }));
    if (newPassword === currentPassword) problems.push({ field: 'newPassword', message: '新密码不能与当前密码相同' });
    if (problems.length) throw badInput(problems, '新密码不符合要求');
    await m.update(User, { tenantId: user.tenantId, id: user.id }, { passwordHash: await hashPassword(newPassword) });
    const ended = await revokeSessions(m, { userId: user.id, exceptSessionId: viewer.sessionId });
    await appendAudit(m, actorOf(ctx), {
      action: 'user.change_password',
      objectType: 'User',
      objectId: toGlobalId('User', user.id),
      after: { otherSessionsEnded: ended.length },
    });
    return true;
  });
}

/** The viewer's live sessions (devices), newest first. */
export function mySessions(ctx: RequestContext): Promise<Session[]> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) =>
    m.find(Session, {
      where: { userId: viewer.userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastUsedAt: 'DESC' },
      take: 100,
    }),
  );
}

/** Ends one of the viewer's own sessions; its access token stops working at once. */
export async function revokeSession(ctx: RequestContext, globalId: string): Promise<boolean> {
  requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const id = fromGlobalUuid(globalId, 'Session');
    const session = id ? await m.findOneBy(Session, { id }) : null;
    if (!session || !ctx.ability.can('read', asSubject('Session', session))) throw notFound('会话');
    if (!ctx.ability.can('delete', asSubject('Session', session))) throw forbidden();
    await revokeSessions(m, { sessionId: session.id });
    await appendAudit(m, actorOf(ctx), { action: 'auth.session_revoked', objectType: 'Session', objectId: toGlobalId('Session', session.id) });
    return true;
  });
}

export const SIGN_IN_ACTIONS = ['auth.login', 'auth.login_failed', 'auth.locked'];

/** Sign-in history of a user: one's own, or anyone's in the tenant for those who read the audit trail (the supervisor). */
export async function signInHistory(ctx: RequestContext, userGlobalId: string | null | undefined, page: PageArgs): Promise<ConnectionShape<AuditEvent>> {
  const viewer = requireViewer(ctx);
  const userId = userGlobalId ? fromGlobalUuid(userGlobalId, 'User') : viewer.userId;
  if (!userId) throw notFound('用户');
  if (userId !== viewer.userId && !ctx.ability.can('read', asSubject('AuditEvent', { tenantId: viewer.tenantId }))) throw forbidden();
  return tenantTx(ctx, async (m) => {
    if (!(await m.existsBy(User, { id: userId }))) throw notFound('用户');
    const query = m
      .createQueryBuilder(AuditEvent, 'e')
      .where({ actorUserId: userId, action: In(SIGN_IN_ACTIONS) })
      .orderBy('e.seq', 'DESC');
    return paginate(query, page);
  });
}
