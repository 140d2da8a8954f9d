/** 回避声明: who is recused from which entity, why and for how long; by inspector, paged, exported. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { canDeclareAnyRecusal } from '../../app/permissions';
import { useCursorPages } from '../../app/useCursorPages';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { FilterSelect } from '../../components/FilterSelect';
import { connectionPages } from '../../components/csv-pages';
import { InspectorTabs } from './InspectorTabs';
import { inspectorMessages } from './messages';
import { INSPECTOR_CHOICES, RECUSALS, type RecusalRow } from './operations';
import { RecusalModal } from './RecusalModal';

export function RecusalsPage() {
  const { t, lang } = useI18n();
  const m = useMessages(inspectorMessages);
  const user = useCurrentUser();
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const [inspectorId, setInspectorId] = useState<string | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const inspectors = useQuery(INSPECTOR_CHOICES);
  const { data, loading, error } = useQuery(RECUSALS, { variables: { inspectorId, first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const connection = data?.recusals;
  const mine = (inspectors.data?.inspectors.edges ?? []).some((e) => e.node.user?.id === user.me.id);
  const mayDeclare = canDeclareAnyRecusal(user) || mine;

  const columns = [
    {
      key: 'inspector',
      title: m('inspector'),
      render: (_: unknown, r: RecusalRow) => (r.inspector ? `${r.inspector.name}（${r.inspector.certificateNo}）` : '—'),
    },
    {
      key: 'entity',
      title: m('entity'),
      render: (_: unknown, r: RecusalRow) =>
        r.entity ? (
          <Space orientation="vertical" size={0}>
            <span>{r.entity.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.entity.uscc}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'reason', title: m('reason'), dataIndex: 'reason' },
    { key: 'period', title: m('recusalFrom'), render: (_: unknown, r: RecusalRow) => `${r.validFrom} — ${r.validTo ?? m('longTerm')}` },
    { key: 'created', title: m('declaredAt'), render: (_: unknown, r: RecusalRow) => formatDateTime(r.createdAt, lang) },
  ];

  const exportSpec = () => ({
    fileName: m('recusalsExport'),
    columns: [
      { title: m('inspector'), value: (r: RecusalRow) => r.inspector?.name ?? '' },
      { title: m('certificateNo'), value: (r: RecusalRow) => r.inspector?.certificateNo ?? '' },
      { title: m('entity'), value: (r: RecusalRow) => r.entity?.name ?? '' },
      { title: 'USCC', value: (r: RecusalRow) => r.entity?.uscc ?? '' },
      { title: m('reason'), value: (r: RecusalRow) => r.reason },
      { title: m('recusalFrom'), value: (r: RecusalRow) => r.validFrom },
      { title: m('recusalTo'), value: (r: RecusalRow) => r.validTo ?? '' },
      { title: m('declaredAt'), value: (r: RecusalRow) => r.createdAt },
    ],
    fetchPage: connectionPages(client, RECUSALS, { inspectorId }, (page) => page.recusals),
  });

  return (
    <Card
      title={m('title')}
      style={{ width: '100%' }}
      data-testid="recusals-card"
      extra={
        <Space>
          <ExportCsvButton spec={exportSpec} testId="recusals-export" />
          {mayDeclare && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDeclaring(true)} data-testid="recusal-new">
              {m('declare')}
            </Button>
          )}
        </Space>
      }
    >
      <InspectorTabs active="recusals" />
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect<string>
          label={m('inspectorFilter')}
          width={240}
          value={inspectorId}
          onChange={(v) => {
            setInspectorId(v);
            pages.reset();
          }}
          options={(inspectors.data?.inspectors.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}（${e.node.certificateNo}）` }))}
          searchable
        />
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<RecusalRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: m('noRecusals') }}
            onRow={() => ({ 'data-testid': 'recusal-row' }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="recusals-pager" />
        </>
      )}
      <RecusalModal open={declaring} onClose={() => setDeclaring(false)} />
    </Card>
  );
}
