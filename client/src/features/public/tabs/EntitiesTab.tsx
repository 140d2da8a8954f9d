/** A bureau's published entity directory (检查对象名录), searchable by name or USCC, paged. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Input, Space, Table, Typography } from 'antd';
import { useI18n, useMessages } from '../../../app/i18n';
import { useCursorPages } from '../../../app/useCursorPages';
import { AppLink } from '../../../components/BackLink';
import { CursorPager } from '../../../components/CursorPager';
import { connectionPages } from '../../../components/csv-pages';
import { ExportCsvButton } from '../../../components/ExportCsvButton';
import { publicMessages } from '../messages';
import { PUBLIC_ENTITIES } from '../operations';
import { PUBLIC_LINKS } from '../paths';

interface Row {
  id: string;
  name: string;
  uscc: string;
  address: string | null;
}

export function EntitiesTab({ bureauId }: { bureauId: string }) {
  const { t } = useI18n();
  const m = useMessages(publicMessages);
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const [search, setSearch] = useState('');
  // A bureau's directory may hold a million entities: counted on request (统计总数), not on every page.
  const [withCount, setWithCount] = useState(false);
  const { data, loading, error } = useQuery(PUBLIC_ENTITIES, {
    variables: { bureauId, search: search || null, first: pages.first, after: pages.after, withCount },
  });
  const connection = data?.publicEntities;
  const columns = [
    {
      key: 'name',
      title: m('entityName'),
      render: (_: unknown, r: Row) => (
        <AppLink to={PUBLIC_LINKS.entity(r.uscc)} testId="public-entity-link">
          {r.name}
        </AppLink>
      ),
    },
    { key: 'uscc', title: m('uscc'), dataIndex: 'uscc' },
    { key: 'address', title: m('address'), render: (_: unknown, r: Row) => r.address ?? '—' },
  ];
  const exportSpec = () => ({
    fileName: m('tabEntities'),
    columns: [
      { title: m('entityName'), value: (r: Row) => r.name },
      { title: m('uscc'), value: (r: Row) => r.uscc },
      { title: m('address'), value: (r: Row) => r.address ?? '' },
    ],
    fetchPage: connectionPages(client, PUBLIC_ENTITIES, { bureauId, search: search || null, withCount: true }, (page) => page.publicEntities),
  });
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={m('searchEntities')}
          aria-label={m('searchEntities')}
          style={{ width: 320 }}
          onSearch={(v) => {
            setSearch(v.trim());
            pages.reset();
          }}
          data-testid="public-entities-search"
        />
        <ExportCsvButton spec={exportSpec} testId="public-entities-export" />
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<Row>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            locale={{ emptyText: m('noEntities') }}
            onRow={(r) => ({ 'data-testid': 'public-entity-row', 'data-uscc': r.uscc }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager
            pages={pages}
            totalCount={connection?.totalCount}
            onCount={() => setWithCount(true)}
            pageInfo={connection?.pageInfo}
            loading={loading}
            testId="public-entities-pager"
          />
        </>
      )}
    </div>
  );
}
