import crypto from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { isRole, type Role } from '@spotcheck/shared';
import type { Viewer } from '../../graphql/context';

const ISSUER = 'spotcheck';
const AUDIENCE = 'spotcheck-api';

export interface TokenService {
  issueAccessToken(viewer: Viewer): Promise<string>;
  /** The viewer of a valid access token, or null for a missing, expired, forged or malformed one. */
  verifyAccessToken(token: string): Promise<Viewer | null>;
  accessTokenTtlSeconds: number;
}

export function createTokenService(secret: string, accessTokenTtlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    accessTokenTtlSeconds,
    issueAccessToken: (viewer) =>
      new SignJWT({ tid: viewer.tenantId, usr: viewer.username, rol: viewer.roles, dep: viewer.departmentId, sid: viewer.sessionId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(viewer.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${accessTokenTtlSeconds}s`)
        .sign(key),
    verifyAccessToken: async (token) => {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        const roles = Array.isArray(payload.rol) ? payload.rol.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
        if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.sid !== 'string') return null;
        return {
          userId: payload.sub,
          tenantId: payload.tid,
          username: String(payload.usr ?? ''),
          roles,
          departmentId: typeof payload.dep === 'string' ? payload.dep : null,
          sessionId: payload.sid,
        };
      } catch {
        return null;
      }
    },
  };
}

/**
 * Refresh tokens are opaque: `<tenantId>.<sessionId>.<secret>`. The tenant and session tell where to
 * look (under that tenant's RLS scope); only SHA-256 of the secret is stored.
 */
export function newRefreshSecret(): { secret: string; hash: string } {
  const secret = crypto.randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function formatRefreshToken(tenantId: string, sessionId: string, secret: string): string {
  return `${tenantId}.${sessionId}.${secret}`;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REFRESH = new RegExp(`^(${UUID})\\.(${UUID})\\.([A-Za-z0-9_-]{43})$`);

export function parseRefreshToken(token: string): { tenantId: string; sessionId: string; secret: string } | null {
  const match = REFRESH.exec(token);
  return match ? { tenantId: match[1]!, sessionId: match[2]!, secret: match[3]! } : null;
}

/** Equal-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
