/** PostgreSQL's unique_violation (23505), optionally on one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}

/** Network errors and PostgreSQL's connection-exception and operator-intervention classes. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  // TypeORM releases a transaction's query runner when its connection breaks between two statements.
  'Query runner already released',
  // …and answers thus when a statement is sent on a query runner whose connection has already gone.
  'Database connection provided by a query runner was already released',
];

/**
 * The database cannot be reached right now (down, restarting, unreachable): nothing is wrong with the
 * request, and the same request may well succeed in a moment. Looks through the wrappers (GraphQL's
 * originalError, TypeORM's driverError, `cause`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
    if (UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m))) return true;
    e = (e.originalError ?? e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}
