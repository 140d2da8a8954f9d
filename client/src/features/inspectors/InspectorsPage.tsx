/**
 * 执法检查人员名录: the bureau's inspectors by department and status, or those drawable on a day
 * (active, certificate valid), paged; the server's exports and import template; the office edits.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { INSPECTOR_STATUS } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { canImport, canManageDirectories, isBureau } from '../../app/permissions';
import { ListPublicationPanel } from '../list-publications/ListPublicationPanel';
import { useCursorPages } from '../../app/useCursorPages';
import { CursorPager } from '../../components/CursorPager';
import { FilterSelect } from '../../components/FilterSelect';
import { DownloadButton } from '../imports/DownloadButton';
import { InspectorFormModal } from './InspectorFormModal';
import { InspectorTabs } from './InspectorTabs';
import { INSPECTOR_STATUS_COLORS, inspectorMessages } from './messages';
import { ITEM_DEPARTMENTS } from '../items/operations';
import { INSPECTORS, type InspectorRow, type InspectorStatus } from './operations';
import { DateField } from '../../components/DateField';

const statusLabels = INSPECTOR_STATUS.labels as Record<string, string>;

export function InspectorsPage() {
  const { t } = useI18n();
  const m = useMessages(inspectorMessages);
  const user = useCurrentUser();
  const pages = useCursorPages(20);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [status, setStatus] = useState<InspectorStatus | null>(null);
  const [drawableOn, setDrawableOn] = useState('');
  const [editing, setEditing] = useState<InspectorRow | 'new' | null>(null);
  const departmentsQuery = useQuery(ITEM_DEPARTMENTS);
  const departments = useMemo(() => (departmentsQuery.data?.departments.edges ?? []).map((e) => e.node), [departmentsQuery.data]);
  const { data, loading, error } = useQuery(INSPECTORS, {
    variables: { departmentId, status, drawableOn: drawableOn || null, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.inspectors;
  const manage = canManageDirectories(user);

  const columns = [
    { key: 'name', title: m('name'), render: (_: unknown, i: InspectorRow) => <Typography.Text strong>{i.name}</Typography.Text> },
    { key: 'post', title: m('post'), dataIndex: 'post' },
    { key: 'department', title: m('department'), render: (_: unknown, i: InspectorRow) => i.department?.name ?? '—' },
    { key: 'certificate', title: m('certificateNo'), dataIndex: 'certificateNo' },
    { key: 'validity', title: m('validity'), render: (_: unknown, i: InspectorRow) => `${i.certificateValidFrom} — ${i.certificateValidTo}` },
    { key: 'categories', title: m('enforcementCategories'), render: (_: unknown, i: InspectorRow) => i.enforcementCategories.join('、') || '—' },
    {
      key: 'status',
      title: m('status'),
      render: (_: unknown, i: InspectorRow) => (
        <Tag color={INSPECTOR_STATUS_COLORS[i.status]} data-testid="inspector-status-tag">
          {statusLabels[i.status] ?? i.status}
        </Tag>
      ),
    },
    {
      key: 'drawable',
      title: m('drawable'),
      render: (_: unknown, i: InspectorRow) => (i.drawable ? <Tag color="blue">{m('yes')}</Tag> : <Tag>{m('no')}</Tag>),
    },
    { key: 'region', title: m('region'), render: (_: unknown, i: InspectorRow) => i.region?.name ?? '—' },
    { key: 'user', title: m('user'), render: (_: unknown, i: InspectorRow) => i.user?.username ?? '—' },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('actions'),
            fixed: 'right' as const,
            render: (_: unknown, i: InspectorRow) => (
              <Button size="small" onClick={() => setEditing(i)} data-testid="inspector-edit">
                {t('edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={m('title')}
      style={{ width: '100%' }}
      data-testid="inspectors-card"
      extra={
        <Space wrap>
          <DownloadButton url="/api/exports/inspectors.xlsx" fallbackName="inspectors.xlsx" testId="inspectors-export-xlsx">
            {m('exportXlsx')}
          </DownloadButton>
          <DownloadButton url="/api/exports/inspectors.csv" fallbackName="inspectors.csv" testId="inspectors-export-csv">
            {m('exportCsv')}
          </DownloadButton>
          {canImport(user) && (
            <>
              <DownloadButton url="/api/templates/inspectors.xlsx" fallbackName="inspectors-template.xlsx" testId="inspectors-template">
                {m('template')}
              </DownloadButton>
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate(LINKS.newImport('inspectors'))} data-testid="inspectors-import">
                {m('import')}
              </Button>
            </>
          )}
          {manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="inspector-new">
              {m('newInspector')}
            </Button>
          )}
        </Space>
      }
    >
      <InspectorTabs active="inspectors" />
      {isBureau(user) && <ListPublicationPanel kind="INSPECTORS" />}
      <Space wrap style={{ marginBottom: 12 }}>
        {departments.length > 0 && (
          <FilterSelect<string>
            label={m('departmentFilter')}
            width={200}
            value={departmentId}
            onChange={(v) => {
              setDepartmentId(v);
              pages.reset();
            }}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <FilterSelect<InspectorStatus>
          label={m('statusFilter')}
          width={160}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={Object.entries(statusLabels).map(([value, label]) => ({ value: value as InspectorStatus, label }))}
          testId="inspectors-status-filter"
        />
        <Space.Compact>
          <Space.Addon>{m('drawableOn')}</Space.Addon>
          <DateField
            style={{ width: 170 }}
            value={drawableOn}
            onChange={(day) => {
              setDrawableOn(day);
              pages.reset();
            }}
            aria-label={m('drawableOn')}
            data-testid="inspectors-drawable-on"
          />
        </Space.Compact>
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<InspectorRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('empty') }}
            onRow={(i) => ({ 'data-testid': 'inspector-row', 'data-name': i.name, 'data-certificate': i.certificateNo }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="inspectors-pager" />
        </>
      )}
      <InspectorFormModal open={editing !== null} inspector={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
