/** The alert above a form: a title by error code, and the server's message unless the fields already show it. */
import { Alert } from 'antd';
import { useI18n } from '../app/i18n';
import { problemMessage, problemTitle } from '../app/problem-text';
import type { FormProblem } from '../app/useFormProblem';

export function ProblemAlert({ problem, testId }: { problem: FormProblem | null; testId: string }) {
  const { t } = useI18n();
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={problem.code}
      style={{ marginBottom: 16 }}
      title={problemTitle(problem, t)}
      description={problem.allPlaced ? t('checkFields') : problemMessage(problem, t)}
    />
  );
}
