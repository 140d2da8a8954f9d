/**
 * 检查记录办理进度, on a drawn task's page: the bureau's records of the task counted by status, a status
 * filter, and row selection with a batch bar — 审核通过 / 审批通过 / 公示, as the viewer's roles allow —
 * that runs one step over the selected records (BatchRunModal) and reports each record's result.
 */
import { useState, type HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Progress, Space, Table, Tag, Typography } from 'antd';
import type { Role } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { useMessages } from '../../app/i18n';
import { LINKS } from '../../app/navigation';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { FilterSelect } from '../../components/FilterSelect';
import { InspectionStatusTag } from '../inspections/InspectionStatusTag';
import { inspectionMessages, INSPECTION_STATUS_COLORS } from '../inspections/messages';
import type { InspectionStatus } from '../inspections/operations';
import { batchMessages } from './batch-messages';
import { BatchRunModal, type BatchAction, type BatchRecord } from './BatchRunModal';
import { TASK_PROGRESS, TASK_RECORDS } from './operations';

const STATUSES: InspectionStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'APPROVED', 'PUBLISHED'];
/** The batch steps and the role each belongs to (the workflow's); returns and rejections need a comment per record and stay one at a time. */
const BATCH_ACTIONS: { action: BatchAction; role: Role }[] = [
  { action: 'PASS_REVIEW', role: 'DEPARTMENT_HEAD' },
  { action: 'APPROVE', role: 'LEADER' },
  { action: 'PUBLISH', role: 'OFFICE' },
];

export function TaskRecordsCard({ taskId }: { taskId: string }) {
  const m = useMessages(batchMessages);
  const s = useMessages(inspectionMessages);
  const user = useCurrentUser();
  const pages = useCursorPages(100);
  const [status, setStatus] = useState<InspectionStatus | null>(null);
  const [selected, setSelected] = useState<Map<string, BatchRecord>>(new Map());
  const [running, setRunning] = useState<BatchAction | null>(null);
  const { data: progressData, refetch: refetchProgress } = useQuery(TASK_PROGRESS, { variables: { id: taskId }, fetchPolicy: 'cache-and-network' });
  const { data, loading, refetch } = useQuery(TASK_RECORDS, {
    variables: { taskId, status, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const progress = progressData?.node && 'inspectionProgress' in progressData.node ? progressData.node.inspectionProgress : [];
  const countOf = (st: InspectionStatus) => progress.find((p) => p.status === st)?.count ?? 0;
  const total = progress.reduce((sum, p) => sum + p.count, 0);
  const rows = data?.inspections.edges.map((e) => e.node) ?? [];
  const actions = BATCH_ACTIONS.filter((a) => user.me.roles.includes(a.role));
  const filterBy = (next: InspectionStatus | null) => {
    setStatus(next);
    pages.reset();
  };

  const columns = [
    {
      key: 'entity',
      title: m('entity'),
      render: (_: unknown, r: BatchRecord) => (
        <Space direction="vertical" size={0} style={{ wordBreak: 'break-all' }}>
          <span>{r.entityName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.entityUscc}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'status', title: m('status'), width: 110, render: (_: unknown, r: BatchRecord) => <InspectionStatusTag status={r.status} /> },
    {
      key: 'view',
      title: m('view'),
      width: 64,
      render: (_: unknown, r: BatchRecord) => (
        <AppLink to={LINKS.inspection(r.id)} testId="task-record-view">
          {m('view')}
        </AppLink>
      ),
    },
  ];

  return (
    <Card title={m('records')} data-testid="task-records">
      <Flex vertical gap={12}>
        <Progress
          percent={total ? Math.round((countOf('PUBLISHED') / total) * 100) : 0}
          success={{ percent: total ? Math.round((countOf('PUBLISHED') / total) * 100) : 0 }}
          format={() => `${countOf('PUBLISHED')}/${total}`}
          aria-label={m('progressTotal', { total, published: countOf('PUBLISHED') })}
        />
        <Typography.Text type="secondary" data-testid="task-progress-total" data-total={total}>
          {total ? m('progressTotal', { total, published: countOf('PUBLISHED') }) : m('noRecords')}
        </Typography.Text>
        <Space size={[6, 6]} wrap data-testid="task-progress">
          {STATUSES.map((st) => (
            <Tag.CheckableTag
              key={st}
              checked={status === st}
              onChange={(on) => filterBy(on ? st : null)}
              data-testid="task-progress-status"
              data-status={st}
              data-count={countOf(st)}
              style={{ border: `1px solid ${status === st ? 'transparent' : '#d9d9d9'}` }}
            >
              <Tag color={INSPECTION_STATUS_COLORS[st]} bordered={false} style={{ marginInlineEnd: 4 }}>
                {s(st)}
              </Tag>
              {countOf(st)}
            </Tag.CheckableTag>
          ))}
        </Space>
        <FilterSelect
          label={m('statusFilter')}
          value={status}
          onChange={filterBy}
          options={STATUSES.map((st) => ({ value: st, label: `${s(st)}（${countOf(st)}）` }))}
          width={220}
          testId="task-records-status"
        />
        {selected.size > 0 && (
          <Flex wrap gap={8} align="center" data-testid="batch-bar" style={{ padding: 8, background: '#e6f4ff', borderRadius: 6 }}>
            <Typography.Text strong data-testid="batch-selected" data-count={selected.size}>
              {m('selected', { count: selected.size })}
            </Typography.Text>
            {actions.map(({ action }) => (
              <Button key={action} type="primary" danger={action === 'PUBLISH'} onClick={() => setRunning(action)} data-testid={`batch-${action}`}>
                {m(action)}
              </Button>
            ))}
            <Button onClick={() => setSelected(new Map())} data-testid="batch-clear">
              {m('clear')}
            </Button>
          </Flex>
        )}
        <Table<BatchRecord>
          rowKey="id"
          size="small"
          loading={loading && !data}
          columns={columns}
          dataSource={rows}
          pagination={false}
          tableLayout="fixed"
          rowSelection={
            actions.length
              ? {
                  selectedRowKeys: [...selected.keys()],
                  preserveSelectedRowKeys: true,
                  columnWidth: 40,
                  onChange: (keys, picked) => {
                    const next = new Map<string, BatchRecord>();
                    for (const key of keys) {
                      const row = picked.find((r) => r?.id === key) ?? selected.get(String(key));
                      if (row) next.set(String(key), row);
                    }
                    setSelected(next);
                  },
                  getCheckboxProps: (r: BatchRecord) => ({ 'data-testid': 'task-record-select', 'aria-label': r.entityName }) as never,
                }
              : undefined
          }
          onRow={(r) => ({ 'data-testid': 'task-record-row', 'data-id': r.id, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        />
        <CursorPager
          pages={pages}
          totalCount={data?.inspections.totalCount ?? 0}
          pageInfo={data?.inspections.pageInfo}
          loading={loading}
          testId="task-records-pager"
        />
      </Flex>
      {running && (
        <BatchRunModal
          action={running}
          records={[...selected.values()]}
          onClose={(done) => {
            setRunning(null);
            if (done) {
              setSelected(new Map());
              void refetch();
              void refetchProgress();
            }
          }}
        />
      )}
    </Card>
  );
}
