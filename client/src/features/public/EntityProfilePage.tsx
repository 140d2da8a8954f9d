/**
 * One entity by its USCC (publicEntity): the active bureaus whose directory lists it, its published
 * results across bureaus, where an original and its correction link to each other within the page, and
 * below them the rectifications and credit entries made public (EntityHistoryCards).
 */
import { useEffect, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Card, Descriptions, Empty, Flex, Typography } from 'antd';
import { describeError } from '../../app/errors';
import { useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink, BackLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { connectionPages } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { QueryState } from '../../components/QueryState';
import { EntityHistoryCards } from './EntityHistoryCards';
import { publicMessages } from './messages';
import { PUBLIC_ENTITY } from './operations';
import { PUBLIC_LINKS } from './paths';
import { useResultCsvColumns } from './result-csv';
import { ResultsTable } from './ResultsTable';

function useHash(): string | null {
  const read = () => (window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : null);
  const [hash, setHash] = useState(read);
  useEffect(() => {
    const update = () => setHash(read());
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return hash;
}

export function EntityProfilePage({ uscc }: { uscc: string }) {
  const m = useMessages(publicMessages);
  const client = useApolloClient();
  const csvColumns = useResultCsvColumns({ bureau: true });
  // Enough for every result of one entity on one page, so the correction links find their rows.
  const pages = useCursorPages(100);
  const hash = useHash();
  const { data, loading, error } = useQuery(PUBLIC_ENTITY, { variables: { uscc, first: pages.first, after: pages.after } });

  useEffect(() => {
    if (hash && data) document.getElementById(hash)?.scrollIntoView({ block: 'center' });
  }, [hash, data]);

  if (!data) {
    const problem = describeError(error);
    if (problem?.code === 'NOT_FOUND' || problem?.code === 'BAD_USER_INPUT') {
      return (
        <Flex vertical gap={16}>
          <BackLink to={PUBLIC_LINKS.home} label={m('home')} />
          <Alert type="warning" showIcon title={m('notFound')} description={uscc} data-testid="public-entity-missing" />
        </Flex>
      );
    }
    return <QueryState error={error} />;
  }
  const profile = data.publicEntity;
  const results = profile.results;
  // Paged by key and not counted: one entity's results fit a page or two.
  const none = results.edges.length === 0 && pages.page === 1;
  const exportSpec = () => ({
    fileName: `${profile.uscc}-${m('exportName')}`,
    columns: csvColumns,
    fetchPage: connectionPages(client, PUBLIC_ENTITY, { uscc, withCount: true }, (page) => page.publicEntity.results),
  });
  return (
    <Flex vertical gap={16} data-testid="public-entity-page">
      <BackLink to={PUBLIC_LINKS.home} label={m('home')} />
      <Card title={m('entityTitle')}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: m('entityName'), children: <span data-testid="public-entity-name">{profile.name}</span> },
            { key: 'uscc', label: m('uscc'), children: <span data-testid="public-entity-uscc">{profile.uscc}</span> },
            {
              key: 'listings',
              label: m('listings'),
              children: profile.listings.length ? (
                <Flex vertical>
                  {profile.listings.map((l) => (
                    <Typography.Text key={l.bureau.id}>
                      <AppLink to={PUBLIC_LINKS.bureau(l.bureau.id, 'entities')}>{l.bureau.name}</AppLink>
                      {l.name !== profile.name && `（${l.name}）`}
                      {l.address && ` · ${l.address}`}
                    </Typography.Text>
                  ))}
                </Flex>
              ) : (
                m('noListings')
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={m('entityResults')}
        data-testid="public-entity-results"
        extra={<ExportCsvButton spec={exportSpec} testId="public-entity-results-export" disabled={none} />}
      >
        {none ? (
          <Empty description={m('noResults')} />
        ) : (
          <>
            <ResultsTable rows={results.edges.map((e) => e.node)} loading={loading} showBureau inPageAnchors highlightId={hash} />
            {(results.pageInfo.hasNextPage || pages.page > 1) && (
              <CursorPager pages={pages} totalCount={null} pageInfo={results.pageInfo} loading={loading} testId="public-entity-pager" />
            )}
          </>
        )}
      </Card>
      <EntityHistoryCards uscc={profile.uscc} />
    </Flex>
  );
}
