/** A workbench list of inspection records: awaiting me, due soon or overdue. Each row opens the record. */
import type { ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Space, Tag, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { LINKS } from '../../app/navigation';
import { connectionPages } from '../../components/csv-pages';
import { INSPECTION_STATUS_COLORS, workbenchMessages, type InspectionStatusKey } from './messages';
import { WORKBENCH_RECORDS, type WorkbenchRecord } from './operations';
import { WorkbenchList } from './WorkbenchList';

export interface RecordFilter {
  awaitingMe?: boolean;
  dueWithinDays?: number;
  overdue?: boolean;
  mine?: boolean;
}

interface Props {
  title: ReactNode;
  testId: string;
  filter: RecordFilter;
  empty: string;
  exportName: string;
  showActions?: boolean;
  tone?: 'default' | 'danger' | 'warning';
  extra?: ReactNode;
}

const PAGE = 5;

export function RecordsCard({ title, testId, filter, empty, exportName, showActions, tone, extra }: Props) {
  const m = useMessages(workbenchMessages);
  const client = useApolloClient();
  const pages = useCursorPages(PAGE);
  const { data, loading, error } = useQuery(WORKBENCH_RECORDS, {
    variables: { ...filter, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.inspections;
  const status = (r: WorkbenchRecord) => m(`status_${r.status}` as InspectionStatusKey);

  const deadline = (r: WorkbenchRecord) => {
    if (r.status === 'SUBMITTED' && r.reviewDueOn) return { text: m('reviewDue', { date: r.reviewDueOn }), late: r.reviewOverdue };
    if (r.status === 'REVIEWED' && r.approvalDueOn) return { text: m('approvalDue', { date: r.approvalDueOn }), late: r.approvalOverdue };
    if (r.status === 'APPROVED' && r.publicationDueOn) return { text: m('publicationDue', { date: r.publicationDueOn }), late: r.publicationOverdue };
    if ((r.status === 'DRAFT' || r.status === 'RETURNED') && r.reportDueOn) return { text: m('reportDue', { date: r.reportDueOn }), late: r.reportOverdue };
    return null;
  };

  const columns = [
    {
      key: 'entity',
      title: m('entity'),
      render: (_: unknown, r: WorkbenchRecord) => (
        <Space direction="vertical" size={0}>
          <AppLink to={LINKS.inspection(r.id)} testId={`${testId}-link`}>
            {r.entityName}
          </AppLink>
          {r.task && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 320 }}>
              {r.task.title}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'status', title: m('status'), render: (_: unknown, r: WorkbenchRecord) => <Tag color={INSPECTION_STATUS_COLORS[r.status]}>{status(r)}</Tag> },
    {
      key: 'deadline',
      title: m('deadline'),
      render: (_: unknown, r: WorkbenchRecord) => {
        const due = deadline(r);
        if (!due) return '—';
        return (
          <Space size={4}>
            <Typography.Text type={due.late ? 'danger' : undefined}>{due.text}</Typography.Text>
            {due.late && <Tag color="red">{m('overdueTag')}</Tag>}
          </Space>
        );
      },
    },
    ...(showActions
      ? [{ key: 'actions', title: m('actions'), render: (_: unknown, r: WorkbenchRecord) => r.availableActions.map((a) => <Tag key={a}>{m(a)}</Tag>) }]
      : []),
  ];

  const exportSpec = () => ({
    fileName: exportName,
    columns: [
      { title: m('entity'), value: (r: WorkbenchRecord) => r.entityName },
      { title: m('uscc'), value: (r: WorkbenchRecord) => r.entityUscc },
      { title: m('task'), value: (r: WorkbenchRecord) => r.task?.title ?? '' },
      { title: m('status'), value: status },
      { title: m('deadline'), value: (r: WorkbenchRecord) => deadline(r)?.text ?? '' },
      { title: m('overdueTag'), value: (r: WorkbenchRecord) => (deadline(r)?.late ? m('overdueTag') : '') },
      { title: m('actions'), value: (r: WorkbenchRecord) => r.availableActions.map((a) => m(a)).join('、') },
    ],
    fetchPage: connectionPages(client, WORKBENCH_RECORDS, filter, (page) => page.inspections),
  });

  return (
    <WorkbenchList<WorkbenchRecord>
      title={title}
      testId={testId}
      rows={connection?.edges.map((e) => e.node) ?? []}
      totalCount={connection?.totalCount}
      pageInfo={connection?.pageInfo}
      pages={pages}
      loading={loading}
      error={error}
      columns={columns}
      empty={empty}
      exportSpec={exportSpec}
      tone={tone}
      extra={extra}
      rowAttributes={(r) => ({ 'data-entity': r.entityName, 'data-status': r.status })}
    />
  );
}
