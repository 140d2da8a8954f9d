/** The stable `extensions.code` values of every error the API returns. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RULE_VIOLATION',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  /** The database cannot be reached right now; retry after `retryAfterSeconds`. */
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field, reported under `extensions.fields`. */
export interface FieldProblem {
  field: string;
  message: string;
}
