/**
 * 随机抽查事项清单: the bureau's items in list order, by department and status, paged and exported.
 * The office and a department head (their own department's items) add and edit; withdrawing is a
 * version with its reason; the list is published when a leader approves the office's submission
 * (ListPublicationPanel); the office also moves items up and down the list.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { INSPECTION_METHOD } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { canCreateItems, canEditItem, canReorderItems, isBureau } from '../../app/permissions';
import { useCursorPages } from '../../app/useCursorPages';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { FilterSelect } from '../../components/FilterSelect';
import { connectionPages } from '../../components/csv-pages';
import { ItemFormModal } from './ItemFormModal';
import { ItemHistoryDrawer } from './ItemHistoryDrawer';
import { percent } from './item-form';
import { ITEM_STATUS_COLORS, itemMessages } from './messages';
import { ITEM_DEPARTMENTS, ITEMS, MOVE_ITEM, WITHDRAW_ITEM, type ItemRow, type ItemStatus } from './operations';
import { ListPublicationPanel } from '../list-publications/ListPublicationPanel';
import { ReasonModal } from './ReasonModal';

const STATUSES: ItemStatus[] = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'];
const methodLabels = INSPECTION_METHOD.labels as Record<string, string>;

export function ItemsPage() {
  const { t } = useI18n();
  const m = useMessages(itemMessages);
  const user = useCurrentUser();
  const client = useApolloClient();
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const pages = useCursorPages(20);
  const [status, setStatus] = useState<ItemStatus | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ItemRow | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [acting, setActing] = useState<ItemRow | null>(null);
  const { busyId, run } = useRowAction();
  const departmentsQuery = useQuery(ITEM_DEPARTMENTS);
  const { data, loading, error } = useQuery(ITEMS, {
    variables: { status, departmentId, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const [withdraw, { loading: withdrawing }] = useMutation(WITHDRAW_ITEM);
  const [move] = useMutation(MOVE_ITEM);
  const connection = data?.items;
  const departments = useMemo(() => (departmentsQuery.data?.departments.edges ?? []).map((e) => e.node).filter((d) => !d.isOffice), [departmentsQuery.data]);
  const departmentNames = useMemo(
    () => new Map((departmentsQuery.data?.departments.edges ?? []).map((e) => [e.node.id, e.node.name])),
    [departmentsQuery.data],
  );
  const reorder = canReorderItems(user);
  const filtered = status !== null || departmentId !== null;
  const total = connection?.totalCount ?? 0;
  const lockedDepartment = canReorderItems(user) ? null : (user.me.department?.id ?? null);

  const moveTo = (item: ItemRow, position: number) =>
    run(item.id, async () => {
      try {
        await move({ variables: { id: item.id, position }, refetchQueries: ['Items'], awaitRefetchQueries: true });
        void message.success(m('moved'));
      } catch (e) {
        notify(e);
      }
    });

  const act = async (reason: string) => {
    if (!acting) return;
    try {
      await withdraw({ variables: { id: acting.id, reason } });
      void message.success(m('withdrawn', { name: acting.name }));
      setActing(null);
    } catch (e) {
      notify(e);
    }
  };

  const columns = [
    { key: 'position', title: m('position'), width: 64, render: (_: unknown, r: ItemRow) => r.position },
    {
      key: 'name',
      title: m('name'),
      width: 260,
      render: (_: unknown, r: ItemRow) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong data-testid="item-name-cell">
            {r.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.legalBasis}
          </Typography.Text>
          {r.content && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.content }} data-testid="item-content-cell">
              {m('content')}：{r.content}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'department', title: m('department'), render: (_: unknown, r: ItemRow) => r.department?.name ?? '—' },
    { key: 'category', title: m('category'), render: (_: unknown, r: ItemRow) => m(r.category) },
    { key: 'target', title: m('targetType'), width: 180, dataIndex: 'targetType' },
    { key: 'ratio', title: m('minRatio'), render: (_: unknown, r: ItemRow) => m('ratioAtLeast', { percent: percent(r.minRatio) }) },
    { key: 'frequency', title: m('frequency'), render: (_: unknown, r: ItemRow) => m('perYear', { count: r.frequencyPerYear }) },
    { key: 'methods', title: m('methods'), render: (_: unknown, r: ItemRow) => r.methods.map((c) => methodLabels[c] ?? c).join('、') },
    {
      key: 'status',
      title: m('status'),
      render: (_: unknown, r: ItemRow) => (
        <Space size={4}>
          <Tag color={ITEM_STATUS_COLORS[r.status]} data-testid="item-status" data-status={r.status}>
            {m(r.status)}
          </Tag>
          <Typography.Text type="secondary">v{r.version}</Typography.Text>
          {r.publishedVersion !== r.version && (r.status !== 'WITHDRAWN' || r.publishedVersion !== null) && (
            <Tooltip title={r.publishedVersion ? m('publishedVersionHint', { version: r.publishedVersion }) : undefined}>
              <Tag color="orange" data-testid="item-pending-approval">
                {m(r.status === 'WITHDRAWN' ? 'withdrawalPending' : 'changedSincePublication')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('actions'),
      fixed: 'right' as const,
      render: (_: unknown, r: ItemRow) => {
        const editable = canEditItem(user, r.department?.id);
        const busy = busyId === r.id;
        return (
          <Space size={4} wrap>
            {editable && (
              <Button size="small" onClick={() => setEditing(r)} data-testid="item-edit">
                {t('edit')}
              </Button>
            )}
            {editable && r.status === 'PUBLISHED' && (
              <Button size="small" danger onClick={() => setActing(r)} data-testid="item-withdraw">
                {m('withdraw')}
              </Button>
            )}
            <Button size="small" icon={<HistoryOutlined aria-hidden />} onClick={() => setHistoryOf(r.id)} data-testid="item-history-button">
              {m('history')}
            </Button>
            {reorder && (
              <Tooltip title={filtered ? m('reorderHint') : undefined}>
                <Space.Compact>
                  <Button
                    size="small"
                    aria-label={m('moveUp')}
                    icon={<ArrowUpOutlined aria-hidden />}
                    disabled={filtered || busy || r.position <= 1}
                    onClick={() => moveTo(r, r.position - 1)}
                    data-testid="item-move-up"
                  />
                  <Button
                    size="small"
                    aria-label={m('moveDown')}
                    icon={<ArrowDownOutlined aria-hidden />}
                    disabled={filtered || busy || r.position >= total}
                    onClick={() => moveTo(r, r.position + 1)}
                    data-testid="item-move-down"
                  />
                </Space.Compact>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('position'), value: (r: ItemRow) => r.position },
      { title: m('name'), value: (r: ItemRow) => r.name },
      { title: m('department'), value: (r: ItemRow) => r.department?.name ?? '' },
      { title: m('category'), value: (r: ItemRow) => m(r.category) },
      { title: m('legalBasis'), value: (r: ItemRow) => r.legalBasis },
      { title: m('inspectingBody'), value: (r: ItemRow) => r.inspectingBody },
      { title: m('content'), value: (r: ItemRow) => r.content ?? '' },
      { title: m('targetType'), value: (r: ItemRow) => r.targetType },
      { title: m('minRatio'), value: (r: ItemRow) => r.minRatio },
      { title: m('frequency'), value: (r: ItemRow) => r.frequencyPerYear },
      { title: m('methods'), value: (r: ItemRow) => r.methods.map((c) => methodLabels[c] ?? c).join('、') },
      { title: m('remarks'), value: (r: ItemRow) => r.remarks ?? '' },
      { title: m('status'), value: (r: ItemRow) => m(r.status) },
      { title: m('version'), value: (r: ItemRow) => r.version },
    ],
    fetchPage: connectionPages(client, ITEMS, { status, departmentId }, (page) => page.items),
  });

  return (
    <Card
      title={m('title')}
      style={{ width: '100%' }}
      data-testid="items-card"
      extra={
        <Space>
          <ExportCsvButton spec={exportSpec} testId="items-export" />
          {canCreateItems(user) && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="item-new">
              {m('newItem')}
            </Button>
          )}
        </Space>
      }
    >
      {isBureau(user) && <ListPublicationPanel kind="ITEMS" refetch={['Items']} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect<string>
          label={m('departmentFilter')}
          width={200}
          value={departmentId}
          onChange={(v) => {
            setDepartmentId(v);
            pages.reset();
          }}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          testId="items-department-filter"
        />
        <FilterSelect<ItemStatus>
          label={m('statusFilter')}
          width={160}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={STATUSES.map((s) => ({ value: s, label: m(s) }))}
          testId="items-status-filter"
        />
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<ItemRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('empty') }}
            onRow={(r) => ({ 'data-testid': 'item-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={total} pageInfo={connection?.pageInfo} loading={loading} testId="items-pager" />
        </>
      )}
      <ItemFormModal
        open={editing !== null}
        item={editing === 'new' ? null : editing}
        departments={lockedDepartment ? departments.filter((d) => d.id === lockedDepartment) : departments}
        lockedDepartmentId={lockedDepartment}
        defaultInspectingBody={user.me.tenant.name}
        onClose={() => setEditing(null)}
      />
      <ItemHistoryDrawer itemId={historyOf} departments={departmentNames} onClose={() => setHistoryOf(null)} />
      <ReasonModal
        open={acting !== null}
        title={acting ? m('withdrawTitle', { name: acting.name }) : ''}
        label={m('reason')}
        hint={m('withdrawReasonHint')}
        required
        requiredMessage={m('reasonRequired')}
        busy={withdrawing}
        onSubmit={(reason) => void act(reason)}
        onCancel={() => setActing(null)}
        testId="item-reason-modal"
      />
    </Card>
  );
}
