import type { NextFunction, Request, Response } from 'express';
import type { ErrorCode } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { AppError, UNAVAILABLE_RETRY_SECONDS } from '../../graphql/errors';
import { isDatabaseUnavailable } from '../../lib/pg-errors';
import { HttpError } from '../imports/http-support';

/** An HTTP answer with the same extra fields a GraphQL error would carry (`rule`, `limitBytes`, …). */
export class DetailedHttpError extends HttpError {
  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(status, code, message);
  }
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RULE_VIOLATION: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

function asHttp(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof AppError) {
    const { code, ...details } = error.extensions as { code: ErrorCode } & Record<string, unknown>;
    return new DetailedHttpError(STATUS[code] ?? 500, code, error.message, details);
  }
  if (isDatabaseUnavailable(error)) {
    return new DetailedHttpError(503, 'SERVICE_UNAVAILABLE', '数据库暂时不可用，请稍后重试', { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS });
  }
  return null;
}

/**
 * Wraps an evidence endpoint: the services' typed errors (the same as over GraphQL) become JSON answers
 * `{ error: { code, message, … } }` with a fitting status; anything else is logged and answered 500.
 */
export function evidenceRoute(app: AppServices, handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, _next: NextFunction) => {
    handler(req, res).catch((raw: unknown) => {
      const error = asHttp(raw);
      if (!error) app.log.error({ err: raw, path: req.path }, 'evidence endpoint failed');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Refused before the body was read: close rather than drain it.
      if (!req.complete) res.setHeader('Connection', 'close');
      const answer = error ?? new HttpError(500, 'INTERNAL_SERVER_ERROR', '服务器内部错误');
      const details = answer instanceof DetailedHttpError ? answer.details : {};
      if (typeof details.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(details.retryAfterSeconds));
      res.status(answer.status).json({ error: { ...details, code: answer.code, message: answer.message } });
    });
  };
}

/** RFC 6266/5987: an ASCII fallback in filename, the real (Chinese) name in filename*. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, fallbackExtension: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const fallback = /[A-Za-z0-9]/.test(ascii.replace(/\.[^.]*$/, '')) ? ascii : `evidence.${fallbackExtension}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
