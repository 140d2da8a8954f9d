/**
 * 下级单位摇号 (on 下级单位, for provincial viewers): the draws of the bureaus below the province, newest
 * first, each with its public record and, on request, its key map checked in the browser (KeyMapCard,
 * shown below the list rather than in it, so its long hashes do not widen the table).
 */
import { useState, type HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { CursorPager } from '../../components/CursorPager';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { PUBLIC_LINKS } from '../public/paths';
import { KeyMapCard } from './KeyMapCard';
import { drawMessages } from './messages';

const PROVINCE_DRAWS = graphql(`
  query ProvinceDraws($first: Int, $after: String) {
    provinceDraws(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          bureau
          taskTitle
          status
          algorithm
          committedAt
          drawnAt
          recordUrl
        }
      }
    }
  }
`);

export function ProvinceDrawsCard() {
  const { lang } = useI18n();
  const m = useMessages(drawMessages);
  const pages = useCursorPages(10);
  const { data, loading, error } = useQuery(PROVINCE_DRAWS, { variables: { first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState<string | null>(null);
  const connection = data?.provinceDraws;
  if (!connection) return <QueryState error={error} />;
  type Row = (typeof connection.edges)[number]['node'];
  return (
    <Card style={{ width: '100%' }} title={m('provinceDraws')} data-testid="province-draws">
      <Typography.Paragraph type="secondary">{m('provinceDrawsIntro')}</Typography.Paragraph>
      <Table<Row>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        dataSource={connection.edges.map((e) => e.node)}
        pagination={false}
        locale={{ emptyText: m('provinceDrawsEmpty') }}
        onRow={(draw) => ({ 'data-testid': 'province-draw-row', 'data-task': draw.taskTitle }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'bureau', title: m('provinceBureau'), dataIndex: 'bureau' },
          { key: 'task', title: m('provinceTask'), dataIndex: 'taskTitle' },
          {
            key: 'status',
            title: m('provinceStatus'),
            render: (_: unknown, d: Row) => m(d.status === 'DRAWN' ? 'provinceStatus_DRAWN' : 'provinceStatus_COMMITTED'),
          },
          { key: 'committed', title: m('provinceCommitted'), render: (_: unknown, d: Row) => formatDateTime(d.committedAt, lang) },
          { key: 'drawn', title: m('provinceDrawn'), render: (_: unknown, d: Row) => (d.drawnAt ? formatDateTime(d.drawnAt, lang) : '—') },
          {
            key: 'actions',
            title: '',
            render: (_: unknown, d: Row) => (
              <Space wrap>
                <Typography.Link href={PUBLIC_LINKS.draw(d.id)} target="_blank">
                  {m('provinceVerify')}
                </Typography.Link>
                <Typography.Link href={d.recordUrl} download>
                  {m('provinceRecord')}
                </Typography.Link>
                {d.algorithm === 'spotcheck-draw/2' && (
                  <Button size="small" onClick={() => setOpen(open === d.id ? null : d.id)} data-testid="province-draw-key-map">
                    {m('keyMap')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager pages={pages} totalCount={connection.totalCount} pageInfo={connection.pageInfo} loading={loading} testId="province-draws-pager" />
      {open && <KeyMapCard key={open} drawId={open} province />}
    </Card>
  );
}
