/**
 * 单位管理 (platform operator: onboard, suspend, resume) or 下级单位 (provincial viewer: the same
 * table, read-only, with the audit chain heads the province keeps of them). The ability decides which;
 * the server decides again on every request.
 */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { canSeeKeptAuditHeads, canSeeProvincialDashboard } from '../../app/permissions';
import { AnchorNowButton } from '../audit/AnchorNowButton';
import { KeptAuditHeadsCard } from '../audit/KeptAuditHeadsCard';
import { ProvinceDrawsCard } from '../draws/ProvinceDrawsCard';
import { useI18n, useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { CursorPager } from '../../components/CursorPager';
import { connectionPages } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { OneTimeCodeModal, type IssuedCode } from '../../components/OneTimeCodeModal';
import { tenantMessages } from './messages';
import { OnboardTenantModal } from './OnboardTenantModal';
import { TENANTS, UPDATE_TENANT_STATUS, type TenantRow } from './operations';

export function TenantsPage() {
  const { t } = useI18n();
  const m = useMessages(tenantMessages);
  const user = useCurrentUser();
  const { me, ability } = user;
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const client = useApolloClient();
  const canManage = ability.can('create', 'Tenant');
  const pages = useCursorPages(20);
  const { data, loading, error } = useQuery(TENANTS, { variables: { first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const [setStatus] = useMutation(UPDATE_TENANT_STATUS);
  const { busyId, run } = useRowAction();
  const [onboarding, setOnboarding] = useState(false);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const connection = data?.tenants;

  const toggle = async (tenant: TenantRow) => {
    const status = tenant.status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE';
    try {
      await setStatus({ variables: { id: tenant.id, status } });
      void message.success(m(status === 'SUSPENDED' ? 'suspended' : 'resumed', { name: tenant.name }));
    } catch (e) {
      notify(e);
    }
  };

  const columns = [
    { key: 'name', title: m('name'), dataIndex: 'name' },
    { key: 'kind', title: m('kind'), dataIndex: 'kind', render: (kind: TenantRow['kind']) => m(kind) },
    {
      key: 'region',
      title: m('region'),
      render: (_: unknown, tenant: TenantRow) => (
        <span>
          {tenant.region?.name ?? '—'}
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            {tenant.regionCode}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'parent', title: m('parent'), render: (_: unknown, tenant: TenantRow) => tenant.parent?.name ?? '—' },
    {
      key: 'status',
      title: m('status'),
      dataIndex: 'status',
      render: (status: TenantRow['status']) => (
        <Tag color={status === 'ACTIVE' ? 'green' : 'red'} data-testid="tenant-status" data-status={status}>
          {m(status)}
        </Tag>
      ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('actions'),
            render: (_: unknown, tenant: TenantRow) =>
              tenant.id === me.tenant.id ? null : (
                <Popconfirm
                  title={m(tenant.status === 'ACTIVE' ? 'suspendConfirm' : 'resumeConfirm', { name: tenant.name })}
                  okText={t('confirm')}
                  cancelText={t('cancel')}
                  onConfirm={() => run(tenant.id, () => toggle(tenant))}
                >
                  <Button size="small" danger={tenant.status === 'ACTIVE'} loading={busyId === tenant.id} data-testid="tenant-toggle-status">
                    {m(tenant.status === 'ACTIVE' ? 'suspend' : 'resume')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  const exportSpec = () => ({
    fileName: m(canManage ? 'manageTitle' : 'subordinateTitle'),
    columns: [
      { title: m('name'), value: (r: TenantRow) => r.name },
      { title: m('kind'), value: (r: TenantRow) => m(r.kind) },
      { title: m('region'), value: (r: TenantRow) => r.region?.name ?? '' },
      { title: m('regionCode'), value: (r: TenantRow) => r.regionCode },
      { title: m('parent'), value: (r: TenantRow) => r.parent?.name ?? '' },
      { title: m('status'), value: (r: TenantRow) => m(r.status) },
    ],
    fetchPage: connectionPages(client, TENANTS, {}, (page) => page.tenants),
  });

  return (
    <Flex vertical gap={16} style={{ width: '100%', minWidth: 0 }}>
      <Card
        style={{ width: '100%' }}
        title={m(canManage ? 'manageTitle' : 'subordinateTitle')}
        data-testid="tenants-card"
        extra={
          <Space>
            <ExportCsvButton spec={exportSpec} testId="tenants-export" />
            {me.roles.includes('PLATFORM_OPERATOR') && <AnchorNowButton />}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOnboarding(true)} data-testid="tenant-onboard">
                {m('onboard')}
              </Button>
            )}
          </Space>
        }
      >
        {!canManage && <Typography.Paragraph type="secondary">{m('readOnlyHint')}</Typography.Paragraph>}
        {error ? (
          <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
        ) : (
          <>
            <Table<TenantRow>
              rowKey="id"
              size="middle"
              loading={loading && !data}
              columns={columns}
              dataSource={connection?.edges.map((e) => e.node) ?? []}
              pagination={false}
              onRow={(tenant) => ({ 'data-testid': 'tenant-row', 'data-name': tenant.name }) as HTMLAttributes<HTMLElement>}
            />
            <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="tenants-pager" />
          </>
        )}
        {canManage && <OnboardTenantModal open={onboarding} onClose={() => setOnboarding(false)} onOnboarded={setIssued} />}
        <OneTimeCodeModal issued={issued} onClose={() => setIssued(null)} />
      </Card>
      {canSeeProvincialDashboard(user) && <ProvinceDrawsCard />}
      {canSeeKeptAuditHeads(user) && <KeptAuditHeadsCard />}
    </Flex>
  );
}
