import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { ErrorCode } from '@spotcheck/shared';
import type { AppServices } from '../graphql/context';
import { AppError, UNAVAILABLE_RETRY_SECONDS } from '../graphql/errors';
import { isDatabaseUnavailable } from '../lib/pg-errors';

/**
 * The one mapping of errors to HTTP answers for every REST endpoint (file uploads and downloads, evidence,
 * the entity's statements, the public endpoints): `{ error: { code, message, …details } }` with the status
 * of the code. The services' typed errors (AppError, the same as over GraphQL) keep their code and
 * extensions; a database that cannot be reached is 503 with Retry-After; anything else is logged and
 * answered 500 without details.
 */

/** An answer other than success, with the extra fields a GraphQL error would carry (`rule`, `limitBytes`, …). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const unauthenticatedHttp = () => new HttpError(401, 'UNAUTHENTICATED', '请先登录');
export const forbiddenHttp = (message = '无权执行此操作') => new HttpError(403, 'FORBIDDEN', message);
export const notFoundHttp = (what = '对象') => new HttpError(404, 'NOT_FOUND', `${what}不存在或不可见`);
export const badRequestHttp = (message: string) => new HttpError(400, 'BAD_USER_INPUT', message);
export const rateLimitedHttp = (message: string) => new HttpError(429, 'RATE_LIMITED', message);

/** The HTTP status of each error code a service throws. */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RULE_VIOLATION: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** The answer for a known error, or null for an unexpected one. */
export function httpErrorOf(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof AppError) {
    const { code, ...details } = error.extensions as { code: ErrorCode } & Record<string, unknown>;
    return new HttpError(HTTP_STATUS[code] ?? 500, code, error.message, details);
  }
  // express's own refusals (a file sendFile did not find, a malformed path) carry their 4xx status.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return status === 404 ? new HttpError(404, 'NOT_FOUND', '对象不存在或不可见') : new HttpError(status, 'BAD_USER_INPUT', '请求有误');
  }
  if (isDatabaseUnavailable(error)) {
    return new HttpError(503, 'SERVICE_UNAVAILABLE', '数据库暂时不可用，请稍后重试', { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS });
  }
  return null;
}

/** Answers an error; a response already under way can only be cut off. */
export function sendRestError(app: Pick<AppServices, 'log'>, req: Request, res: Response, raw: unknown): void {
  const error = httpErrorOf(raw);
  if (!error) app.log.error({ err: raw, path: req.path }, 'REST endpoint failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // Refused before the body was read (no token, no right, too large): close rather than drain it.
  if (!req.complete) res.setHeader('Connection', 'close');
  const answer = error ?? new HttpError(500, 'INTERNAL_SERVER_ERROR', '服务器内部错误');
  if (typeof answer.details.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(answer.details.retryAfterSeconds));
  res.status(answer.status).json({ error: { ...answer.details, code: answer.code, message: answer.message } });
}

/** Wraps a REST handler: whatever it throws is answered by sendRestError. */
export function restRoute(app: Pick<AppServices, 'log'>, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, _next: NextFunction) => {
    handler(req, res).catch((error: unknown) => sendRestError(app, req, res, error));
  };
}

/** The last error handler of the web app: routes that pass errors on (`next(error)`) get the same answers. */
export function restErrorHandler(app: Pick<AppServices, 'log'>): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => sendRestError(app, req, res, error);
}
