/** A refused freeze or draw: the server's message, and for an infeasible draw the constraint by name. */
import { Alert } from 'antd';
import type { ApiProblem } from '../../app/errors';
import { useI18n, useMessages } from '../../app/i18n';
import { problemMessage, problemTitle } from '../../app/problem-text';
import { drawMessages, isConstraint } from './messages';

export function DrawProblemAlert({ problem, onClose }: { problem: ApiProblem | null; onClose?: () => void }) {
  const { t } = useI18n();
  const m = useMessages(drawMessages);
  if (!problem) return null;
  const constraint = isConstraint(problem.constraint) ? `${m(problem.constraint)}（${problem.constraint}）` : problem.rule;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      closable={!!onClose}
      onClose={onClose}
      data-testid="draw-error"
      data-code={problem.code}
      data-rule={problem.rule}
      style={{ marginBottom: 16 }}
      title={problemTitle(problem, t)}
      description={
        <>
          <div>{problemMessage(problem, t)}</div>
          {constraint && <div data-testid="draw-error-constraint">{m('failedRule', { constraint })}</div>}
        </>
      }
    />
  );
}
