/** The portal's front page: the bureaus that publish, a USCC look-up, the newest results of all bureaus, the feeds. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Form, Input, Space, Table, Typography } from 'antd';
import { SafetyCertificateOutlined, WifiOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { navigate } from '../../app/navigation';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { connectionPages, loadedRows } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { QueryState } from '../../components/QueryState';
import { usccQuery } from './format';
import { publicMessages } from './messages';
import { PUBLIC_BUREAUS, PUBLIC_RESULTS, type PublicBureauRow } from './operations';
import { PUBLIC_FILES, PUBLIC_LINKS } from './paths';
import { useResultCsvColumns } from './result-csv';
import { ResultsTable } from './ResultsTable';

function UsccLookup() {
  const m = useMessages(publicMessages);
  const [error, setError] = useState<string | null>(null);
  return (
    <Form
      layout="inline"
      onFinish={({ uscc }: { uscc: string }) => {
        const code = usccQuery(uscc ?? '');
        if (!code) setError(m('usccInvalid'));
        else navigate(PUBLIC_LINKS.entity(code));
      }}
    >
      <Form.Item name="uscc" validateStatus={error ? 'error' : undefined} help={error} style={{ minWidth: 320 }}>
        <Input
          placeholder={m('lookupPlaceholder')}
          aria-label={m('lookupTitle')}
          maxLength={40}
          onChange={() => setError(null)}
          data-testid="public-uscc-input"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="public-uscc-lookup">
          {m('lookup')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function LatestResults() {
  const m = useMessages(publicMessages);
  const client = useApolloClient();
  const csvColumns = useResultCsvColumns({ bureau: true });
  const pages = useCursorPages(10);
  const [withCount, setWithCount] = useState(false);
  const { data, loading } = useQuery(PUBLIC_RESULTS, { variables: { first: pages.first, after: pages.after, withCount } });
  const connection = data?.publicResults;
  const exportSpec = () => ({
    fileName: m('exportName'),
    columns: csvColumns,
    fetchPage: connectionPages(client, PUBLIC_RESULTS, { withCount: true }, (page) => page.publicResults),
  });
  return (
    <Card title={m('latestResults')} data-testid="public-latest-results" extra={<ExportCsvButton spec={exportSpec} testId="public-latest-export" />}>
      <ResultsTable rows={connection?.edges.map((e) => e.node) ?? []} loading={loading && !data} showBureau />
      <CursorPager
        pages={pages}
        totalCount={connection?.totalCount}
        onCount={() => setWithCount(true)}
        pageInfo={connection?.pageInfo}
        loading={loading}
        testId="public-latest-pager"
      />
    </Card>
  );
}

export function BureausPage() {
  const m = useMessages(publicMessages);
  const { data, error } = useQuery(PUBLIC_BUREAUS);
  if (!data) return <QueryState error={error} />;
  const columns = [
    {
      key: 'name',
      title: m('bureau'),
      render: (_: unknown, b: PublicBureauRow) => (
        <AppLink to={PUBLIC_LINKS.bureau(b.id)} testId="public-bureau-link">
          {b.displayName || b.name}
        </AppLink>
      ),
    },
    { key: 'region', title: m('regionCode'), dataIndex: 'regionCode' },
    { key: 'contact', title: m('contact'), render: (_: unknown, b: PublicBureauRow) => b.contact ?? '—' },
    {
      key: 'feeds',
      title: m('feeds'),
      render: (_: unknown, b: PublicBureauRow) => (
        <Space>
          <Typography.Link href={PUBLIC_FILES.feed('atom', b.id)} target="_blank">
            Atom
          </Typography.Link>
          <Typography.Link href={PUBLIC_FILES.feed('json', b.id)} target="_blank">
            JSON
          </Typography.Link>
        </Space>
      ),
    },
  ];
  const feedUrl = (format: 'atom' | 'json', id: string) => new URL(PUBLIC_FILES.feed(format, id), window.location.origin).href;
  const exportSpec = () => ({
    fileName: m('bureaus'),
    columns: [
      { title: m('bureau'), value: (b: PublicBureauRow) => b.displayName || b.name },
      { title: m('regionCode'), value: (b: PublicBureauRow) => b.regionCode },
      { title: m('contact'), value: (b: PublicBureauRow) => b.contact ?? '' },
      { title: m('feedAtom'), value: (b: PublicBureauRow) => feedUrl('atom', b.id) },
      { title: m('feedJson'), value: (b: PublicBureauRow) => feedUrl('json', b.id) },
    ],
    fetchPage: loadedRows(data.publicBureaus),
  });
  return (
    <Flex vertical gap={16}>
      <Card title={m('lookupTitle')}>
        <UsccLookup />
      </Card>
      <Card
        title={m('bureaus')}
        data-testid="public-bureaus"
        extra={
          <Space wrap>
            <AppLink to={PUBLIC_LINKS.verify} testId="public-verify-link">
              <SafetyCertificateOutlined aria-hidden /> {m('verifyNav')}
            </AppLink>
            <Typography.Link href={PUBLIC_FILES.feed('atom')} target="_blank" data-testid="public-feed-atom">
              <WifiOutlined aria-hidden /> {m('feedAtom')}
            </Typography.Link>
            <Typography.Link href={PUBLIC_FILES.feed('json')} target="_blank" data-testid="public-feed-json">
              {m('feedJson')}
            </Typography.Link>
            <ExportCsvButton spec={exportSpec} testId="public-bureaus-export" />
          </Space>
        }
      >
        <Table<PublicBureauRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data.publicBureaus}
          pagination={false}
          onRow={(b) => ({ 'data-testid': 'public-bureau-row', 'data-name': b.name }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      <LatestResults />
    </Flex>
  );
}
