/** What went wrong, in the entity's words: a wrong code and a lock-out are said plainly, with no hint about the code. */
import type { ErrorLike } from '@apollo/client';
import { describeError } from '../../app/errors';
import type { Translate } from '../../app/i18n';
import { problemMessage, problemTitle } from '../../app/problem-text';
import { FileProblem } from './entity-files';
import type { entityRecordMessages } from './messages';

type M = (key: keyof (typeof entityRecordMessages)['zh'], vars?: Record<string, string | number>) => string;

export interface EntityProblem {
  kind: 'wrongCode' | 'locked' | 'other';
  title: string;
  message: string;
}

const minutes = (seconds: number | undefined) => Math.max(1, Math.ceil((seconds ?? 60) / 60));

/** Too many writes with one code or from one address in a minute: a short wait, not a lock-out. */
const tooFrequent = (seconds: number | undefined, m: M): EntityProblem => ({
  kind: 'other',
  title: m('tooFrequentTitle'),
  message: m('tooFrequent', { seconds: seconds ?? 60 }),
});

export function apiProblem(error: ErrorLike | null | undefined, m: M, t: Translate): EntityProblem | null {
  const problem = describeError(error);
  if (!problem) return null;
  if (problem.code === 'NOT_FOUND') return { kind: 'wrongCode', title: m('wrongCodeTitle'), message: m('wrongCode') };
  if (problem.code === 'RATE_LIMITED' && problem.reason === 'TOO_FREQUENT') return tooFrequent(problem.retryAfterSeconds, m);
  if (problem.code === 'RATE_LIMITED')
    return { kind: 'locked', title: m('lockedTitle'), message: m('locked', { minutes: minutes(problem.retryAfterSeconds) }) };
  return { kind: 'other', title: problemTitle(problem, t), message: problemMessage(problem, t) };
}

export function fileProblem(error: unknown, m: M, t: Translate): EntityProblem {
  if (!(error instanceof FileProblem)) return { kind: 'other', title: m('uploadFailed'), message: (error as Error)?.message ?? t('error_OTHER') };
  if (error.status === 429 && error.reason === 'TOO_FREQUENT') return tooFrequent(error.retryAfterSeconds, m);
  if (error.status === 429) return { kind: 'locked', title: m('lockedTitle'), message: m('locked', { minutes: minutes(error.retryAfterSeconds) }) };
  if (error.status === 404) return { kind: 'wrongCode', title: m('wrongCodeTitle'), message: m('wrongCode') };
  if (error.status === 413)
    return { kind: 'other', title: m('uploadFailed'), message: m('fileTooLarge', { mb: Math.round((error.limitBytes ?? 0) / 1024 / 1024) }) };
  if (error.status === 415) return { kind: 'other', title: m('uploadFailed'), message: m('fileType') };
  if (error.status === 0) return { kind: 'other', title: m('uploadFailed'), message: t('networkError') };
  return { kind: 'other', title: m('uploadFailed'), message: error.message };
}
