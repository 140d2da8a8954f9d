/** 联合抽查邀请: invitations this bureau received, by status, paged, with export. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS } from '../../app/navigation';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { FilterSelect } from '../../components/FilterSelect';
import { connectionPages } from '../../components/csv-pages';
import { jointMessages, STATUS_COLORS } from './messages';
import { JOINT_INVITATIONS, type InvitationRow, type JointStatus } from './operations';

const STATUSES: JointStatus[] = ['INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'];
const taskStatus = (s: string) => (['DRAFT', 'COMMITTED', 'DRAWN', 'CANCELLED'].includes(s) ? (s as 'DRAFT') : null);

export function InvitationsPage() {
  const { t, lang } = useI18n();
  const m = useMessages(jointMessages);
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const [status, setStatus] = useState<JointStatus | null>(null);
  const { data, loading, error } = useQuery(JOINT_INVITATIONS, {
    variables: { status, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.jointInvitations;
  const leadStatus = (s: string) => (taskStatus(s) ? m(taskStatus(s)!) : s);

  const columns = [
    {
      key: 'task',
      title: m('task'),
      render: (_: unknown, p: InvitationRow) => (
        <AppLink to={LINKS.invitation(p.id)} testId="invitation-link">
          {p.task.title}
        </AppLink>
      ),
    },
    {
      key: 'lead',
      title: m('leadBureau'),
      render: (_: unknown, p: InvitationRow) => `${p.task.leadBureauName}${p.task.leadDepartmentName ? ` · ${p.task.leadDepartmentName}` : ''}`,
    },
    { key: 'department', title: m('invitedDepartment'), render: (_: unknown, p: InvitationRow) => p.department?.name ?? '—' },
    { key: 'period', title: m('period'), render: (_: unknown, p: InvitationRow) => `${p.task.startsOn} — ${p.task.endsOn}` },
    {
      key: 'status',
      title: m('status'),
      render: (_: unknown, p: InvitationRow) => (
        <Tag color={STATUS_COLORS[p.status]} data-testid="invitation-status" data-status={p.status}>
          {m(p.status)}
        </Tag>
      ),
    },
    { key: 'taskStatus', title: m('taskStatus'), render: (_: unknown, p: InvitationRow) => leadStatus(p.task.status) },
    { key: 'createdAt', title: m('invitedAt'), render: (_: unknown, p: InvitationRow) => formatDateTime(p.createdAt, lang) },
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('task'), value: (p: InvitationRow) => p.task.title },
      { title: m('leadBureau'), value: (p: InvitationRow) => p.task.leadBureauName },
      { title: m('leadDepartment'), value: (p: InvitationRow) => p.task.leadDepartmentName ?? '' },
      { title: m('invitedDepartment'), value: (p: InvitationRow) => p.department?.name ?? '' },
      { title: m('period'), value: (p: InvitationRow) => `${p.task.startsOn} — ${p.task.endsOn}` },
      { title: m('status'), value: (p: InvitationRow) => m(p.status) },
      { title: m('note'), value: (p: InvitationRow) => p.responseNote ?? '' },
      { title: m('invitedAt'), value: (p: InvitationRow) => formatDateTime(p.createdAt, lang) },
    ],
    fetchPage: connectionPages(client, JOINT_INVITATIONS, { status }, (page) => page.jointInvitations),
  });

  return (
    <Card title={m('title')} style={{ width: '100%' }} data-testid="invitations-card" extra={<ExportCsvButton spec={exportSpec} testId="invitations-export" />}>
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect<JointStatus>
          label={m('statusFilter')}
          width={180}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={STATUSES.map((s) => ({ value: s, label: m(s) }))}
          testId="invitations-status-filter"
        />
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<InvitationRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('empty') }}
            onRow={(p) => ({ 'data-testid': 'invitation-row', 'data-title': p.task.title }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="invitations-pager" />
        </>
      )}
    </Card>
  );
}
