import type { Request, Response } from 'express';
import type { AppServices, RequestContext } from '../../graphql/context';
import { buildRequestContext } from '../../graphql/request-context';
import { rateLimitedHttp, unauthenticatedHttp } from '../../http/rest-errors';

export { HttpError, badRequestHttp, forbiddenHttp, notFoundHttp, rateLimitedHttp, unauthenticatedHttp } from '../../http/rest-errors';

/** One of the bureau's heavy-work slots (lib/heavy-work.ts), or a 429 refusal. */
export function heavySlotHttp(app: AppServices, tenantId: string): () => void {
  const release = app.heavyWork.tryAcquire(tenantId);
  if (!release) throw rateLimitedHttp(app.heavyWork.refusal());
  return release;
}

/** The request's context from its bearer token; refuses anonymous requests. */
export async function signedInContext(app: AppServices, req: Request): Promise<RequestContext> {
  const ctx = await buildRequestContext(app, {
    authorization: req.headers.authorization ?? null,
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : null,
  });
  if (!ctx.viewer) throw unauthenticatedHttp();
  return ctx;
}

/** Headers for a download; the Chinese name goes in filename*, an ASCII fallback in filename. */
export function startDownload(res: Response, contentType: string, fileName: string, asciiName: string): void {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('Cache-Control', 'no-store');
}
