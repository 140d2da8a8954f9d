/**
 * 摇中对象与检查记录, on a drawn task's page: each drawn target with its items, its team and its record's
 * status; 建立检查记录 for the team, the department heads and the office, 查看 once the record exists.
 */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { canOpenInspection } from '../../app/permissions';
import { useCursorPages } from '../../app/useCursorPages';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { connectionPages } from '../../components/csv-pages';
import { InspectionStatusTag } from './InspectionStatusTag';
import { inspectionMessages } from './messages';
import { todayInChina } from './format';
import { INSPECTION_ASSIGNMENTS, OPEN_INSPECTION, TASK_UNREPORTED, type AssignmentRow } from './operations';

export function AssignmentsCard({ drawId, taskId }: { drawId: string; taskId: string }) {
  const { t } = useI18n();
  const m = useMessages(inspectionMessages);
  const user = useCurrentUser();
  const client = useApolloClient();
  const notify = useNotifyProblem();
  const pages = useCursorPages(20);
  const inspector = user.me.roles.includes('INSPECTOR');
  const [mine, setMine] = useState(inspector);
  const { data, loading, error } = useQuery(INSPECTION_ASSIGNMENTS, {
    variables: { drawId, mine: mine || null, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const [open] = useMutation(OPEN_INSPECTION);
  const { busyId, run } = useRowAction();
  const connection = data?.inspectionAssignments;
  // Once the task's window has closed, a target without a submitted report is overdue.
  const { data: taskData } = useQuery(TASK_UNREPORTED, { variables: { id: taskId }, fetchPolicy: 'cache-first' });
  const endsOn = taskData?.node && 'endsOn' in taskData.node ? taskData.node.endsOn : null;
  const windowClosed = !!endsOn && endsOn < todayInChina();
  const unreported = (r: AssignmentRow) => !r.inspection || r.inspection.status === 'DRAFT' || r.inspection.status === 'RETURNED';

  const openRecord = (row: AssignmentRow) =>
    run(String(row.seq), async () => {
      try {
        const { data: opened } = await open({ variables: { drawId, seq: row.seq }, refetchQueries: ['InspectionAssignments', 'Inspections'] });
        if (opened) navigate(LINKS.inspection(opened.openInspection.id));
      } catch (e) {
        notify(e);
      }
    });

  const columns = [
    { key: 'seq', title: m('seq'), render: (_: unknown, r: AssignmentRow) => r.seq + 1, width: 70 },
    {
      key: 'entity',
      title: m('entity'),
      render: (_: unknown, r: AssignmentRow) => (
        <Space direction="vertical" size={0}>
          <span>{r.entity?.name ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.entity?.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'items', title: m('items'), render: (_: unknown, r: AssignmentRow) => r.items.map((i) => i.name).join('、') || '—' },
    { key: 'team', title: m('team'), render: (_: unknown, r: AssignmentRow) => r.team.map((i) => i.name).join('、') || '—' },
    {
      key: 'status',
      title: m('recordStatus'),
      render: (_: unknown, r: AssignmentRow) => (
        <Space size={4} wrap>
          {r.inspection ? <InspectionStatusTag status={r.inspection.status} /> : <Typography.Text type="secondary">{m('noRecord')}</Typography.Text>}
          {windowClosed && unreported(r) && (
            <Tag color="red" data-testid="assignment-overdue">
              {m('overdue')}
            </Tag>
          )}
          {!!r.inspection?.reportedLateDays && (
            <Tag color="volcano" data-testid="assignment-late">
              {m('lateDays', { days: r.inspection.reportedLateDays })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'action',
      title: t('actions'),
      fixed: 'right' as const,
      render: (_: unknown, r: AssignmentRow) =>
        r.inspection ? (
          <AppLink to={LINKS.inspection(r.inspection.id)} testId="assignment-view">
            {m('viewRecord')}
          </AppLink>
        ) : canOpenInspection(user, r.team) ? (
          <Button
            size="small"
            icon={<FileAddOutlined aria-hidden />}
            loading={busyId === String(r.seq)}
            onClick={() => openRecord(r)}
            data-testid="assignment-open"
          >
            {m('openRecord')}
          </Button>
        ) : null,
    },
  ];

  const exportSpec = () => ({
    fileName: m('assignments'),
    columns: [
      { title: m('seq'), value: (r: AssignmentRow) => r.seq + 1 },
      { title: m('entity'), value: (r: AssignmentRow) => r.entity?.name ?? '' },
      { title: m('uscc'), value: (r: AssignmentRow) => r.entity?.uscc ?? '' },
      { title: m('items'), value: (r: AssignmentRow) => r.items.map((i) => i.name).join('、') },
      { title: m('team'), value: (r: AssignmentRow) => r.team.map((i) => i.name).join('、') },
      { title: m('recordStatus'), value: (r: AssignmentRow) => (r.inspection ? m(r.inspection.status) : m('noRecord')) },
      { title: m('overdue'), value: (r: AssignmentRow) => (windowClosed && unreported(r) ? m('overdue') : '') },
      {
        title: m('reportDueOn') + '·' + m('onTime'),
        value: (r: AssignmentRow) => (r.inspection?.reportedLateDays ? m('lateDays', { days: r.inspection.reportedLateDays }) : ''),
      },
    ],
    fetchPage: connectionPages(client, INSPECTION_ASSIGNMENTS, { drawId, mine: mine || null }, (page) => page.inspectionAssignments),
  });

  return (
    <Card
      title={m('assignments')}
      data-testid="assignments-card"
      extra={
        <Space wrap>
          <AppLink to={`${LINKS.inspectionsOfTask(taskId)}${inspector && !mine ? '&mine=0' : ''}`} testId="assignments-all-records">
            {m('allRecords')}
          </AppLink>
          <ExportCsvButton spec={exportSpec} testId="assignments-export" />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{m('assignmentsHint')}</Typography.Text>
        {inspector && (
          <Checkbox
            checked={mine}
            onChange={(e) => {
              setMine(e.target.checked);
              pages.reset();
            }}
            data-testid="assignments-mine"
          >
            {m('mine')}
          </Checkbox>
        )}
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<AssignmentRow>
            rowKey="seq"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(r) =>
              ({
                'data-testid': 'assignment-row',
                'data-seq': r.seq,
                'data-name': r.entity?.name ?? '',
                'data-uscc': r.entity?.uscc ?? '',
                'data-status': r.inspection?.status ?? 'NONE',
              }) as HTMLAttributes<HTMLElement>
            }
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="assignments-pager" />
        </>
      )}
    </Card>
  );
}
