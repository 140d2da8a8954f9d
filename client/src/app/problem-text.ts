/** The words for an API problem: a title chosen by `extensions.code`, and the server's own (Chinese) message. */
import type { ApiProblem } from './errors';
import type { MessageKey, Translate } from './i18n';

const TITLES: Record<string, MessageKey> = {
  BAD_USER_INPUT: 'error_BAD_USER_INPUT',
  CONFLICT: 'error_CONFLICT',
  FORBIDDEN: 'error_FORBIDDEN',
  NOT_FOUND: 'error_NOT_FOUND',
  RULE_VIOLATION: 'error_RULE_VIOLATION',
  RATE_LIMITED: 'error_RATE_LIMITED',
  UNAUTHENTICATED: 'error_UNAUTHENTICATED',
  NETWORK: 'error_NETWORK',
};

export function problemTitle(problem: ApiProblem, t: Translate): string {
  return t(TITLES[problem.code] ?? 'error_OTHER');
}

export function problemMessage(problem: ApiProblem, t: Translate): string {
  if (problem.code === 'NETWORK') return t('networkError');
  return problem.message ?? t('error_OTHER');
}
