/** The tasks of the workbench: those the viewer was drawn for, or the bureau's tasks in progress. */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Space, Tag } from 'antd';
import { useMessages } from '../../app/i18n';
import { LINKS } from '../../app/navigation';
import { useCursorPages } from '../../app/useCursorPages';
import { connectionPages } from '../../components/csv-pages';
import { AppLink } from '../../components/BackLink';
import { TASK_STATUS_COLORS, taskMessages } from '../tasks/messages';
import { workbenchMessages } from './messages';
import { WORKBENCH_TASKS, type WorkbenchTask } from './operations';
import { WorkbenchList } from './WorkbenchList';

export function TasksCard({ scope }: { scope: 'mine' | 'inProgress' }) {
  const m = useMessages(workbenchMessages);
  const tm = useMessages(taskMessages);
  const client = useApolloClient();
  const pages = useCursorPages(5);
  const filter = scope === 'mine' ? { mine: true } : { inProgress: true };
  const { data, loading, error } = useQuery(WORKBENCH_TASKS, {
    variables: { ...filter, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.tasks;
  const testId = scope === 'mine' ? 'workbench-my-tasks' : 'workbench-tasks';

  const columns = [
    {
      key: 'title',
      title: m('taskTitle'),
      render: (_: unknown, task: WorkbenchTask) => (
        <Space size={4}>
          <AppLink to={LINKS.task(task.id)} testId={`${testId}-link`}>
            {task.title}
          </AppLink>
          {task.joint && <Tag color="purple">{tm('jointTag')}</Tag>}
        </Space>
      ),
    },
    { key: 'status', title: m('status'), render: (_: unknown, task: WorkbenchTask) => <Tag color={TASK_STATUS_COLORS[task.status]}>{tm(task.status)}</Tag> },
    { key: 'period', title: m('period'), render: (_: unknown, task: WorkbenchTask) => `${task.startsOn} — ${task.endsOn}` },
  ];

  const exportSpec = () => ({
    fileName: m('exportTasks'),
    columns: [
      { title: m('taskTitle'), value: (task: WorkbenchTask) => task.title },
      { title: m('status'), value: (task: WorkbenchTask) => tm(task.status) },
      { title: tm('startsOn'), value: (task: WorkbenchTask) => task.startsOn },
      { title: tm('endsOn'), value: (task: WorkbenchTask) => task.endsOn },
      { title: tm('joint'), value: (task: WorkbenchTask) => (task.joint ? tm('jointTag') : '') },
    ],
    fetchPage: connectionPages(client, WORKBENCH_TASKS, filter, (page) => page.tasks),
  });

  return (
    <WorkbenchList<WorkbenchTask>
      title={scope === 'mine' ? m('myTasks') : m('tasksInProgress')}
      testId={testId}
      rows={connection?.edges.map((e) => e.node) ?? []}
      totalCount={connection?.totalCount}
      pageInfo={connection?.pageInfo}
      pages={pages}
      loading={loading}
      error={error}
      columns={columns}
      empty={scope === 'mine' ? m('myTasksEmpty') : m('tasksInProgressEmpty')}
      exportSpec={exportSpec}
    />
  );
}
