/**
 * 检查对象名录: the bureau's directory, searched by name, USCC or a person's whole ID number and filtered
 * by status, credit class, risk level, region and completeness, paged; the server's exports (Excel, CSV)
 * and import template; the office adds, edits and imports, and submits the directory for publication.
 */
import { useState, type HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Checkbox, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ENTITY_STATUS } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { canImport, canManageDirectories, isBureau } from '../../app/permissions';
import { ListPublicationPanel } from '../list-publications/ListPublicationPanel';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { FilterSelect } from '../../components/FilterSelect';
import { DownloadButton } from '../imports/DownloadButton';
import { CREDIT_STATUS_COLORS, entityMessages } from './messages';
import { ENTITIES, ENTITY_FORM_OPTIONS, type CreditClass, type EntityRow, type EntityStatus, type RiskLevel } from './operations';

const statusLabels = ENTITY_STATUS.labels as Record<string, string>;

export function CreditStatusTag({ status }: { status: EntityRow['creditStatus'] }) {
  const m = useMessages(entityMessages);
  return (
    <Tag color={CREDIT_STATUS_COLORS[status]} data-testid="entity-credit-status" data-status={status}>
      {m(`credit_${status}`)}
    </Tag>
  );
}

export function EntitiesPage() {
  const { t } = useI18n();
  const m = useMessages(entityMessages);
  const user = useCurrentUser();
  const pages = useCursorPages(20);
  // A directory may hold a million entities: counted only on request (统计总数), not on every page.
  const [withCount, setWithCount] = useState(false);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<EntityStatus | null>(null);
  const [creditClass, setCreditClass] = useState<CreditClass | null>(null);
  const [riskLevel, setRiskLevel] = useState<RiskLevel | null>(null);
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const area = useQuery(ENTITY_FORM_OPTIONS, { variables: { regionCode: user.me.tenant.regionCode } });
  const regions = [...(area.data?.region ? [area.data.region] : []), ...(area.data?.regions ?? [])];
  const { data, loading, error } = useQuery(ENTITIES, {
    variables: {
      search: search || null,
      status,
      creditClass,
      riskLevel,
      regionCode,
      incomplete: incomplete || null,
      first: pages.first,
      after: pages.after,
      withCount,
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.entities;
  const manage = canManageDirectories(user);
  const showIncomplete = (on: boolean) => {
    setIncomplete(on);
    pages.reset();
  };
  const filter =
    <T,>(set: (v: T | null) => void) =>
    (v: T | null | undefined) => {
      set(v ?? null);
      pages.reset();
    };

  const columns = [
    {
      key: 'name',
      title: m('name'),
      render: (_: unknown, e: EntityRow) => (
        <Space size={4}>
          <AppLink to={LINKS.entity(e.id)} testId="entity-link">
            {e.name}
          </AppLink>
          {e.kind === 'PERSON' && <Tag>{m('kind_PERSON')}</Tag>}
          {e.incomplete && (
            <Tooltip title={m('incompleteTip')}>
              <Tag color="warning" data-testid="entity-incomplete">
                {m('incomplete')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'uscc',
      title: m('identifier'),
      render: (_: unknown, e: EntityRow) => (
        <Space size={4}>
          <Typography.Text style={{ fontFamily: 'ui-monospace, monospace' }} data-testid="entity-identifier">
            {e.kind === 'PERSON' ? e.idNumberMasked : e.uscc}
          </Typography.Text>
          {e.usccChecksumOverride && (
            <Tooltip title={m('checksumOverride')}>
              <Tag color="warning">!</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { key: 'region', title: m('region'), render: (_: unknown, e: EntityRow) => e.region?.name ?? e.regionCode },
    { key: 'status', title: m('status'), render: (_: unknown, e: EntityRow) => statusLabels[e.status] ?? e.status },
    { key: 'credit', title: m('creditClass'), render: (_: unknown, e: EntityRow) => e.creditClass ?? '—' },
    { key: 'risk', title: m('riskLevel'), render: (_: unknown, e: EntityRow) => (e.riskLevel ? m(`risk_${e.riskLevel}`) : '—') },
    { key: 'creditStatus', title: m('creditStatus'), render: (_: unknown, e: EntityRow) => <CreditStatusTag status={e.creditStatus} /> },
    { key: 'department', title: m('supervisingDepartment'), render: (_: unknown, e: EntityRow) => e.supervisingDepartment?.name ?? '—' },
    { key: 'complaints', title: m('complaints'), dataIndex: 'complaints' },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('actions'),
            fixed: 'right' as const,
            render: (_: unknown, e: EntityRow) => (
              <Button size="small" onClick={() => navigate(LINKS.editEntity(e.id))} data-testid="entity-edit">
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
      data-testid="entities-card"
      extra={
        <Space wrap>
          <DownloadButton url="/api/exports/entities.xlsx" fallbackName="entities.xlsx" testId="entities-export-xlsx">
            {m('exportXlsx')}
          </DownloadButton>
          <DownloadButton url="/api/exports/entities.csv" fallbackName="entities.csv" testId="entities-export-csv">
            {m('exportCsv')}
          </DownloadButton>
          {canImport(user) && (
            <>
              <DownloadButton url="/api/templates/entities.xlsx" fallbackName="entities-template.xlsx" testId="entities-template">
                {m('template')}
              </DownloadButton>
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate(LINKS.newImport('entities'))} data-testid="entities-import">
                {m('import')}
              </Button>
            </>
          )}
          {manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(LINKS.newEntity)} data-testid="entity-new">
              {m('newEntity')}
            </Button>
          )}
        </Space>
      }
    >
      {isBureau(user) && <ListPublicationPanel kind="ENTITIES" />}
      {!!data?.incompleteEntityCount && !incomplete && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="entities-incomplete-alert"
          message={m('incompleteAlert', { count: data.incompleteEntityCount })}
          action={
            <Button size="small" onClick={() => showIncomplete(true)} data-testid="entities-show-incomplete">
              {m('showIncomplete')}
            </Button>
          }
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Checkbox checked={incomplete} onChange={(e) => showIncomplete(e.target.checked)} data-testid="entities-incomplete-filter">
          {m('incompleteFilter')}
        </Checkbox>
        <Input.Search
          allowClear
          placeholder={m('searchPlaceholder')}
          aria-label={m('searchPlaceholder')}
          style={{ width: 280 }}
          onSearch={(v) => {
            setSearch(v.trim());
            pages.reset();
          }}
          data-testid="entities-search"
        />
        <FilterSelect<EntityStatus>
          label={m('statusFilter')}
          width={150}
          value={status}
          onChange={filter(setStatus)}
          options={Object.entries(statusLabels).map(([value, label]) => ({ value: value as EntityStatus, label }))}
          testId="entities-status-filter"
        />
        <FilterSelect<CreditClass>
          label={m('creditFilter')}
          width={150}
          value={creditClass}
          onChange={filter(setCreditClass)}
          options={(['A', 'B', 'C', 'D'] as const).map((c) => ({ value: c, label: c }))}
        />
        <FilterSelect<RiskLevel>
          label={m('riskFilter')}
          width={150}
          value={riskLevel}
          onChange={filter(setRiskLevel)}
          options={(['LOW', 'MEDIUM', 'HIGH'] as const).map((r) => ({ value: r, label: m(`risk_${r}`) }))}
        />
        {regions.length > 1 && (
          <FilterSelect<string>
            label={m('regionFilter')}
            width={180}
            value={regionCode}
            onChange={filter(setRegionCode)}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<EntityRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('empty') }}
            onRow={(e) => ({ 'data-testid': 'entity-row', 'data-uscc': e.uscc, 'data-name': e.name }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager
            pages={pages}
            totalCount={connection?.totalCount}
            onCount={() => setWithCount(true)}
            pageInfo={connection?.pageInfo}
            loading={loading}
            testId="entities-pager"
          />
        </>
      )}
    </Card>
  );
}
