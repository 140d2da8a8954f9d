import type { NextFunction, Request, Response } from 'express';
import type { ErrorCode } from '@spotcheck/shared';
import type { AppServices, RequestContext } from '../../graphql/context';
import { buildRequestContext } from '../../graphql/request-context';
import { UNAVAILABLE_RETRY_SECONDS } from '../../graphql/errors';
import { isDatabaseUnavailable } from '../../lib/pg-errors';

/** An answer other than success for the file endpoints, sent as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const unauthenticatedHttp = () => new HttpError(401, 'UNAUTHENTICATED', '请先登录');
export const forbiddenHttp = (message = '无权执行此操作') => new HttpError(403, 'FORBIDDEN', message);
export const notFoundHttp = (what = '对象') => new HttpError(404, 'NOT_FOUND', `${what}不存在或不可见`);
export const badRequestHttp = (message: string) => new HttpError(400, 'BAD_USER_INPUT', message);
export const rateLimitedHttp = (message: string) => new HttpError(429, 'RATE_LIMITED', message);

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

export function sendHttpError(res: Response, error: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(error.status).json({ error: { code: error.code, message: error.message } });
}

/** Wraps a handler: typed errors become JSON answers; anything else is logged and answered 500 without details. */
export function fileRoute(app: AppServices, handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, _next: NextFunction) => {
    handler(req, res).catch((error: unknown) => {
      // Refused before the body was read (no token, no right, too large): close rather than drain it.
      if (!req.complete && !res.headersSent) res.setHeader('Connection', 'close');
      if (error instanceof HttpError) return sendHttpError(res, error);
      if (isDatabaseUnavailable(error)) {
        if (!res.headersSent) res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_SECONDS));
        return sendHttpError(res, new HttpError(503, 'SERVICE_UNAVAILABLE', '数据库暂时不可用，请稍后重试'));
      }
      app.log.error({ err: error, path: req.path }, 'file endpoint failed');
      sendHttpError(res, new HttpError(500, 'INTERNAL_SERVER_ERROR', '服务器内部错误'));
    });
  };
}

/** Headers for a download; the Chinese name goes in filename*, an ASCII fallback in filename. */
export function startDownload(res: Response, contentType: string, fileName: string, asciiName: string): void {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('Cache-Control', 'no-store');
}
