/** 摇号结果: each drawn target with its items and team, in draw order, paged, with export. */
import type { HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useI18n, useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { connectionPages } from '../../components/csv-pages';
import { drawMessages } from './messages';
import { DRAW_RESULTS, type ResultRow } from './operations';

export function ResultsCard({ drawId }: { drawId: string }) {
  const { t } = useI18n();
  const m = useMessages(drawMessages);
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const { data, loading, error } = useQuery(DRAW_RESULTS, { variables: { drawId, first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const connection = data?.node.__typename === 'Draw' ? data.node.results : undefined;

  const columns = [
    { key: 'seq', title: m('seq'), render: (_: unknown, r: ResultRow) => r.seq + 1, width: 70 },
    {
      key: 'entity',
      title: m('entity'),
      render: (_: unknown, r: ResultRow) => (
        <Space direction="vertical" size={0}>
          <span data-testid="result-entity">{r.entity?.name ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.entity?.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'items', title: m('items'), render: (_: unknown, r: ResultRow) => r.items.map((i) => i.name).join('、') },
    {
      key: 'team',
      title: m('team'),
      render: (_: unknown, r: ResultRow) => (
        <Space size={[4, 4]} wrap>
          {r.team.map((i) => (
            <Tag key={i.id}>{i.name}</Tag>
          ))}
        </Space>
      ),
    },
  ];

  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: [
      { title: m('seq'), value: (r: ResultRow) => r.seq + 1 },
      { title: m('entity'), value: (r: ResultRow) => r.entity?.name ?? '' },
      { title: m('uscc'), value: (r: ResultRow) => r.entity?.uscc ?? '' },
      { title: m('items'), value: (r: ResultRow) => r.items.map((i) => i.name).join('、') },
      { title: m('team'), value: (r: ResultRow) => r.team.map((i) => `${i.name}（${i.certificateNo}）`).join('、') },
    ],
    fetchPage: connectionPages(client, DRAW_RESULTS, { drawId }, (page) => (page.node.__typename === 'Draw' ? page.node.results : null)),
  });

  return (
    <Card title={m('results')} data-testid="results-card" extra={<ExportCsvButton spec={exportSpec} testId="results-export" />}>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<ResultRow>
            rowKey="seq"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ 'data-testid': 'result-row', 'data-seq': r.seq }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="results-pager" />
        </>
      )}
    </Card>
  );
}
