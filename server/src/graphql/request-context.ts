import crypto from 'node:crypto';
import { RequestContext, type AppServices } from './context';
import { bindRequestContext } from '../observability/request-scope';

export interface RequestInfo {
  authorization?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

/**
 * Builds the request's context from its bearer token. A missing, expired, forged or revoked token
 * leaves the request anonymous: public operations still work, everything else answers UNAUTHENTICATED.
 */
export async function buildRequestContext(app: AppServices, info: RequestInfo): Promise<RequestContext> {
  const token = /^Bearer\s+(\S+)$/i.exec(info.authorization?.trim() ?? '')?.[1];
  const claimed = token ? await app.tokens.verifyAccessToken(token) : null;
  const viewer = claimed && !app.revocations.isRevoked(claimed.sessionId) ? claimed : null;
  const requestId = info.requestId && /^[\w.-]{1,64}$/.test(info.requestId) ? info.requestId : crypto.randomUUID();
  const context = new RequestContext(app, requestId, viewer, info.ip ?? null, info.userAgent ?? null);
  bindRequestContext(context);
  return context;
}
