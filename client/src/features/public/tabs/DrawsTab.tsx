/** A bureau's draws (摇号记录), newest first, each with the platform's verdict and a link to its record page. */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Flex, Table, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n, useMessages } from '../../../app/i18n';
import { AppLink } from '../../../components/BackLink';
import { offsetPages } from '../../../components/csv-pages';
import { ExportCsvButton } from '../../../components/ExportCsvButton';
import { publicMessages } from '../messages';
import { PUBLIC_DRAWS, type PublicDrawRow } from '../operations';
import { PUBLIC_LINKS } from '../paths';
import { VerificationTag } from '../VerificationTag';

const PAGE = 20;

export function DrawsTab({ bureauId }: { bureauId: string }) {
  const { t, lang } = useI18n();
  const m = useMessages(publicMessages);
  const client = useApolloClient();
  const [page, setPage] = useState(1);
  const { data, loading, error } = useQuery(PUBLIC_DRAWS, { variables: { bureauId, first: PAGE, offset: (page - 1) * PAGE } });
  if (error) return <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>;
  const columns = [
    {
      key: 'task',
      title: m('drawTask'),
      render: (_: unknown, d: PublicDrawRow) => (
        <AppLink to={PUBLIC_LINKS.draw(d.id)} testId="public-draw-link">
          {d.taskTitle}
        </AppLink>
      ),
    },
    { key: 'period', title: m('period'), render: (_: unknown, d: PublicDrawRow) => `${d.startsOn} — ${d.endsOn}` },
    { key: 'committed', title: m('committedAt'), render: (_: unknown, d: PublicDrawRow) => formatDateTime(d.committedAt, lang) },
    { key: 'drawn', title: m('drawnAt'), render: (_: unknown, d: PublicDrawRow) => formatDateTime(d.drawnAt, lang) },
    { key: 'verification', title: m('verification'), render: (_: unknown, d: PublicDrawRow) => <VerificationTag verification={d.verification} /> },
  ];
  const exportSpec = () => ({
    fileName: m('tabDraws'),
    columns: [
      { title: m('drawTask'), value: (d: PublicDrawRow) => d.taskTitle },
      { title: m('period'), value: (d: PublicDrawRow) => `${d.startsOn} — ${d.endsOn}` },
      { title: m('committedAt'), value: (d: PublicDrawRow) => formatDateTime(d.committedAt, lang) },
      { title: m('drawnAt'), value: (d: PublicDrawRow) => formatDateTime(d.drawnAt, lang) },
      { title: m('verification'), value: (d: PublicDrawRow) => m(`verification_${d.verification.status}`) },
      { title: m('inputHash'), value: (d: PublicDrawRow) => d.inputHash },
      { title: m('commitment'), value: (d: PublicDrawRow) => d.commitment },
      { title: m('drawRecord'), value: (d: PublicDrawRow) => new URL(PUBLIC_LINKS.draw(d.id), window.location.origin).href },
    ],
    fetchPage: offsetPages(async (offset, first) => {
      const { data: list } = await client.query({ query: PUBLIC_DRAWS, variables: { bureauId, first, offset }, fetchPolicy: 'network-only' });
      return { rows: list!.publicDraws.draws, totalCount: list!.publicDraws.totalCount };
    }),
  });
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <ExportCsvButton spec={exportSpec} testId="public-draws-export" />
      </Flex>
      <Table<PublicDrawRow>
        rowKey="id"
        size="small"
        loading={loading && !data}
        columns={columns}
        dataSource={data?.publicDraws.draws ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.publicDraws.totalCount ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: m('noDraws') }}
        onRow={(d) => ({ 'data-testid': 'public-draw-row', 'data-task': d.taskTitle }) as HTMLAttributes<HTMLElement>}
      />
    </Flex>
  );
}
