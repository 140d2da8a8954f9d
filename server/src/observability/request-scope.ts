import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestContext } from '../graphql/context';

/** What is known about the HTTP request being served, wherever in its async chain the code runs. */
export interface RequestScope {
  requestId: string;
  /** The request's context once built; its viewer can change during the request (login). */
  context?: RequestContext;
  operation?: { type: string; field: string };
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** Called where a request's context is built: from then on its log lines name the tenant and user. */
export function bindRequestContext(context: RequestContext): void {
  const scope = storage.getStore();
  if (scope) scope.context = context;
}

export function noteOperation(type: string, field: string): void {
  const scope = storage.getStore();
  if (scope) scope.operation = { type, field };
}

/** Merged into every log line written while a request is served (pino's mixin). */
export function requestLogFields(): Record<string, string> {
  const scope = storage.getStore();
  if (!scope) return {};
  const viewer = scope.context?.viewer;
  return viewer ? { requestId: scope.requestId, tenantId: viewer.tenantId, userId: viewer.userId } : { requestId: scope.requestId };
}
