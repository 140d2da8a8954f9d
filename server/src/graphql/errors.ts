import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorCode, FieldProblem } from '@spotcheck/shared';
import { isDatabaseUnavailable } from '../lib/pg-errors';

/** Every error a client sees carries one stable `extensions.code`. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (what = '对象') => new AppError('NOT_FOUND', `${what}不存在或不可见`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const ruleViolation = (rule: string, message: string) => new AppError('RULE_VIOLATION', message, { rule });
export const badInput = (fields: FieldProblem[], message = '输入有误') =>
  new AppError('BAD_USER_INPUT', `${message}：${fields.map((f) => `${f.field} ${f.message}`).join('；')}`, { fields });
export const rateLimited = (message: string, retryAfterSeconds: number) => new AppError('RATE_LIMITED', message, { retryAfterSeconds });

const PUBLIC_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RULE_VIOLATION',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Known errors pass through. A database that cannot be reached (down, restarting) is
 * SERVICE_UNAVAILABLE: the request was fine and may be sent again. Anything else (a bug, a database
 * error) is logged by the caller and reaches the client only as INTERNAL_SERVER_ERROR, without its
 * message or stack.
 */
export function formatError(formatted: GraphQLFormattedError, onInternal: (error: unknown) => void, raw: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isDatabaseUnavailable(raw)) return { ...databaseUnavailable(), locations: formatted.locations, path: formatted.path };
  onInternal(raw);
  return { message: '服务器内部错误', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Errors as a client receives them, each through `formatError` (graphql-ws's results and refusals). */
export function formatErrors(errors: readonly GraphQLError[], onInternal: (error: unknown) => void): GraphQLFormattedError[] {
  return errors.map((error) => formatError(error.toJSON(), onInternal, error));
}

/** Seconds a client should wait before trying again while the database cannot be reached. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

export function databaseUnavailable(): GraphQLFormattedError {
  return { message: '数据库暂时不可用，请稍后重试', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS } };
}
