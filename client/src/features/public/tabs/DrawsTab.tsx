/** A bureau's draws (摇号记录), newest first, each with the platform's verdict and a link to its record page. */
import { useState, type HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Table, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n, useMessages } from '../../../app/i18n';
import { AppLink } from '../../../components/BackLink';
import { publicMessages } from '../messages';
import { PUBLIC_DRAWS, type PublicDrawRow } from '../operations';
import { PUBLIC_LINKS } from '../paths';
import { VerificationTag } from '../VerificationTag';

const PAGE = 20;

export function DrawsTab({ bureauId }: { bureauId: string }) {
  const { t, lang } = useI18n();
  const m = useMessages(publicMessages);
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
  return (
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
  );
}
