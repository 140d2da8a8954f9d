/** While a page's query loads: a spinner; when it failed: what went wrong (NOT_FOUND as “不存在或无权查看”). */
import type { ErrorLike } from '@apollo/client';
import { Alert, Spin } from 'antd';
import { describeError } from '../app/errors';
import { useI18n } from '../app/i18n';
import { problemMessage, problemTitle } from '../app/problem-text';

export function QueryState({ error, testId = 'load-error' }: { error?: ErrorLike | null; testId?: string }) {
  const { t } = useI18n();
  const problem = describeError(error);
  if (!problem) {
    return (
      <Spin tip={t('loading')}>
        <div style={{ width: 320, height: 120 }} aria-busy="true" />
      </Spin>
    );
  }
  const title = problem.code === 'NOT_FOUND' ? t('notFoundPage') : problemTitle(problem, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      style={{ width: '100%', maxWidth: 640 }}
      title={title}
      description={problemMessage(problem, t)}
    />
  );
}
