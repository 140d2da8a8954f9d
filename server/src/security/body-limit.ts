import type { NextFunction, Request, Response } from 'express';

/** Largest GraphQL request, over HTTP and as one graphql-ws message. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * After `express.json`: a body over the limit is 413 and one that is not JSON is 400, both in
 * GraphQL's error shape rather than express's HTML page. Nothing of the body reaches Apollo.
 */
export function jsonBodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.too.large') {
    res.status(413).json({
      errors: [{ message: `请求体超过 ${MAX_BODY_BYTES / 1024 / 1024} MB 的上限`, extensions: { code: 'BAD_USER_INPUT', limitBytes: MAX_BODY_BYTES } }],
    });
  } else if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(400).json({ errors: [{ message: '请求体不是有效的 JSON', extensions: { code: 'BAD_REQUEST' } }] });
  } else {
    next(error);
  }
}
