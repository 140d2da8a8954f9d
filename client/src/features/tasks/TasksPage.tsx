/** 抽查任务: the bureau's tasks by status, paged, with export; planners start new ones, everyone opens the ceremony. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { canPlanTasks } from '../../app/permissions';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { FilterSelect } from '../../components/FilterSelect';
import { connectionPages } from '../../components/csv-pages';
import { taskMessages, TASK_STATUS_COLORS } from './messages';
import { TASKS, type TaskRow, type TaskStatus } from './operations';

const STATUSES: TaskStatus[] = ['DRAFT', 'COMMITTED', 'DRAWN', 'CANCELLED'];

export function TasksPage() {
  const { t } = useI18n();
  const m = useMessages(taskMessages);
  const user = useCurrentUser();
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const [status, setStatus] = useState<TaskStatus | null>(null);
  const { data, loading, error } = useQuery(TASKS, { variables: { status, first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const connection = data?.tasks;

  const statusTag = (task: TaskRow) => (
    <Tag color={TASK_STATUS_COLORS[task.status]} data-testid="task-status" data-status={task.status}>
      {m(task.status)}
    </Tag>
  );

  const columns = [
    {
      key: 'title',
      title: m('taskTitle'),
      render: (_: unknown, task: TaskRow) => (
        <Space size={4} wrap>
          <AppLink to={LINKS.task(task.id)} testId="task-link">
            {task.title}
          </AppLink>
          {task.joint && <Tag color="purple">{m('jointTag')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'plan',
      title: m('plan'),
      render: (_: unknown, task: TaskRow) => (task.plan ? m('planRound', { year: task.plan.year, round: task.round ?? '?' }) : '—'),
    },
    { key: 'period', title: m('period'), render: (_: unknown, task: TaskRow) => `${task.startsOn} — ${task.endsOn}` },
    { key: 'teamSize', title: m('teamSize'), dataIndex: 'teamSize', width: 90 },
    { key: 'status', title: m('status'), render: (_: unknown, task: TaskRow) => statusTag(task) },
    {
      key: 'ceremony',
      title: m('draw'),
      render: (_: unknown, task: TaskRow) =>
        task.status === 'CANCELLED' && !task.draw ? null : (
          <AppLink to={LINKS.ceremony(task.id)} testId="task-ceremony-link">
            {m('ceremony')}
          </AppLink>
        ),
    },
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('taskTitle'), value: (r: TaskRow) => r.title },
      { title: m('joint'), value: (r: TaskRow) => (r.joint ? '是' : '否') },
      { title: m('leadDepartment'), value: (r: TaskRow) => r.leadDepartment?.name ?? '' },
      { title: m('plan'), value: (r: TaskRow) => r.plan?.title ?? '' },
      { title: m('round'), value: (r: TaskRow) => r.round ?? '' },
      { title: m('startsOn'), value: (r: TaskRow) => r.startsOn },
      { title: m('endsOn'), value: (r: TaskRow) => r.endsOn },
      { title: m('teamSize'), value: (r: TaskRow) => r.teamSize },
      { title: m('status'), value: (r: TaskRow) => m(r.status) },
    ],
    fetchPage: connectionPages(client, TASKS, { status }, (page) => page.tasks),
  });

  return (
    <Card
      title={m('title')}
      style={{ width: '100%' }}
      data-testid="tasks-card"
      extra={
        <Space>
          <ExportCsvButton spec={exportSpec} testId="tasks-export" />
          {canPlanTasks(user) && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(LINKS.newTask)} data-testid="task-new">
              {m('newTask')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect<TaskStatus>
          label={m('statusFilter')}
          width={180}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={STATUSES.map((s) => ({ value: s, label: m(s) }))}
          testId="tasks-status-filter"
        />
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<TaskRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('empty') }}
            onRow={(task) => ({ 'data-testid': 'task-row', 'data-title': task.title }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="tasks-pager" />
        </>
      )}
    </Card>
  );
}
