import { IsNull, type EntityManager } from 'typeorm';
import { passwordProblems, toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { appendAudit } from '../audit/audit.service';
import { User, UserStatus } from '../users/user.entity';
import { hashPassword } from '../auth/passwords';
import { revokeSessions } from '../auth/session-revocations';
import { Invitation, InvitationPurpose } from './invitation.entity';
import { hashInvitationCode, newInvitationCode } from './invitation-code';

export const INVITATION_DAYS = 7;

export interface IssuedCode {
  code: string;
  expiresAt: Date;
}

/** Issues a one-time code for `user` inside the caller's transaction; the plain code leaves only in the answer. */
export async function issueInvitation(
  manager: EntityManager,
  user: Pick<User, 'tenantId' | 'id'>,
  purpose: InvitationPurpose,
  createdBy: string | null,
): Promise<IssuedCode> {
  // A new code replaces any earlier unused one for the same user.
  await manager.update(Invitation, { tenantId: user.tenantId, userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
  const { code, hash } = newInvitationCode();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await manager.insert(Invitation, { tenantId: user.tenantId, userId: user.id, purpose, codeHash: hash, expiresAt, createdBy });
  return { code, expiresAt };
}

export interface Redeemed {
  username: string;
  tenantName: string;
}

/** Sets the password of the user a code was issued to; the code is spent. No sign-in needed. */
export async function redeemInvitation(ctx: RequestContext, code: string, password: string): Promise<Redeemed> {
  const hash = hashInvitationCode(code);
  const [{ tenant_id: tenantId }] = (await ctx.app.db.query('SELECT auth_tenant_of_invitation($1) AS tenant_id', [hash])) as {
    tenant_id: string | null;
  }[];
  if (!tenantId) throw notFound('邀请码');
  return inTenant(ctx.app.db, tenantId, async (m) => {
    const invitation = await m
      .createQueryBuilder(Invitation, 'i')
      .setLock('pessimistic_write')
      .where('i.tenant_id = :t AND i.code_hash = :hash', { t: tenantId, hash })
      .getOne();
    if (!invitation) throw notFound('邀请码');
    if (invitation.usedAt) throw conflict('邀请码已使用或已被新的邀请码取代');
    if (invitation.expiresAt <= new Date()) throw ruleViolation('INVITATION_EXPIRED', '邀请码已过期，请联系管理员重新发放');
    const user = await m.findOneByOrFail(User, { tenantId, id: invitation.userId });
    if (user.status === UserStatus.DEACTIVATED) throw forbidden('账号已停用，请联系本单位管理员');
    const problems = passwordProblems(password, { username: user.username });
    if (problems.length) throw badInput(problems, '密码不符合要求');
    await m.update(
      User,
      { tenantId, id: user.id },
      {
        passwordHash: await hashPassword(password),
        status: UserStatus.ACTIVE,
        failedLogins: 0,
        lockedUntil: null,
      },
    );
    await m.update(Invitation, { tenantId, id: invitation.id }, { usedAt: new Date() });
    if (invitation.purpose === InvitationPurpose.RESET_PASSWORD) await revokeSessions(m, { userId: user.id });
    await appendAudit(
      m,
      { tenantId, userId: user.id, username: user.username, requestId: ctx.requestId },
      {
        action: 'user.invitation_redeemed',
        objectType: 'User',
        objectId: toGlobalId('User', user.id),
        after: { purpose: invitation.purpose },
      },
    );
    const [tenant] = (await m.query('SELECT name FROM tenants WHERE id = $1', [tenantId])) as { name: string }[];
    return { username: user.username, tenantName: tenant!.name };
  });
}
