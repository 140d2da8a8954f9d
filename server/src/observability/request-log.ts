import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from './metrics';
import { runInRequestScope, type RequestScope } from './request-scope';

const REQUEST_ID = /^[\w.-]{1,64}$/;
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * First middleware of every request: settles its id (a well-formed `X-Request-Id` from the proxy, or
 * a new one), echoes it in the response, serves the request inside its scope (so every log line on
 * the way carries the id, the tenant and the user), and at the end writes one access-log line and
 * the duration metric. Probes and static files log at debug level.
 */
export function observeRequests(log: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    req.headers['x-request-id'] = requestId; // the contexts built further on take this id
    res.setHeader('X-Request-Id', requestId);
    const scope: RequestScope = { requestId };
    const path = req.path;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req, path);
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      const quiet = PROBES.has(path) || route === 'static';
      runInRequestScope(scope, () =>
        log[quiet ? 'debug' : 'info'](
          {
            method: req.method,
            path,
            route,
            status: res.statusCode,
            ms: Math.round(seconds * 10_000) / 10,
            ...(scope.operation && { operation: `${scope.operation.type} ${scope.operation.field}` }),
            ip: req.ip,
          },
          'request',
        ),
      );
    });
    runInRequestScope(scope, next);
  };
}

/** A bounded label: express's route pattern where one matched, else the kind of path. */
export function routeLabel(req: Request, path: string): string {
  if (path === '/graphql' || PROBES.has(path)) return path;
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string' && pattern !== '/{*path}') return pattern; // the catch-all serves the web app
  return path.startsWith('/api/') ? '/api/(unmatched)' : 'static';
}
