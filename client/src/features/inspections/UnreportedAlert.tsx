/** On a drawn task's page: the drawn entities still without a submitted report once the window has closed (逾期). */
import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { useMessages } from '../../app/i18n';
import { inspectionMessages } from './messages';
import { TASK_UNREPORTED } from './operations';

export function UnreportedAlert({ taskId }: { taskId: string }) {
  const m = useMessages(inspectionMessages);
  const { data } = useQuery(TASK_UNREPORTED, { variables: { id: taskId }, fetchPolicy: 'cache-and-network' });
  const task = data?.node && 'unreportedOverdue' in data.node ? data.node : null;
  if (!task?.unreportedOverdue) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="task-unreported-overdue"
      data-count={task.unreportedOverdue}
      message={m('unreportedOverdue', { count: task.unreportedOverdue, date: task.endsOn })}
      description={m('unreportedOverdueHint')}
    />
  );
}
