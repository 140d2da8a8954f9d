/** Turns whatever Apollo reports into one code and one message a person can read. */
import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ApiProblem {
  /** The server's `extensions.code`, or NETWORK when the server could not be reached. */
  code: string;
  /** The server's message (already Chinese), or null to let the page show its own text. */
  message: string | null;
  fields: FieldProblem[];
  retryAfterSeconds?: number;
  /** RULE_VIOLATION: the broken rule (e.g. draw.TOO_FEW_INSPECTORS) and, for a draw, its constraint. */
  rule?: string;
  constraint?: string;
  /** RATE_LIMITED: TOO_FREQUENT for a rate limit, absent for a lock-out after failures. */
  reason?: string;
}

export function hasCode(error: unknown, code: string): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === code);
}

export function describeError(error: ErrorLike | undefined | null): ApiProblem | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = first?.extensions ?? {};
    const fields = Array.isArray(extensions.fields) ? (extensions.fields as FieldProblem[]) : [];
    const retry = extensions.retryAfterSeconds;
    return {
      code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
      message: first?.message ?? null,
      fields,
      retryAfterSeconds: typeof retry === 'number' ? retry : undefined,
      rule: typeof extensions.rule === 'string' ? extensions.rule : undefined,
      constraint: typeof extensions.constraint === 'string' ? extensions.constraint : undefined,
      reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
    };
  }
  return { code: 'NETWORK', message: null, fields: [] };
}
