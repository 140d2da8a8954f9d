/** For actions without a form (a row's button): shows what went wrong as a message at the top. */
import { useCallback } from 'react';
import type { ErrorLike } from '@apollo/client';
import { App } from 'antd';
import { describeError } from './errors';
import { useI18n } from './i18n';
import { problemMessage, problemTitle } from './problem-text';

export function useNotifyProblem(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      const problem = describeError(error as ErrorLike);
      if (problem) void message.error({ content: `${problemTitle(problem, t)}：${problemMessage(problem, t)}`, duration: 6 });
    },
    [message, t],
  );
}
